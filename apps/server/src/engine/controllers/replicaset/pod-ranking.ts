// Which pods a ReplicaSet deletes first when scaling down: controller.ActivePodsWithRanks with the
// LogarithmicScaleDown and PodDeletionCost gates on (their v1.32 defaults).

import { Pod } from '../../api/types';
import { Random } from '../../random';
import { isPodActive, isPodReady, podReadyTime } from './pod-utils';
import { parseTime } from '../../time';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

interface Ranked {
  pod: Pod;
  assigned: boolean;
  phase: number;
  ready: boolean;
  cost: number;
  rank: number;
  readyAt: number;
  restarts: number;
  sidecarRestarts: number;
  created: number;
  uid: string;
}

/**
 * The first `count` pods of `pods` to delete. `related` are the pods of every ReplicaSet with the
 * same controller (for the co-location rank). Pods tied on every criterion are ordered by a
 * shuffle from the cluster's seeded source, as the real unstable sort leaves them in informer
 * order.
 */
export function podsToDelete(pods: Pod[], related: Pod[], count: number, now: number, rng: Random): Pod[] {
  if (count >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (isPodActive(p)) onNode.set(p.spec.nodeName ?? '', (onNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  }
  const ranked = pods.map((pod) => describe(pod, onNode.get(pod.spec.nodeName ?? '') ?? 0));
  for (let i = ranked.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [ranked[i], ranked[j]] = [ranked[j], ranked[i]];
  }
  ranked.sort((a, b) => compareForDeletion(a, b, now));
  return ranked.slice(0, count).map((r) => r.pod);
}

function describe(pod: Pod, rank: number): Ranked {
  const sidecars = new Set((pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  let restarts = 0;
  for (const s of pod.status?.containerStatuses ?? []) restarts = Math.max(restarts, s.restartCount ?? 0);
  let sidecarRestarts = 0;
  for (const s of pod.status?.initContainerStatuses ?? []) if (sidecars.has(s.name)) sidecarRestarts = Math.max(sidecarRestarts, s.restartCount ?? 0);
  return {
    pod,
    assigned: !!pod.spec.nodeName,
    phase: PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0,
    ready: isPodReady(pod),
    cost: deletionCost(pod),
    rank,
    readyAt: podReadyTime(pod),
    restarts,
    sidecarRestarts,
    created: parseTime(pod.metadata.creationTimestamp),
    uid: pod.metadata.uid ?? '',
  };
}

/**
 * helper.GetDeletionCostFromPodAnnotations: a base-10 int32 with no plus sign and no leading zero;
 * anything else (`+10`, `008`, `1.5`, `3000000000`) counts as 0.
 */
export function deletionCost(pod: Pod): number {
  const v = pod.metadata.annotations?.[DELETION_COST];
  if (v === undefined || !/^(?:-|0$|[1-9])/.test(v) || !/^-?[0-9]+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 && n !== 0 ? n : 0;
}

/** Negative when `a` should be deleted before `b` (ActivePodsWithRanks.Less). */
export function compareForDeletion(a: Ranked, b: Ranked, now: number): number {
  // 1. unassigned < assigned
  if (a.assigned !== b.assigned) return a.assigned ? 1 : -1;
  // 2. Pending < Unknown < Running
  if (a.phase !== b.phase) return a.phase - b.phase;
  // 3. not ready < ready
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  // 4. lower pod-deletion-cost first
  if (a.cost !== b.cost) return a.cost - b.cost;
  // 5. more pods of the same owner on the node first
  if (a.rank !== b.rank) return b.rank - a.rank;
  // 6. ready for less time first, in logarithmic buckets
  if (a.ready && b.ready && a.readyAt !== b.readyAt) {
    const c = compareTimes(a.readyAt, b.readyAt, a.uid, b.uid, now);
    if (c !== 0) return c;
  }
  // 7. more container restarts first
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  if (a.sidecarRestarts !== b.sidecarRestarts) return b.sidecarRestarts - a.sidecarRestarts;
  // 8. newer first, in logarithmic buckets
  if (a.created !== b.created) return compareTimes(a.created, b.created, a.uid, b.uid, now);
  return 0;
}

/** Later (or unknown) time first; equal log2 buckets of age fall back to the uid, as upstream. */
function compareTimes(t1: number, t2: number, uid1: string, uid2: string, now: number): number {
  if (!Number.isFinite(t1) || !Number.isFinite(t2)) {
    // afterOrZero: a zero time sorts first
    if (!Number.isFinite(t1) && !Number.isFinite(t2)) return 0;
    return !Number.isFinite(t1) ? -1 : 1;
  }
  const diff = logRank(now - t1) - logRank(now - t2);
  if (diff !== 0) return diff;
  return uid1 < uid2 ? -1 : uid1 > uid2 ? 1 : 0;
}

/** int64(log2(duration in ns)), -1 for a non-positive duration */
export function logRank(ms: number): number {
  if (ms <= 0) return -1;
  return Math.floor(Math.log2(ms * 1e6));
}
