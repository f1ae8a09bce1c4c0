// The default scheduler's filter plugins, in the v1.32 profile's order: NodeUnschedulable,
// TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit. The first plugin that rejects a
// node gives its reasons (NodeResourcesFit may give several), with the status code preemption
// looks at: UnschedulableAndUnresolvable nodes are not worth preempting on.

import { Node, Pod, Taint, Toleration } from '../../api/types';
import { intValue, milliValue } from './quantity';
import { HostPort, PodResources, portsConflict } from './pod-resources';
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

interface NodeSelectorTerm {
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

// stored objects are immutable, so a node's parsed allocatable can be kept beside it
const allocCache = new WeakMap<object, Allocatable>();

export function allocatable(node: Node): Allocatable {
  const status = node.status ?? {};
  let a = allocCache.get(status);
  if (!a) {
    const raw = status.allocatable ?? {};
    a = {
      cpu: milliValue(raw.cpu),
      memory: intValue(raw.memory),
      ephemeral: intValue(raw['ephemeral-storage']),
      pods: raw.pods === undefined ? 110 : intValue(raw.pods),
      raw,
    };
    allocCache.set(status, a);
  }
  return a;
}

function insufficient(p: PodInfo, node: Node, agg: NodeAggregate): string[] {
  const alloc = allocatable(node);
  const reasons: string[] = [];
  if (agg.pods + 1 > alloc.pods) reasons.push(REASON_TOO_MANY_PODS);
  const r = p.res;
  if (r.cpu === 0 && r.memory === 0 && r.ephemeral === 0 && !Object.keys(r.scalar).length) return reasons;
  if (r.cpu > 0 && r.cpu > alloc.cpu - agg.cpu) reasons.push('Insufficient cpu');
  if (r.memory > 0 && r.memory > alloc.memory - agg.memory) reasons.push('Insufficient memory');
  if (r.ephemeral > 0 && r.ephemeral > alloc.ephemeral - agg.ephemeral) reasons.push('Insufficient ephemeral-storage');
  for (const [name, v] of Object.entries(r.scalar)) {
    if (v > 0 && v > intValue(alloc.raw[name]) - (agg.scalar[name] ?? 0)) reasons.push(`Insufficient ${name}`);
  }
  return reasons;
}

// the taints that filter (NoSchedule, NoExecute), computed once per stored node object
const filteringTaints = new WeakMap<object, Taint[]>();

function hardTaints(node: Node): Taint[] {
  let t = filteringTaints.get(node);
  if (!t) {
    t = effectiveTaints(node).filter((x) => x.effect === 'NoSchedule' || x.effect === 'NoExecute');
    filteringTaints.set(node, t);
  }
  return t;
}

/** Runs the filters for one node; undefined when the pod fits. */
export function filterNode(p: PodInfo, node: Node, agg: NodeAggregate): FilterStatus | undefined {
  const tolerations = p.pod.spec.tolerations;
  if (node.spec?.unschedulable && !toleratedBy(tolerations, { key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' })) {
    return { code: 'UnschedulableAndUnresolvable', reasons: [REASON_UNSCHEDULABLE] };
  }
  for (const taint of hardTaints(node)) {
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
  const reasons = insufficient(p, node, agg);
  if (reasons.length) return { code: 'Unschedulable', reasons };
  return undefined;
}
