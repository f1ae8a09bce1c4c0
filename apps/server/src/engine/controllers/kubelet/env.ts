// The environment the kubelet gives a container (kubelet_pods.go makeEnvironmentVariables):
// envFrom, then env with `$(VAR)` expansion, ConfigMap and Secret references (Secrets
// base64-decoded), the downward API, then the service links. A missing ConfigMap, Secret or key
// is a CreateContainerConfigError with the kubelet's message.

import type { ApiServer } from '../../api/api-server';
import { ConfigMap, Container, Pod, Secret, Service } from '../../api/types';
import { quantityValue } from '../../api/validation/quantity';
import { decodeBase64 } from '../../api/defaults/base64';

export interface ResolvedEnv {
  /** in the order the container sees them */
  vars: [string, string][];
  /** CreateContainerConfigError message, when a reference cannot be resolved */
  error?: string;
}

type Reader = Pick<ApiServer, 'tryGet' | 'list'>;

export function resolveContainerEnv(pod: Pod, container: Container, api: Reader, nodeAllocatable?: Record<string, string>): ResolvedEnv {
  const ns = pod.metadata.namespace ?? 'default';
  const own = new Map<string, string>();
  const configMap = (name: string): ConfigMap | undefined => api.tryGet('configmaps', ns, name) as ConfigMap | undefined;
  const secret = (name: string): Secret | undefined => api.tryGet('secrets', ns, name) as Secret | undefined;

  // service links come first in the map the kubelet builds, so $(VAR) can see them
  const serviceVars = pod.spec.enableServiceLinks === false ? new Map<string, string>() : serviceEnv(api, ns);
  // a container with no env of its own sees the service links only: one shared (read-only) list
  if (!container.envFrom?.length && !container.env?.length) return { vars: serviceVars.size ? entriesOf(serviceVars) : [] };
  const scope = new Map(serviceVars);
  const out = { set: (k: string, v: string): void => void (own.set(k, v), scope.set(k, v)) };

  for (const src of container.envFrom ?? []) {
    const prefix = src.prefix ?? '';
    if (src.configMapRef) {
      const cm = configMap(src.configMapRef.name);
      if (!cm) {
        if (src.configMapRef.optional) continue;
        return { vars: [], error: `configmap "${src.configMapRef.name}" not found` };
      }
      for (const [k, v] of Object.entries(cm.data ?? {})) out.set(prefix + k, v);
    }
    if (src.secretRef) {
      const s = secret(src.secretRef.name);
      if (!s) {
        if (src.secretRef.optional) continue;
        return { vars: [], error: `secret "${src.secretRef.name}" not found` };
      }
      for (const [k, v] of Object.entries(s.data ?? {})) out.set(prefix + k, decodeBase64(v));
    }
  }

  for (const e of container.env ?? []) {
    if (e.valueFrom === undefined || e.valueFrom === null) {
      out.set(e.name, expandVars(e.value ?? '', scope));
      continue;
    }
    const vf = e.valueFrom;
    if (vf.configMapKeyRef) {
      const ref = vf.configMapKeyRef;
      const cm = configMap(ref.name);
      if (!cm) {
        if (ref.optional) continue;
        return { vars: [], error: `configmap "${ref.name}" not found` };
      }
      const v = cm.data?.[ref.key];
      if (v === undefined) {
        if (ref.optional) continue;
        return { vars: [], error: `couldn't find key ${ref.key} in ConfigMap ${ns}/${ref.name}` };
      }
      out.set(e.name, v);
    } else if (vf.secretKeyRef) {
      const ref = vf.secretKeyRef;
      const s = secret(ref.name);
      if (!s) {
        if (ref.optional) continue;
        return { vars: [], error: `secret "${ref.name}" not found` };
      }
      const v = s.data?.[ref.key];
      if (v === undefined) {
        if (ref.optional) continue;
        return { vars: [], error: `couldn't find key ${ref.key} in Secret ${ns}/${ref.name}` };
      }
      out.set(e.name, decodeBase64(v));
    } else if (vf.fieldRef) {
      out.set(e.name, podField(pod, vf.fieldRef.fieldPath));
    } else if (vf.resourceFieldRef) {
      out.set(e.name, resourceField(pod, container, vf.resourceFieldRef, nodeAllocatable));
    }
  }
  // the kubelet's map puts service variables last in the container's environment listing
  const vars: [string, string][] = [...own];
  for (const [k, v] of serviceVars) if (!own.has(k)) vars.push([k, v]);
  return { vars };
}

function entriesOf(vars: Map<string, string>): [string, string][] {
  let list = ENTRIES.get(vars);
  if (!list) ENTRIES.set(vars, (list = [...vars]));
  return list;
}

/** the variables of a service-links map as a list, made once per map (read only) */
const ENTRIES = new WeakMap<Map<string, string>, [string, string][]>();

/** `$(VAR)` expansion as expansion.Expand: `$$` escapes, unknown references stay as written. */
export function expandVars(input: string, vars: Map<string, string> | Record<string, string>): string {
  const get = (k: string): string | undefined => (vars instanceof Map ? vars.get(k) : vars[k]);
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c !== '$' || i + 1 >= input.length) {
      out += c;
      continue;
    }
    const n = input[i + 1];
    if (n === '$') {
      out += '$';
      i++;
    } else if (n === '(') {
      const close = input.indexOf(')', i + 2);
      if (close < 0) {
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, close);
      const v = get(name);
      out += v === undefined ? `$(${name})` : v;
      i = close;
    } else out += c;
  }
  return out;
}

/** a fieldRef's value (the downward API): metadata, spec.nodeName, status IPs */
export function podField(pod: Pod, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? '';
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name ?? '';
    case 'metadata.namespace':
      return pod.metadata.namespace ?? 'default';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'metadata.labels':
      return formatMap(pod.metadata.labels);
    case 'metadata.annotations':
      return formatMap(pod.metadata.annotations);
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    case 'status.hostIPs':
      return (pod.status?.hostIPs ?? []).map((x) => x.ip).join(',');
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.podIPs':
      return (pod.status?.podIPs ?? []).map((x) => x.ip).join(',');
    default:
      return '';
  }
}

/** fieldpath.FormatMap: `key="value"` lines in key order, the value quoted as Go's %q does */
function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join('\n');
}

/** resourceFieldRef: limits default to the node's allocatable, rounded up by the divisor. */
export function resourceField(pod: Pod, container: Container, ref: { containerName?: string; resource: string; divisor?: string }, alloc?: Record<string, string>): string {
  const c = ref.containerName ? pod.spec.containers.find((x) => x.name === ref.containerName) ?? container : container;
  const [kind, res] = ref.resource.split('.');
  let q = (kind === 'limits' ? c.resources?.limits?.[res] : c.resources?.requests?.[res]) ?? undefined;
  if (q === undefined && kind === 'limits') q = alloc?.[res];
  if (q === undefined) q = res === 'cpu' ? (kind === 'requests' ? '0' : '1') : '0';
  const value = parseQuantity(q);
  const divisor = ref.divisor && ref.divisor !== '0' ? parseQuantity(ref.divisor) : res === 'cpu' ? 1 : 1;
  return String(Math.ceil(value / divisor - 1e-9));
}

/** A quantity's value, 0 when malformed (parsing is the API layer's). */
export function parseQuantity(q: string | number): number {
  const v = quantityValue(q);
  return Number.isFinite(v) ? v : 0;
}

/**
 * The last service variables built per reader and namespace, with the services they came from:
 * stored objects are immutable, so the same service objects give the same variables.
 */
const SERVICE_ENV = new WeakMap<object, Map<string, { services: Service[]; vars: Map<string, string> }>>();

/** Docker-link style variables for the services of the pod's namespace (and `kubernetes`). */
function serviceEnv(api: Reader, ns: string): Map<string, string> {
  const services = (api.list('services', { namespace: ns }) as Service[]).slice();
  if (ns !== 'default') {
    const k = api.tryGet('services', 'default', 'kubernetes') as Service | undefined;
    if (k) services.push(k);
  }
  let perNs = SERVICE_ENV.get(api);
  if (!perNs) SERVICE_ENV.set(api, (perNs = new Map()));
  const hit = perNs.get(ns);
  if (hit && hit.services.length === services.length && hit.services.every((s, i) => s === services[i])) return hit.vars;
  const vars = buildServiceEnv(services);
  perNs.set(ns, { services, vars });
  return vars;
}

function buildServiceEnv(services: Service[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const svc of services) {
    const ip = svc.spec.clusterIP;
    if (!ip || ip === 'None' || !svc.spec.ports?.length) continue;
    const name = svc.metadata.name!.toUpperCase().replace(/-/g, '_');
    const first = svc.spec.ports[0];
    out.set(`${name}_SERVICE_HOST`, ip);
    out.set(`${name}_SERVICE_PORT`, String(first.port));
    for (const p of svc.spec.ports) if (p.name) out.set(`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`, String(p.port));
    const proto0 = (first.protocol ?? 'TCP').toLowerCase();
    out.set(`${name}_PORT`, `${proto0}://${ip}:${first.port}`);
    for (const p of svc.spec.ports) {
      const proto = p.protocol ?? 'TCP';
      const base = `${name}_PORT_${p.port}_${proto}`;
      out.set(base, `${proto.toLowerCase()}://${ip}:${p.port}`);
      out.set(`${base}_PROTO`, proto.toLowerCase());
      out.set(`${base}_PORT`, String(p.port));
      out.set(`${base}_ADDR`, ip);
    }
  }
  return out;
}
