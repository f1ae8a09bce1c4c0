// The default profile's score plugins and weights (v1.32): TaintToleration 3, NodeAffinity 2,
// NodeResourcesFit (LeastAllocated) 1, PodTopologySpread 2 (the system default constraints:
// hostname maxSkew 3 and zone maxSkew 5, ScheduleAnyway), NodeResourcesBalancedAllocation 1,
// ImageLocality 1. Each plugin scores 0..100 per node and normalizes as the real one does.

import { Node, Pod } from '../../api/types';
import { NodeAggregate } from './node-cache';
import { remembered } from '../../memo';
import { PodInfo, allocatable, matchNodeSelectorTerm, nodeFacts, toleratedBy } from './filters';

const MAX = 100;
const ZONE_LABEL = 'topology.kubernetes.io/zone';

export interface Candidate {
  node: Node;
  agg: NodeAggregate;
}

export function leastAllocated(p: PodInfo, c: Candidate): number {
  const a = allocatable(c.node);
  const one = (req: number, cap: number): number => (cap === 0 || req > cap ? 0 : Math.floor(((cap - req) * MAX) / cap));
  const cpu = one(c.agg.nonZeroCpu + p.res.nonZeroCpu, a.cpu);
  const mem = one(c.agg.nonZeroMemory + p.res.nonZeroMemory, a.memory);
  return Math.floor((cpu + mem) / 2);
}

export function balancedAllocation(p: PodInfo, c: Candidate): number {
  const a = allocatable(c.node);
  // the standard deviation of the two fractions (none when a resource has no capacity)
  if (a.cpu <= 0 || a.memory <= 0) return MAX;
  const cpu = Math.min(1, (c.agg.cpu + p.res.cpu) / a.cpu);
  const memory = Math.min(1, (c.agg.memory + p.res.memory) / a.memory);
  return Math.trunc((1 - Math.abs((cpu - memory) / 2)) * MAX);
}

/** DefaultNormalizeScore of the framework's helper. */
function normalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX : 0));
  return scores.map((s) => {
    const v = Math.trunc((MAX * s) / max);
    return reverse ? MAX - v : v;
  });
}

function taintToleration(p: PodInfo, cs: Candidate[]): number[] {
  if (!cs.some((c) => nodeFacts(c.node).preferNoSchedule.length)) return cs.map(() => MAX);
  const tolerations = (p.pod.spec.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
  const counts = cs.map((c) => nodeFacts(c.node).preferNoSchedule.filter((t) => !toleratedBy(tolerations, t)).length);
  return normalize(counts, true);
}

function nodeAffinity(p: PodInfo, cs: Candidate[]): number[] {
  const preferred: { weight: number; preference: any }[] = p.pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  if (!preferred.length) return cs.map(() => 0);
  const sums = cs.map((c) => preferred.reduce((s, t) => (t.weight && matchNodeSelectorTerm(t.preference ?? {}, c.node) ? s + t.weight : s), 0));
  return normalize(sums, false);
}

/**
 * PodTopologySpread with the system default constraints. The pods to spread are those of the
 * pod's controlling owner (the real plugin uses the selectors of the Services, ReplicaSets and
 * StatefulSets that select the pod; the owner's is by far the common case).
 */
export function topologySpread(owner: string | undefined, cs: Candidate[]): number[] {
  if (!owner) return cs.map(() => 0);
  const hostWeight = Math.log(cs.length + 2);
  const zoneCounts = new Map<string, number>();
  for (const c of cs) {
    const z = c.node.metadata.labels?.[ZONE_LABEL];
    if (z !== undefined) zoneCounts.set(z, (zoneCounts.get(z) ?? 0) + (c.agg.owners.get(owner) ?? 0));
  }
  const zoneWeight = Math.log(zoneCounts.size + 2);
  const raw = cs.map((c) => {
    let s = (c.agg.owners.get(owner) ?? 0) * hostWeight + (3 - 1);
    const z = c.node.metadata.labels?.[ZONE_LABEL];
    if (z !== undefined) s += (zoneCounts.get(z) ?? 0) * zoneWeight + (5 - 1);
    return Math.round(s);
  });
  let min = Infinity;
  let max = 0;
  for (const s of raw) {
    min = Math.min(min, s);
    max = Math.max(max, s);
  }
  return raw.map((s) => (max === 0 ? MAX : Math.trunc((MAX * (max + min - s)) / max)));
}

const MB = 1024 * 1024;
const MIN_IMAGE = 23 * MB;
const MAX_CONTAINER_IMAGE = 1000 * MB;

// scored for every pod against every node's images: one string per image, not one per pod
export const normalizedImageName = remembered((image: string): string => {
  const tail = image.slice(image.lastIndexOf('/') + 1);
  return tail.includes(':') || tail.includes('@') ? image : `${image}:latest`;
});

export function imageLocality(pod: Pod, cs: Candidate[]): number[] {
  const containers = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])];
  if (!containers.length) return cs.map(() => 0);
  const tables = cs.map((c) => nodeFacts(c.node).images);
  const images = containers.map((ct) => normalizedImageName(ct.image ?? ''));
  // the score of an image is scaled by how many nodes have it (spread), so one node with a
  // big image does not attract every pod
  const spread = images.map((name) => tables.filter((t) => t.has(name)).length / cs.length);
  const maxThreshold = MAX_CONTAINER_IMAGE * containers.length;
  return tables.map((t) => {
    let sum = 0;
    images.forEach((name, i) => {
      const size = t.get(name);
      if (size !== undefined) sum += Math.trunc(size * spread[i]);
    });
    sum = Math.min(Math.max(sum, MIN_IMAGE), maxThreshold);
    return Math.trunc((MAX * (sum - MIN_IMAGE)) / (maxThreshold - MIN_IMAGE));
  });
}

/** Weighted total score per candidate, in candidate order. */
export function scoreNodes(p: PodInfo, owner: string | undefined, cs: Candidate[]): number[] {
  // the plugins that score every node alike for this pod (no PreferNoSchedule taint, no preferred
  // affinity, no owner to spread) are counted as their constant: no array per pod for them
  const taint = cs.some((c) => nodeFacts(c.node).preferNoSchedule.length) ? taintToleration(p, cs) : undefined;
  const affinity = p.pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length ? nodeAffinity(p, cs) : undefined;
  const spread = owner ? topologySpread(owner, cs) : undefined;
  const images = imageLocality(p.pod, cs);
  const out = new Array<number>(cs.length);
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    out[i] = 3 * (taint ? taint[i] : MAX) + 2 * (affinity ? affinity[i] : 0) + leastAllocated(p, c) + 2 * (spread ? spread[i] : 0) + balancedAllocation(p, c) + images[i];
  }
  return out;
}
