// What a describer fetches from the API server besides the object itself. The describe verb passes
// an implementation backed by the store; tests build one from a list of objects.
import type { KubeEvent, KubeObject } from '../../../api/types';

export interface DescribeContext {
  /** the simulated clock (epoch ms): ages and `Terminating (lasts …)` are relative to it */
  now: number;
  /**
   * The events kubectl's searchEvents would find for `obj` (see eventsMatching), or undefined when
   * events are not shown (`--show-events=false`).
   */
  eventsFor(obj: KubeObject): readonly KubeEvent[] | undefined;
  /**
   * Objects of a kind (`Pod`, `ReplicaSet`, `EndpointSlice`, `Secret`, …) in a namespace, or in all
   * namespaces when `namespace` is undefined, in the API server's list order (namespace, then name).
   */
  list(kind: string, namespace?: string): readonly KubeObject[];
  /** one object, or undefined when it does not exist (e.g. the node's Lease in kube-node-lease) */
  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined;
}

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/**
 * The events searchEvents selects for an object: same involvedObject name, namespace and uid, and
 * kind (except for pods, whose reference kind kubectl clears). For a node kubectl merges a second
 * search by uid = node name (the kubelet's events); for a mirror pod it searches by the mirror uid.
 */
export function eventsMatching(all: readonly KubeEvent[], obj: KubeObject): KubeEvent[] {
  const name = obj.metadata.name ?? '';
  const ns = obj.metadata.namespace ?? '';
  let uid = obj.metadata.uid ?? '';
  const isPod = obj.kind === 'Pod';
  if (isPod && obj.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) {
    uid = obj.metadata.annotations[MIRROR_POD_ANNOTATION];
  }
  const matches = (e: KubeEvent, wantUid: string): boolean => {
    const io = e.involvedObject ?? {};
    if ((io.name ?? '') !== name || (io.namespace ?? '') !== ns) return false;
    if (!isPod && obj.kind && (io.kind ?? '') !== obj.kind) return false;
    return !wantUid || (io.uid ?? '') === wantUid;
  };
  const found = all.filter((e) => matches(e, uid));
  if (obj.kind === 'Node') found.push(...all.filter((e) => matches(e, name)));
  return found;
}

const byNamespaceName = (a: KubeObject, b: KubeObject): number => {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** A DescribeContext over a fixed set of objects (events included), for tests and simple callers. */
export function contextFromObjects(objects: readonly KubeObject[], now: number, showEvents = true): DescribeContext {
  const events = objects.filter((o): o is KubeEvent => o.kind === 'Event');
  return {
    now,
    eventsFor: (obj) => (showEvents ? eventsMatching(events, obj) : undefined),
    list: (kind, namespace) =>
      objects
        .filter((o) => o.kind === kind && (namespace === undefined || (o.metadata.namespace ?? '') === namespace))
        .sort(byNamespaceName),
    get: (kind, namespace, name) =>
      objects.find(
        (o) => o.kind === kind && o.metadata.name === name && (namespace === undefined || (o.metadata.namespace ?? '') === namespace),
      ),
  };
}
