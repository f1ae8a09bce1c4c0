// Pod predicates and builders the workload controllers share (pkg/controller/controller_utils.go
// and pkg/api/v1/pod/util.go), with `now` passed in.

import { clone } from '../../api/store';
import { KubeObject, Labels, OwnerReference, Pod, PodTemplateSpec } from '../../api/types';
import { Selector, matches } from '../../api/selectors';
import { parseTime } from '../../time';

/** The owner reference with `controller: true`, if any. */
export function controllerRefOf(obj: KubeObject | undefined): OwnerReference | undefined {
  return obj?.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** Not finished and not being deleted: the pods a controller counts (IsPodActive). */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;
}

/** When the pod last became Ready (ms), or NaN. */
export function podReadyTime(pod: Pod): number {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
  return parseTime(c?.lastTransitionTime);
}

/**
 * Ready for at least minReadySeconds. The real check is `readyTime + minReady < now`, re-checked
 * by a resync slightly after the boundary; we treat the boundary itself as available so a timer
 * set at that instant sees the pod available.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number | undefined, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const t = podReadyTime(pod);
  return Number.isFinite(t) && t + minReadySeconds * 1000 <= now;
}

/** The instant a ready pod becomes available, when that is still ahead of `now`. */
export function availableAt(pod: Pod, minReadySeconds: number | undefined, now: number): number | undefined {
  if (!minReadySeconds || !isPodReady(pod)) return undefined;
  const t = podReadyTime(pod);
  if (!Number.isFinite(t)) return undefined;
  const at = t + minReadySeconds * 1000;
  return at > now ? at : undefined;
}

/** metav1.NewControllerRef */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** A pod for `owner` from its template (controller.GetPodFromTemplate): `<owner>-` + 5 chars. */
export function podFromTemplate(template: PodTemplateSpec, owner: KubeObject): Pod {
  const meta = template.metadata ?? {};
  // shallow copies: the API server copies what it is given (a create is never `internal` here,
  // the pod quota applies), and callers only replace top-level spec fields (a daemon's affinity)
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${owner.metadata.name}-`,
      namespace: owner.metadata.namespace,
      ownerReferences: [newControllerRef(owner)],
    },
    spec: template.spec && { ...template.spec },
  };
  if (meta.labels && Object.keys(meta.labels).length) pod.metadata.labels = { ...meta.labels };
  if (meta.annotations && Object.keys(meta.annotations).length) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers?.length) pod.metadata.finalizers = [...meta.finalizers];
  return pod;
}

/** Adds `owner` as the controller of `obj` (adoption); returns the changed copy. */
export function withControllerRef<T extends KubeObject>(obj: T, owner: KubeObject): T {
  const next = clone(obj);
  next.metadata.ownerReferences = [...(next.metadata.ownerReferences ?? []), newControllerRef(owner)];
  return next;
}

/** Drops the owner reference to `uid` (release); returns the changed copy. */
export function withoutOwnerRef<T extends KubeObject>(obj: T, uid: string): T {
  const next = clone(obj);
  const refs = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
  if (refs.length) next.metadata.ownerReferences = refs;
  else delete next.metadata.ownerReferences;
  return next;
}

/** Deterministic min over optional times. */
export function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/** Whether `e` is an API error saying the namespace is being terminated (creates are skipped). */
export function isNamespaceTerminating(e: unknown): boolean {
  return e instanceof Error && e.message.includes('because it is being terminated');
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** A selector as a function; equality requirements (all a matchLabels selector has) take a fast path. */
export function compileSelector(sel: Selector): (labels: Labels | undefined) => boolean {
  if (sel.every((r) => (r.op === '=' || r.op === '==' || r.op === 'in') && r.values.length === 1)) {
    const keys = sel.map((r) => r.key);
    const values = sel.map((r) => r.values[0]);
    return (labels) => {
      if (!labels) return keys.length === 0;
      for (let i = 0; i < keys.length; i++) if (labels[keys[i]] !== values[i]) return false;
      return true;
    };
  }
  return (labels) => matches(sel, labels);
}

/**
 * Whether a pod update can change what a workload controller computes: labels, owner, deletion,
 * finishing (Succeeded / Failed) or readiness. Other updates (scheduling, container states, IPs,
 * restart counts) are skipped: they only matter when ranking pods for deletion, and that reads
 * them fresh.
 */
export function podChangeMatters(old: Pod | undefined, cur: Pod): boolean {
  if (!old) return true;
  if (old.metadata.deletionTimestamp !== cur.metadata.deletionTimestamp) return true;
  if (isFinished(old) !== isFinished(cur)) return true;
  if (!sameReady(old, cur)) return true;
  if (controllerRefOf(old)?.uid !== controllerRefOf(cur)?.uid) return true;
  return !sameLabels(old.metadata.labels, cur.metadata.labels);
}

// asked on every pod write: compared in place, with no key strings or key arrays made
function sameReady(a: Pod, b: Pod): boolean {
  const x = a.status?.conditions?.find((c) => c.type === 'Ready');
  const y = b.status?.conditions?.find((c) => c.type === 'Ready');
  if (!x || !y) return x === y;
  return x.status === y.status && x.lastTransitionTime === y.lastTransitionTime;
}

function sameLabels(a: Labels | undefined, b: Labels | undefined): boolean {
  if (a === b) return true;
  let n = 0;
  for (const k in a) {
    if (a[k] !== b?.[k]) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

function isFinished(p: Pod): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

