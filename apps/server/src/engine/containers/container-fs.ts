// A container's file system for one `kubectl exec`: the image's files, what the kubelet writes
// (/etc/hostname, /etc/hosts, /etc/resolv.conf, the service account token), the container's
// writable layer (lost when the container restarts), and its volumes. Volume contents live in
// runtime.sections.volumes keyed by the volume's identity, so that an emptyDir is shared by the
// pod's containers and dies with the pod (its uid), a PersistentVolume's data outlives its pods,
// and a hostPath, or a hostPath or local PersistentVolume, lives on the node (the node host's own
// files when the sandbox has them: node-volume.ts).

import type { ClusterView } from './cluster-view';
import { Container, PersistentVolumeClaim, Pod, Volume } from '../api/types';
import { jsonEqual } from '../api/json-equal';
import { FileSystem, FsNode, fileSize } from '../shell/filesystem';
import { volumeCapacity, NODE_DISK_FREE_BYTES } from './volume-capacity';
import type { HostState } from '../shell/types';
import type { ImageInfo } from '../images/catalog';
import { NGINX_WELCOME_PAGE, HTTPD_IT_WORKS } from '../images/nginx-page';
import { generatedVolumeFiles, subPathFiles } from './generated-volumes';
import { materializeWrites } from './materialize-writes';
import { nodePathOf } from './node-volume';
import { DNS_SERVICE_IP, searchPath } from './network';
import { parseTime } from '../time';
import { emptyDirMessage, requestEviction } from '../controllers/kubelet/volume-eviction';

/** files under a mount, by path relative to it ('' is the mount's root directory) */
type Tree = Record<string, FsNode>;

export interface VolumesSection {
  /** volume identity → its files */
  data: Record<string, Tree>;
  /** container run id → the writable layer's changed files (absolute paths) */
  layers: Record<string, Tree>;
  /** volume identity → bytes taken by data no file lists (a filled volume, fault operation) */
  filled?: Record<string, number>;
  /** pod key → container run id → the time up to which its process's file writes are applied */
  synced?: Record<string, Record<string, number>>;
}

export function volumesSection(cluster: ClusterView): VolumesSection {
  const s = (cluster.runtime.sections.volumes ??= { data: {}, layers: {} }) as VolumesSection;
  s.data ??= {};
  s.layers ??= {};
  return s;
}

/** bytes a volume's files and its filled space take */
export function volumeUsage(section: VolumesSection, id: string): number {
  let n = 0;
  for (const node of Object.values(section.data[id] ?? {})) n += fileSize(node);
  return n + (section.filled?.[id] ?? 0);
}

export interface Mount {
  path: string;
  readOnly: boolean;
  /** where its files are kept: a volumes-section key, a node host's directory (or file), or generated */
  store: { kind: 'section'; id: string } | { kind: 'host'; host: HostState; dir: string; file?: boolean } | { kind: 'generated' };
}

/** The identity of a pod volume's data, or undefined for generated volumes (configMap, secret ...). */
export function volumeIdentity(cluster: ClusterView, pod: Pod, v: Volume): string | undefined {
  if (v.emptyDir) return `emptyDir/${pod.metadata.uid}/${v.name}`;
  const onNode = nodePathOf(cluster, pod, v);
  if (onNode !== undefined) return `hostPath/${pod.spec.nodeName}${onNode}`;
  if (v.persistentVolumeClaim) {
    const pvc = cluster.api.tryGet('persistentvolumeclaims', pod.metadata.namespace ?? 'default', v.persistentVolumeClaim.claimName) as PersistentVolumeClaim | undefined;
    return pvc?.spec.volumeName ? `pv/${pvc.spec.volumeName}` : `pvc/${pod.metadata.namespace}/${v.persistentVolumeClaim.claimName}`;
  }
  return undefined;
}

export interface BuiltFs {
  fs: FileSystem;
  mounts: Mount[];
  /** base nodes outside mounts, to find the writable layer's changes afterwards */
  base: Record<string, FsNode>;
  /** every node as built, to find what the command changed (empty when not built for saving) */
  initial: Record<string, FsNode>;
  layerKey: string;
  pod: Pod;
}

/**
 * The container's file system as its processes see it now. `forSave`: the caller writes back what
 * its command changes (saveContainerFs), so every node as built is kept to compare with; a reader
 * (a web server answering a request) does without that copy.
 */
export function buildContainerFs(cluster: ClusterView, pod: Pod, container: Container, image: ImageInfo, runId: string, hosts: Record<string, HostState>, forSave = true): BuiltFs {
  const now = cluster.now;
  // what the pod's processes have written since anyone last looked
  materializeWrites(cluster, pod, hosts);
  const fs = new FileSystem();
  // the image's files date from its build (taken as 60 days before the cluster, as nginx's
  // Last-Modified); what the kubelet writes, and the volumes' directories, from the pod's start
  const imageTime = cluster.config.start - 60 * 86_400_000;
  const started = parseTime(pod.status?.startTime);
  const podTime = Number.isFinite(started) ? started : imageTime;
  const dir = (p: string, mtime = imageTime): void => fs.mkdir(p, { parents: true, now: mtime });
  const file = (p: string, content: string, mode = 0o644, size?: number, mtime = imageTime): void => {
    dir(p.slice(0, p.lastIndexOf('/')) || '/');
    fs.write(p, content, { now: mtime, mode, size });
  };
  const section = volumesSection(cluster);
  // a volume's file system holds its capacity; what a fault filled is taken already
  const quota = (path: string, v: Volume): void => {
    const id = volumeIdentity(cluster, pod, v);
    fs.setQuota(path, volumeCapacity(cluster, pod, v).capacity, id ? section.filled?.[id] ?? 0 : 0);
  };
  for (const d of ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr/bin', '/usr/local/bin', '/usr/sbin', '/var/log', '/var/run']) dir(d);
  fs.mknod('/dev/null', 1, 3, { now });
  const ns = pod.metadata.namespace ?? 'default';
  const hostname = pod.spec.hostname ?? pod.metadata.name!;
  const ip = pod.status?.podIP ?? '';
  file('/etc/hostname', `${hostname}\n`, 0o644, undefined, podTime);
  file(
    '/etc/hosts',
    `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\t${hostname}\n`,
    0o644,
    undefined,
    podTime,
  );
  file('/etc/resolv.conf', `search ${searchPath(ns).join(' ')}\nnameserver ${DNS_SERVICE_IP}\noptions ndots:5\n`, 0o644, undefined, podTime);
  const busybox = !image.shells.includes('bash');
  if (image.repo === 'alpine' || /alpine/.test(image.tag)) file('/etc/os-release', 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.0\nPRETTY_NAME="Alpine Linux v3.21"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n');
  else if (!busybox) file('/etc/os-release', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n');
  if (image.repo === 'nginx') {
    file('/usr/share/nginx/html/index.html', NGINX_WELCOME_PAGE);
    file('/usr/share/nginx/html/50x.html', '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n');
    file('/etc/nginx/conf.d/default.conf', 'server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n\n    error_page   500 502 503 504  /50x.html;\n    location = /50x.html {\n        root   /usr/share/nginx/html;\n    }\n}\n');
  }
  if (image.repo === 'httpd') file('/usr/local/apache2/htdocs/index.html', HTTPD_IT_WORKS);

  const base = forSave ? fs.toJSON().nodes : {};
  const mounts: Mount[] = [];
  const volumes = new Map((pod.spec.volumes ?? []).map((v) => [v.name, v]));
  for (const vm of container.volumeMounts ?? []) {
    const v = volumes.get(vm.name);
    if (!v) continue;
    const path = vm.mountPath.replace(/\/+$/, '') || '/';
    // a mount hides what the image has at its path
    if (fs.exists(path) && path !== '/') fs.remove(path, true);
    const readOnly = vm.readOnly === true || !!(v.configMap || v.secret || v.projected || v.downwardAPI);
    const generated = generatedVolumeFiles((r, ns, n) => cluster.api.tryGet(r, ns, n), pod, v, container);
    if (generated) {
      // written by the kubelet when it set the volume up (the pod's start)
      const at = parseTime(pod.status?.startTime);
      const mtime = Number.isFinite(at) ? at : 0;
      const files = subPathFiles(generated, vm.subPath);
      if (files[''] === undefined) dir(path, mtime);
      for (const rel of Object.keys(files).sort()) {
        const target = rel === '' ? path : `${path}/${rel}`;
        // the atomic writer makes an item's directories (`path: conf/app.ini`) as it writes
        if (rel.includes('/')) dir(target.slice(0, target.lastIndexOf('/')), mtime);
        file(target, files[rel].content, files[rel].mode, undefined, mtime);
      }
      // the volume's own directory: an emptyDir on disk (configMap), a tmpfs for the others
      if (!vm.subPath) fs.chmod(path, v.configMap ? 0o777 : 0o1777);
      mounts.push({ path, readOnly: true, store: { kind: 'generated' } });
      continue;
    }
    // on the node: the volume's directory, or the subPath in it that the mount names
    const volumePath = nodePathOf(cluster, pod, v);
    const onNode = volumePath === undefined ? undefined : `${volumePath.replace(/\/+$/, '')}${vm.subPath ? `/${vm.subPath.replace(/\/+$/, '')}` : ''}` || '/';
    const host = onNode !== undefined ? hosts[pod.spec.nodeName ?? ''] : undefined;
    const hostNode = onNode !== undefined && host ? host.fs.stat(onNode) : undefined;
    if (onNode !== undefined && host && hostNode?.type === 'file') {
      // a file on the node (type File, FileOrCreate): bind-mounted as that file
      file(path, hostNode.content ?? '', hostNode.mode, hostNode.size, hostNode.mtime);
      mounts.push({ path, readOnly, store: { kind: 'host', host, dir: onNode, file: true } });
      quota(path, v);
      continue;
    }
    // the mount's directory: the node's own (its time), or the volume's, made at the pod's start
    const id = onNode !== undefined && host ? undefined : volumeIdentity(cluster, pod, v);
    dir(path, hostNode?.mtime ?? (id ? section.data[id]?.['']?.mtime : undefined) ?? podTime);
    if (onNode !== undefined && host) {
      const hdir = onNode;
      if (host.fs.isDir(hdir)) {
        for (const p of host.fs.walk(hdir)) {
          if (p === hdir) continue;
          const node = host.fs.stat(p)!;
          if (node.type === 'dir') dir(`${path}${p.slice(hdir.length)}`);
          else file(`${path}${p.slice(hdir.length)}`, node.content ?? '', node.mode, node.size, node.mtime);
        }
      }
      mounts.push({ path, readOnly, store: { kind: 'host', host, dir: hdir } });
      quota(path, v);
      continue;
    }
    if (!id) {
      mounts.push({ path, readOnly: true, store: { kind: 'generated' } });
      continue;
    }
    const tree = vm.subPath ? subTree(section.data[id] ?? {}, vm.subPath) : section.data[id] ?? {};
    for (const rel of Object.keys(tree).sort()) {
      if (rel === '') continue;
      const node = tree[rel];
      if (node.type === 'dir') dir(`${path}/${rel}`);
      else file(`${path}/${rel}`, node.content ?? '', node.mode, node.size, node.mtime);
    }
    mounts.push({ path, readOnly, store: { kind: 'section', id: vm.subPath ? `${id}/${vm.subPath}` : id } });
    quota(path, v);
  }
  // the writable layer of this container run
  const layerKey = runId;
  for (const [p, node] of Object.entries(section.layers[layerKey] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (node.type === 'dir') dir(p);
    else file(p, node.content ?? '', node.mode, node.size, node.mtime);
  }
  // the writable layer lives on the node's disk
  fs.setQuota('/', NODE_DISK_FREE_BYTES);
  // read-only mounts refuse changes (Read-only file system); a writable one inside one takes them
  for (const m of mounts) fs.setReadOnly(m.path, m.readOnly);
  void now;
  return { fs, mounts, base, initial: forSave ? fs.toJSON().nodes : {}, layerKey, pod };
}

function subTree(tree: Tree, sub: string): Tree {
  const out: Tree = {};
  for (const [rel, node] of Object.entries(tree)) if (rel.startsWith(`${sub}/`)) out[rel.slice(sub.length + 1)] = node;
  return out;
}

/**
 * Writes what the command changed back: volumes to their stores, the rest to the layer. Only what
 * changed since the file system was built is written (and only what the command removed is
 * removed), so what something else wrote there meanwhile stands: a database server's files that
 * `mysql` in the same container made, another container's writes to a shared volume.
 */
export function saveContainerFs(cluster: ClusterView, built: BuiltFs): void {
  const section = volumesSection(cluster);
  const nodes = built.fs.toJSON().nodes;
  const under = (p: string, m: string): boolean => p === m || p.startsWith(m === '/' ? '/' : `${m}/`);
  // the mount a path is in: the deepest that holds it
  const mountOf = (p: string): Mount | undefined => {
    let best: Mount | undefined;
    for (const m of built.mounts) if (under(p, m.path) && (!best || m.path.length > best.path.length)) best = m;
    return best;
  };
  const layer = { ...(section.layers[built.layerKey] ?? {}) };
  const apply = (p: string, node: FsNode | undefined): void => {
    const m = mountOf(p);
    if (!m) {
      // the writable layer: what differs from the image's files
      if (node && !jsonEqual(built.base[p], node)) layer[p] = { ...node };
      else delete layer[p];
      return;
    }
    if (m.readOnly || m.store.kind === 'generated') return;
    if (m.store.kind === 'host' && m.store.file) {
      // a file bind-mounted from the node: what the command wrote to it
      const { host, dir: target } = m.store;
      const cur = host.fs.stat(target);
      if (p === m.path && node?.type === 'file' && cur?.type === 'file' && (cur.content !== node.content || cur.size !== node.size)) host.fs.write(target, node.content ?? '', { now: node.mtime, mode: node.mode, size: node.size });
      return;
    }
    if (p === m.path) return;
    const rel = p.slice(m.path === '/' ? 1 : m.path.length + 1);
    if (m.store.kind === 'section') {
      const [id, sub] = splitSub(m.store.id, section);
      const key = sub ? `${sub}/${rel}` : rel;
      const tree = (section.data[id] ??= {});
      if (node) tree[key] = { ...node };
      else for (const k of Object.keys(tree)) if (k === key || k.startsWith(`${key}/`)) delete tree[k];
      return;
    }
    const { host, dir } = m.store;
    const target = `${dir === '/' ? '' : dir}/${rel}`;
    if (!node) {
      if (host.fs.exists(target)) host.fs.remove(target, true);
    } else if (node.type === 'dir') {
      if (!host.fs.exists(target)) host.fs.mkdir(target, { parents: true, now: node.mtime });
    } else {
      const parent = target.slice(0, target.lastIndexOf('/')) || '/';
      if (!host.fs.isDir(parent)) host.fs.mkdir(parent, { parents: true, now: node.mtime });
      const cur = host.fs.stat(target);
      if (cur?.content !== node.content || cur?.size !== node.size || cur?.mode !== node.mode) host.fs.write(target, node.content ?? '', { now: node.mtime, mode: node.mode, size: node.size });
    }
  };
  // removals first (deepest first), then what is new or changed (parents first)
  for (const p of Object.keys(built.initial).sort().reverse()) if (!Object.hasOwn(nodes, p)) apply(p, undefined);
  for (const p of Object.keys(nodes).sort()) if (!jsonEqual(built.initial[p], nodes[p])) apply(p, nodes[p]);
  if (Object.keys(layer).length) section.layers[built.layerKey] = layer;
  else delete section.layers[built.layerKey];
  checkEmptyDirLimits(cluster, built.pod);
}

/** An emptyDir past its sizeLimit: the kubelet's eviction manager evicts the pod at its next pass. */
export function checkEmptyDirLimits(cluster: ClusterView, pod: Pod): void {
  const section = volumesSection(cluster);
  for (const v of pod.spec.volumes ?? []) {
    if (!v.emptyDir) continue;
    const limit = volumeCapacity(cluster, pod, v).evictAbove;
    const id = volumeIdentity(cluster, pod, v)!;
    if (limit === undefined || volumeUsage(section, id) <= limit) continue;
    const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
    if (requestEviction(cluster.runtime, pod, key, cluster.now, emptyDirMessage(v.name, String(v.emptyDir.sizeLimit)))) cluster.enqueue('kubelet', key);
    return;
  }
}

/** a subPath mount's store id is `<volume id>/<subPath>`: find the volume part */
function splitSub(storeId: string, section: VolumesSection): [string, string | undefined] {
  if (Object.hasOwn(section.data, storeId)) return [storeId, undefined];
  const kinds = ['emptyDir/', 'hostPath/', 'pv/', 'pvc/'];
  if (!kinds.some((k) => storeId.startsWith(k))) return [storeId, undefined];
  // emptyDir/<uid>/<name>/<sub>, pv/<name>/<sub>, pvc/<ns>/<claim>/<sub>
  const parts = storeId.split('/');
  const n = parts[0] === 'emptyDir' || parts[0] === 'pvc' ? 3 : parts[0] === 'pv' ? 2 : parts.length;
  if (parts.length <= n) return [storeId, undefined];
  return [parts.slice(0, n).join('/'), parts.slice(n).join('/')];
}
