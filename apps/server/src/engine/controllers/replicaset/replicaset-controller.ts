// The ReplicaSet controller (pkg/controller/replicaset): keeps `spec.replicas` active pods that
// match the selector, adopting orphans and releasing pods whose labels no longer match, creating
// in slow-start batches and deleting the lowest-ranked pods first; status written only on change.

import { jsonEqual } from '../../api/json-equal';
import { ApiError } from '../../api/errors';
import { WatchEvent } from '../../api/store';
import { Condition, KubeObject, Pod, ReplicaSet } from '../../api/types';
import { Selector, fromLabelSelector, fromLabels, matches } from '../../api/selectors';
import { rfc3339 } from '../../time';
import { Controller, ControllerContext, keyOf, splitKey } from '../controller';
import { OwnerIndex } from './owner-index';
import { podsToDelete } from './pod-ranking';
import { availableFromFacts, factsOf, matchesCached, templateMatchesCached } from './pod-facts';
import { PodStats } from './pod-stats';
import {
  compileSelector,
  controllerRefOf,
  earliest,
  errorText,
  isNamespaceTerminating,
  isPodActive,
  podChangeMatters,
  podFromTemplate,
  withControllerRef,
  withoutOwnerRef,
} from './pod-utils';

export const REPLICASET_SOURCE = { component: 'replicaset-controller' };
/** --concurrent burst: at most this many creates or deletes per sync (burstReplicas) */
export const BURST_REPLICAS = 500;
/** the workqueue's per-item exponential back-off after a failed sync: 5 ms doubling to 1000 s */
const BACKOFF_BASE_MS = 5;
const BACKOFF_MAX_MS = 1000_000;

export function replicaSetController(): Controller {
  const pods = new OwnerIndex<Pod>('pods');
  const stats = new PodStats();
  /** per ReplicaSet uid, the selector, template labels and labels version its last full pass found consistent */
  const verified = new Map<string, string>();
  return {
    name: 'replicaset',
    resources: ['replicasets', 'pods'],
    watch(ev, enqueue, ctx) {
      if (ev.resource === 'replicasets') {
        if (ev.type === 'DELETED') verified.delete(ev.object.metadata.uid!);
        // our own status writes change nothing a sync reads
        if (ev.type === 'MODIFIED' && ev.old && !specChanged(ev.old, ev.object)) return;
        enqueue(keyOf(ev.object));
        return;
      }
      if (ev.resource !== 'pods') return;
      pods.observe(ev);
      stats.observe(ev);
      if (ev.type === 'MODIFIED' && !podChangeMatters(ev.old as Pod, ev.object as Pod)) return;
      // a pod that was already terminating no longer counts: its later changes and its removal change nothing
      if (ev.old?.metadata.deletionTimestamp && controllerRefOf(ev.old)?.uid === controllerRefOf(ev.object)?.uid) return;
      for (const key of replicaSetsForPodEvent(ev, ctx)) enqueue(key);
    },
    sync(key, ctx) {
      syncReplicaSet(key, ctx, pods, stats, verified);
    },
  };
}

function specChanged(old: KubeObject, cur: KubeObject): boolean {
  return (
    old.metadata.generation !== cur.metadata.generation ||
    old.metadata.deletionTimestamp !== cur.metadata.deletionTimestamp ||
    old.metadata.uid !== cur.metadata.uid ||
    controllerRefOf(old)?.uid !== controllerRefOf(cur)?.uid
  );
}

/** The ReplicaSets a pod change concerns: its controller (before and after), or those that may adopt it. */
function replicaSetsForPodEvent(ev: WatchEvent, ctx: ControllerContext): string[] {
  const keys: string[] = [];
  for (const p of [ev.old, ev.object]) {
    const ref = controllerRefOf(p);
    if (ref?.kind === 'ReplicaSet' && p) keys.push(`${p.metadata.namespace}/${ref.name}`);
  }
  const pod = ev.object as Pod;
  if (ev.type !== 'DELETED' && !controllerRefOf(pod) && isPodActive(pod)) {
    for (const rs of ctx.store.list('replicasets', pod.metadata.namespace)) {
      if (matches(selectorOf(rs), pod.metadata.labels)) keys.push(keyOf(rs));
    }
  }
  return keys;
}

/** a stored ReplicaSet's selector, parsed once per object (stored objects are immutable) */
const selectors = new WeakMap<KubeObject, Selector>();

function selectorOf(rs: KubeObject): Selector {
  let sel = selectors.get(rs);
  if (!sel) selectors.set(rs, (sel = fromLabelSelector(rs.spec?.selector)));
  return sel;
}

function syncReplicaSet(key: string, ctx: ControllerContext, index: OwnerIndex<Pod>, stats: PodStats, verified: Map<string, string>): void {
  const { namespace, name } = splitKey(key);
  const rs = ctx.store.get('replicasets', namespace, name) as ReplicaSet | undefined;
  const backoff = backoffState(ctx);
  if (!rs) {
    delete backoff[key];
    return;
  }
  const uid = rs.metadata.uid!;
  const selector = fromLabelSelector(rs.spec.selector);
  // what decides which pods are ours and fully labelled: the selector, the template's labels, the pods' labels
  const verifyKey = (): string => `${JSON.stringify(rs.spec.selector)}/${JSON.stringify(rs.spec.template?.metadata?.labels ?? {})}/${stats.get(ctx.store, uid).labelsVersion}`;
  let failure: string | undefined;
  let wake: number | undefined;

  // Fast path: nothing that decides which pods are ours changed since the last full pass, so the
  // running counts are the truth and only creations (never victims) may be needed.
  const fast = !rs.metadata.deletionTimestamp && !rs.spec.minReadySeconds && verified.get(uid) === verifyKey() && adoptOrphans(ctx, rs, selector, index).length === 0;
  const counts = fast ? stats.get(ctx.store, uid) : undefined;
  if (counts && counts.active <= (rs.spec.replicas ?? 1)) {
    const want = rs.spec.replicas ?? 1;
    // counts are taken before the creations (the live counts move as pods are created), exactly
    // as the full pass computes status from the pods listed at its start
    const before = { replicas: counts.active, fully: counts.active, ready: counts.ready, available: counts.ready };
    if (before.replicas < want) failure = createPods(ctx, rs, Math.min(want - before.replicas, BURST_REPLICAS), REPLICASET_SOURCE, () => podFromTemplate(rs.spec.template, rs));
    writeStatus(ctx, rs, before, failure);
  } else {
    verified.delete(uid);
    const { claimed, released } = claimPods(ctx, rs, selector, index);
    if (!rs.metadata.deletionTimestamp) failure = manageReplicas(ctx, rs, claimed, index);
    const c = countPods(rs, claimed, ctx.now);
    writeStatus(ctx, rs, c, failure);
    if (!released && c.fully === claimed.length) verified.set(uid, verifyKey());
    const minReady = rs.spec.minReadySeconds;
    if (minReady) {
      for (const p of claimed) {
        const f = factsOf(p);
        if (f.ready && Number.isFinite(f.readyAt) && f.readyAt + minReady * 1000 > ctx.now) wake = earliest(wake, f.readyAt + minReady * 1000);
      }
    }
  }

  if (failure !== undefined) {
    const n = (backoff[key] ?? 0) + 1;
    backoff[key] = n;
    wake = earliest(wake, ctx.now + Math.min(BACKOFF_BASE_MS * 2 ** (n - 1), BACKOFF_MAX_MS));
  } else delete backoff[key];
  if (wake !== undefined) ctx.schedule(wake, key);
}

function backoffState(ctx: ControllerContext): Record<string, number> {
  const section = (ctx.runtime.sections.replicaset ??= {});
  return (section.failures ??= {});
}

/**
 * ClaimPods over the active pods: keeps owned pods that still match, releases the others
 * (unless the ReplicaSet is being deleted) and adopts matching orphans.
 */
function claimPods(ctx: ControllerContext, rs: ReplicaSet, selector: Selector, index: OwnerIndex<Pod>): { claimed: Pod[]; released: boolean } {
  const uid = rs.metadata.uid!;
  const deleting = !!rs.metadata.deletionTimestamp;
  const claimed: Pod[] = [];
  const match = compileSelector(selector);
  const selectorKey = JSON.stringify(selector);
  let released = false;
  for (const pod of index.owned(ctx.store, uid)) {
    if (!factsOf(pod).active) continue;
    if (matchesCached(pod, selectorKey, match)) claimed.push(pod);
    else if (!deleting) {
      tryWrite(() => ctx.api.update(withoutOwnerRef(pod, uid)));
      released = true;
    }
  }
  if (!deleting) claimed.push(...adoptOrphans(ctx, rs, selector, index));
  return { claimed, released };
}

/** Adopts the active orphans of the namespace that match the selector; returns them as adopted. */
function adoptOrphans(ctx: ControllerContext, rs: ReplicaSet, selector: Selector, index: OwnerIndex<Pod>): Pod[] {
  if (selector.length === 0) return [];
  const out: Pod[] = [];
  for (const pod of index.orphansIn(ctx.store, rs.metadata.namespace!)) {
    if (!isPodActive(pod) || !matches(selector, pod.metadata.labels)) continue;
    const adopted = tryWrite(() => ctx.api.update(withControllerRef(pod, rs)) as Pod);
    if (adopted) out.push(adopted);
  }
  return out;
}

function tryWrite<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ApiError) return undefined; // a conflict or a vanished object: the next sync sees the truth
    throw e;
  }
}

/** Creates or deletes pods toward spec.replicas; returns the error text of a failed call. */
function manageReplicas(ctx: ControllerContext, rs: ReplicaSet, active: Pod[], index: OwnerIndex<Pod>): string | undefined {
  const want = rs.spec.replicas ?? 1;
  const diff = active.length - want;
  if (diff < 0) return createPods(ctx, rs, Math.min(-diff, BURST_REPLICAS), REPLICASET_SOURCE, () => podFromTemplate(rs.spec.template, rs));
  if (diff === 0) return undefined;
  const victims = podsToDelete(active, relatedPods(ctx, rs, index), Math.min(diff, BURST_REPLICAS), ctx.now, ctx.rng);
  let failure: string | undefined;
  for (const pod of victims) {
    try {
      ctx.api.delete('pods', pod.metadata.namespace, pod.metadata.name!);
      ctx.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, REPLICASET_SOURCE);
    } catch (e) {
      if (e instanceof ApiError && e.reason === 'NotFound') continue;
      failure = errorText(e);
      ctx.record(rs, 'Warning', 'FailedDelete', `Error deleting: ${failure}`, REPLICASET_SOURCE);
    }
  }
  return failure;
}

/**
 * slowStartBatch: batches of 1, 2, 4, ... pods; a batch with a failure ends the run (the rest
 * are retried on the next sync), so a quota error costs one call, not hundreds.
 */
export function createPods(
  ctx: ControllerContext,
  owner: KubeObject,
  count: number,
  source: { component: string },
  build: (i: number) => Pod,
): string | undefined {
  let remaining = count;
  let batch = 1;
  let failure: string | undefined;
  while (remaining > 0 && failure === undefined) {
    const n = Math.min(batch, remaining);
    for (let i = 0; i < n; i++) {
      try {
        const pod = ctx.api.create(build(count - remaining + i));
        ctx.record(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, source);
      } catch (e) {
        if (isNamespaceTerminating(e)) return undefined;
        failure = errorText(e);
        ctx.record(owner, 'Warning', 'FailedCreate', `Error creating: ${failure}`, source);
      }
    }
    remaining -= n;
    batch *= 2;
  }
  return failure;
}

/** Pods of every ReplicaSet sharing this one's controller (getIndirectlyRelatedPods). */
function relatedPods(ctx: ControllerContext, rs: ReplicaSet, index: OwnerIndex<Pod>): Pod[] {
  const ref = controllerRefOf(rs);
  if (!ref) return [];
  const out: Pod[] = [];
  for (const other of ctx.store.list('replicasets', rs.metadata.namespace)) {
    if (controllerRefOf(other)?.uid === ref.uid) out.push(...index.owned(ctx.store, other.metadata.uid!));
  }
  return out;
}

type ReplicaSetStatus = NonNullable<ReplicaSet['status']>;

export interface ReplicaCounts {
  replicas: number;
  fully: number;
  ready: number;
  available: number;
}

/** Counts over the claimed active pods (calculateReplicaSetStatus's loop). */
export function countPods(rs: ReplicaSet, active: Pod[], now: number): ReplicaCounts {
  const templateSelector = fromLabels(rs.spec.template?.metadata?.labels);
  const template = compileSelector(templateSelector);
  const templateKey = JSON.stringify(templateSelector);
  const c: ReplicaCounts = { replicas: active.length, fully: 0, ready: 0, available: 0 };
  for (const p of active) {
    if (templateMatchesCached(p, templateKey, template)) c.fully++;
    const f = factsOf(p);
    if (f.ready) {
      c.ready++;
      if (availableFromFacts(f, rs.spec.minReadySeconds, now)) c.available++;
    }
  }
  return c;
}

/** calculateReplicaSetStatus, with the API's omitempty fields left out when zero. */
export function replicaSetStatus(rs: ReplicaSet, counts: ReplicaCounts, failure: string | undefined, now: number): ReplicaSetStatus {
  let conditions: Condition[] = [...(rs.status?.conditions ?? [])];
  const hasFailure = conditions.some((c) => c.type === 'ReplicaFailure');
  if (failure !== undefined && !hasFailure) {
    const diff = counts.replicas - (rs.spec.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    conditions.push({ type: 'ReplicaFailure', status: 'True', lastTransitionTime: rfc3339(now), reason, message: failure });
  } else if (failure === undefined && hasFailure) {
    conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
  }
  const status: ReplicaSetStatus = { replicas: counts.replicas };
  if (counts.fully) status.fullyLabeledReplicas = counts.fully;
  if (counts.ready) status.readyReplicas = counts.ready;
  if (counts.available) status.availableReplicas = counts.available;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  if (conditions.length) status.conditions = conditions;
  return status;
}

function writeStatus(ctx: ControllerContext, rs: ReplicaSet, counts: ReplicaCounts, failure: string | undefined): void {
  const current = ctx.store.get('replicasets', rs.metadata.namespace, rs.metadata.name!) as ReplicaSet | undefined;
  if (!current) return;
  const status = replicaSetStatus(current, counts, failure, ctx.now);
  if (jsonEqual(status, current.status ?? {})) return;
  tryWrite(() => ctx.api.updateStatus({ ...current, status }));
}
