// The files of configMap, secret, downwardAPI and projected volumes, made from API objects as the
// kubelet's volume plugins make their payload (MakePayload, CollectData): every key, or the
// `items` mapped to their paths; a file's mode is its item's `mode`, else the volume's
// `defaultMode` (0644), with the group's read bit added when the pod has an fsGroup; a secret's
// values decoded. What `kubectl exec` finds at their mount paths, and what a container's own
// script can `ls` and `cat` (the kubelet's process model reads them when a container starts).

import { ConfigMap, Container, Pod, Secret, Volume } from '../api/types';
import { decodeBase64 } from '../api/defaults/base64';
import { podField, resourceField } from '../controllers/kubelet/env';

/** reads an API object (the API server's tryGet, or the store's get) */
export type ObjectGetter = (resource: string, namespace: string | undefined, name: string) => unknown;

export interface GeneratedFile {
  content: string;
  /** permission bits */
  mode: number;
}

/** the kubelet's default mode for these volumes' files (0644) */
export const DEFAULT_FILE_MODE = 0o644;

/** A projected service account token: what `cat token` shows (a JWT's shape, not a signed one). */
export const SERVICE_ACCOUNT_TOKEN =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6Imt1YmVhdWxhIn0.eyJpc3MiOiJodHRwczovL2t1YmVybmV0ZXMuZGVmYXVsdC5zdmMuY2x1c3Rlci5sb2NhbCJ9.c2lnbmF0dXJl';

/**
 * The files a container sees in its configMap, secret, downwardAPI and projected volumes when it
 * starts, by absolute path: what a container's script can `ls` and `cat` (kubelet process model).
 */
export function generatedMountFiles(get: ObjectGetter, pod: Pod, container: Container): Record<string, string> {
  const out: Record<string, string> = {};
  const volumes = new Map((pod.spec.volumes ?? []).map((v) => [v.name, v]));
  for (const vm of container.volumeMounts ?? []) {
    const v = volumes.get(vm.name);
    const files = v && generatedVolumeFiles(get, pod, v, container);
    if (!files) continue;
    const path = vm.mountPath.replace(/\/+$/, '') || '/';
    for (const [rel, f] of Object.entries(subPathFiles(files, vm.subPath))) out[rel === '' ? path : `${path}/${rel}`] = f.content;
  }
  return out;
}

/**
 * The files under a subPath of a volume, relative to it: '' is the subPath itself when it is a
 * file (a subPath mount of one key puts that file at the mount path). Without a subPath, all.
 */
export function subPathFiles(files: Record<string, GeneratedFile>, subPath: string | undefined): Record<string, GeneratedFile> {
  const sub = subPath?.replace(/^\/+|\/+$/g, '');
  if (!sub) return files;
  const out: Record<string, GeneratedFile> = {};
  for (const [rel, f] of Object.entries(files)) {
    if (rel === sub) out[''] = f;
    else if (rel.startsWith(`${sub}/`)) out[rel.slice(sub.length + 1)] = f;
  }
  return out;
}

/** configMap, secret, downwardAPI and projected volumes: their contents as strings, by relative path. */
export function generatedFiles(get: ObjectGetter, pod: Pod, v: Volume): Record<string, string> | undefined {
  const files = generatedVolumeFiles(get, pod, v);
  return files && Object.fromEntries(Object.entries(files).map(([rel, f]) => [rel, f.content]));
}

/**
 * configMap, secret, downwardAPI and projected volumes: their files by relative path, with their
 * modes; undefined for other volumes. `container` is the one a resourceFieldRef without a
 * containerName means.
 */
export function generatedVolumeFiles(get: ObjectGetter, pod: Pod, v: Volume, container?: Container): Record<string, GeneratedFile> | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  // SetVolumeOwnership: with an fsGroup, a read-only volume's files are group readable
  const fsGroup = pod.spec.securityContext?.fsGroup !== undefined;
  const mode = (m: number | undefined, dflt: number | undefined): number => (m ?? dflt ?? DEFAULT_FILE_MODE) | (fsGroup ? 0o440 : 0);
  if (v.configMap) {
    const cm = get('configmaps', ns, v.configMap.name) as ConfigMap | undefined;
    return pick(configMapText(cm), v.configMap.items, (m) => mode(m, v.configMap!.defaultMode));
  }
  if (v.secret) {
    return pick(secretText(get('secrets', ns, v.secret.secretName) as Secret | undefined), v.secret.items, (m) => mode(m, v.secret!.defaultMode));
  }
  if (v.downwardAPI) return downward(get, pod, v.downwardAPI.items ?? [], container, (m) => mode(m, v.downwardAPI!.defaultMode));
  if (v.projected) {
    const out: Record<string, GeneratedFile> = {};
    const modeOf = (m: number | undefined): number => mode(m, v.projected!.defaultMode);
    for (const src of v.projected.sources ?? []) {
      if (src.serviceAccountToken) out[src.serviceAccountToken.path ?? 'token'] = { content: SERVICE_ACCOUNT_TOKEN, mode: modeOf(undefined) };
      if (src.configMap) Object.assign(out, pick(configMapText(get('configmaps', ns, src.configMap.name) as ConfigMap | undefined), src.configMap.items, modeOf));
      if (src.secret) Object.assign(out, pick(secretText(get('secrets', ns, src.secret.name) as Secret | undefined), src.secret.items, modeOf));
      if (src.downwardAPI) Object.assign(out, downward(get, pod, src.downwardAPI.items ?? [], container, modeOf));
    }
    return out;
  }
  return undefined;
}

/** a ConfigMap's data and binaryData (decoded), as the files hold them */
function configMapText(cm: ConfigMap | undefined): Record<string, string> {
  const out: Record<string, string> = { ...(cm?.data ?? {}) };
  const binary = (cm as { binaryData?: Record<string, string> } | undefined)?.binaryData ?? {};
  for (const [k, val] of Object.entries(binary)) out[k] = decodeBase64(val);
  return out;
}

/** a Secret's data as the files hold it: decoded */
function secretText(s: Secret | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(s?.data ?? {}).map(([k, val]) => [k, decodeBase64(val)]));
}

function pick(data: Record<string, string>, items: { key: string; path: string; mode?: number }[] | undefined, mode: (m: number | undefined) => number): Record<string, GeneratedFile> {
  const out: Record<string, GeneratedFile> = {};
  if (!items?.length) {
    for (const [k, content] of Object.entries(data)) out[k] = { content, mode: mode(undefined) };
    return out;
  }
  for (const it of items) if (data[it.key] !== undefined) out[it.path] = { content: data[it.key], mode: mode(it.mode) };
  return out;
}

interface DownwardItem {
  path: string;
  mode?: number;
  fieldRef?: { fieldPath: string };
  resourceFieldRef?: { containerName?: string; resource: string; divisor?: string };
}

function downward(get: ObjectGetter, pod: Pod, items: DownwardItem[], container: Container | undefined, mode: (m: number | undefined) => number): Record<string, GeneratedFile> {
  const out: Record<string, GeneratedFile> = {};
  for (const it of items) {
    let content: string | undefined;
    if (it.fieldRef) content = podField(pod, it.fieldRef.fieldPath);
    else if (it.resourceFieldRef) {
      const c = pod.spec.containers.find((x) => x.name === it.resourceFieldRef!.containerName) ?? container ?? pod.spec.containers[0];
      const node = pod.spec.nodeName ? (get('nodes', undefined, pod.spec.nodeName) as { status?: { allocatable?: Record<string, string> } } | undefined) : undefined;
      content = resourceField(pod, c, it.resourceFieldRef, node?.status?.allocatable);
    }
    if (content !== undefined) out[it.path] = { content, mode: mode(it.mode) };
  }
  return out;
}
