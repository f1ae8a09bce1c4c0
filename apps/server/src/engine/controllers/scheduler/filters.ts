// The default scheduler's filter plugins, in the v1.32 profile's order: NodeUnschedulable,
// TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit. The first plugin that rejects a
// node gives its reasons (NodeResourcesFit may give several), with the status code preemption
// looks at: UnschedulableAndUnresolvable nodes are not worth preempting on.

import { Node, Pod, Taint, Toleration } from '../../api/types';
import { intValue, milliValue } from './quantity';
import { HostPort, PodResources, podDemand, portsConflict } from './pod-resources';
import { NodeAggregate } from './node-cache';

export type FilterCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface FilterStatus {
  code: FilterCode;
  reasons: string[];
}

export interface PodInfo {
  pod: Pod;
  res: PodResources;
  ports: HostPort[];
  /** the pod requests extended resources (checked one by one) */
  hasScalar?: boolean;
}

export function podInfo(pod: Pod): PodInfo {
  const { res, ports } = podDemand(pod);
  return { pod, res, ports, hasScalar: Object.keys(res.scalar).length > 0 };
}

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

export const REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
export const REASON_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";
export const REASON_TOO_MANY_PODS = 'Too many pods';

export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  if (!t.operator || t.operator === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return false;
}

export function toleratedBy(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => tolerates(t, taint));
}

export function readyStatus(node: Node): string | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
}

/**
 * The node's taints, plus the not-ready or unreachable NoSchedule taint the node lifecycle
 * controller puts on a node that is not Ready (added here when it has not done so yet).
 */
export function effectiveTaints(node: Node): Taint[] {
  const taints = node.spec?.taints ?? [];
  const ready = readyStatus(node);
  if (ready === undefined || ready === 'True') return taints;
  const key = ready === 'Unknown' ? TAINT_UNREACHABLE : TAINT_NOT_READY;
  if (taints.some((t) => t.key === key && t.effect === 'NoSchedule')) return taints;
  return [...taints, { key, effect: 'NoSchedule' }];
}

interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

/**
 * The names in both sets; `a` undefined stands for every name (the first PreFilterResult, or term,
 * met), as sets.Set's Intersection is used in PreFilterResult.Merge and the plugins' own terms.
 */
export function intersect(a: Set<string> | undefined, b: Set<string>): Set<string> {
  return a ? new Set([...a].filter((n) => b.has(n))) : new Set(b);
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

function matchRequirement(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1) return false;
      const a = Number.parseInt(value, 10);
      const b = Number.parseInt(values[0], 10);
      if (!Number.isInteger(a) || !Number.isInteger(b)) return false;
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

export function matchNodeSelectorTerm(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  const labels = node.metadata.labels ?? {};
  for (const r of exprs) if (!matchRequirement(r, labels[r.key])) return false;
  for (const r of fields) {
    if (r.key !== 'metadata.name') return false;
    if (!matchRequirement(r, node.metadata.name)) return false;
  }
  return true;
}

/** nodeSelector and requiredDuringSchedulingIgnoredDuringExecution (any term). */
export function matchesNodeAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  const terms: NodeSelectorTerm[] = required.nodeSelectorTerms ?? [];
  return terms.some((t) => matchNodeSelectorTerm(t, node));
}

export interface Allocatable {
  cpu: number;
  memory: number;
  ephemeral: number;
  pods: number;
  raw: Record<string, string>;
}

/**
 * What the filters and scores read of a node, computed once per stored node object (stored
 * objects are immutable: a changed node is a new object, and the old entry goes with it).
 */
export interface NodeFacts {
  node: Node;
  alloc: Allocatable;
  /** the taints that filter: NoSchedule and NoExecute, with the implied readiness taint */
  hardTaints: Taint[];
  preferNoSchedule: Taint[];
  images: Map<string, number>;
}

const facts = new WeakMap<Node, NodeFacts>();

export function nodeFacts(node: Node): NodeFacts {
  const cur = facts.get(node);
  if (cur) return cur;
  const raw = node.status?.allocatable ?? {};
  const taints = effectiveTaints(node);
  const images = new Map<string, number>();
  for (const img of node.status?.images ?? []) for (const n of img.names ?? []) images.set(n, img.sizeBytes ?? 0);
  const f: NodeFacts = {
    node,
    alloc: {
      cpu: milliValue(raw.cpu),
      memory: intValue(raw.memory),
      ephemeral: intValue(raw['ephemeral-storage']),
      pods: raw.pods === undefined ? 110 : intValue(raw.pods),
      raw,
    },
    hardTaints: taints.filter((x) => x.effect === 'NoSchedule' || x.effect === 'NoExecute'),
    preferNoSchedule: taints.filter((x) => x.effect === 'PreferNoSchedule'),
    images,
  };
  facts.set(node, f);
  return f;
}

export function allocatable(node: Node): Allocatable {
  return nodeFacts(node).alloc;
}

function insufficient(p: PodInfo, alloc: Allocatable, agg: NodeAggregate): string[] | undefined {
  const r = p.res;
  const tooMany = agg.pods + 1 > alloc.pods;
  const noScalar = !p.hasScalar;
  if (r.cpu === 0 && r.memory === 0 && r.ephemeral === 0 && noScalar) return tooMany ? [REASON_TOO_MANY_PODS] : undefined;
  if (!tooMany && r.cpu <= alloc.cpu - agg.cpu && r.memory <= alloc.memory - agg.memory && r.ephemeral <= alloc.ephemeral - agg.ephemeral && noScalar) return undefined;
  const reasons: string[] = [];
  if (tooMany) reasons.push(REASON_TOO_MANY_PODS);
  if (r.cpu > 0 && r.cpu > alloc.cpu - agg.cpu) reasons.push('Insufficient cpu');
  if (r.memory > 0 && r.memory > alloc.memory - agg.memory) reasons.push('Insufficient memory');
  if (r.ephemeral > 0 && r.ephemeral > alloc.ephemeral - agg.ephemeral) reasons.push('Insufficient ephemeral-storage');
  for (const [name, v] of Object.entries(r.scalar)) {
    if (v > 0 && v > intValue(alloc.raw[name]) - (agg.scalar[name] ?? 0)) reasons.push(`Insufficient ${name}`);
  }
  return reasons;
}

/** Runs the filters for one node; undefined when the pod fits. */
export function filterNode(p: PodInfo, node: Node, agg: NodeAggregate): FilterStatus | undefined {
  const tolerations = p.pod.spec.tolerations;
  if (node.spec?.unschedulable && !toleratedBy(tolerations, { key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' })) {
    return { code: 'UnschedulableAndUnresolvable', reasons: [REASON_UNSCHEDULABLE] };
  }
  const f = nodeFacts(node);
  for (const taint of f.hardTaints) {
    if (!toleratedBy(tolerations, taint)) {
      return { code: 'UnschedulableAndUnresolvable', reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`] };
    }
  }
  if ((p.pod.spec.nodeSelector || p.pod.spec.affinity?.nodeAffinity) && !matchesNodeAffinity(p.pod, node)) {
    return { code: 'UnschedulableAndUnresolvable', reasons: [REASON_AFFINITY] };
  }
  if (p.ports.length && p.ports.some((want) => agg.ports.some((used) => portsConflict(want, used)))) {
    return { code: 'Unschedulable', reasons: [REASON_PORTS] };
  }
  const reasons = insufficient(p, f.alloc, agg);
  return reasons?.length ? { code: 'Unschedulable', reasons } : undefined;
}
