// Whether a DaemonSet pod belongs on a node (daemon_controller.go NodeShouldRunDaemonPod): the
// node name, nodeSelector and required node affinity must match, and NoSchedule / NoExecute taints
// must be tolerated; a pod already there may stay while every NoExecute taint is tolerated.
// Also the tolerations every DaemonSet pod gets, and the node affinity that pins it to its node.

import { Node, PodSpec, Taint, Toleration } from '../../api/types';
import { matchesNodeAffinity, tolerates } from '../scheduler/filters';

/** The scheduler's toleration rule (one definition for both controllers). */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  return tolerates(t, taint);
}

function untolerated(taints: Taint[] | undefined, tolerations: Toleration[] | undefined, effects: string[]): boolean {
  return (taints ?? []).some((taint) => effects.includes(taint.effect) && !(tolerations ?? []).some((t) => tolerates(t, taint)));
}

/** nodeSelector and requiredDuringSchedulingIgnoredDuringExecution, as the scheduler matches them. */
export function matchesNodeSelectorAndAffinity(spec: PodSpec, node: Node): boolean {
  return matchesNodeAffinity({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec }, node);
}

/** [shouldRun, shouldContinueRunning] for a DaemonSet pod spec (tolerations already added) on a node. */
export function nodeShouldRunDaemonPod(spec: PodSpec, node: Node): { shouldRun: boolean; shouldContinue: boolean } {
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return { shouldRun: false, shouldContinue: false };
  if (!matchesNodeSelectorAndAffinity(spec, node)) return { shouldRun: false, shouldContinue: false };
  if (untolerated(node.spec?.taints, spec.tolerations, ['NoSchedule', 'NoExecute'])) {
    return { shouldRun: false, shouldContinue: !untolerated(node.spec?.taints, spec.tolerations, ['NoExecute']) };
  }
  return { shouldRun: true, shouldContinue: true };
}

/** util.AddOrUpdateDaemonPodTolerations */
export function addDaemonPodTolerations(spec: PodSpec): void {
  const add = (key: string, effect: 'NoExecute' | 'NoSchedule'): void => addOrUpdateToleration(spec, { key, operator: 'Exists', effect });
  add('node.kubernetes.io/not-ready', 'NoExecute');
  add('node.kubernetes.io/unreachable', 'NoExecute');
  add('node.kubernetes.io/disk-pressure', 'NoSchedule');
  add('node.kubernetes.io/memory-pressure', 'NoSchedule');
  add('node.kubernetes.io/pid-pressure', 'NoSchedule');
  add('node.kubernetes.io/unschedulable', 'NoSchedule');
  if (spec.hostNetwork) add('node.kubernetes.io/network-unavailable', 'NoSchedule');
}

/** v1helper.AddOrUpdateTolerationInPodSpec: replaces a toleration with the same key, operator, value and effect. */
function addOrUpdateToleration(spec: PodSpec, t: Toleration): void {
  const same = (x: Toleration): boolean =>
    (x.key ?? '') === (t.key ?? '') && (x.effect ?? '') === (t.effect ?? '') && (x.operator ?? 'Equal') === (t.operator ?? 'Equal') && (x.value ?? '') === (t.value ?? '');
  const list = spec.tolerations ?? [];
  const i = list.findIndex(same);
  if (i < 0) spec.tolerations = [...list, t];
  else spec.tolerations = list.map((x, j) => (j === i ? t : x));
}

/** util.ReplaceDaemonSetPodNodeNameNodeAffinity: pins the pod to `nodeName` through matchFields. */
export function pinToNode(affinity: any, nodeName: string): any {
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] };
  const selector = { nodeSelectorTerms: [term] };
  if (!affinity) return { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: selector } };
  if (!affinity.nodeAffinity) return { ...affinity, nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: selector } };
  return {
    ...affinity,
    nodeAffinity: {
      ...affinity.nodeAffinity,
      requiredDuringSchedulingIgnoredDuringExecution: { ...(affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution ?? {}), nodeSelectorTerms: [term] },
    },
  };
}

/** The node a daemon pod is for: spec.nodeName, or the one its matchFields pin it to. */
export function targetNodeName(spec: PodSpec): string | undefined {
  if (spec.nodeName) return spec.nodeName;
  const terms: any[] = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) {
    for (const f of t?.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
    }
  }
  return undefined;
}
