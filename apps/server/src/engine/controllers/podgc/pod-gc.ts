// The pod garbage collector of kube-controller-manager (pkg/controller/podgc), its orphan pass:
// every 20 s (gcCheckPeriod) it lists the pods and the nodes; a node that pods are bound to but
// that does not exist goes into a quarantine of 40 s (its work queue's AddAfter), in case it comes
// back (a kubelet that registers it again); at the first pass after the quarantine, if the node
// still does not exist, its pods are marked Failed with the DisruptionTarget condition and
// force-deleted (grace period 0). So the pods of a deleted node go 40 to 60 s after it.
//
// The passes run at the cluster's start plus multiples of 20 s, but only while a quarantine is
// pending: a pass with nothing to look at changes nothing, so no timer runs for it.

import { clone } from '../../api/store';
import { Condition, Pod } from '../../api/types';
import { rfc3339 } from '../../time';
import { Controller, ControllerContext } from '../controller';

export const POD_GC = 'pod-gc';
/** gcCheckPeriod */
export const GC_CHECK_PERIOD_MS = 20_000;
/** quarantineTime */
export const QUARANTINE_MS = 40_000;

/** the key of a pass; `wake` schedules the next pass */
const PASS = 'gc';
const WAKE = 'wake';

interface PodGcSection {
  /** node name: when its quarantine ends (the time AddAfter makes it ready) */
  quarantine: Record<string, number>;
}

function section(ctx: ControllerContext): PodGcSection {
  const s = (ctx.runtime.sections[POD_GC] ??= {});
  s.quarantine ??= {};
  return s as PodGcSection;
}

/** The first pass strictly after `now` (passes at the cluster's start plus multiples of 20 s). */
export function nextPassAt(start: number, now: number): number {
  return start + (Math.floor((now - start) / GC_CHECK_PERIOD_MS) + 1) * GC_CHECK_PERIOD_MS;
}

export function podGcController(): Controller {
  return {
    name: POD_GC,
    resources: ['nodes', 'pods'],
    watch(ev, enqueue, ctx) {
      if (ev.resource === 'nodes') {
        if (ev.type === 'DELETED') enqueue(WAKE);
        return;
      }
      if (ev.type === 'DELETED') return;
      const nodeName = (ev.object as Pod).spec?.nodeName;
      if (nodeName && !ctx.store.get('nodes', undefined, nodeName)) enqueue(WAKE);
    },
    sync(key, ctx) {
      if (key === WAKE) {
        // (the pods it woke for may be gone already: deleted by this controller's last pass)
        if (orphans(ctx).length) ctx.schedule(nextPassAt(ctx.config.start, ctx.now), PASS);
        return;
      }
      gcOrphaned(ctx);
    },
  };
}

/** The pods bound to a node that does not exist. */
function orphans(ctx: ControllerContext): Pod[] {
  const nodes = new Set(ctx.store.list('nodes').map((n) => n.metadata.name!));
  return (ctx.store.list('pods') as Pod[]).filter((p) => p.spec?.nodeName && !nodes.has(p.spec.nodeName));
}

/** One pass of gcOrphaned: quarantine the missing nodes, delete the pods of those still missing after it. */
function gcOrphaned(ctx: ControllerContext): void {
  const st = section(ctx);
  const nodes = new Set(ctx.store.list('nodes').map((n) => n.metadata.name!));
  const pods = ctx.store.list('pods') as Pod[];
  for (const pod of pods) {
    const nodeName = pod.spec?.nodeName;
    // a node already waiting keeps its earlier time, as the delaying queue does
    if (nodeName && !nodes.has(nodeName) && st.quarantine[nodeName] === undefined) st.quarantine[nodeName] = ctx.now + QUARANTINE_MS;
  }
  // discoverDeletedNodes: the nodes whose quarantine is over, if they are still missing
  const deleted = new Set<string>();
  for (const [nodeName, at] of Object.entries(st.quarantine)) {
    if (at > ctx.now) continue;
    delete st.quarantine[nodeName];
    if (!nodes.has(nodeName)) deleted.add(nodeName);
  }
  for (const pod of pods) if (deleted.has(pod.spec?.nodeName ?? '')) markFailedAndDelete(ctx, pod);
  const pending = Object.values(st.quarantine);
  if (pending.length) ctx.schedule(Math.min(...pending), PASS);
}

/** markFailedAndDeletePodWithCondition: Failed with DisruptionTarget (unless it already ended), then deleted at once. */
function markFailedAndDelete(ctx: ControllerContext, pod: Pod): void {
  const phase = pod.status?.phase;
  if (phase !== 'Succeeded' && phase !== 'Failed') {
    const next = clone(pod);
    const cond: Condition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(ctx.now), reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' };
    next.status = { ...(next.status ?? {}), phase: 'Failed', conditions: [...(next.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), cond] };
    ctx.api.updateStatus(next);
  }
  try {
    ctx.api.delete('pods', pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0 });
  } catch {
    // already gone
  }
}
