// The Node a kubelet registers when it starts and finds none (registerWithAPIServer, run by a
// kubelet process once: after `kubectl delete node` a running kubelet only fails its status
// updates, NotFound, until it is restarted), and its first status posts.
//
// A kubelet registers within a fraction of a second of starting, before its first container
// runtime status check has completed: the Node is created NotReady with that reason, and the API
// server's TaintNodesByCondition admission adds the not-ready NoSchedule taint to every Node
// created. The kubelet's fast status update posts Ready as soon as the check passes (about a
// second here); the node lifecycle controller then lifts the taint.

import { clone } from '../../api/store';
import { nodeReference } from '../../api/node-reference';
import type { Condition, Node } from '../../api/types';
import { parseTime, rfc3339 } from '../../time';
import type { ControllerContext } from '../controller';

export const RUNTIME_CHECK_PENDING = 'container runtime status check may not have completed yet';
/** from the kubelet's start to its Ready post, when the runtime and its network are fine */
export const READY_AFTER_START_MS = 1000;

const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';

/** What the kubelet and the admission chain make of a just-started kubelet's Node: NotReady, tainted not-ready. */
export function registeringNode(node: Node, at: number): Node {
  const out = clone(node);
  const t = rfc3339(at);
  out.status!.conditions = (out.status?.conditions ?? []).map((c) =>
    c.type === 'Ready' ? { type: 'Ready', status: 'False', lastHeartbeatTime: t, lastTransitionTime: t, reason: 'KubeletNotReady', message: RUNTIME_CHECK_PENDING } : c,
  );
  const taints = (out.spec.taints ?? []).filter((x) => !(x.key === NOT_READY_TAINT && x.effect === 'NoSchedule'));
  out.spec.taints = [...taints, { key: NOT_READY_TAINT, effect: 'NoSchedule' }];
  return out;
}

function ready(node: Node): Condition | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready');
}

/**
 * The kubelet's fast status update after its start: the node that registered waiting for the
 * runtime check posts Ready once it has passed, with the kubelet's NodeReady event.
 */
export function postReadyAfterStart(ctx: ControllerContext, node: Node): void {
  const cond = ready(node);
  if (cond?.status !== 'False' || cond.message !== RUNTIME_CHECK_PENDING) return;
  const name = node.metadata.name!;
  const due = parseTime(cond.lastTransitionTime) + READY_AFTER_START_MS;
  if (ctx.now < due) {
    ctx.schedule(due, `machine:${name}`);
    return;
  }
  const next = clone(node);
  const t = rfc3339(ctx.now);
  next.status!.conditions = next.status!.conditions!.map((c) =>
    c.type === 'Ready' ? { type: 'Ready', status: 'True', lastHeartbeatTime: t, lastTransitionTime: t, reason: 'KubeletReady', message: 'kubelet is posting ready status' } : c,
  );
  ctx.api.updateStatus(next);
  ctx.record(nodeReference(name, 'kubelet'), 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`, { component: 'kubelet', host: name });
}
