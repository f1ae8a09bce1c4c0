// Where a directory of a container is kept, as something to read and write: the node's own files
// (a hostPath, or a hostPath or local PersistentVolume), a volume kept by the cluster (an emptyDir,
// another PersistentVolume), or the container run's writable layer. A database server's data
// directory is read and written through this (database-files.ts, mysql-client.ts).

import type { Container, Pod } from '../api/types';
import type { FileSystem, FsNode } from '../shell/filesystem';
import type { ClusterView } from './cluster-view';
import { volumeIdentity, volumesSection } from './container-fs';
import { nodePathOf } from './node-volume';

export interface WriteOptions {
  owner: string;
  mode: number;
  at: number;
  /** the file's length when its content is not kept (a database's binary files) */
  size?: number;
}

/** A directory as the files under it, by path relative to it ('' is the directory itself). */
export interface DataPlace {
  /** the files are the node's own (which knows a container's user by its number only) */
  readonly node: boolean;
  exists(rel: string): boolean;
  isDir(rel: string): boolean;
  /** the names directly under `rel`, sorted */
  list(rel?: string): string[];
  read(rel: string): string | undefined;
  mkdir(rel: string, o: WriteOptions): void;
  write(rel: string, content: string, o: WriteOptions): void;
  /** removes `rel` and everything under it */
  remove(rel: string): void;
}

const join = (a: string, b: string): string => (a && b ? `${a}/${b}` : a || b);

function onNode(fs: FileSystem, dir: string): DataPlace {
  const at = (rel: string): string => (rel ? `${dir === '/' ? '' : dir}/${rel}` : dir);
  return {
    node: true,
    exists: (rel) => fs.exists(at(rel)),
    isDir: (rel) => fs.isDir(at(rel)),
    list: (rel = '') => (fs.isDir(at(rel)) ? fs.list(at(rel)).sort() : []),
    read: (rel) => (fs.isFile(at(rel)) ? fs.read(at(rel)) : undefined),
    mkdir: (rel, o) => {
      if (!fs.isDir(at(rel))) fs.mkdir(at(rel), { parents: true, owner: o.owner, mode: o.mode, now: o.at });
    },
    write: (rel, content, o) => {
      const parent = at(rel).slice(0, at(rel).lastIndexOf('/')) || '/';
      if (!fs.isDir(parent)) fs.mkdir(parent, { parents: true, owner: o.owner, mode: 0o755, now: o.at });
      fs.write(at(rel), content, { owner: o.owner, mode: o.mode, now: o.at, ...(o.size !== undefined ? { size: o.size } : {}) });
    },
    remove: (rel) => {
      if (fs.exists(at(rel))) fs.remove(at(rel), true);
    },
  };
}

/** a tree of files by key (`prefix/rel`), made only when something is written */
function inTree(get: () => Record<string, FsNode> | undefined, make: () => Record<string, FsNode>, prefix: string): DataPlace {
  const key = (rel: string): string => join(prefix, rel);
  const under = (rel: string): string => (key(rel) ? `${key(rel)}/` : '');
  const isDir = (rel: string): boolean => {
    const tree = get();
    if (!tree) return false;
    if (tree[key(rel)]?.type === 'dir') return true;
    // a directory a tree knows only by the files under it (no entry of its own)
    const p = under(rel);
    return Object.keys(tree).some((k) => k.startsWith(p));
  };
  return {
    node: false,
    exists: (rel) => Object.hasOwn(get() ?? {}, key(rel)) || isDir(rel),
    isDir,
    list: (rel = '') => {
      const p = under(rel);
      const names = new Set<string>();
      for (const k of Object.keys(get() ?? {})) if (k.startsWith(p) && k.length > p.length) names.add(k.slice(p.length).split('/')[0]);
      return [...names].sort();
    },
    read: (rel) => {
      const n = get()?.[key(rel)];
      return n?.type === 'file' ? n.content ?? '' : undefined;
    },
    mkdir: (rel, o) => {
      const tree = make();
      const parts = rel.split('/').filter(Boolean);
      for (let i = 1; i <= parts.length; i++) {
        const k = key(parts.slice(0, i).join('/'));
        if (!tree[k]) tree[k] = { type: 'dir', mode: o.mode, owner: o.owner, mtime: o.at };
      }
    },
    write: (rel, content, o) => {
      make()[key(rel)] = { type: 'file', content, mode: o.mode, owner: o.owner, mtime: o.at, ...(o.size !== undefined ? { size: o.size } : {}) };
    },
    remove: (rel) => {
      const tree = get();
      if (!tree) return;
      delete tree[key(rel)];
      const p = under(rel);
      for (const k of Object.keys(tree)) if (k.startsWith(p)) delete tree[k];
    },
  };
}

/**
 * The place that holds the directory `path` for this container run, or undefined when it is on a
 * read-only mount or a volume whose files are generated. `nodeFiles`: the files of the pod's node.
 */
export function placeOf(view: ClusterView, nodeFiles: FileSystem | undefined, pod: Pod, container: Container, runId: string, path: string): DataPlace | undefined {
  let best: { mountPath: string; name: string; readOnly?: boolean; subPath?: string } | undefined;
  for (const vm of container.volumeMounts ?? []) {
    const mp = vm.mountPath.replace(/\/+$/, '') || '/';
    const covers = path === mp || path.startsWith(mp === '/' ? '/' : `${mp}/`);
    if (covers && (!best || mp.length > best.mountPath.length)) best = { ...vm, mountPath: mp };
  }
  const section = volumesSection(view);
  // the writable layer keys its files by absolute path
  if (!best) return inTree(() => section.layers[runId], () => (section.layers[runId] ??= {}), path);
  const v = (pod.spec.volumes ?? []).find((x) => x.name === best!.name);
  if (!v || best.readOnly) return undefined;
  const rest = path.slice(best.mountPath.length).replace(/^\/+/, '');
  const rel = join(best.subPath?.replace(/^\/+|\/+$/g, '') ?? '', rest);
  const nodePath = nodePathOf(view, pod, v);
  if (nodePath !== undefined) return nodeFiles ? onNode(nodeFiles, join(nodePath.replace(/\/+$/, ''), rel) || '/') : undefined;
  const id = volumeIdentity(view, pod, v);
  if (!id) return undefined;
  return inTree(() => section.data[id], () => (section.data[id] ??= {}), rel);
}
