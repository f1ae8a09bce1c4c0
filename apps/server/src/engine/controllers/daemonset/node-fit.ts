// Whether a DaemonSet pod belongs on a node (daemon_controller.go NodeShouldRunDaemonPod): the
// node name, nodeSelector and required node affinity must match, and NoSchedule / NoExecute taints
// must be tolerated; a pod already there may stay while every NoExecute taint is tolerated.
// Also the tolerations every DaemonSet pod gets, and the node affinity that pins it to its node.

import { Node, PodSpec, Taint, Toleration } from '../../api/types';

export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? 'Equal') {
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

function untolerated(taints: Taint[] | undefined, tolerations: Toleration[] | undefined, effects: string[]): boolean {
  return (taints ?? []).some((taint) => effects.includes(taint.effect) && !(tolerations ?? []).some((t) => toleratesTaint(t, taint)));
}

interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

function matchRequirement(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const has = value !== undefined;
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return has && values.includes(value!);
    case 'NotIn':
      return !has || !values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || values.length !== 1) return false;
      const a = Number.parseInt(value!, 10);
      const b = Number.parseInt(values[0], 10);
      if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
      return req.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** nodeSelector and requiredDuringSchedulingIgnoredDuringExecution (terms ORed, requirements ANDed). */
export function matchesNodeSelectorAndAffinity(spec: PodSpec, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms: any[] | undefined = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return true;
  return terms.some((term) => {
    const exprs: NodeSelectorRequirement[] = term?.matchExpressions ?? [];
    const fields: NodeSelectorRequirement[] = term?.matchFields ?? [];
    if (!exprs.length && !fields.length) return false; // an empty term matches nothing
    return (
      exprs.every((r) => matchRequirement(r, labels[r.key])) &&
      fields.every((r) => r.key === 'metadata.name' && matchRequirement(r, node.metadata.name))
    );
  });
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
