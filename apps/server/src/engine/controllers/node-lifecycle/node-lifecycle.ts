// The node lifecycle controller and the taint eviction controller of kube-controller-manager.
//
// A node whose kubelet stopped posting status (the machine's kubelet stopped, or the machine is
// off) is marked Unknown once the node-monitor grace period has passed since its last post: its
// conditions become Unknown, its pods NotReady, and it gets the unreachable NoSchedule and
// NoExecute taints. Pods that do not tolerate a NoExecute taint are deleted at once; those that
// tolerate it for a while (300 s by default) when that time is up. A deleted pod stays
// Terminating while its kubelet is away: only the kubelet finishes a deletion. When the kubelet
// is back its status is posted again and the taints go.

import { clone } from '../../api/store';
import { nodeReference } from '../../api/node-reference';
import { Condition, Node, Pod, Taint, Toleration } from '../../api/types';
import { parseTime, rfc3339 } from '../../time';
import { Controller, ControllerContext } from '../controller';
import { readyStatus, tolerates } from '../scheduler/filters';
import { RUNTIME_CHECK_PENDING } from '../kubelet/node-status';
import {
  NODE_CONDITION_TYPES,
  NODE_MONITOR_GRACE_MS,
  UNKNOWN_MESSAGE,
  UNKNOWN_REASON,
  condition,
  desiredNoExecuteKey,
  desiredNoScheduleKeys,
  isControllerNoExecuteTaint,
  isControllerNoScheduleTaint,
  taintingPolicy,
} from './node-health';

const NODE_CONTROLLER = { component: 'node-controller' };
const TAINT_EVICTION = { component: 'taint-eviction-controller' };

interface LifecycleSection {
  /** the conditions a node had when it was marked Unknown, restored when its kubelet is back */
  saved: Record<string, Condition[]>;
  /** pods with an eviction scheduled, by key: when it is due */
  evictions: Record<string, number>;
  /** knownNodeSet: the nodes the controller has seen, name → uid */
  known: Record<string, string>;
}

function section(ctx: ControllerContext): LifecycleSection {
  const existed = ctx.runtime.sections['node-lifecycle'] !== undefined;
  const s = (ctx.runtime.sections['node-lifecycle'] ??= {});
  s.saved ??= {};
  s.evictions ??= {};
  // A state stored before engine 0.8.0 has the section without `known`: the nodes it holds had
  // been seen (their RegisteredNode Events long gone).
  s.known ??= existed ? Object.fromEntries(ctx.store.list('nodes').map((n) => [n.metadata.name!, n.metadata.uid ?? ''])) : {};
  return s as LifecycleSection;
}

/**
 * monitorNodeHealth's classifyNodes: a Node not seen before is registered in the controller, a
 * known one that is gone is removed, each with its Event (RecordNodeEvent: "Node <name> event:
 * ..."). The real controller notices at its next pass (every 5 s); this one at once. A Node
 * deleted and registered again before a pass is neither removed nor registered.
 */
function classify(ctx: ControllerContext, name: string, node: Node | undefined): void {
  const st = section(ctx);
  if (node && st.known[name] === undefined) {
    st.known[name] = node.metadata.uid ?? '';
    ctx.record(nodeReference(name, 'controller', node.metadata.uid), 'Normal', 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`, NODE_CONTROLLER);
  } else if (!node && st.known[name] !== undefined) {
    const uid = st.known[name];
    delete st.known[name];
    ctx.record(nodeReference(name, 'controller', uid), 'Normal', 'RemovingNode', `Node ${name} event: Removing Node ${name} from Controller`, NODE_CONTROLLER);
  }
}

export function nodeLifecycleController(): Controller {
  return {
    name: 'node-lifecycle',
    resources: ['nodes', 'pods'],
    watch(ev, enqueue, ctx) {
      if (ev.resource === 'nodes') {
        const node = ev.object as Node;
        if (ev.type === 'DELETED') {
          // its pods are the pod garbage collector's (podgc); a node that was not Ready no longer
          // counts in its zone's state
          if (readyStatus(node) !== 'True') for (const n of ctx.store.list('nodes')) enqueue(n.metadata.name!);
          enqueue(node.metadata.name!); // removed from the controller
          return;
        }
        enqueue(node.metadata.name!);
        // readiness changes move zone states, which decide tainting on the other nodes
        if (!ev.old || readyStatus(ev.old as Node) !== readyStatus(node)) {
          for (const n of ctx.store.list('nodes')) if (n.metadata.name !== node.metadata.name) enqueue(n.metadata.name!);
        }
        return;
      }
      if (ev.resource === 'pods' && ev.type !== 'DELETED') {
        // a pod on a node with NoExecute taints may have to be evicted
        const nodeName = (ev.object as Pod).spec?.nodeName;
        if (!nodeName) return;
        const node = ctx.store.get('nodes', undefined, nodeName) as Node | undefined;
        if (node?.spec?.taints?.some((t) => t.effect === 'NoExecute')) enqueue(nodeName);
      }
    },
    sync(name, ctx) {
      let node = ctx.store.get('nodes', undefined, name) as Node | undefined;
      classify(ctx, name, node);
      if (!node) return;
      const machine = ctx.runtime.machines[name];
      if (machine) {
        const down = !machine.poweredOn || !machine.kubeletRunning;
        if (down) {
          const due = (machine.kubeletStoppedAt ?? ctx.now) + NODE_MONITOR_GRACE_MS;
          if (ctx.now < due) ctx.schedule(due, name);
          else if (readyStatus(node) !== 'Unknown') node = markUnknown(ctx, node);
        } else if (condition(node, 'Ready')?.reason === UNKNOWN_REASON) {
          node = markPosting(ctx, node);
        }
      }
      node = taintPass(ctx, node);
      evictionPass(ctx, node);
    },
  };
}

function podsOn(ctx: ControllerContext, nodeName: string): Pod[] {
  return (ctx.store.list('pods') as Pod[]).filter((p) => p.spec?.nodeName === nodeName);
}

function setPodReady(ctx: ControllerContext, pod: Pod, status: 'True' | 'False'): boolean {
  const conds = pod.status?.conditions ?? [];
  const i = conds.findIndex((c) => c.type === 'Ready');
  if (i < 0 || conds[i].status === status) return false;
  const next = clone(pod);
  next.status!.conditions![i] = { ...conds[i], status, lastTransitionTime: rfc3339(ctx.now) };
  ctx.api.updateStatus(next);
  return true;
}

/** monitorNodeHealth after the grace period: every condition Unknown, the pods NotReady. */
function markUnknown(ctx: ControllerContext, node: Node): Node {
  const st = section(ctx);
  const name = node.metadata.name!;
  st.saved[name] = clone(node.status?.conditions ?? []);
  const now = rfc3339(ctx.now);
  const next = clone(node);
  next.status = next.status ?? {};
  next.status.conditions = (next.status.conditions ?? []).map((c) =>
    NODE_CONDITION_TYPES.includes(c.type) ? { ...c, status: 'Unknown', reason: UNKNOWN_REASON, message: UNKNOWN_MESSAGE, lastTransitionTime: now } : c,
  );
  const updated = ctx.api.updateStatus(next) as Node;
  ctx.record(nodeReference(name, 'controller', updated.metadata.uid), 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, NODE_CONTROLLER);
  for (const pod of podsOn(ctx, name)) {
    if (setPodReady(ctx, pod, 'False')) ctx.record(pod, 'Warning', 'NodeNotReady', 'Node is not ready', NODE_CONTROLLER);
  }
  return updated;
}

/**
 * The kubelet is back and posts its status again: the conditions it had, with a fresh heartbeat,
 * and its pods Ready again where their containers are.
 */
function markPosting(ctx: ControllerContext, node: Node): Node {
  const st = section(ctx);
  const name = node.metadata.name!;
  const now = rfc3339(ctx.now);
  const saved = st.saved[name];
  delete st.saved[name];
  const next = clone(node);
  next.status = next.status ?? {};
  next.status.conditions = (next.status.conditions ?? []).map((c) => {
    if (c.reason !== UNKNOWN_REASON) return c;
    const before = saved?.find((s) => s.type === c.type) ?? kubeletDefault(c.type);
    return { ...before, lastHeartbeatTime: now, lastTransitionTime: now };
  });
  const updated = ctx.api.updateStatus(next) as Node;
  if (readyStatus(updated) === 'True') {
    ctx.record(nodeReference(name, 'kubelet'), 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`, { component: 'kubelet', host: name });
    for (const pod of podsOn(ctx, name)) {
      const containersReady = pod.status?.conditions?.find((c) => c.type === 'ContainersReady')?.status === 'True';
      if (containersReady && !pod.metadata.deletionTimestamp) setPodReady(ctx, pod, 'True');
    }
  }
  return updated;
}

function kubeletDefault(type: string): Condition {
  const table: Record<string, [string, string]> = {
    Ready: ['KubeletReady', 'kubelet is posting ready status'],
    MemoryPressure: ['KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    DiskPressure: ['KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    PIDPressure: ['KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  };
  const [reason, message] = table[type] ?? ['', ''];
  return { type, status: type === 'Ready' ? 'True' : 'False', reason, message };
}

/** doNoScheduleTaintingPass and the NoExecute tainting, in one write when anything changes. */
function taintPass(ctx: ControllerContext, node: Node): Node {
  const now = rfc3339(ctx.now);
  const current = node.spec?.taints ?? [];
  const wantNoSchedule = desiredNoScheduleKeys(node);
  let taints: Taint[] = current.filter((t) => !isControllerNoScheduleTaint(t) || wantNoSchedule.includes(t.key));
  for (const key of wantNoSchedule) {
    if (!taints.some((t) => t.key === key && t.effect === 'NoSchedule')) taints.push({ key, effect: 'NoSchedule', timeAdded: now });
  }
  const policy = taintingPolicy(ctx.store.list('nodes') as Node[], node);
  // a kubelet that just registered is NotReady for about a second, less than the 5 s between the
  // controller's looks at the nodes: it is not tainted NoExecute for it
  const starting = condition(node, 'Ready')?.message === RUNTIME_CHECK_PENDING;
  const want = policy.clear || starting ? undefined : desiredNoExecuteKey(node);
  const has = want !== undefined && taints.some((t) => t.key === want && t.effect === 'NoExecute');
  if (want === undefined || has) {
    // Ready again (or every zone down): the NoExecute taints go; else only the stale one of a swap
    taints = taints.filter((t) => !isControllerNoExecuteTaint(t) || t.key === want);
  } else if (policy.add) {
    taints = taints.filter((t) => !isControllerNoExecuteTaint(t));
    taints.push({ key: want, effect: 'NoExecute', timeAdded: now });
  }
  if (sameTaints(taints, current)) return node;
  const next = clone(node);
  if (taints.length) next.spec = { ...next.spec, taints };
  else delete next.spec.taints;
  return ctx.api.update(next) as Node;
}

function sameTaints(a: Taint[], b: Taint[]): boolean {
  return a.length === b.length && a.every((t, i) => t.key === b[i].key && t.effect === b[i].effect && t.value === b[i].value);
}

/**
 * The taint eviction controller for one node: a pod that does not tolerate every NoExecute taint
 * is deleted now; one that tolerates them for a limited time is deleted when the shortest of its
 * tolerationSeconds has passed since the taints appeared.
 */
function evictionPass(ctx: ControllerContext, node: Node): void {
  const st = section(ctx);
  const noExecute = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
  const name = node.metadata.name!;
  if (!noExecute.length && !Object.keys(st.evictions).length) return;
  let next = Infinity;
  for (const pod of podsOn(ctx, name)) {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (pod.metadata.deletionTimestamp) {
      delete st.evictions[key];
      continue;
    }
    const due = evictionDue(pod.spec.tolerations ?? [], noExecute, ctx.now);
    if (due === undefined) {
      if (st.evictions[key] !== undefined) {
        delete st.evictions[key];
        ctx.record(pod, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`, TAINT_EVICTION);
      }
      continue;
    }
    if (due > ctx.now) {
      st.evictions[key] = due;
      next = Math.min(next, due);
      continue;
    }
    delete st.evictions[key];
    evict(ctx, pod, key);
  }
  for (const key of Object.keys(st.evictions)) {
    if (!ctx.store.get('pods', key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1))) delete st.evictions[key];
  }
  if (next < Infinity) ctx.schedule(next, name);
}

/** When a pod must go for these NoExecute taints, or undefined if it may stay. */
export function evictionDue(tolerations: readonly Toleration[], noExecute: readonly Taint[], now: number): number | undefined {
  if (!noExecute.length) return undefined;
  const used: Toleration[] = [];
  for (const taint of noExecute) {
    const matching = tolerations.filter((t) => tolerates(t, taint));
    if (!matching.length) return now;
    used.push(...matching);
  }
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return now;
    min = Math.min(min, t.tolerationSeconds);
  }
  if (min === Infinity) return undefined;
  let since = Infinity;
  for (const taint of noExecute) {
    const added = parseTime(taint.timeAdded);
    since = Math.min(since, Number.isNaN(added) ? now : added);
  }
  return since + min * 1000;
}

function evict(ctx: ControllerContext, pod: Pod, key: string): void {
  ctx.record(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`, TAINT_EVICTION);
  const next = clone(pod);
  const cond: Condition = {
    type: 'DisruptionTarget',
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: rfc3339(ctx.now),
    reason: 'DeletionByTaintManager',
    message: 'Taint manager: deleting due to NoExecute taint',
  };
  next.status = { ...(next.status ?? {}), conditions: [...(next.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), cond] };
  ctx.api.updateStatus(next);
  ctx.api.delete('pods', pod.metadata.namespace, pod.metadata.name!);
}
