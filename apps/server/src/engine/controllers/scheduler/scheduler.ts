// kube-scheduler's default profile: binds each pending pod of `default-scheduler` to the best
// node (filters, then weighted scores, ties broken by the seeded random source), or leaves it
// Pending with PodScheduled=False and the real FailedScheduling text.
//
// A pod that does not fit waits as in the real scheduling queue: it is retried when a node or
// a bound pod changes in a way that may help (after its back-off of 1 s doubling to 10 s), and
// at the latest 5 minutes after its last attempt (the unschedulable pods flush).

import { jsonEqual } from '../../api/json-equal';
import { clone } from '../../api/store';
import { Condition, KubeEvent, Node, Pod } from '../../api/types';
import { rfc3339 } from '../../time';
import { Controller, ControllerContext, splitKey } from '../controller';
import { NodeAggregate, NodeCache, PodEntry, controllerOwner, podKey } from './node-cache';
import { FilterStatus, PodInfo, filterNode, intersect, podInfo } from './filters';
import { scoreNodes, Candidate } from './scores';
import { NO_NODES_AVAILABLE, NO_PREEMPTION_VICTIMS, PREEMPTION_NOT_HELPFUL, fitErrorMessage, preemptionMessage } from './fit-error';
import { checkVolumes } from './volumes';

export const SCHEDULER_NAME = 'default-scheduler';
export const INITIAL_BACKOFF_MS = 1000;
export const MAX_BACKOFF_MS = 10_000;
export const UNSCHEDULABLE_FLUSH_MS = 5 * 60_000;

const SOURCE = { component: SCHEDULER_NAME };

interface QueuedPod {
  attempts: number;
  backoffUntil: number;
  /** when it was last tried, and what that attempt said */
  lastAttempt: number;
  message: string;
}

interface SchedulerSection {
  /** pods that failed to schedule, by key */
  pods: Record<string, QueuedPod>;
}

function section(ctx: ControllerContext): SchedulerSection {
  return (ctx.runtime.sections.scheduler ??= { pods: {} });
}

export function needsScheduling(pod: Pod): boolean {
  if (pod.spec?.nodeName || pod.metadata.deletionTimestamp) return false;
  if ((pod.spec?.schedulerName || SCHEDULER_NAME) !== SCHEDULER_NAME) return false;
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

type Outcome =
  | { node: string }
  | { node?: undefined; message: string; preempt?: { node: string; victims: PodEntry[] } };

export function schedulerController(): Controller {
  const cache = new NodeCache();

  const requeueWaiting = (enqueue: (key: string) => void, ctx: ControllerContext): void => {
    const waiting = ctx.runtime.sections.scheduler?.pods as Record<string, QueuedPod> | undefined;
    if (waiting) for (const key of Object.keys(waiting)) enqueue(key);
  };

  return {
    name: 'scheduler',
    // what can make a pod schedulable or change where it fits (Events and the rest: nothing)
    resources: ['pods', 'nodes', 'persistentvolumeclaims', 'persistentvolumes', 'storageclasses'],
    watch(ev, enqueue, ctx) {
      cache.observe(ev);
      switch (ev.resource) {
        case 'pods': {
          const pod = ev.object as Pod;
          const old = ev.old as Pod | undefined;
          if (ev.type !== 'DELETED' && needsScheduling(pod)) {
            if (!old || old.spec.nodeName || specOrLabelsChanged(old, pod)) enqueue(podKey(pod));
            return;
          }
          if (ev.type === 'DELETED' && !pod.spec?.nodeName) {
            enqueue(podKey(pod)); // forget its queue entry
            return;
          }
          // a bound pod going away frees its node: pods waiting for room may fit now
          const freed = ev.type === 'DELETED' || (old && isTerminal(pod) && !isTerminal(old));
          if (pod.spec?.nodeName && freed) requeueWaiting(enqueue, ctx);
          return;
        }
        case 'nodes':
          if (ev.type === 'ADDED' || (ev.type === 'MODIFIED' && nodeChangeMayHelp(ev.old as Node, ev.object as Node))) requeueWaiting(enqueue, ctx);
          return;
        case 'persistentvolumeclaims':
        case 'persistentvolumes':
        case 'storageclasses':
          requeueWaiting(enqueue, ctx);
          return;
      }
    },
    sync(key, ctx) {
      const { namespace, name } = splitKey(key);
      const st = section(ctx);
      const pod = ctx.store.get('pods', namespace, name) as Pod | undefined;
      if (!pod || !needsScheduling(pod)) {
        delete st.pods[key];
        return;
      }
      if ((pod.spec.schedulingGates as unknown[] | undefined)?.length) {
        setScheduledCondition(ctx, pod, 'SchedulingGated', 'Scheduling is blocked due to non-empty scheduling gates');
        return;
      }
      const queued = st.pods[key];
      if (queued && ctx.now < queued.backoffUntil) {
        ctx.schedule(queued.backoffUntil, key);
        return;
      }
      cache.ensure(ctx.store);
      const outcome = schedule(ctx, cache, pod);
      if (outcome.node !== undefined) {
        bind(ctx, pod, outcome.node);
        delete st.pods[key];
        return;
      }
      const current = setScheduledCondition(ctx, pod, 'Unschedulable', outcome.message, outcome.preempt?.node);
      let attempts = (queued?.attempts ?? 0) + 1;
      let last = ctx.now;
      // a periodic retry that changed nothing repeats every 5 minutes until something else
      // happens: those retries are counted in closed form instead of waking up for each
      const periodic = queued !== undefined && ctx.now >= queued.lastAttempt + UNSCHEDULABLE_FLUSH_MS;
      const repeats = periodic && queued.message === outcome.message && !outcome.preempt;
      const n = repeats ? Math.max(0, Math.floor((Math.min(ctx.horizon, ctx.nextTimerAt(key) - 1) - ctx.now) / UNSCHEDULABLE_FLUSH_MS)) : 0;
      if (repeats && bumpEvent(ctx, current, outcome.message, n + 1, ctx.now + n * UNSCHEDULABLE_FLUSH_MS)) {
        attempts += n;
        last = ctx.now + n * UNSCHEDULABLE_FLUSH_MS;
      } else {
        ctx.record(current, 'Warning', 'FailedScheduling', outcome.message, SOURCE);
      }
      st.pods[key] = { attempts, backoffUntil: last + backoffFor(attempts), lastAttempt: last, message: outcome.message };
      ctx.schedule(last + UNSCHEDULABLE_FLUSH_MS, key);
      if (outcome.preempt) preempt(ctx, current, outcome.preempt.node, outcome.preempt.victims);
    },
  };
}

function backoffFor(attempts: number): number {
  return Math.min(INITIAL_BACKOFF_MS * 2 ** Math.min(attempts - 1, 30), MAX_BACKOFF_MS);
}

/** Adds `n` occurrences to the pod's FailedScheduling event, the last at `at` (false: no such event). */
function bumpEvent(ctx: ControllerContext, pod: Pod, message: string, n: number, at: number): boolean {
  const ev = (ctx.store.list('events', pod.metadata.namespace) as KubeEvent[]).find(
    (e) => e.involvedObject.uid === pod.metadata.uid && e.reason === 'FailedScheduling' && e.message === message && e.source?.component === SCHEDULER_NAME,
  );
  if (!ev) return false;
  // each retry writes the Event once: the n - 1 writes this one stands for leave their
  // resourceVersions behind, so the versions are the same however the time was stepped through
  ctx.store.skipVersions(n - 1);
  ctx.api.update({ ...ev, count: (ev.count ?? 1) + n, lastTimestamp: rfc3339(at) } as KubeEvent, { internal: true, trusted: true });
  return true;
}

function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function specOrLabelsChanged(a: Pod, b: Pod): boolean {
  return !jsonEqual(a.spec, b.spec) || !jsonEqual(a.metadata.labels, b.metadata.labels);
}

/** Node updates that can make a pod fit: labels, taints, schedulability, allocatable, readiness. */
function nodeChangeMayHelp(a: Node | undefined, b: Node): boolean {
  if (!a) return true;
  const ready = (n: Node): string | undefined => n.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  return (
    !jsonEqual(a.metadata.labels, b.metadata.labels) ||
    !jsonEqual(a.spec?.taints, b.spec?.taints) ||
    !!a.spec?.unschedulable !== !!b.spec?.unschedulable ||
    !jsonEqual(a.status?.allocatable, b.status?.allocatable) ||
    ready(a) !== ready(b)
  );
}

function schedule(ctx: ControllerContext, cache: NodeCache, pod: Pod): Outcome {
  const nodes = ctx.store.list('nodes') as Node[];
  if (!nodes.length) return { message: NO_NODES_AVAILABLE };
  const numAll = nodes.length;
  const notHelpful = (): string[][] => nodes.map(() => [PREEMPTION_NOT_HELPFUL]);
  const affinityNodes = nodeAffinityPreFilter(pod);
  if (affinityNodes?.size === 0) {
    return { message: fitErrorMessage({ numAllNodes: numAll, preFilterMsg: AFFINITY_TERMS_CONFLICT, postFilterMsg: preemptionMessage(numAll, notHelpful()) }) };
  }
  const volumes = checkVolumes(ctx.store, pod);
  if (volumes.preFilterMsg) {
    return { message: fitErrorMessage({ numAllNodes: numAll, preFilterMsg: volumes.preFilterMsg, postFilterMsg: preemptionMessage(numAll, notHelpful()) }) };
  }
  // PreFilterResult: the plugins that name the only nodes worth a look
  const narrowed = affinityNodes || volumes.eligibleNodes ? narrowNodes([['NodeAffinity', affinityNodes], ['VolumeBinding', volumes.eligibleNodes]]) : undefined;
  if (narrowed && narrowed.names.size === 0) {
    const msg = narrowed.plugins.length === 1 ? `node(s) didn't satisfy plugin ${narrowed.plugins[0]}` : `node(s) didn't satisfy plugin(s) [${narrowed.plugins.join(' ')}] simultaneously`;
    // an Unschedulable status, not an unresolvable one: preemption looks at every node and, with
    // no pod of lower priority to remove, finds no victims
    const noVictims = nodes.map(() => [NO_PREEMPTION_VICTIMS]);
    return { message: fitErrorMessage({ numAllNodes: numAll, preFilterMsg: msg, postFilterMsg: preemptionMessage(numAll, noVictims) }) };
  }
  const info = podInfo(pod);
  const feasible: Candidate[] = [];
  const failed: { node: Node; agg: NodeAggregate; status: FilterStatus }[] = [];
  for (const node of nodes) {
    const agg = cache.get(node.metadata.name!);
    let status: FilterStatus | undefined;
    if (narrowed && !narrowed.names.has(node.metadata.name!)) {
      status = { code: 'UnschedulableAndUnresolvable', reasons: [`node(s) didn't satisfy plugin(s) [${[...narrowed.plugins].sort().join(' ')}]`] };
    } else {
      status = filterNode(info, node, agg);
      const reasons = status ? undefined : volumes.nodeReasons?.(node);
      if (reasons) status = { code: 'UnschedulableAndUnresolvable', reasons };
    }
    if (status) failed.push({ node, agg, status });
    else feasible.push({ node, agg });
  }
  if (feasible.length === 1) return { node: feasible[0].node.metadata.name! };
  if (feasible.length > 1) {
    const scores = scoreNodes(info, controllerOwner(pod), feasible);
    const best = Math.max(...scores);
    const top = feasible.filter((_, i) => scores[i] === best);
    const pick = top.length === 1 ? top[0] : top[ctx.rng.int(top.length)];
    return { node: pick.node.metadata.name! };
  }
  const reasonsPerNode = failed.map((f) => f.status.reasons);
  const fit = { numAllNodes: numAll, reasonsPerNode };
  if (pod.spec.preemptionPolicy === 'Never') {
    return { message: fitErrorMessage({ ...fit, postFilterMsg: 'preemption: not eligible due to preemptionPolicy=Never.' }) };
  }
  const post = evaluatePreemption(cache, info, failed);
  if (post.candidate) return { message: fitErrorMessage(fit), preempt: post.candidate };
  return { message: fitErrorMessage({ ...fit, postFilterMsg: preemptionMessage(numAll, post.reasons) }) };
}

/** NodeAffinity's PreFilter message when every term names nodes and together they name none */
const AFFINITY_TERMS_CONFLICT = "pod affinity terms conflict";

/**
 * NodeAffinity's PreFilter: when every required term names nodes through `metadata.name In`
 * (a DaemonSet's pod, pinned to its node), only those nodes are looked at.
 */
function nodeAffinityPreFilter(pod: Pod): Set<string> | undefined {
  const terms: { matchFields?: { key: string; operator: string; values?: string[] }[] }[] | undefined = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms?.length) return undefined;
  const names = new Set<string>();
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const values = new Set(r.values ?? []);
      termNames = intersect(termNames, values);
    }
    // a term without one lets every node through: the terms are ORed
    if (!termNames) return undefined;
    for (const n of termNames) names.add(n);
  }
  return names;
}

/** PreFilterResult.Merge over the plugins that returned node names: their intersection */
function narrowNodes(results: [string, Set<string> | undefined][]): { names: Set<string>; plugins: string[] } | undefined {
  let names: Set<string> | undefined;
  const plugins: string[] = [];
  for (const [plugin, r] of results) {
    if (!r) continue;
    plugins.push(plugin);
    names = intersect(names, r);
    if (names.size === 0) break;
  }
  return names ? { names, plugins } : undefined;
}

/**
 * DefaultPreemption: on each node rejected for a resolvable reason, would removing the pods of
 * lower priority make room? The victims are the fewest such pods (the highest-priority ones are
 * spared first), and the node whose most important victim matters least is chosen.
 */
function evaluatePreemption(
  cache: NodeCache,
  info: PodInfo,
  failed: { node: Node; agg: NodeAggregate; status: FilterStatus }[],
): { reasons: string[][]; candidate?: { node: string; victims: PodEntry[] } } {
  const priority = info.pod.spec.priority ?? 0;
  const reasons: string[][] = [];
  let best: { node: string; victims: PodEntry[]; top: number } | undefined;
  for (const f of failed) {
    if (f.status.code === 'UnschedulableAndUnresolvable') {
      reasons.push([PREEMPTION_NOT_HELPFUL]);
      continue;
    }
    const lower: PodEntry[] = [];
    for (const k of f.agg.podKeys) {
      const e = cache.entry(k);
      if (e && !e.terminating && e.priority < priority) lower.push(e);
    }
    if (!lower.length) {
      reasons.push([NO_PREEMPTION_VICTIMS]);
      continue;
    }
    if (filterNode(info, f.node, without(f.agg, lower))) {
      reasons.push(filterNode(info, f.node, without(f.agg, lower))!.reasons);
      continue;
    }
    // reprieve: put back the most important pods while the preemptor still fits
    lower.sort((a, b) => b.priority - a.priority || (a.key < b.key ? -1 : 1));
    let victims = lower;
    for (const e of lower) {
      const spared = victims.filter((v) => v !== e);
      if (!filterNode(info, f.node, without(f.agg, spared))) victims = spared;
    }
    const top = Math.max(...victims.map((v) => v.priority));
    if (!best || top < best.top || (top === best.top && victims.length < best.victims.length)) best = { node: f.node.metadata.name!, victims, top };
  }
  return best ? { reasons, candidate: { node: best.node, victims: best.victims } } : { reasons };
}

/** A copy of a node's aggregate without some of its pods. */
function without(agg: NodeAggregate, pods: PodEntry[]): NodeAggregate {
  const out: NodeAggregate = { ...agg, scalar: { ...agg.scalar }, ports: [...agg.ports] };
  for (const e of pods) {
    out.pods--;
    out.cpu -= e.res.cpu;
    out.memory -= e.res.memory;
    out.ephemeral -= e.res.ephemeral;
    for (const [k, v] of Object.entries(e.res.scalar)) out.scalar[k] = (out.scalar[k] ?? 0) - v;
    for (const p of e.ports) {
      const i = out.ports.findIndex((q) => q.ip === p.ip && q.port === p.port && q.protocol === p.protocol);
      if (i >= 0) out.ports.splice(i, 1);
    }
  }
  return out;
}

function preempt(ctx: ControllerContext, preemptor: Pod, node: string, victims: PodEntry[]): void {
  for (const v of victims) {
    const { namespace, name } = splitKey(v.key);
    const victim = ctx.store.get('pods', namespace, name) as Pod | undefined;
    if (!victim) continue;
    ctx.record(victim, 'Normal', 'Preempted', `Preempted by pod ${preemptor.metadata.uid} on node ${node}`, SOURCE);
    ctx.api.delete('pods', namespace, name);
  }
}

function upsertCondition(conditions: Condition[] | undefined, next: Condition): Condition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  if (i < 0) return [...list, next];
  const cur = list[i];
  list[i] = { ...next, lastTransitionTime: cur.status === next.status ? cur.lastTransitionTime : next.lastTransitionTime };
  return list;
}

/** PodScheduled=False with the reason and message, written only when they change. */
function setScheduledCondition(ctx: ControllerContext, pod: Pod, reason: string, message: string, nominated?: string): Pod {
  const cond: Condition = { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: rfc3339(ctx.now), reason, message };
  const cur = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  const nominationChanges = nominated !== undefined && nominated !== pod.status?.nominatedNodeName;
  if (cur && cur.status === 'False' && cur.reason === reason && cur.message === message && !nominationChanges) return pod;
  const next = clone(pod);
  next.status = { ...(next.status ?? {}), conditions: upsertCondition(next.status?.conditions, cond) };
  if (nominated) next.status.nominatedNodeName = nominated;
  return ctx.api.updateStatus(next) as Pod;
}

/**
 * The binding subresource: sets spec.nodeName and PodScheduled=True in one write (the API server
 * has no separate endpoint here, and pod validation forbids changing spec.nodeName by update).
 */
/**
 * `{ ...spec, nodeName }`, built property by property: V8 gives the copy of a spread that adds a
 * property a hidden class of its own when the object is this large, so every bound pod's spec had
 * a different one and each read of a spec anywhere (a dozen watchers per write) went megamorphic.
 * Built this way, all bound specs of one shape share one class (a pod's way to Running ~1.5x faster).
 */
function withNodeName(spec: Pod['spec'], node: string): Pod['spec'] {
  const out: Record<string, unknown> = {};
  for (const k in spec) out[k] = (spec as Record<string, unknown>)[k];
  out.nodeName = node;
  return out as Pod['spec'];
}

function bind(ctx: ControllerContext, pod: Pod, node: string): void {
  // stored objects are immutable, so the new one may share the parts it does not change
  const cond: Condition = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(ctx.now) };
  const status = { ...(pod.status ?? {}), conditions: upsertCondition(pod.status?.conditions, cond) };
  delete status.nominatedNodeName;
  const next: Pod = { ...pod, metadata: { ...pod.metadata }, spec: withNodeName(pod.spec, node), status };
  const bound = ctx.store.put('pods', next) as Pod;
  ctx.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`, SOURCE);
}

