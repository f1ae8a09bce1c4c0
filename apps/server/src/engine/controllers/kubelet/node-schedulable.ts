// The kubelet's NodeSchedulable and NodeNotSchedulable Events (recordNodeSchedulableEvent, run by
// every node status update, every 10 s): `kubectl cordon` and `uncordon` show in the node's Events
// from the kubelet, at its next status update. The kubelet remembers the last value it saw per
// process, starting from schedulable: a restarted kubelet on a cordoned node says so again.

import { nodeReference } from '../../api/node-reference';
import type { Node } from '../../api/types';
import { nextRenewTime } from '../../bootstrap/lease';
import { parseTime } from '../../time';
import type { ControllerContext } from '../controller';
import { kubeletSection } from './runtime-state';

/**
 * The node status update at or after `now`. nodeStatusUpdateFrequency is 10 s, the lease's renew
 * interval: both loops run on the one rhythm counted from the Node's registration (bootstrap/lease.ts).
 */
function nextStatusUpdate(node: Node, now: number): number {
  const since = parseTime(node.metadata.creationTimestamp);
  if (Number.isNaN(since) || now <= since) return now;
  return nextRenewTime(since, now, true);
}

/** Called by the kubelet's machine sync while it runs: records the change at its status update. */
export function postSchedulable(ctx: ControllerContext, node: Node): void {
  const name = node.metadata.name!;
  const section = kubeletSection(ctx.runtime);
  const last = section.unschedulable?.[name] ?? false;
  const now = node.spec?.unschedulable === true;
  if (now === last) return;
  const due = nextStatusUpdate(node, ctx.now);
  if (ctx.now < due) {
    ctx.schedule(due, `machine:${name}`);
    return;
  }
  const seen = (section.unschedulable ??= {});
  if (now) seen[name] = true;
  else delete seen[name];
  const reason = now ? 'NodeNotSchedulable' : 'NodeSchedulable';
  ctx.record(nodeReference(name, 'kubelet'), 'Normal', reason, `Node ${name} status is now: ${reason}`, { component: 'kubelet', host: name });
}

/** A new kubelet process starts from schedulable (its lastNodeUnschedulable is false). */
export function forgetSchedulable(section: ReturnType<typeof kubeletSection>, node: string): void {
  if (section.unschedulable) delete section.unschedulable[node];
}
