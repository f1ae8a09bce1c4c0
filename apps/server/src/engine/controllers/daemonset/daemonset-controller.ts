// The DaemonSet controller (pkg/controller/daemon): one pod per eligible node, pinned to it by
// node affinity (the default scheduler binds it), with the tolerations every daemon pod gets;
// failed pods are replaced, extra pods removed, and a RollingUpdate replaces old pods at most
// maxUnavailable at a time. ControllerRevision objects are not kept: the hash is computed from
// the template directly.

import { jsonEqual } from '../../api/json-equal';
import { ApiError } from '../../api/errors';
import { clone } from '../../api/store';
import { DaemonSet, Node, Pod, PodTemplateSpec } from '../../api/types';
import { fromLabelSelector, matches } from '../../api/selectors';

import { Controller, ControllerContext, keyOf, splitKey } from '../controller';
import { GenerationMemo, computeHash } from '../deployment/template-hash';
import { scaledValue } from '../deployment/rollout-math';
import { OwnerIndex } from '../replicaset/owner-index';
import { createPods } from '../replicaset/replicaset-controller';
import { availableAt, controllerRefOf, podChangeMatters, earliest, errorText, isPodAvailable, isPodReady, podFromTemplate, withControllerRef, withoutOwnerRef } from '../replicaset/pod-utils';
import { addDaemonPodTolerations, nodeShouldRunDaemonPod, pinToNode, targetNodeName } from './node-fit';
import { parseTime } from '../../time';

export const DAEMONSET_SOURCE = { component: 'daemonset-controller' };
export const CONTROLLER_REVISION_HASH = 'controller-revision-hash';
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';
const FAILED_BACKOFF_MS = 1000;
const FAILED_BACKOFF_MAX_MS = 15 * 60_000;

export function daemonSetController(): Controller {
  const pods = new OwnerIndex<Pod>('pods');
  const hashes = new GenerationMemo<string>();
  return {
    name: 'daemonset',
    resources: ['daemonsets', 'pods', 'nodes'],
    watch(ev, enqueue, ctx) {
      if (ev.resource === 'daemonsets') {
        enqueue(keyOf(ev.object));
      } else if (ev.resource === 'pods') {
        pods.observe(ev);
        if (ev.type === 'MODIFIED' && !podChangeMatters(ev.old as Pod, ev.object as Pod)) return;
        for (const p of [ev.old, ev.object]) {
          const ref = controllerRefOf(p);
          if (p && ref?.kind === 'DaemonSet') enqueue(`${p.metadata.namespace}/${ref.name}`);
        }
        if (ev.type !== 'DELETED' && !controllerRefOf(ev.object) && !ev.object.metadata.deletionTimestamp) {
          for (const ds of ctx.store.list('daemonsets', ev.object.metadata.namespace)) {
            if (matches(fromLabelSelector(ds.spec?.selector), ev.object.metadata.labels)) enqueue(keyOf(ds));
          }
        }
      } else if (ev.resource === 'nodes') {
        if (ev.type === 'MODIFIED' && !nodeFitChanged(ev.old as Node, ev.object as Node)) return;
        for (const ds of ctx.store.list('daemonsets')) enqueue(keyOf(ds));
      }
    },
    sync(key, ctx) {
      const { namespace, name } = splitKey(key);
      const ds = ctx.store.get('daemonsets', namespace, name) as DaemonSet | undefined;
      if (!ds || ds.metadata.deletionTimestamp) return;
      const hash = hashes.get(ds, String(collisionCountOf(ds) ?? ''), () => daemonSetHash(ds));
      syncDaemonSet(ctx, ds, pods, hash);
    },
  };
}

/** Only labels, taints and the name decide where daemon pods run (shouldIgnoreNodeUpdate). */
function nodeFitChanged(a: Node | undefined, b: Node): boolean {
  if (!a) return true;
  const la = a.metadata.labels ?? {};
  const lb = b.metadata.labels ?? {};
  const ka = Object.keys(la);
  if (ka.length !== Object.keys(lb).length || ka.some((k) => la[k] !== lb[k])) return true;
  const ta = a.spec?.taints ?? [];
  const tb = b.spec?.taints ?? [];
  return ta.length !== tb.length || ta.some((t, i) => t.key !== tb[i].key || t.value !== tb[i].value || t.effect !== tb[i].effect);
}

/** The template a daemon pod is made from: the DaemonSet's plus tolerations and the hash labels. */
export function daemonPodTemplate(ds: DaemonSet, hash: string): PodTemplateSpec {
  const t = clone(ds.spec.template);
  addDaemonPodTolerations(t.spec);
  t.metadata = { ...(t.metadata ?? {}), labels: { ...(t.metadata?.labels ?? {}), [TEMPLATE_GENERATION_LABEL]: String(templateGeneration(ds)), [CONTROLLER_REVISION_HASH]: hash } };
  return t;
}

/** The deprecated template generation the API server keeps in an annotation; the object generation without it. */
function templateGeneration(ds: DaemonSet): number {
  const v = Number.parseInt(ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? '', 10);
  return Number.isFinite(v) ? v : (ds.metadata.generation ?? 1);
}

function collisionCountOf(ds: DaemonSet): number | undefined {
  return (ds.status as Record<string, unknown> | undefined)?.collisionCount as number | undefined;
}

/** The controller-revision-hash of the DaemonSet's current template. */
export function daemonSetHash(ds: DaemonSet): string {
  return computeHash(ds.spec.template, collisionCountOf(ds));
}

function syncDaemonSet(ctx: ControllerContext, ds: DaemonSet, index: OwnerIndex<Pod>, hash: string): void {
  const template = daemonPodTemplate(ds, hash);
  const nodes = ctx.store.list('nodes') as Node[];
  const byNode = podsByNode(claimPods(ctx, ds, index));
  const backoff = ((ctx.runtime.sections.daemonset ??= {}).failedBackoff ??= {}) as Record<string, { until: number; delay: number }>;
  let wake: number | undefined;

  // manage: which nodes need a pod, which pods must go
  const toDelete: Pod[] = [];
  const needing: string[] = [];
  for (const node of nodes) {
    const nodeName = node.metadata.name!;
    const fit = nodeShouldRunDaemonPod(template.spec, node);
    const daemonPods = byNode.get(nodeName) ?? [];
    if (fit.shouldRun) {
      const running: Pod[] = [];
      for (const p of daemonPods) {
        if (p.metadata.deletionTimestamp) continue;
        if (p.status?.phase === 'Failed') {
          const bkey = `${ds.metadata.uid}/${nodeName}`;
          const b = backoff[bkey];
          if (b && b.until > ctx.now) {
            wake = earliest(wake, b.until);
            continue;
          }
          const delay = b ? Math.min(b.delay * 2, FAILED_BACKOFF_MAX_MS) : FAILED_BACKOFF_MS;
          backoff[bkey] = { until: ctx.now + delay, delay };
          ctx.record(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${nodeName}, will try to kill it`, DAEMONSET_SOURCE);
          toDelete.push(p);
          continue;
        }
        running.push(p);
      }
      if (running.length === 0) needing.push(nodeName);
      else if (running.length > 1) toDelete.push(...[...running].sort(byCreationAndPhase).slice(1));
    } else if (!fit.shouldContinue) {
      for (const p of daemonPods) if (!p.metadata.deletionTimestamp) toDelete.push(p);
    }
  }
  let acted = toDelete.length > 0 || needing.length > 0;
  syncNodes(ctx, ds, template, toDelete, needing);

  // rolling update, once the pod changes above have been observed (the expectations check)
  if (!acted && (ds.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
    const desired = nodes.filter((n) => nodeShouldRunDaemonPod(template.spec, n).shouldRun);
    const old = rollingUpdateVictims(ds, desired, byNode, hash, ctx.now);
    if (old.length) {
      acted = true;
      syncNodes(ctx, ds, template, old, []);
    }
  }

  const current = ctx.store.get('daemonsets', ds.metadata.namespace, ds.metadata.name!) as DaemonSet | undefined;
  if (current) writeStatus(ctx, current, template, nodes, acted ? podsByNode(claimPods(ctx, current, index)) : byNode, hash);
  for (const list of byNode.values()) for (const p of list) wake = earliest(wake, availableAt(p, ds.spec.minReadySeconds, ctx.now));
  if (wake !== undefined) ctx.schedule(wake, keyOf(ds));
}

/** Claims the DaemonSet's pods: owned ones that match, matching orphans adopted, the rest released. */
function claimPods(ctx: ControllerContext, ds: DaemonSet, index: OwnerIndex<Pod>): Pod[] {
  const selector = fromLabelSelector(ds.spec.selector);
  const uid = ds.metadata.uid!;
  const out: Pod[] = [];
  for (const p of index.owned(ctx.store, uid)) {
    if (matches(selector, p.metadata.labels)) out.push(p);
    else tryWrite(() => ctx.api.update(withoutOwnerRef(p, uid)));
  }
  if (!selector.length) return out;
  for (const p of index.orphansIn(ctx.store, ds.metadata.namespace!)) {
    if (p.metadata.deletionTimestamp || !matches(selector, p.metadata.labels)) continue;
    const adopted = tryWrite(() => ctx.api.update(withControllerRef(p, ds)) as Pod);
    if (adopted) out.push(adopted);
  }
  return out;
}

function podsByNode(pods: Pod[]): Map<string, Pod[]> {
  const m = new Map<string, Pod[]>();
  for (const p of pods) {
    // a finished pod that is being deleted no longer counts (includeDeletedTerminal = false)
    const terminal = p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
    if (terminal && p.metadata.deletionTimestamp) continue;
    const node = targetNodeName(p.spec);
    if (!node) continue;
    const list = m.get(node) ?? [];
    list.push(p);
    m.set(node, list);
  }
  return m;
}

/** podByCreationTimestampAndPhase: running before not running, then oldest, then name. */
function byCreationAndPhase(a: Pod, b: Pod): number {
  const ra = a.status?.phase === 'Running' ? 0 : 1;
  const rb = b.status?.phase === 'Running' ? 0 : 1;
  if (ra !== rb) return ra - rb;
  const d = parseTime(a.metadata.creationTimestamp) - parseTime(b.metadata.creationTimestamp);
  if (d !== 0) return d;
  return a.metadata.name! < b.metadata.name! ? -1 : 1;
}

/** Deletes `toDelete` and creates a pod for each node in `nodes` (slow start). */
function syncNodes(ctx: ControllerContext, ds: DaemonSet, template: PodTemplateSpec, toDelete: Pod[], nodes: string[]): void {
  if (nodes.length) {
    createPods(ctx, ds, nodes.length, DAEMONSET_SOURCE, (i) => {
      const pod = podFromTemplate(template, ds);
      pod.spec.affinity = pinToNode(pod.spec.affinity, nodes[i]);
      return pod;
    });
  }
  for (const p of toDelete) {
    try {
      ctx.api.delete('pods', p.metadata.namespace, p.metadata.name!);
      ctx.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, DAEMONSET_SOURCE);
    } catch (e) {
      if (e instanceof ApiError && e.reason === 'NotFound') continue;
      ctx.record(ds, 'Warning', 'FailedDelete', `Error deleting: ${errorText(e)}`, DAEMONSET_SOURCE);
    }
  }
}

function isPodUpdated(pod: Pod, hash: string, generation: number): boolean {
  const labels = pod.metadata.labels ?? {};
  return labels[CONTROLLER_REVISION_HASH] === hash || labels[TEMPLATE_GENERATION_LABEL] === String(generation);
}

/**
 * rollingUpdate with maxSurge 0: old pods that are unavailable go at once; available ones only
 * while fewer than maxUnavailable nodes are without an available up-to-date pod. (A maxSurge
 * above 0 is treated as 0.)
 */
function rollingUpdateVictims(ds: DaemonSet, desired: Node[], byNode: Map<string, Pod[]>, hash: string, now: number): Pod[] {
  const ru = ds.spec.updateStrategy?.rollingUpdate ?? {};
  let maxUnavailable = scaledValue(ru.maxUnavailable ?? 1, desired.length, true);
  const maxSurge = scaledValue(ru.maxSurge ?? 0, desired.length, true);
  if (desired.length > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  if (maxUnavailable === 0) maxUnavailable = 1;
  const generation = templateGeneration(ds);
  let unavailable = 0;
  const replace: Pod[] = [];
  const candidates: Pod[] = [];
  for (const node of desired) {
    const pods = (byNode.get(node.metadata.name!) ?? []).filter((p) => !p.metadata.deletionTimestamp);
    const fresh = pods.filter((p) => isPodUpdated(p, hash, generation));
    const stale = pods.filter((p) => !isPodUpdated(p, hash, generation));
    if (fresh.length > 1 || stale.length > 1 || (fresh.length === 0) === (stale.length === 0)) {
      unavailable++;
    } else if (fresh.length) {
      if (!isPodAvailable(fresh[0], ds.spec.minReadySeconds, now)) unavailable++;
    } else if (!isPodAvailable(stale[0], ds.spec.minReadySeconds, now)) {
      replace.push(stale[0]);
    } else if (unavailable < maxUnavailable) {
      candidates.push(stale[0]);
    }
  }
  const room = Math.min(Math.max(0, maxUnavailable - unavailable), candidates.length);
  return [...replace, ...candidates.slice(0, room)];
}

type DaemonSetStatus = NonNullable<DaemonSet['status']>;

function writeStatus(ctx: ControllerContext, ds: DaemonSet, template: PodTemplateSpec, nodes: Node[], byNode: Map<string, Pod[]>, hash: string): void {
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  const generation = templateGeneration(ds);
  for (const node of nodes) {
    const { shouldRun } = nodeShouldRunDaemonPod(template.spec, node);
    const pods = byNode.get(node.metadata.name!) ?? [];
    if (!shouldRun) {
      if (pods.length) misscheduled++;
      continue;
    }
    desired++;
    if (!pods.length) continue;
    current++;
    const pod = [...pods].sort(byCreationAndPhase)[0];
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, ds.spec.minReadySeconds, ctx.now)) available++;
    }
    if (isPodUpdated(pod, hash, generation)) updated++;
  }
  const status: DaemonSetStatus = {
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
  };
  if (ds.metadata.generation) status.observedGeneration = ds.metadata.generation;
  if (updated) status.updatedNumberScheduled = updated;
  if (available) status.numberAvailable = available;
  if (desired - available) status.numberUnavailable = desired - available;
  const extra = ds.status as Record<string, unknown> | undefined;
  if (extra?.collisionCount !== undefined) (status as Record<string, unknown>).collisionCount = extra.collisionCount;
  if (jsonEqual(status, ds.status ?? {})) return;
  tryWrite(() => ctx.api.updateStatus({ ...ds, status }));
}

function tryWrite<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ApiError) return undefined;
    throw e;
  }
}

