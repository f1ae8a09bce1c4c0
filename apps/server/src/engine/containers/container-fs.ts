// A container's file system for one `kubectl exec`: the image's files, what the kubelet writes
// (/etc/hostname, /etc/hosts, /etc/resolv.conf, the service account token), the container's
// writable layer (lost when the container restarts), and its volumes. Volume contents live in
// runtime.sections.volumes keyed by the volume's identity, so that an emptyDir is shared by the
// pod's containers and dies with the pod (its uid), a PersistentVolume's data outlives its pods,
// and a hostPath lives on the node (the node host's own files when the sandbox has them).

import type { Cluster } from '../cluster';
import { ConfigMap, Container, PersistentVolumeClaim, Pod, Secret, Volume } from '../api/types';
import { FileSystem, FsNode } from '../shell/filesystem';
import type { HostState } from '../shell/types';
import type { ImageInfo } from '../images/catalog';
import { NGINX_WELCOME_PAGE, HTTPD_IT_WORKS } from '../images/nginx-page';
import { decodeBase64 } from '../api/defaults/base64';
import { DNS_SERVICE_IP, searchPath } from './network';

/** files under a mount, by path relative to it ('' is the mount's root directory) */
type Tree = Record<string, FsNode>;

interface VolumesSection {
  /** volume identity → its files */
  data: Record<string, Tree>;
  /** container run id → the writable layer's changed files (absolute paths) */
  layers: Record<string, Tree>;
}

export function volumesSection(cluster: Cluster): VolumesSection {
  const s = (cluster.runtime.sections.volumes ??= { data: {}, layers: {} }) as VolumesSection;
  s.data ??= {};
  s.layers ??= {};
  return s;
}

export interface Mount {
  path: string;
  readOnly: boolean;
  /** where its files are kept: a volumes-section key, a node host's directory, or generated */
  store: { kind: 'section'; id: string } | { kind: 'host'; host: HostState; dir: string } | { kind: 'generated' };
}

/** The identity of a pod volume's data, or undefined for generated volumes (configMap, secret ...). */
export function volumeIdentity(cluster: Cluster, pod: Pod, v: Volume): string | undefined {
  if (v.emptyDir) return `emptyDir/${pod.metadata.uid}/${v.name}`;
  if (v.hostPath) return `hostPath/${pod.spec.nodeName}${v.hostPath.path}`;
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
  layerKey: string;
}

export function buildContainerFs(cluster: Cluster, pod: Pod, container: Container, image: ImageInfo, runId: string, hosts: Record<string, HostState>): BuiltFs {
  const now = cluster.now;
  const fs = new FileSystem();
  const dir = (p: string): void => fs.mkdir(p, { parents: true, now: 0 });
  const file = (p: string, content: string, mode = 0o644): void => {
    dir(p.slice(0, p.lastIndexOf('/')) || '/');
    fs.write(p, content, { now: 0, mode });
  };
  for (const d of ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr/bin', '/usr/local/bin', '/usr/sbin', '/var/log', '/var/run']) dir(d);
  const ns = pod.metadata.namespace ?? 'default';
  const hostname = pod.spec.hostname ?? pod.metadata.name!;
  const ip = pod.status?.podIP ?? '';
  file('/etc/hostname', `${hostname}\n`);
  file(
    '/etc/hosts',
    `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\t${hostname}\n`,
  );
  file('/etc/resolv.conf', `search ${searchPath(ns).join(' ')}\nnameserver ${DNS_SERVICE_IP}\noptions ndots:5\n`);
  const busybox = !image.shells.includes('bash');
  if (image.repo === 'alpine' || /alpine/.test(image.tag)) file('/etc/os-release', 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.0\nPRETTY_NAME="Alpine Linux v3.21"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n');
  else if (!busybox) file('/etc/os-release', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n');
  if (image.repo === 'nginx') {
    file('/usr/share/nginx/html/index.html', NGINX_WELCOME_PAGE);
    file('/usr/share/nginx/html/50x.html', '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n');
    file('/etc/nginx/conf.d/default.conf', 'server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n\n    error_page   500 502 503 504  /50x.html;\n    location = /50x.html {\n        root   /usr/share/nginx/html;\n    }\n}\n');
  }
  if (image.repo === 'httpd') file('/usr/local/apache2/htdocs/index.html', HTTPD_IT_WORKS);

  const base = fs.toJSON().nodes;
  const mounts: Mount[] = [];
  const volumes = new Map((pod.spec.volumes ?? []).map((v) => [v.name, v]));
  const section = volumesSection(cluster);
  for (const vm of container.volumeMounts ?? []) {
    const v = volumes.get(vm.name);
    if (!v) continue;
    const path = vm.mountPath.replace(/\/+$/, '') || '/';
    // a mount hides what the image has at its path
    if (fs.exists(path) && path !== '/') fs.remove(path, true);
    dir(path);
    const readOnly = vm.readOnly === true || !!(v.configMap || v.secret || v.projected || v.downwardAPI);
    const generated = generatedFiles(cluster, pod, v);
    if (generated) {
      for (const [rel, content] of Object.entries(generated)) file(`${path}/${rel}`, content);
      mounts.push({ path, readOnly: true, store: { kind: 'generated' } });
      continue;
    }
    const host = v.hostPath && hosts[pod.spec.nodeName ?? ''];
    if (v.hostPath && host) {
      const hdir = v.hostPath.path.replace(/\/+$/, '') || '/';
      if (host.fs.isDir(hdir)) {
        for (const p of host.fs.walk(hdir)) {
          if (p === hdir) continue;
          const node = host.fs.stat(p)!;
          if (node.type === 'dir') dir(`${path}${p.slice(hdir.length)}`);
          else file(`${path}${p.slice(hdir.length)}`, node.content ?? '', node.mode);
        }
      }
      mounts.push({ path, readOnly, store: { kind: 'host', host, dir: hdir } });
      continue;
    }
    const id = volumeIdentity(cluster, pod, v);
    if (!id) {
      mounts.push({ path, readOnly: true, store: { kind: 'generated' } });
      continue;
    }
    const tree = vm.subPath ? subTree(section.data[id] ?? {}, vm.subPath) : section.data[id] ?? {};
    for (const rel of Object.keys(tree).sort()) {
      if (rel === '') continue;
      const node = tree[rel];
      if (node.type === 'dir') dir(`${path}/${rel}`);
      else file(`${path}/${rel}`, node.content ?? '', node.mode);
    }
    mounts.push({ path, readOnly, store: { kind: 'section', id: vm.subPath ? `${id}/${vm.subPath}` : id } });
  }
  // the writable layer of this container run
  const layerKey = runId;
  for (const [p, node] of Object.entries(section.layers[layerKey] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (node.type === 'dir') dir(p);
    else file(p, node.content ?? '', node.mode);
  }
  void now;
  return { fs, mounts, base, layerKey };
}

function subTree(tree: Tree, sub: string): Tree {
  const out: Tree = {};
  for (const [rel, node] of Object.entries(tree)) if (rel.startsWith(`${sub}/`)) out[rel.slice(sub.length + 1)] = node;
  return out;
}

/** Writes what the command changed back: volumes to their stores, the rest to the layer. */
export function saveContainerFs(cluster: Cluster, built: BuiltFs): void {
  const section = volumesSection(cluster);
  const nodes = built.fs.toJSON().nodes;
  const under = (p: string, m: string): boolean => p === m || p.startsWith(m === '/' ? '/' : `${m}/`);
  for (const m of built.mounts) {
    if (m.readOnly || m.store.kind === 'generated') continue;
    const tree: Tree = {};
    for (const [p, node] of Object.entries(nodes)) if (under(p, m.path) && p !== m.path) tree[p.slice(m.path.length + 1)] = { ...node };
    if (m.store.kind === 'section') {
      const [id, sub] = splitSub(m.store.id, section);
      if (sub) {
        const full = { ...(section.data[id] ?? {}) };
        for (const k of Object.keys(full)) if (k.startsWith(`${sub}/`)) delete full[k];
        for (const [rel, node] of Object.entries(tree)) full[`${sub}/${rel}`] = node;
        section.data[id] = full;
      } else section.data[id] = tree;
    } else {
      const { host, dir } = m.store;
      if (!host.fs.isDir(dir)) host.fs.mkdir(dir, { parents: true, now: cluster.now });
      for (const p of host.fs.walk(dir).reverse()) {
        if (p === dir) continue;
        const rel = p.slice(dir.length + 1);
        if (!tree[rel]) host.fs.remove(p, true);
      }
      for (const rel of Object.keys(tree).sort()) {
        const node = tree[rel];
        const target = `${dir}/${rel}`;
        if (node.type === 'dir') {
          if (!host.fs.exists(target)) host.fs.mkdir(target, { parents: true, now: node.mtime });
        } else if (host.fs.stat(target)?.content !== node.content) host.fs.write(target, node.content ?? '', { now: node.mtime, mode: node.mode });
      }
    }
  }
  const layer: Tree = {};
  for (const [p, node] of Object.entries(nodes)) {
    if (built.mounts.some((m) => under(p, m.path))) continue;
    if (JSON.stringify(built.base[p]) !== JSON.stringify(node)) layer[p] = { ...node };
  }
  if (Object.keys(layer).length) section.layers[built.layerKey] = layer;
  else delete section.layers[built.layerKey];
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

/** configMap, secret, downwardAPI and projected volumes: files made from API objects. */
function generatedFiles(cluster: Cluster, pod: Pod, v: Volume): Record<string, string> | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  if (v.configMap) {
    const cm = cluster.api.tryGet('configmaps', ns, v.configMap.name) as ConfigMap | undefined;
    return pick(cm?.data ?? {}, v.configMap.items);
  }
  if (v.secret) {
    const s = cluster.api.tryGet('secrets', ns, v.secret.secretName) as Secret | undefined;
    const data = Object.fromEntries(Object.entries(s?.data ?? {}).map(([k, val]) => [k, decodeBase64(val)]));
    return pick(data, v.secret.items);
  }
  if (v.projected) {
    const out: Record<string, string> = {};
    for (const src of v.projected.sources ?? []) {
      if (src.serviceAccountToken) out[src.serviceAccountToken.path ?? 'token'] = 'eyJhbGciOiJSUzI1NiIsImtpZCI6Imt1YmVhdWxhIn0.eyJpc3MiOiJodHRwczovL2t1YmVybmV0ZXMuZGVmYXVsdC5zdmMuY2x1c3Rlci5sb2NhbCJ9.c2lnbmF0dXJl';
      if (src.configMap) {
        const cm = cluster.api.tryGet('configmaps', ns, src.configMap.name) as ConfigMap | undefined;
        Object.assign(out, pick(cm?.data ?? {}, src.configMap.items));
      }
      if (src.secret) {
        const s = cluster.api.tryGet('secrets', ns, src.secret.name) as Secret | undefined;
        Object.assign(out, pick(Object.fromEntries(Object.entries(s?.data ?? {}).map(([k, val]) => [k, decodeBase64(val)])), src.secret.items));
      }
      if (src.downwardAPI) Object.assign(out, downward(pod, src.downwardAPI.items ?? []));
    }
    return out;
  }
  if (v.downwardAPI) return downward(pod, v.downwardAPI.items ?? []);
  return undefined;
}

function pick(data: Record<string, string>, items?: { key: string; path: string }[]): Record<string, string> {
  if (!items?.length) return { ...data };
  const out: Record<string, string> = {};
  for (const it of items) if (data[it.key] !== undefined) out[it.path] = data[it.key];
  return out;
}

function downward(pod: Pod, items: { path: string; fieldRef?: { fieldPath: string } }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const it of items) {
    const f = it.fieldRef?.fieldPath ?? '';
    if (f === 'metadata.namespace') out[it.path] = pod.metadata.namespace ?? 'default';
    else if (f === 'metadata.name') out[it.path] = pod.metadata.name ?? '';
    else if (f === 'metadata.labels') out[it.path] = mapText(pod.metadata.labels);
    else if (f === 'metadata.annotations') out[it.path] = mapText(pod.metadata.annotations);
    else if (f === 'metadata.uid') out[it.path] = pod.metadata.uid ?? '';
  }
  return out;
}

function mapText(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}="${m![k]}"`)
    .join('\n');
}
