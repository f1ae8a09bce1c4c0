// Brings a pod's files up to date with what its containers' processes have written since they were
// last looked at (a sidecar's `while true; do date >> /html/index.html; sleep 1; done`): each
// write lands where the writing container sees the path, in a volume it mounts (shared with the
// other containers that mount it) or in its own writable layer. Called before a container's file
// system is built; a run's progress is kept per run so nothing is written twice.
//
// A file keeps its text up to MAX_FILE_BYTES; past that its growth is counted, not kept, and an
// endless loop whose files are all past it is accounted for in closed form (bytes per iteration
// times iterations), so a pod idle for weeks costs no more than one that ran a minute.

import type { ClusterView } from './cluster-view';
import type { Container, Pod } from '../api/types';
import { RunRecord, kubeletSection } from '../controllers/kubelet/runtime-state';
import { FsNode, MAX_FILE_BYTES, fileSize, utf8Length } from '../shell/filesystem';
import type { HostState } from '../shell/types';
import { volumeIdentity, volumesSection } from './container-fs';
import { nodePathOf } from './node-volume';
import { WriteBatch, runWrites, writesFiles } from './process-writes';

interface OpenFile {
  tree: Record<string, FsNode>;
  key: string;
  parts: string[];
  text: number;
  size: number;
  mtime: number;
  mode: number;
}

/** where a path written by `container` lives: a volume's tree, the node's own files, its layer, or nowhere (read-only) */
function locate(cluster: ClusterView, pod: Pod, container: Container, runId: string, path: string, hosts: Record<string, HostState>): { tree: Record<string, FsNode>; key: string } | { host: HostState; path: string } | undefined {
  const section = volumesSection(cluster);
  let best: { mountPath: string; name: string; readOnly?: boolean; subPath?: string } | undefined;
  for (const vm of container.volumeMounts ?? []) {
    const mp = vm.mountPath.replace(/\/+$/, '') || '/';
    if ((path.startsWith(`${mp}/`) || mp === '/') && (!best || mp.length > best.mountPath.length)) best = { ...vm, mountPath: mp };
  }
  if (!best) return { tree: (section.layers[runId] ??= {}), key: path };
  const v = (pod.spec.volumes ?? []).find((x) => x.name === best!.name);
  if (!v || best.readOnly) return undefined;
  const rel = `${best.subPath ? `${best.subPath}/` : ''}${path.slice(best.mountPath.length + 1)}`;
  const onNode = nodePathOf(cluster, pod, v);
  const host = onNode !== undefined ? hosts[pod.spec.nodeName ?? ''] : undefined;
  if (onNode !== undefined && host) return { host, path: `${onNode.replace(/\/+$/, '')}/${rel}` };
  const id = volumeIdentity(cluster, pod, v);
  if (!id) return undefined;
  return { tree: (section.data[id] ??= {}), key: rel };
}

export function materializeWrites(cluster: ClusterView, pod: Pod, hosts: Record<string, HostState>): void {
  const podKey = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
  const prt = kubeletSection(cluster.runtime).pods[podKey];
  if (!prt || prt.uid !== pod.metadata.uid) return;
  // the runs that write files, each looked at once; nothing to bring up to date (and no
  // bookkeeping kept) when there are none
  const writing: { spec: Container; run: RunRecord }[] = [];
  const live = new Set<string>();
  for (const c of prt.containers) {
    const spec = (c.init ? pod.spec.initContainers ?? [] : pod.spec.containers).find((s) => s.name === c.name);
    for (const run of [c.previous, c.current]) {
      if (!run || !spec) continue;
      live.add(run.id);
      if (writesFiles(run)) writing.push({ spec, run });
    }
  }
  if (!writing.length) return;
  const section = volumesSection(cluster);
  const synced = ((section.synced ??= {})[podKey] ??= {});
  for (const { spec, run } of writing) {
    const from = synced[run.id] ?? run.startedAt - 1;
    const until = Math.min(cluster.now, run.finishedAt ?? Number.POSITIVE_INFINITY);
    if (until <= from) continue;
    synced[run.id] = until;
    applyRun(cluster, pod, spec, run.id, runWrites(run, from, until), hosts);
  }
  // runs the kubelet no longer keeps have nothing left to write
  for (const id of Object.keys(synced)) if (!live.has(id)) delete synced[id];
}

function applyRun(cluster: ClusterView, pod: Pod, spec: Container, runId: string, batches: Generator<WriteBatch>, hosts: Record<string, HostState>): void {
  const open = new Map<string, OpenFile>();
  const file = (tree: Record<string, FsNode>, key: string, treeId: string): OpenFile => {
    let f = open.get(`${treeId}\u0000${key}`);
    if (!f) {
      const node = tree[key];
      const content = node?.type === 'file' ? node.content ?? '' : '';
      f = { tree, key, parts: [content], text: utf8Length(content), size: node?.type === 'file' ? fileSize(node) : 0, mtime: node?.mtime ?? 0, mode: node?.mode ?? 0o644 };
      open.set(`${treeId}\u0000${key}`, f);
    }
    return f;
  };
  const trees = new Map<Record<string, FsNode>, string>();
  for (const batch of batches) {
    const touched = new Map<OpenFile, number>();
    for (const [t, path, line, append] of batch.writes) {
      const where = locate(cluster, pod, spec, runId, path, hosts);
      if (!where) continue;
      if ('host' in where) {
        // the node's own files: written as the shell would
        const fs = where.host.fs;
        try {
          if (!fs.isDir(where.path.slice(0, where.path.lastIndexOf('/')) || '/')) fs.mkdir(where.path.slice(0, where.path.lastIndexOf('/')) || '/', { parents: true, now: t });
          fs.write(where.path, `${line}\n`, { now: t, append });
        } catch {
          // a full or odd host path: the write is lost, as the failed write would be
        }
        continue;
      }
      if (!trees.has(where.tree)) trees.set(where.tree, String(trees.size));
      const f = file(where.tree, where.key, trees.get(where.tree)!);
      const add = `${line}\n`;
      const bytes = utf8Length(add);
      if (!append) {
        f.parts = [];
        f.text = 0;
        f.size = 0;
      }
      if (f.size === f.text && f.text + bytes <= MAX_FILE_BYTES) {
        f.parts.push(add);
        f.text += bytes;
      }
      f.size += bytes;
      f.mtime = t;
      touched.set(f, (touched.get(f) ?? 0) + (append ? bytes : Number.NaN));
    }
    // every file this iteration grows is past what is kept: the rest of the loop in closed form
    if (batch.remaining > 0 && touched.size > 0 && [...touched].every(([f, grew]) => Number.isFinite(grew) && f.size > f.text)) {
      for (const [f, grew] of touched) {
        f.size += grew * batch.remaining;
        f.mtime += batch.remaining * batch.periodMs;
      }
      break;
    }
  }
  for (const f of open.values()) {
    const content = f.parts.join('');
    f.tree[f.key] = { type: 'file', content, mode: f.mode, owner: 'root', mtime: f.mtime, ...(f.size > f.text ? { size: f.size } : {}) };
  }
}

/**
 * Brings the node-side volumes up to date (hostPath, and hostPath or local PersistentVolumes):
 * before a command line, so that `ssh node1 cat /mnt/data/log` shows what a pod has written there
 * by now, as the node's own disk would.
 */
export function materializeNodeWrites(cluster: ClusterView, hosts: Record<string, HostState>): void {
  const pods = kubeletSection(cluster.runtime).pods;
  for (const key of Object.keys(pods)) {
    const slash = key.indexOf('/');
    const pod = cluster.store.get('pods', key.slice(0, slash), key.slice(slash + 1)) as Pod | undefined;
    if (!pod?.spec.nodeName || !pod.spec.volumes?.some((v) => v.hostPath || v.persistentVolumeClaim)) continue;
    if (pod.spec.volumes.some((v) => nodePathOf(cluster, pod, v) !== undefined)) materializeWrites(cluster, pod, hosts);
  }
}
