// The kubelet's events, with v1.32's texts (pkg/kubelet/events, kuberuntime_container.go,
// images/image_manager.go), recorded with source component `kubelet` and host = node name on
// the container's field path. Repeats update the existing Event's count, as the correlator does;
// a closed-form catch-up updates it by many repeats at once.

import { clone } from '../../api/store';
import { KubeEvent, Pod } from '../../api/types';
import { rfc3339 } from '../../time';
import { ControllerContext } from '../controller';
import { EVENT_TTL_MS } from '../event-ttl';
import { goDuration } from '../../time';

export const msg = {
  pulling: (image: string) => `Pulling image "${image}"`,
  pulled: (image: string, ms: number, size: number) => `Successfully pulled image "${image}" in ${goDuration(ms)} (${goDuration(ms)} including waiting). Image size: ${size} bytes.`,
  present: (image: string) => `Container image "${image}" already present on machine`,
  neverPull: (image: string) => `Container image "${image}" is not present with pull policy of Never`,
  pullFailed: (image: string, err: string) => `Failed to pull image "${image}": ${err}`,
  error: (reason: string) => `Error: ${reason}`,
  backOffPull: (image: string) => `Back-off pulling image "${image}"`,
  created: (c: string) => `Created container: ${c}`,
  started: (c: string) => `Started container ${c}`,
  killing: (c: string) => `Stopping container ${c}`,
  livenessKill: (c: string) => `Container ${c} failed liveness probe, will be restarted`,
  backOffRestart: (c: string, pod: Pod) => `Back-off restarting failed container ${c} in pod ${podDesc(pod)}`,
};

/** format.Pod: `name_namespace(uid)` */
export function podDesc(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

export function fieldPathOf(pod: Pod, container: string, init: boolean): string {
  void pod;
  return init ? `spec.initContainers{${container}}` : `spec.containers{${container}}`;
}

/**
 * Records (or repeats `times` times) a kubelet event about `pod` at `at`. Returns the store
 * writes made and whether a new Event was created.
 */
export function recordKubeletEvent(
  ctx: ControllerContext,
  pod: Pod,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  fieldPath: string | undefined,
  at: number,
  times = 1,
): { writes: number; created: boolean; key: string | undefined } {
  const host = pod.spec.nodeName ?? '';
  const namespace = pod.metadata.namespace || 'default';
  const aggKey = `${pod.metadata.uid ?? ''}\u0000${fieldPath ?? ''}\u0000${type}\u0000${reason}\u0000${message}\u0000${host}`;
  const existing = findEvent(ctx, namespace, aggKey, (e) =>
    e.involvedObject.uid === pod.metadata.uid &&
    (e.involvedObject.fieldPath ?? '') === (fieldPath ?? '') &&
    e.type === type &&
    e.reason === reason &&
    e.message === message &&
    e.source?.component === 'kubelet' &&
    (e.source?.host ?? '') === host,
  );
  if (!existing) {
    const before = ctx.store.resourceVersion;
    const created = ctx.record(pod, type, reason, message, { component: 'kubelet', host }, fieldPath);
    const made = ctx.store.resourceVersion - before;
    let key: string | undefined;
    if (created) {
      CACHE.get(ctx.store)?.set(aggKey, created.metadata.name!);
      key = `${namespace}/${created.metadata.name}`;
    }
    const more = times > 1 ? recordKubeletEvent(ctx, pod, type, reason, message, fieldPath, at, times - 1) : undefined;
    return { writes: made + (more?.writes ?? 0), created: true, key: more?.key ?? key };
  }
  CACHE.get(ctx.store)?.set(aggKey, existing.metadata.name!);
  const next = clone(existing);
  next.count = (next.count ?? 1) + times;
  next.lastTimestamp = rfc3339(at);
  const before = ctx.store.resourceVersion;
  ctx.api.update(next, { internal: true, trusted: true });
  const key = `${namespace}/${existing.metadata.name}`;
  // the Event now expires an hour after this repeat (whole seconds, as lastTimestamp reads)
  ctx.postpone('event-ttl', Math.floor(at / 1000) * 1000 + EVENT_TTL_MS, key);
  return { writes: ctx.store.resourceVersion - before, created: false, key };
}

/** aggregation key → Event name, per store; derived data, checked on every use */
const CACHE = new WeakMap<object, Map<string, string>>();

function findEvent(ctx: ControllerContext, namespace: string, aggKey: string, match: (e: KubeEvent) => boolean): KubeEvent | undefined {
  let cache = CACHE.get(ctx.store);
  if (!cache) {
    // built once per store from the kubelet's stored Events; kept current by recordKubeletEvent
    CACHE.set(ctx.store, (cache = new Map()));
    for (const e of ctx.store.list('events') as KubeEvent[]) {
      if (e.source?.component !== 'kubelet') continue;
      const io = e.involvedObject;
      cache.set([io.uid, io.fieldPath ?? '', e.type, e.reason, e.message, e.source?.host ?? ''].join('\u0000'), e.metadata.name!);
    }
  }
  const name = cache.get(aggKey);
  if (!name) return undefined;
  const e = ctx.store.get('events', namespace, name) as KubeEvent | undefined;
  if (e && match(e)) return e;
  cache.delete(aggKey);
  return undefined;
}
