// The kubelet's pod worker for one pod: sandbox and IP, image pulls with their back-off, config
// errors, container starts, exits, restarts with the crash-loop back-off, probes, graceful
// termination. Transitions happen at their due times (one timer per pod, the earliest); all
// transitions at one instant are applied, then the status is written once, if it changed.

import { applyProcessHooks } from './process-hooks';
import '../../containers/client-process';
import '../../containers/database-files';
import { jsonEqual } from '../../api/json-equal';
import { Container, Pod } from '../../api/types';
import type { MachineState } from '../../cluster-state';
import { FAILED_PULL_MS, imageIdOf, imageNameOf, lookupImage, pullDurationMs, pullErrorMessage } from '../../images/catalog';
import { fakeSha256 } from '../../images/digest';
import { machineImageKey, normalizedNameError } from '../../images/image-ref';
import { goDuration } from '../../time';
import { ControllerContext, splitKey } from '../controller';
import { BACKOFF_MAX_MS, inBackoff, nextBackoff, resyncAfterError } from './backoff';
import { ResolvedEnv, resolveContainerEnv } from './env';
import { fieldPathOf, msg, podDesc, recordKubeletEvent } from './events';
import { allocatePodIP, releasePodIP } from './ip-allocator';
import { planProcess, processArgv } from './process-model';
import { mountedFiles } from './volume-files';
import { evictPod } from './volume-eviction';
import { mountRetryDelay, setUpVolumes } from './volume-setup';
import { unattachableVolumes } from '../attachdetach/cloud-volumes';
import { evaluateProbe, probeTimeline } from './probes';
import { ContainerRuntime, KubeletSection, PodRuntime, RunRecord, kubeletSection } from './runtime-state';
import { computePodStatus } from './status';
import { skipResourceVersions } from './store-versions';

/** the sandbox (pause container, network) is ready this long after the pod reaches the node */
export const SANDBOX_MS = 1000;
/** the kubelet notices an exit (PLEG relist) and acts on it about a second later */
export const SYNC_DELAY_MS = 1000;
/** re-checking a present image under imagePullPolicy Always */
export const PRESENT_PULL_MS = 500;

export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/** set while the kubelet writes a pod status, so its own watch skips the echo (synchronous) */
export const ownStatusWrite = { active: false };

interface SyncEnv {
  ctx: ControllerContext;
  key: string;
  pod: Pod;
  prt: PodRuntime;
  machine: MachineState;
  section: KubeletSection;
}

export function syncPod(ctx: ControllerContext, key: string): void {
  const section = kubeletSection(ctx.runtime);
  const { namespace, name } = splitKey(key);
  const pod = ctx.store.get('pods', namespace, name) as Pod | undefined;
  let prt: PodRuntime | undefined = section.pods[key];
  if (!pod || !pod.spec.nodeName) {
    if (prt && !prt.staticHash) forget(section, key, prt);
    return;
  }
  const mirrorHash = pod.metadata.annotations?.[MIRROR_ANNOTATION];
  if (prt && (prt.node !== pod.spec.nodeName || (prt.uid !== pod.metadata.uid && !(mirrorHash && prt.staticHash === mirrorHash)))) {
    forget(section, key, prt);
    prt = undefined;
  }
  const machine = ctx.runtime.machines[pod.spec.nodeName];
  // a stopped kubelet or a machine that is off does nothing: the pod's status stays as it was
  if (machine && !machine.poweredOn) (section.poweredOff ??= {})[machine.name] = true;
  if (!machine || !machine.kubeletRunning || !machine.poweredOn) return;
  if (section.poweredOff?.[machine.name]) {
    // the machine came back: its machine sync restarts what was running first
    ctx.enqueue('kubelet', `machine:${machine.name}`);
    return;
  }
  if (mirrorHash && pod.metadata.deletionTimestamp) {
    // deleting a mirror pod does not stop the static pod; the kubelet recreates the mirror
    ctx.api.delete('pods', namespace, name, { gracePeriodSeconds: 0 });
    ctx.enqueue('kubelet', `machine:${pod.spec.nodeName}`);
    return;
  }
  let arrived = false;
  if (!prt) {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      if (pod.metadata.deletionTimestamp) ctx.api.delete('pods', namespace, name, { gracePeriodSeconds: 0 });
      return;
    }
    prt = newPodRuntime(pod, ctx.now, mirrorHash);
    if (unattachableVolumes(ctx.store, ctx.config, pod).length) prt.waitingForAttach = true;
    section.pods[key] = prt;
    arrived = true;
  }
  prt.uid = pod.metadata.uid!;
  const env: SyncEnv = { ctx, key, pod, prt, machine, section };
  if (arrived && !pod.metadata.deletionTimestamp) mountVolumes(env, ctx.now);
  if (!pod.metadata.deletionTimestamp) restartChanged(env, ctx.now);
  advance(env, ctx.now);
}

/**
 * computePodActions after a pod update changed a container's image (the one field of a container
 * an update may change): a running container is killed, "definition changed", and restarted
 * whatever the restart policy; one waiting (back-off, a failed pull, a name it could not parse)
 * begins again at once with the new image, its back-off entries being keyed by the container's
 * hash and the image. One pulling picks up the change once its pull ends.
 */
function restartChanged(env: SyncEnv, t: number): void {
  const { pod, prt } = env;
  for (const c of prt.containers) {
    if (c.init || c.image === undefined || (specOf(pod, c).image ?? '') === c.image) continue;
    switch (c.stage) {
      case 'running': {
        const run = c.current!;
        if (run.killed) break;
        event(env, c, 'Normal', 'Killing', msg.definitionChanged(c.name), t);
        run.killed = true;
        run.changed = true;
        c.backoff = undefined;
        c.cycle = undefined;
        const grace = (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
        const stop = run.plan.stopMs;
        exit(env, c, t + (stop !== undefined && stop < grace ? stop : grace), stop !== undefined && stop < grace ? 0 : 137);
        break;
      }
      case 'pullFailed':
      case 'pullBackoff':
        c.stage = 'pullBackoff';
        c.pullBackoff = undefined;
        c.cycle = undefined;
        c.nextAt = t;
        break;
      case 'crashBackoff':
        c.backoff = undefined;
        c.cycle = undefined;
        c.nextAt = t;
        break;
      case 'configError':
        c.nextAt = t;
        break;
      default:
        break;
    }
  }
}

function newPodRuntime(pod: Pod, now: number, staticHash: string | undefined): PodRuntime {
  // map and concat make the list at its length (a spread keeps room for 17 in every pod's runtime)
  const main = pod.spec.containers.map((c): ContainerRuntime => ({ name: c.name, init: false, stage: 'fresh', restartCount: 0 }));
  const inits = pod.spec.initContainers;
  const containers = inits?.length ? inits.map((c): ContainerRuntime => ({ name: c.name, init: true, stage: 'fresh', restartCount: 0 })).concat(main) : main;
  return {
    uid: pod.metadata.uid!,
    node: pod.spec.nodeName!,
    ...(staticHash ? { staticHash } : {}),
    startTime: now,
    sandboxAt: now + SANDBOX_MS,
    containers,
    conditions: {},
    writes: 0,
  };
}

export function forget(section: KubeletSection, key: string, prt: PodRuntime): void {
  releasePodIP(section, prt.node, prt.ip, key);
  delete section.pods[key];
}

/** Applies every transition due up to `until`, instant by instant, then schedules the next one. */
function advance(env: SyncEnv, until: number): void {
  const { ctx } = env;
  let guard = 0;
  let applied = false;
  for (;;) {
    if (++guard > 10_000) throw new Error(`kubelet: pod ${env.key} did not settle`);
    const due = nextDue(env);
    if (due === undefined || due > until) {
      if (due !== undefined) ctx.schedule(due, env.key);
      break;
    }
    applied = true;
    if (closedFormCatchUp(env, due)) continue;
    if (!applyInstant(env, due)) return;
    if (!env.section.pods[env.key]) return; // the pod is gone
  }
  // nothing was due: the status at the pod's arrival (Pending, ContainerCreating) or after a change
  if (!applied) writeStatus(env, ctx.now);
}

function nextDue(env: SyncEnv): number | undefined {
  const { prt, pod } = env;
  // the earliest of the candidate times (plain comparisons: this runs after every transition)
  let due: number | undefined;
  // WaitForAttachAndMount comes before the sandbox: a volume never attached or not set up holds the pod there
  if (!prt.ip && !prt.waitingForAttach && !prt.mount) due = earlier(due, prt.sandboxAt);
  if (pod.metadata.deletionTimestamp) {
    if (!prt.terminating) due = earlier(due, Math.max(prt.startTime, env.ctx.now));
    else {
      // only containers still running have a stop ahead of them
      for (const [name, t] of Object.entries(prt.terminating.stopAt)) {
        if (prt.containers.find((c) => c.name === name)?.stage === 'running') due = earlier(due, t);
      }
    }
    return due;
  }
  if (prt.mount) due = earlier(due, prt.mount.retryAt);
  for (const c of prt.containers) due = earlier(due, c.nextAt);
  if (prt.eviction && !prt.eviction.done) due = earlier(due, prt.eviction.at);
  return due;
}

function earlier(due: number | undefined, t: number | undefined): number | undefined {
  return t !== undefined && (due === undefined || t < due) ? t : due;
}

/** Applies what is due at `t`; false when the pod was deleted. */
function applyInstant(env: SyncEnv, t: number): boolean {
  const { prt, pod, machine } = env;
  if (prt.mount && prt.mount.retryAt <= t && !pod.metadata.deletionTimestamp) mountVolumes(env, t);
  if (!prt.ip && !prt.waitingForAttach && !prt.mount && prt.sandboxAt <= t) {
    prt.ip = pod.spec.hostNetwork ? machine.ip : allocatePodIP(env.section, machine, env.key) ?? machine.ip;
    kick(env, t);
  }
  if (pod.metadata.deletionTimestamp) {
    if (!terminate(env, t)) return false;
  } else if (prt.eviction && !prt.eviction.done && prt.eviction.at <= t) {
    prt.writes += evictPod(env.ctx, pod, prt, t);
  } else {
    for (const c of prt.containers) {
      if (c.nextAt !== undefined && c.nextAt <= t) {
        c.nextAt = undefined;
        transition(env, c, t);
        kick(env, t);
      }
    }
  }
  writeStatus(env, t);
  return true;
}

/**
 * The volume manager's SetUp of the pod's volumes (all of them when the pod arrives, then those
 * that failed): a Warning FailedMount for each that fails, retried after the operation's
 * exponential back-off. Once every one is set up, the sandbox follows.
 */
function mountVolumes(env: SyncEnv, t: number): void {
  const { prt, pod, ctx } = env;
  const failed = setUpVolumes(ctx.nodeFiles(prt.node), pod, t, prt.mount?.volumes, ctx.store);
  for (const f of failed) prt.writes += recordKubeletEvent(ctx, pod, 'Warning', 'FailedMount', f.message, undefined, t).writes;
  if (failed.length) {
    const failures = (prt.mount?.failures ?? 0) + 1;
    prt.mount = { volumes: failed.map((f) => f.volume), failures, retryAt: t + mountRetryDelay(failures) };
  } else if (prt.mount) {
    delete prt.mount;
    prt.sandboxAt = t + SANDBOX_MS;
  }
}

/** Lets the next container begin: init containers one by one, then the others, one pull at a time. */
function kick(env: SyncEnv, t: number): void {
  const { prt } = env;
  if (!prt.ip) return;
  const pendingInit = prt.containers.find((c) => c.init && !(c.stage === 'done' && c.current?.exitCode === 0));
  if (pendingInit) {
    if (pendingInit.stage === 'fresh' && pendingInit.nextAt === undefined) pendingInit.nextAt = t;
    return;
  }
  if (prt.containers.some((c) => !c.init && c.stage === 'pulling' && !c.current)) return;
  const next = prt.containers.find((c) => !c.init && c.stage === 'fresh');
  if (next && next.nextAt === undefined) next.nextAt = t;
}

function specOf(pod: Pod, c: ContainerRuntime): Container {
  return (c.init ? pod.spec.initContainers ?? [] : pod.spec.containers).find((s) => s.name === c.name)!;
}

function event(env: SyncEnv, c: ContainerRuntime, type: 'Normal' | 'Warning', reason: string, message: string, t: number, times = 1): void {
  const r = recordKubeletEvent(env.ctx, env.pod, type, reason, message, fieldPathOf(env.pod, c.name, c.init), t, (c.repeat ?? 1) * times);
  env.prt.writes += r.writes;
  let key: string | undefined;
  for (const x of env.prt.containers) {
    if (!x.cycle) continue;
    if (r.created) x.cycle.created = true;
    // the Events this cycle refreshes: their TTL timers cannot fire while it repeats
    if (!r.event) continue;
    key ??= `${r.event.metadata.namespace}/${r.event.metadata.name}`;
    if (!(x.cycle.events ??= []).includes(key)) x.cycle.events.push(key);
  }
}

function transition(env: SyncEnv, c: ContainerRuntime, t: number): void {
  switch (c.stage) {
    case 'crashBackoff':
      return crashBackoffSync(env, c, t);
    case 'pullFailed':
    case 'pullBackoff':
      return pullBackoffSync(env, c, t);
    case 'fresh':
    case 'configError':
      return begin(env, c, t);
    case 'pulling':
      return pulled(env, c, t);
    case 'running':
      return running(env, c, t);
    case 'exited':
      return decide(env, c, t);
    default:
      return;
  }
}

/**
 * SyncPod's per-container start (kuberuntime startContainer): the image first (EnsureImageExists:
 * a name it cannot parse, the pull policy, the pull), then the container's config, then create
 * and start.
 */
function begin(env: SyncEnv, c: ContainerRuntime, t: number): void {
  const { pod, machine, ctx } = env;
  const spec = specOf(pod, c);
  if (c.stage === 'crashBackoff') c.backoff = nextBackoff(c.backoff, c.current?.finishedAt ?? t, t);
  const image = spec.image ?? '';
  c.image = image;
  const invalid = normalizedNameError(image);
  if (invalid) {
    c.stage = 'configError';
    c.reason = 'InvalidImageName';
    c.message = msg.invalidName(image, invalid);
    event(env, c, 'Warning', 'InspectFailed', c.message, t);
    event(env, c, 'Warning', 'Failed', msg.error('InvalidImageName'), t);
    return; // retried when the pod's image changes (or a ConfigMap or Secret of the namespace does)
  }
  const found = lookupImage(image, ctx.runtime.unavailableImages);
  const present = found.ok && machine.images.includes(machineImageKey(found.ref));
  const policy = spec.imagePullPolicy ?? 'IfNotPresent';
  if (policy === 'Never' && !present) {
    c.stage = 'configError';
    c.reason = 'ErrImageNeverPull';
    c.message = msg.neverPull(image);
    event(env, c, 'Warning', 'ErrImageNeverPull', msg.neverPull(image), t);
    event(env, c, 'Warning', 'Failed', msg.error('ErrImageNeverPull'), t);
    return;
  }
  if (present && policy !== 'Always') {
    event(env, c, 'Normal', 'Pulled', msg.present(image), t);
    return start(env, c, t);
  }
  event(env, c, 'Normal', 'Pulling', msg.pulling(image), t);
  c.stage = 'pulling';
  c.pullStartedAt = t;
  c.nextAt = t + (!found.ok ? FAILED_PULL_MS : present ? PRESENT_PULL_MS : pullDurationMs(found.info.size, machine.pullDelayMs ?? 0));
}

function pulled(env: SyncEnv, c: ContainerRuntime, t: number): void {
  const { pod, machine, ctx } = env;
  const spec = specOf(pod, c);
  const image = spec.image ?? '';
  // the pod's image changed while the old one was pulling: begin again with the new one
  if (c.image !== undefined && image !== c.image) return begin(env, c, t);
  const found = lookupImage(image, ctx.runtime.unavailableImages);
  if (!found.ok) {
    const err = pullErrorMessage(found.ref, found.reason);
    event(env, c, 'Warning', 'Failed', msg.pullFailed(image, err), t);
    event(env, c, 'Warning', 'Failed', msg.error('ErrImagePull'), t);
    const first = !c.pullBackoff && !c.current;
    c.stage = 'pullFailed';
    c.message = err;
    c.pullBackoff = nextBackoff(c.pullBackoff, t, t);
    c.failedAt = t;
    c.backoffSyncs = 0;
    // a pod's first pull follows the creation of its sandbox, whose PLEG event makes the pod worker
    // sync again as soon as this sync ends (BackOff at once); later failures wait for its 10-15 s requeue
    if (first) c.nextAt = t + SYNC_DELAY_MS;
    else resyncAfterFailure(env, c, t);
    return;
  }
  const key = machineImageKey(found.ref);
  if (!machine.images.includes(key)) machine.images.push(key);
  const took = t - (c.pullStartedAt ?? t);
  event(env, c, 'Normal', 'Pulled', msg.pulled(image, took, found.info.size), t);
  start(env, c, t);
}

/**
 * EnsureImageExists in back-off: the BackOff event, and (since v1.32) a waiting message that keeps
 * the last pull's error after its reason, `Back-off pulling image "x": ErrImagePull: rpc error: ...`.
 */
function enterPullBackoff(env: SyncEnv, c: ContainerRuntime, t: number): void {
  const image = specOf(env.pod, c).image ?? '';
  event(env, c, 'Normal', 'BackOff', msg.backOffPull(image), t);
  event(env, c, 'Warning', 'Failed', msg.error('ImagePullBackOff'), t);
  if (c.stage === 'pullBackoff') return;
  c.stage = 'pullBackoff';
  c.message = `${msg.backOffPull(image)}: ErrImagePull: ${c.message ?? ''}`;
}

/**
 * A sync of a pod whose image pull failed: within the pull's back-off (counted from the failure,
 * IsInBackOffSinceUpdate) it says BackOff and ImagePullBackOff and fails, the pod worker syncing
 * again 10-15 s later; past it, the image is pulled again (so with the first back-off, 10 s, the
 * requeued sync always pulls again: the status turns ErrImagePull, ImagePullBackOff and back).
 */
function pullBackoffSync(env: SyncEnv, c: ContainerRuntime, t: number): void {
  if (!inBackoff(c.pullBackoff, c.failedAt ?? t, t)) {
    c.backoffSyncs = 0;
    c.retryFrom = c.stage === 'pullBackoff' ? 'ImagePullBackOff' : 'ErrImagePull';
    return begin(env, c, t);
  }
  enterPullBackoff(env, c, t);
  resyncAfterFailure(env, c, t);
}

/** The pod worker's requeue of a failed sync: the next of this wait's jittered resyncs. */
function resyncAfterFailure(env: SyncEnv, c: ContainerRuntime, t: number): void {
  c.backoffSyncs = (c.backoffSyncs ?? 0) + 1;
  const waiting = c.stage === 'crashBackoff' ? c.backoff : c.pullBackoff;
  c.nextAt = resyncAfterError(env.prt.uid, c.name, waiting?.ms ?? 0, c.backoffSyncs, t);
}

export function runId(uid: string, name: string, restartCount: number): string {
  return fakeSha256(`${uid}/${name}/${restartCount}`);
}

function start(env: SyncEnv, c: ContainerRuntime, t: number): void {
  const { pod, ctx, prt } = env;
  const spec = specOf(pod, c);
  const found = lookupImage(spec.image ?? '', ctx.runtime.unavailableImages);
  if (!found.ok) return;
  // generateContainerConfig: a missing ConfigMap, Secret or key stops here, after the pull
  const resolved = resolveContainerEnv(pod, spec, ctx.api, nodeAllocatable(env));
  if (resolved.error) {
    c.stage = 'configError';
    c.reason = undefined;
    c.message = resolved.error;
    event(env, c, 'Warning', 'Failed', msg.error(resolved.error), t);
    return; // retried when a ConfigMap or Secret of the namespace changes
  }
  if (c.current) {
    c.previous = c.current;
    c.restartCount++;
  }
  const run = newRun(env, c, spec, t, resolved);
  c.current = run;
  c.imageName = imageNameOf(found.ref);
  c.imageID = imageIdOf(found.ref, found.info);
  c.stage = 'running';
  c.message = undefined;
  if (c.retryFrom) c.retryFrom = '';
  event(env, c, 'Normal', 'Created', msg.created(c.name), t);
  event(env, c, 'Normal', 'Started', msg.started(c.name), t);
  // readiness: without a probe, ready at once; with one, after its initial delay if it passes
  c.readyAt = undefined;
  c.unhealthyAt = undefined;
  c.killAt = undefined;
  const ip = prt.ip ?? '';
  if (!spec.readinessProbe) c.readyAt = t;
  else {
    const r = probeTimeline(spec.readinessProbe, spec, run.plan, ip);
    if (r.firstPass !== undefined) c.readyAt = t + r.firstPass;
    // a probe failing from the start reports once a period has passed without success
    if (r.firstFail !== undefined && (r.firstPass === undefined || r.firstFail < r.firstPass)) c.unhealthyAt = t + r.firstFail;
  }
  if (spec.livenessProbe && !c.init) {
    const r = probeTimeline(spec.livenessProbe, spec, run.plan, ip);
    if (r.failedOut !== undefined) c.killAt = t + r.failedOut;
  }
  if (run.plan.exitAfterMs === 0) return exit(env, c, t, run.plan.exitCode);
  scheduleRunning(c);
}

function newRun(env: SyncEnv, c: ContainerRuntime, spec: Container, t: number, known?: ResolvedEnv): RunRecord {
  const { pod, ctx, prt } = env;
  const found = lookupImage(spec.image ?? '', ctx.runtime.unavailableImages);
  const vars = found.ok ? (known ?? resolveContainerEnv(pod, spec, ctx.api, nodeAllocatable(env))).vars : [];
  const plan = found.ok
    ? planProcess({ container: spec, image: found.info, env: vars, hostname: pod.spec.hostNetwork ? prt.node : pod.spec.hostname ?? pod.metadata.name!, ip: prt.ip ?? '', namespace: pod.metadata.namespace ?? 'default', startedAt: t, mounted: () => mountedFiles(ctx, pod, spec) })
    : { ports: [], exitCode: 0, lines: [] };
  const image = found.ok ? found.info : undefined;
  const argv = (): string[] => (image ? processArgv(spec, image, vars) : []);
  const id = runId(prt.uid, c.name, c.restartCount);
  return { id, startedAt: t, plan: applyProcessHooks(plan, { pod, container: spec, store: ctx.store, at: t, runId: id, ctx, image, argv, env: vars }) };
}

function scheduleRunning(c: ContainerRuntime): void {
  const run = c.current!;
  const times = [c.killAt, c.unhealthyAt, run.plan.exitAfterMs !== undefined ? run.startedAt + run.plan.exitAfterMs : undefined, c.readyAt !== undefined && c.readyAt > run.startedAt ? c.readyAt : undefined];
  let next: number | undefined;
  for (const x of times) if (x !== undefined && x > (c.lastAt ?? -Infinity) && (next === undefined || x < next)) next = x;
  c.nextAt = next;
}

function running(env: SyncEnv, c: ContainerRuntime, t: number): void {
  const spec = specOf(env.pod, c);
  c.lastAt = t;
  const run = c.current!;
  const exitAt = run.plan.exitAfterMs !== undefined ? run.startedAt + run.plan.exitAfterMs : undefined;
  if (c.unhealthyAt !== undefined && c.unhealthyAt <= t) {
    const r = evaluateProbe(spec.readinessProbe!, spec, run.plan, env.prt.ip ?? '', t - run.startedAt);
    event(env, c, 'Warning', 'Unhealthy', `Readiness probe failed: ${r.output ?? ''}`, t);
    c.unhealthyAt = undefined;
  }
  if (c.killAt !== undefined && c.killAt <= t && (exitAt === undefined || exitAt > t)) {
    const p = spec.livenessProbe!;
    const r = evaluateProbe(p, spec, run.plan, env.prt.ip ?? '', t - run.startedAt);
    event(env, c, 'Warning', 'Unhealthy', `Liveness probe failed: ${r.output ?? ''}`, t, p.failureThreshold ?? 3);
    event(env, c, 'Normal', 'Killing', msg.livenessKill(c.name), t);
    run.killed = true;
    const grace = (p.terminationGracePeriodSeconds ?? env.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    const stop = run.plan.stopMs;
    return exit(env, c, t + (stop !== undefined && stop < grace ? stop : grace), stop !== undefined && stop < grace ? 0 : 137);
  }
  if (exitAt !== undefined && exitAt <= t) return exit(env, c, exitAt, run.plan.exitCode);
  scheduleRunning(c);
}

function exit(env: SyncEnv, c: ContainerRuntime, at: number, code: number): void {
  const run = c.current!;
  run.finishedAt = at;
  run.exitCode = code;
  run.reason = code === 0 ? 'Completed' : 'Error';
  c.stage = 'exited';
  // a container killed by the kubelet stays ready until its grace period ends (status.ts)
  if (!run.killed) c.readyAt = undefined;
  c.lastAt = undefined;
  c.nextAt = at + SYNC_DELAY_MS;
}

/** After an exit: done, restart now, or wait out the back-off (kuberuntime doBackOff). */
function decide(env: SyncEnv, c: ContainerRuntime, t: number): void {
  const policy = env.pod.spec.restartPolicy ?? 'Always';
  const code = c.current?.exitCode ?? 0;
  if (!c.current?.changed && (policy === 'Never' || (code === 0 && (policy === 'OnFailure' || c.init)))) {
    c.stage = 'done';
    return;
  }
  const finished = c.current?.finishedAt ?? t;
  if (inBackoff(c.backoff, finished, t)) {
    c.stage = 'crashBackoff';
    c.message = `back-off ${goDuration(c.backoff!.ms)} restarting failed container=${c.name} pod=${podDesc(env.pod)}`;
    c.backoffSyncs = 0;
    return crashBackoffSync(env, c, t);
  }
  c.backoff = nextBackoff(c.backoff, finished, t);
  c.stage = 'fresh';
  begin(env, c, t);
}

/**
 * A sync of a pod whose container waits out its crash back-off (doBackOff): while it lasts, the
 * sync records BackOff and fails, and the pod worker syncs again 10-15 s later; the first sync
 * after it ends restarts the container.
 */
function crashBackoffSync(env: SyncEnv, c: ContainerRuntime, t: number): void {
  if (!inBackoff(c.backoff, c.current?.finishedAt ?? t, t)) {
    // zeroed, never removed: a member's place in the object is part of the serialized state
    c.backoffSyncs = 0;
    c.retryFrom = 'CrashLoopBackOff';
    return begin(env, c, t);
  }
  event(env, c, 'Warning', 'BackOff', msg.backOffRestart(c.name, env.pod), t);
  resyncAfterFailure(env, c, t);
}

/** Graceful termination: Killing, containers stop after min(grace, their stop time), then delete. */
function terminate(env: SyncEnv, t: number): boolean {
  const { prt, pod, ctx } = env;
  if (!prt.terminating) {
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    const stopAt: Record<string, number> = {};
    for (const c of prt.containers) {
      c.nextAt = undefined;
      if (c.stage !== 'running') continue;
      event(env, c, 'Normal', 'Killing', msg.killing(c.name), t);
      const stop = c.current!.plan.stopMs;
      stopAt[c.name] = t + (stop !== undefined && stop < grace ? stop : grace);
    }
    prt.terminating = { since: t, stopAt };
  }
  for (const c of prt.containers) {
    const at = prt.terminating.stopAt[c.name];
    if (at === undefined || at > t || c.stage !== 'running') continue;
    const stop = c.current!.plan.stopMs;
    const graceful = stop !== undefined && at - prt.terminating.since === stop;
    const run = c.current!;
    const exitAt = run.plan.exitAfterMs !== undefined ? run.startedAt + run.plan.exitAfterMs : undefined;
    run.finishedAt = exitAt !== undefined && exitAt < at ? exitAt : at;
    run.exitCode = exitAt !== undefined && exitAt < at ? run.plan.exitCode : graceful ? 0 : 137;
    run.reason = run.exitCode === 0 ? 'Completed' : 'Error';
    c.stage = 'done';
    c.readyAt = undefined;
  }
  if (Object.keys(prt.terminating.stopAt).every((n) => prt.containers.find((c) => c.name === n)?.stage !== 'running')) {
    writeStatus(env, t);
    const { namespace, name } = splitKey(env.key);
    forget(env.section, env.key, prt);
    if (ctx.store.get('pods', namespace, name)) ctx.api.delete('pods', namespace, name, { gracePeriodSeconds: 0 });
    return false;
  }
  return true;
}

function nodeAllocatable(env: SyncEnv): Record<string, string> | undefined {
  const node = env.ctx.store.get('nodes', undefined, env.prt.node);
  return node?.status?.allocatable;
}

function writeStatus(env: SyncEnv, t: number): void {
  const { ctx, key, prt } = env;
  const { namespace, name } = splitKey(key);
  const cur = ctx.store.get('pods', namespace, name) as Pod | undefined;
  if (!cur) return;
  const status = computePodStatus(cur, prt, env.machine.ip, t);
  if (jsonEqual(status, cur.status)) return;
  // the status subresource reads only the identity, version and status of what it is given
  const next: Pod = { ...cur, status };
  const before = ctx.store.resourceVersion;
  ownStatusWrite.active = true;
  try {
    env.pod = ctx.api.updateStatus(next) as Pod;
  } finally {
    ownStatusWrite.active = false;
  }
  prt.writes += ctx.store.resourceVersion - before;
}

// ---- closed form -----------------------------------------------------------------------------

/**
 * A container crash-looping at the 5-minute cap repeats the same cycle (restart, exit, back-off)
 * forever. When such a cycle is due and the last one was a clean repeat (same writes, nothing
 * else wrote meanwhile), skip the cycles that fit before the horizon and the next other timer:
 * counters, times and resourceVersions advance as if they had run, then the last one runs for
 * real with its events counted `skipped + 1` times.
 */
function closedFormCatchUp(env: SyncEnv, due: number): boolean {
  const { prt, ctx } = env;
  const loop = prt.containers.find((c) => c.nextAt === due && (c.stage === 'crashBackoff' || c.stage === 'pullBackoff'));
  if (!loop) return false;
  // a client's every run reaches into the cluster (a server logs it): none may be skipped
  if (loop.current?.plan.client) return false;
  // a cycle begins with the restart or the new pull: a sync that finds the back-off still running is inside one
  if (loop.stage === 'crashBackoff' && inBackoff(loop.backoff, loop.current?.finishedAt ?? due, due)) return false;
  if (loop.stage === 'pullBackoff' && inBackoff(loop.pullBackoff, loop.failedAt ?? due, due)) return false;
  const pulling = loop.stage === 'pullBackoff';
  const others = prt.containers.filter((c) => c !== loop);
  const mark = loop.cycle;
  const atCap = (pulling ? loop.pullBackoff?.ms : loop.backoff?.ms) === BACKOFF_MAX_MS;
  const period = mark ? due - mark.startAt : 0;
  const pure =
    mark !== undefined &&
    mark.atCap &&
    atCap &&
    !mark.created &&
    period > 0 &&
    ctx.store.resourceVersion - mark.startRv === prt.writes - mark.startWrites &&
    others.every((c) => c.nextAt === undefined) &&
    !env.pod.metadata.deletionTimestamp &&
    !(prt.eviction && !prt.eviction.done) &&
    (pulling || (loop.current?.plan.exitAfterMs ?? Infinity) < BACKOFF_MAX_MS);
  const writesPerCycle = mark ? prt.writes - mark.startWrites : 0;
  // mark the start of this cycle before anything of it happens
  loop.cycle = { startAt: due, startRv: ctx.store.resourceVersion, startWrites: prt.writes, atCap, created: false };
  if (!pure) return false;
  // the TTL timers of the Events this loop refreshes every cycle never come due while it repeats
  const ignore = (mark.events ?? []).map((key) => ({ controller: 'event-ttl', key }));
  const limit = Math.min(ctx.horizon, ctx.nextTimerAt(env.key, ignore) - 1);
  const cycles = Math.floor((limit - due + 1) / period);
  const skip = cycles - 1;
  if (skip < 1) return false;
  // advance the state by `skip` cycles
  const shift = skip * period;
  const later = (t: number | undefined): number | undefined => (t === undefined ? undefined : t + shift);
  if (pulling) {
    loop.failedAt = later(loop.failedAt);
    loop.pullStartedAt = later(loop.pullStartedAt);
    if (loop.pullBackoff) loop.pullBackoff = { ms: loop.pullBackoff.ms, lastUpdate: loop.pullBackoff.lastUpdate + shift };
  } else {
    const spec = specOf(env.pod, loop);
    loop.restartCount += skip;
    const shiftRun = (run: RunRecord | undefined, restarts: number): RunRecord | undefined => {
      if (!run) return run;
      const startedAt = run.startedAt + shift;
      const fresh = newRun(env, loop, spec, startedAt);
      return { ...run, id: runId(prt.uid, loop.name, restarts), startedAt, ...(run.finishedAt !== undefined ? { finishedAt: run.finishedAt + shift } : {}), plan: fresh.plan };
    };
    loop.current = shiftRun(loop.current, loop.restartCount);
    loop.previous = shiftRun(loop.previous, loop.restartCount - 1);
    if (loop.backoff) loop.backoff = { ms: loop.backoff.ms, lastUpdate: loop.backoff.lastUpdate + shift };
  }
  loop.nextAt = due + shift;
  // the skipped cycles' writes, the last of them the status as the last one left it (its runs'
  // times shifted): a retry's pull keeps the status as it was, so the real cycle below must find
  // that status already written to make the writes a steady cycle makes
  skipResourceVersions(ctx.store, skip * writesPerCycle - 1);
  prt.writes += skip * writesPerCycle - 1;
  const unwritten = prt.writes;
  writeStatus(env, due + shift);
  if (prt.writes === unwritten) {
    skipResourceVersions(ctx.store, 1);
    prt.writes += 1;
  }
  // the last cycle runs for real, its events standing for every skipped one
  loop.cycle = { startAt: due + shift, startRv: ctx.store.resourceVersion, startWrites: prt.writes, atCap, created: false };
  loop.repeat = skip + 1;
  const end = due + shift + period - 1;
  let guard = 0;
  for (;;) {
    if (++guard > 1000) break;
    const t = nextDue(env);
    if (t === undefined || t > end) break;
    applyInstant(env, t);
  }
  loop.repeat = undefined;
  return true;
}
