// The volume manager's SetUp of a pod's volumes before its sandbox is made: a hostPath volume's
// type is checked against the node's own files (pkg/volume/hostpath/host_path.go checkType, v1.32
// wording), DirectoryOrCreate and FileOrCreate make what is missing. A failed SetUp is a Warning
// FailedMount Event ("MountVolume.SetUp failed for volume ..."), retried with the operation
// executor's exponential back-off (0.5 s doubling to 2m2s, goroutinemap/exponentialbackoff); the
// pod stays ContainerCreating until every volume is set up.
//
// The node's files are the sandbox's hosts (ControllerContext.nodeFiles): a cluster without them
// (engine tests) checks no path, as if every one were there.
//
// configMap and secret volumes (and those sources of a projected volume) need their object, and
// the keys their items name, unless marked optional (pkg/volume/configmap, secret, projected
// SetUpAt and MakePayload): `configmap "x" not found`, `configmap references non-existent config
// key: k`, `secret "x" not found`, `references non-existent secret key: k`; a projected volume's
// errors are aggregated (one alone, or `[a, b]`).

import type { Pod, Volume } from '../../api/types';
import { boundVolume } from '../../containers/node-volume';
import type { ObjectStore } from '../../api/store';
import { FileSystem, FsError, dirname } from '../../shell/filesystem';

/** the first retry of a failed operation waits this long ... */
export const MOUNT_RETRY_INITIAL_MS = 500;
/** ... doubling up to this (2m2s: "slightly offset from 2 minutes to make timeouts recognizable") */
export const MOUNT_RETRY_MAX_MS = 122_000;

/** how long after the `failures`-th failure in a row the operation may run again */
export function mountRetryDelay(failures: number): number {
  let ms = MOUNT_RETRY_INITIAL_MS;
  for (let i = 1; i < failures && ms < MOUNT_RETRY_MAX_MS; i++) ms *= 2;
  return Math.min(ms, MOUNT_RETRY_MAX_MS);
}

/** the Event's message for a volume whose SetUp failed (operation_generator GenerateError) */
export function setUpFailedMessage(volume: string, err: string): string {
  return `MountVolume.SetUp failed for volume "${volume}" : ${err}`;
}

/** what GetFileType says of a path: the HostPathType names */
type FileType = 'Directory' | 'File' | 'CharDevice' | 'Socket' | 'BlockDevice';

function fileType(fs: FileSystem, path: string): FileType | undefined {
  const n = fs.stat(path);
  if (!n) return undefined;
  if (n.type === 'dir') return 'Directory';
  return n.device ? 'CharDevice' : 'File';
}

/** Go's errno text: lower case ("no such file or directory") */
function errnoText(e: unknown): string {
  return e instanceof FsError ? e.message.toLowerCase() : String(e);
}

/** the path as the node's file system keys it: no trailing or doubled slashes */
function clean(path: string): string {
  return `/${path.split('/').filter(Boolean).join('/')}`;
}

/** os.MkdirAll(path, 0755): the first ancestor that is not a directory fails it */
function mkdirAll(fs: FileSystem, path: string, now: number): string | undefined {
  const p = clean(path);
  const segs = p.split('/').filter(Boolean);
  let cur = '';
  for (const seg of segs) {
    cur += `/${seg}`;
    const n = fs.stat(cur);
    if (n?.type === 'dir') continue;
    if (n) return `mkdir ${cur}: not a directory`;
    try {
      fs.mkdir(cur, { mode: 0o755, owner: 'root', now });
    } catch (e) {
      return `mkdir ${cur}: ${errnoText(e)}`;
    }
  }
  return undefined;
}

/** os.OpenFile(path, O_CREATE, 0644): every directory on the way must be there */
function makeFile(fs: FileSystem, path: string, now: number): string | undefined {
  const p = clean(path);
  let cur = '';
  for (const seg of dirname(p).split('/').filter(Boolean)) {
    cur += `/${seg}`;
    const n = fs.stat(cur);
    if (!n) return `open ${path}: no such file or directory`;
    if (n.type !== 'dir') return `open ${path}: not a directory`;
  }
  try {
    fs.write(p, '', { mode: 0o644, owner: 'root', now });
  } catch (e) {
    return `open ${path}: ${errnoText(e)}`;
  }
  return undefined;
}

/**
 * checkType for one hostPath volume: undefined when it passes (having made what DirectoryOrCreate
 * or FileOrCreate asks for), else the error the SetUp fails with.
 */
export function checkHostPathType(fs: FileSystem, path: string, type: string, now: number): string | undefined {
  const p = clean(path);
  const t = fileType(fs, p);
  const failed = (what: string): string => `hostPath type check failed: ${path} is not a ${what}`;
  switch (type) {
    case '':
      return undefined;
    case 'DirectoryOrCreate':
      if (!t) return mkdirAll(fs, p, now);
      return t === 'Directory' ? undefined : failed('directory');
    case 'Directory':
      return t === 'Directory' ? undefined : failed('directory');
    case 'FileOrCreate':
      if (!t) return makeFile(fs, path, now);
      // IsFile: anything that exists and is not a directory
      return t !== 'Directory' ? undefined : failed('file');
    case 'File':
      return t && t !== 'Directory' ? undefined : failed('file');
    case 'Socket':
      return t === 'Socket' ? undefined : failed('socket file');
    case 'CharDevice':
      return t === 'CharDevice' ? undefined : failed('character device');
    case 'BlockDevice':
      return t === 'BlockDevice' ? undefined : failed('block device');
    default:
      return `${type} is an invalid volume type`;
  }
}

/** a volume some container (or init container) of the pod mounts */
function mounted(pod: Pod, name: string): boolean {
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) if (c.volumeMounts?.some((m) => m.name === name)) return true;
  return false;
}

/**
 * SetUp of the pod's volumes named in `names` (all when absent), on the node whose files are `fs`:
 * the volumes that failed, in the pod's order, with the FailedMount Event's message for each. A
 * hostPath (inline, or the PersistentVolume a claim is bound to) of type "" that is missing is made
 * a directory when a container mounts it (containerd makes a bind mount's missing source so, at
 * container creation); a local PersistentVolume's path must be there.
 */
export function setUpVolumes(fs: FileSystem | undefined, pod: Pod, now: number, names: readonly string[] | undefined, lookup: ObjectLookup): { volume: string; message: string }[] {
  const failed: { volume: string; message: string }[] = [];
  for (const v of pod.spec.volumes ?? []) {
    if (names && !names.includes(v.name)) continue;
    const err = configError(v, pod.metadata.namespace ?? 'default', lookup);
    if (err) failed.push({ volume: v.name, message: setUpFailedMessage(v.name, err) });
    else if (fs) {
      const message = setUpVolume(fs, pod, v, now, lookup);
      if (message) failed.push({ volume: v.name, message });
    }
  }
  return failed;
}

/** where the kubelet's object manager gets a pod's ConfigMaps and Secrets: the store */
export type ObjectLookup = Pick<ObjectStore, 'get'>;

type Items = { key: string }[] | undefined;

function configMapError(lookup: ObjectLookup, ns: string, name: string, items: Items, optional: boolean | undefined): string | undefined {
  const cm = lookup.get('configmaps', ns, name) as { data?: Record<string, string>; binaryData?: Record<string, string> } | undefined;
  if (!cm) return optional ? undefined : `configmap "${name}" not found`;
  for (const it of items ?? []) {
    if (cm.data?.[it.key] === undefined && cm.binaryData?.[it.key] === undefined && !optional) return `configmap references non-existent config key: ${it.key}`;
  }
  return undefined;
}

function secretError(lookup: ObjectLookup, ns: string, name: string, items: Items, optional: boolean | undefined): string | undefined {
  const secret = lookup.get('secrets', ns, name) as { data?: Record<string, string> } | undefined;
  if (!secret) return optional ? undefined : `secret "${name}" not found`;
  for (const it of items ?? []) if (secret.data?.[it.key] === undefined && !optional) return `references non-existent secret key: ${it.key}`;
  return undefined;
}

function configError(v: Volume, ns: string, lookup: ObjectLookup): string | undefined {
  if (v.configMap) return configMapError(lookup, ns, v.configMap.name, v.configMap.items, v.configMap.optional);
  if (v.secret) return secretError(lookup, ns, v.secret.secretName, v.secret.items, v.secret.optional);
  if (!v.projected) return undefined;
  const errs: string[] = [];
  for (const src of (v.projected.sources ?? []) as { configMap?: { name: string; items?: Items; optional?: boolean }; secret?: { name: string; items?: Items; optional?: boolean } }[]) {
    const err = src.configMap ? configMapError(lookup, ns, src.configMap.name, src.configMap.items, src.configMap.optional) : src.secret ? secretError(lookup, ns, src.secret.name, src.secret.items, src.secret.optional) : undefined;
    if (err) errs.push(err);
  }
  return errs.length === 0 ? undefined : errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

/** SetUp of one volume on the node: undefined when it passes, else the FailedMount message */
function setUpVolume(fs: FileSystem, pod: Pod, v: Volume, now: number, lookup: ObjectLookup): string | undefined {
  if (v.hostPath) {
    const err = setUpHostPath(fs, v.hostPath.path, v.hostPath.type ?? '', mounted(pod, v.name), now);
    return err && setUpFailedMessage(v.name, err);
  }
  // a claim's volume is known to the kubelet by its PersistentVolume's name
  const pv = boundVolume(lookup, pod, v);
  if (pv?.spec.hostPath) {
    const err = setUpHostPath(fs, pv.spec.hostPath.path, pv.spec.hostPath.type ?? '', mounted(pod, v.name), now);
    return err && setUpFailedMessage(pv.metadata.name!, err);
  }
  const local = pv?.spec.local as { path?: string } | undefined;
  if (local?.path !== undefined && !fs.exists(clean(local.path))) {
    // the local plugin's NewMounter stats the path (hostutil GetFileType)
    return `MountVolume.NewMounter initialization failed for volume "${pv!.metadata.name}" : path "${local.path}" does not exist`;
  }
  return undefined;
}

function setUpHostPath(fs: FileSystem, path: string, type: string, isMounted: boolean, now: number): string | undefined {
  if (type === '') {
    if (!fs.exists(clean(path)) && isMounted) mkdirAll(fs, path, now);
    return undefined;
  }
  return checkHostPathType(fs, path, type, now);
}
