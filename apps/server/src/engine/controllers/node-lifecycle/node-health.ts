// What the node lifecycle controller reads and writes on a Node: its condition-based taints
// (TaintNodesByCondition), the NoExecute taint of a NotReady or unreachable node, and the
// zone disruption states that stop tainting when too many nodes fail at once.

import { Condition, Node, Taint } from '../../api/types';
import { TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE, readyStatus } from '../scheduler/filters';

/** v1.32 kube-controller-manager --node-monitor-grace-period (raised from 40 s to 50 s in 1.32). */
export const NODE_MONITOR_GRACE_MS = 50_000;

export const UNKNOWN_REASON = 'NodeStatusUnknown';
export const UNKNOWN_MESSAGE = 'Kubelet stopped posting node status.';
export const NODE_CONDITION_TYPES = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

const CONDITION_TAINTS: Record<string, Partial<Record<string, string>>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};

const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m) as string[]));

/** The NoSchedule taints a node should carry for its conditions and spec.unschedulable. */
export function desiredNoScheduleKeys(node: Node): string[] {
  const keys: string[] = [];
  for (const c of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) keys.push(key);
  }
  if (node.spec?.unschedulable) keys.push(TAINT_UNSCHEDULABLE);
  return keys;
}

export function isControllerNoScheduleTaint(t: Taint): boolean {
  return t.effect === 'NoSchedule' && (t.key === TAINT_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key));
}

/** The NoExecute taint for the node's readiness, or undefined when it is Ready. */
export function desiredNoExecuteKey(node: Node): string | undefined {
  const ready = readyStatus(node);
  if (ready === 'False') return TAINT_NOT_READY;
  if (ready === 'Unknown') return TAINT_UNREACHABLE;
  return undefined;
}

export function isControllerNoExecuteTaint(t: Taint): boolean {
  return t.effect === 'NoExecute' && (t.key === TAINT_NOT_READY || t.key === TAINT_UNREACHABLE);
}

export type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption';

const ZONE_LABEL = 'topology.kubernetes.io/zone';
const UNHEALTHY_ZONE_THRESHOLD = 0.55;
const LARGE_CLUSTER_THRESHOLD = 50;

export function zoneOf(node: Node): string {
  return node.metadata.labels?.[ZONE_LABEL] ?? '';
}

function zoneState(nodes: Node[]): ZoneState {
  let ready = 0;
  let notReady = 0;
  for (const n of nodes) if (readyStatus(n) === 'True') ready++;
  else notReady++;
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / (notReady + ready) >= UNHEALTHY_ZONE_THRESHOLD) return 'PartialDisruption';
  return 'Normal';
}

/**
 * Whether NoExecute taints may be added in the node's zone, and whether existing ones must go:
 * when every zone is fully disrupted the controller assumes its own view is broken and marks all
 * nodes reachable; a partially disrupted small zone gets no new evictions (rate 0).
 */
export function taintingPolicy(nodes: Node[], node: Node): { add: boolean; clear: boolean } {
  const zones = new Map<string, Node[]>();
  for (const n of nodes) {
    const z = zoneOf(n);
    const list = zones.get(z);
    if (list) list.push(n);
    else zones.set(z, [n]);
  }
  const states = new Map([...zones].map(([z, list]) => [z, zoneState(list)]));
  if ([...states.values()].every((s) => s === 'FullDisruption')) return { add: false, clear: true };
  const zone = zoneOf(node);
  const state = states.get(zone);
  if (state === 'PartialDisruption' && (zones.get(zone)?.length ?? 0) <= LARGE_CLUSTER_THRESHOLD) return { add: false, clear: false };
  return { add: true, clear: false };
}

export function condition(node: Node, type: string): Condition | undefined {
  return node.status?.conditions?.find((c) => c.type === type);
}
