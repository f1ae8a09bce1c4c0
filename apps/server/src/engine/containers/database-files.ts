// A database image's first start initializes its data directory; a later start on the same files
// finds the database there. This hook plays the entrypoint's check when the container starts
// (docker-entrypoint.sh: mariadb and mysql look for `mysql/`, postgres for PG_VERSION) against
// wherever the directory is for this container: a volume (on the node for a hostPath, or a hostPath
// or local PersistentVolume; kept by the cluster for an emptyDir or another PersistentVolume) or
// the container's own writable layer, new at each run.
//
// - No database there: the image's own plan stands (its initialization logs, or its refusal
//   without a root password); if it starts, the initialized files are written at once.
// - A database there: the server starts on it, logs the image's existing-database lines, and needs
//   no password (the entrypoint asks for one only to initialize).
//
// So a pod on a PersistentVolume, deleted and created again, logs that it skipped the
// initialization and `ls /var/lib/mysql` shows the same files, while one whose data lived in its
// layer starts from nothing after every restart.

import type { Container, Pod } from '../api/types';
import type { ProcessHookInput } from '../controllers/kubelet/process-hooks';
import { registerProcessHook } from '../controllers/kubelet/process-hooks';
import type { ProcessPlan } from '../controllers/kubelet/process-model';
import type { DataDir } from '../images/catalog-types';
import type { FileSystem, FsNode } from '../shell/filesystem';
import type { ClusterView } from './cluster-view';
import { volumeIdentity, volumesSection } from './container-fs';
import { nodePathOf } from './node-volume';

/**
 * where a path of the container is kept: the node's files, or a tree (a volume's, or the run's
 * layer) under a key prefix, made only when something is written; undefined: nowhere writable
 */
type Place = { fs: FileSystem; dir: string } | { tree: () => Record<string, FsNode> | undefined; make: () => Record<string, FsNode>; prefix: string } | undefined;

/** The place that holds `path` (a directory) for this container run. */
export function placeOf(view: ClusterView, nodeFiles: FileSystem | undefined, pod: Pod, container: Container, runId: string, path: string): Place {
  let best: { mountPath: string; name: string; readOnly?: boolean; subPath?: string } | undefined;
  for (const vm of container.volumeMounts ?? []) {
    const mp = vm.mountPath.replace(/\/+$/, '') || '/';
    const covers = path === mp || path.startsWith(mp === '/' ? '/' : `${mp}/`);
    if (covers && (!best || mp.length > best.mountPath.length)) best = { ...vm, mountPath: mp };
  }
  const section = volumesSection(view);
  if (!best) return { tree: () => section.layers[runId], make: () => (section.layers[runId] ??= {}), prefix: path };
  const v = (pod.spec.volumes ?? []).find((x) => x.name === best!.name);
  if (!v || best.readOnly) return undefined;
  const rest = path.slice(best.mountPath.length).replace(/^\/+/, '');
  const rel = [best.subPath?.replace(/^\/+|\/+$/g, ''), rest].filter(Boolean).join('/');
  const onNode = nodePathOf(view, pod, v);
  if (onNode !== undefined) return nodeFiles ? { fs: nodeFiles, dir: [onNode.replace(/\/+$/, ''), rel].filter(Boolean).join('/') || '/' } : undefined;
  const id = volumeIdentity(view, pod, v);
  if (!id) return undefined;
  return { tree: () => section.data[id], make: () => (section.data[id] ??= {}), prefix: rel };
}

function has(place: NonNullable<Place>, name: string): boolean {
  if ('fs' in place) return place.fs.exists(`${place.dir}/${name}`);
  const tree = place.tree();
  return !!tree && Object.hasOwn(tree, place.prefix ? `${place.prefix}/${name}` : name);
}

/** writes the initialized files into the place, as the entrypoint's user, stamped `at` */
function initialize(place: NonNullable<Place>, data: DataDir, vars: Record<string, string>, at: number): void {
  const major = (vars.version ?? '').split('.')[0];
  for (const [name, size, template] of data.files) {
    const dir = name.endsWith('/');
    const rel = dir ? name.slice(0, -1) : name;
    const content = template === undefined ? '' : template.replace('{major}', major).replace('{version}', vars.version ?? '');
    const bytes = template === undefined ? size : undefined;
    if ('fs' in place) {
      // the node knows the image's user by its number only
      const owner = data.uid;
      const path = `${place.dir}/${rel}`;
      try {
        if (dir) place.fs.mkdir(path, { parents: true, owner, mode: 0o755, now: at });
        else {
          if (!place.fs.isDir(place.dir)) place.fs.mkdir(place.dir, { parents: true, owner, mode: 0o755, now: at });
          place.fs.write(path, content, { owner, mode: 0o660, now: at, ...(bytes !== undefined ? { size: bytes } : {}) });
        }
      } catch {
        // a full disk or a path in the way: the initialization would fail there too, and the
        // server's own error is not modelled
      }
      continue;
    }
    const key = place.prefix ? `${place.prefix}/${rel}` : rel;
    place.make()[key] = dir ? { type: 'dir', mode: 0o755, owner: data.owner, mtime: at } : { type: 'file', content, mode: 0o660, owner: data.owner, mtime: at, ...(bytes !== undefined ? { size: bytes } : {}) };
  }
}

/** the container runs the image's server (or gives its entrypoint options, `--port=3307`) */
function runsServer(data: DataDir, argv: string[]): boolean {
  const first = argv[0] ?? '';
  return !first || first.startsWith('-') || data.programs.includes(first.split('/').pop()!);
}

export function databaseFiles(input: ProcessHookInput, plan: ProcessPlan): Partial<ProcessPlan> | undefined {
  const data = input.image?.dataDir;
  if (!data || !runsServer(data, input.argv())) return undefined;
  const image = input.image!;
  const { ctx, pod, container, at } = input;
  const view: ClusterView = { api: ctx.api, store: ctx.store, runtime: ctx.runtime, config: ctx.config, rng: ctx.rng, now: at, enqueue: (c, k) => ctx.enqueue(c, k) };
  const place = placeOf(view, pod.spec.nodeName ? ctx.nodeFiles(pod.spec.nodeName) : undefined, pod, container, input.runId, data.path);
  if (!place) return undefined;
  if (has(place, data.marker)) {
    const vars = plan.template?.vars ?? { at, hostname: pod.spec.hostname ?? pod.metadata.name ?? '', ip: pod.status?.podIP ?? '', vars: image.vars };
    return { ports: image.ports ?? [], exitCode: 0, exitAfterMs: undefined, lines: [], template: { lines: data.existingLogs, vars }, stopMs: image.stopMs };
  }
  // the image's own plan stands: a server that starts (it had its password) has initialized
  if (plan.exitAfterMs === undefined) initialize(place, data, image.vars ?? {}, at);
  return undefined;
}

registerProcessHook(databaseFiles);
