// What the Endpoints and EndpointSlice controllers share: which services a pod change concerns,
// which pods back a service, a pod's readiness and the container port a service port reaches.

import { jsonEqual } from '../../api/json-equal';
import { ObjectStore } from '../../api/store';
import { Pod, Service, ServicePort } from '../../api/types';

export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

/** A service whose endpoints a controller manages: it has a selector and is not ExternalName. */
// These run for every pod write (twice: Endpoints and EndpointSlices), so they walk selectors
// with for-in rather than building key and entry arrays.
export function managesEndpoints(svc: Service): boolean {
  if (svc.spec?.type === 'ExternalName') return false;
  const selector = svc.spec?.selector;
  for (const k in selector) if (Object.hasOwn(selector, k)) return true;
  return false;
}

export function selects(svc: Service, pod: Pod): boolean {
  const labels = pod.metadata.labels ?? NO_LABELS;
  const selector = svc.spec.selector;
  for (const k in selector) if (Object.hasOwn(selector, k) && labels[k] !== selector[k]) return false;
  return true;
}

const NO_LABELS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Keys of the services in the pod's namespace that select it, before (`old`) or after a change. */
export function servicesFor(store: ObjectStore, old: Pod | undefined, pod: Pod | undefined): readonly string[] {
  const first = old ?? pod;
  if (!first) return [];
  const ns = first.metadata.namespace;
  let keys: string[] | undefined;
  // asked on every pod write: the namespace's services as one shared list, not a copy each time
  for (const s of store.listShared('services', ns ?? '') as readonly Service[]) {
    if (!managesEndpoints(s)) continue;
    if ((old && selects(s, old)) || (pod && selects(s, pod))) (keys ??= []).push(`${ns}/${s.metadata.name}`);
  }
  return keys ?? NO_KEYS;
}

const NO_KEYS: readonly string[] = Object.freeze([]);

export function podsFor(store: ObjectStore, svc: Service): Pod[] {
  return (store.list('pods', svc.metadata.namespace) as Pod[]).filter((p) => selects(svc, p));
}

export function podIP(pod: Pod): string | undefined {
  return pod.status?.podIP || pod.status?.podIPs?.[0]?.ip || undefined;
}

export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** podutil.FindPort: a number is used as is; a name is looked up among the containers' ports. */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = sp.protocol || 'TCP';
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol || 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

export function isHeadless(svc: Service): boolean {
  return svc.spec?.clusterIP === 'None';
}

/** The hostname a headless service gives a pod with a matching subdomain. */
export function podHostname(pod: Pod, svc: Service): string | undefined {
  return pod.spec.hostname && pod.spec.subdomain === svc.metadata.name ? pod.spec.hostname : undefined;
}

/** The service's labels, plus the headless marker, as both controllers label what they write. */
export function endpointLabels(svc: Service): Record<string, string> {
  const labels = { ...(svc.metadata.labels ?? {}) };
  if (isHeadless(svc)) labels[HEADLESS_LABEL] = '';
  return labels;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return jsonEqual(a, b);
}
