// The files of configMap, secret, downwardAPI and projected volumes, made from API objects: what
// `kubectl exec` finds at their mount paths, and what a container's own script can `ls` and `cat`
// (the kubelet's process model reads them when a container starts).

import { ConfigMap, Container, Pod, Secret, Volume } from '../api/types';
import { decodeBase64 } from '../api/defaults/base64';

/** reads an API object (the API server's tryGet, or the store's get) */
export type ObjectGetter = (resource: string, namespace: string, name: string) => unknown;

/**
 * The files a container sees in its configMap, secret, downwardAPI and projected volumes when it
 * starts, by absolute path: what a container's script can `ls` and `cat` (kubelet process model).
 */
export function generatedMountFiles(get: ObjectGetter, pod: Pod, container: Container): Record<string, string> {
  const out: Record<string, string> = {};
  const volumes = new Map((pod.spec.volumes ?? []).map((v) => [v.name, v]));
  for (const vm of container.volumeMounts ?? []) {
    const v = volumes.get(vm.name);
    const files = v && generatedFiles(get, pod, v);
    if (!files) continue;
    const path = vm.mountPath.replace(/\/+$/, '') || '/';
    for (const [rel, content] of Object.entries(files)) out[`${path}/${rel}`] = content;
  }
  return out;
}

/** configMap, secret, downwardAPI and projected volumes: files made from API objects. */
export function generatedFiles(get: ObjectGetter, pod: Pod, v: Volume): Record<string, string> | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  if (v.configMap) {
    const cm = get('configmaps', ns, v.configMap.name) as ConfigMap | undefined;
    return pick(cm?.data ?? {}, v.configMap.items);
  }
  if (v.secret) {
    return pick(secretText(get('secrets', ns, v.secret.secretName) as Secret | undefined), v.secret.items);
  }
  if (v.projected) {
    const out: Record<string, string> = {};
    for (const src of v.projected.sources ?? []) {
      if (src.serviceAccountToken) out[src.serviceAccountToken.path ?? 'token'] = 'eyJhbGciOiJSUzI1NiIsImtpZCI6Imt1YmVhdWxhIn0.eyJpc3MiOiJodHRwczovL2t1YmVybmV0ZXMuZGVmYXVsdC5zdmMuY2x1c3Rlci5sb2NhbCJ9.c2lnbmF0dXJl';
      if (src.configMap) {
        const cm = get('configmaps', ns, src.configMap.name) as ConfigMap | undefined;
        Object.assign(out, pick(cm?.data ?? {}, src.configMap.items));
      }
      if (src.secret) {
        Object.assign(out, pick(secretText(get('secrets', ns, src.secret.name) as Secret | undefined), src.secret.items));
      }
      if (src.downwardAPI) Object.assign(out, downward(pod, src.downwardAPI.items ?? []));
    }
    return out;
  }
  if (v.downwardAPI) return downward(pod, v.downwardAPI.items ?? []);
  return undefined;
}

/** a Secret's data as the files hold it: decoded */
function secretText(s: Secret | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(s?.data ?? {}).map(([k, val]) => [k, decodeBase64(val)]));
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
