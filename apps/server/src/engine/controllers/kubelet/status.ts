// The pod status a v1.32 kubelet writes (kubelet_pods.go generateAPIPodStatus, getPhase,
// status/generate.go): phase, the five conditions with their transition times, container
// statuses with containerd IDs and image references, IPs, startTime, qosClass.

import { Condition, Container, ContainerState, ContainerStatus, Pod, PodStatus } from '../../api/types';
import { qosClass } from '../../api/defaults/pod';
import { rfc3339 as formatTime } from '../../time';
import { remembered } from '../../memo';
import { deepFreeze } from '../../api/store';
import { ContainerRuntime, PodRuntime, RunRecord } from './runtime-state';

// statuses repeat the same few timestamps on every write: remember the last ones formatted
const rfc3339 = remembered(formatTime, 256);
// every pod on a node has the same hostIPs: one frozen list per node
const hostIPsOf = remembered((ip: string): { ip: string }[] => deepFreeze([{ ip }]), 256);

export function computePodStatus(pod: Pod, prt: PodRuntime, hostIP: string, now: number): PodStatus {
  const initSpecs = pod.spec.initContainers ?? [];
  const specs = pod.spec.containers ?? [];
  // a pod without init containers (their list cannot change) needs no split of its runtimes; one
  // with them shows PodInitializing for every container not started yet
  const hasInit = initSpecs.length > 0;
  const initRt: ContainerRuntime[] = hasInit ? prt.containers.filter((c) => c.init) : NO_CONTAINERS;
  const mainRt: ContainerRuntime[] = hasInit ? prt.containers.filter((c) => !c.init) : prt.containers;
  // map makes the lists at their length (a list grown by push keeps room for 17 in every stored pod)
  const initStatuses: ContainerStatus[] = hasInit ? initSpecs.map((spec, i) => containerStatus(spec, initRt[i], pod, now, hasInit, pod.status?.initContainerStatuses?.[i])) : NO_STATUSES;
  const statuses: ContainerStatus[] = specs.map((spec, i) => containerStatus(spec, mainRt[i], pod, now, hasInit, pod.status?.containerStatuses?.[i]));
  // an evicted pod has failed, whatever its restart policy (eviction_manager.go evictPod)
  const evicted = prt.eviction?.done ? prt.eviction : undefined;
  const phase = evicted ? 'Failed' : podPhase(pod, initRt, statuses);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  // status/generate.go: the readiness of a terminal pod says how it ended
  const terminalReason = phase === 'Failed' ? 'PodFailed' : 'PodCompleted';

  let notReady = '';
  for (const s of statuses) if (!s.ready) notReady += notReady ? ` ${s.name}` : s.name;
  let incompleteInit = '';
  for (const c of initRt) if (!(c.stage === 'done' && c.current?.exitCode === 0)) incompleteInit += incompleteInit ? ` ${c.name}` : c.name;
  const sandboxReady = prt.ip !== undefined && !terminal;
  // what the last write stored: equal parts are kept (stored objects are never changed), so a
  // write allocates only what changed and the versions of a pod share the rest
  const prev = pod.status;
  const was = prev?.conditions;
  const unready = notReady ? `containers with unready status: [${notReady}]` : '';
  let scheduled: Condition | undefined;
  if (was) for (let i = 0; i < was.length && !scheduled; i++) if (was[i].type === 'PodScheduled') scheduled = was[i];
  // the five in one literal, at their length
  const conditions: Condition[] = [
    condition(prt, now, was, 'PodReadyToStartContainers', sandboxReady),
    terminal
      ? condition(prt, now, was, 'Initialized', true, 'PodCompleted')
      : incompleteInit
        ? condition(prt, now, was, 'Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: [${incompleteInit}]`)
        : condition(prt, now, was, 'Initialized', true),
    terminal
      ? condition(prt, now, was, 'Ready', false, terminalReason)
      : notReady
        ? condition(prt, now, was, 'Ready', false, 'ContainersNotReady', unready)
        : condition(prt, now, was, 'Ready', true),
    terminal
      ? condition(prt, now, was, 'ContainersReady', false, terminalReason)
      : notReady
        ? condition(prt, now, was, 'ContainersReady', false, 'ContainersNotReady', unready)
        : condition(prt, now, was, 'ContainersReady', true),
    scheduled ?? { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(prt.startTime) },
  ];

  const hostIPs = prev?.hostIPs?.length === 1 && prev.hostIPs[0].ip === hostIP ? prev.hostIPs : hostIPsOf(hostIP);
  // a hostNetwork pod has the node's IP from its first status on, before its sandbox is up
  // (generateAPIPodStatus: "HostNetwork Pods inherit the node IPs as PodIPs")
  const podIP = prt.ip ?? (pod.spec.hostNetwork ? hostIP : undefined);
  const podIPs = podIP ? (prev?.podIPs?.length === 1 && prev.podIPs[0].ip === podIP ? prev.podIPs : [{ ip: podIP }]) : undefined;
  const startTime = rfc3339(prt.startTime);
  const qos = prev?.qosClass ?? qosClass(pod.spec);
  // built in the order the kubelet's fields come (the order `-o yaml` prints them in), in one
  // literal for the usual pod (fields added one by one move them out of the object)
  if (!evicted && !hasInit) {
    return podIP
      ? { phase, conditions, hostIP, hostIPs, podIP, podIPs, startTime, containerStatuses: statuses, qosClass: qos }
      : { phase, conditions, hostIP, hostIPs, startTime, containerStatuses: statuses, qosClass: qos };
  }
  const status: PodStatus = { phase, conditions };
  if (evicted) {
    status.message = evicted.message;
    status.reason = 'Evicted';
  }
  status.hostIP = hostIP;
  status.hostIPs = hostIPs;
  if (podIP) {
    status.podIP = podIP;
    status.podIPs = podIPs;
  }
  status.startTime = startTime;
  if (hasInit) status.initContainerStatuses = initStatuses;
  status.containerStatuses = statuses;
  status.qosClass = qos;
  return status;
}

const NO_CONTAINERS: ContainerRuntime[] = [];
const NO_STATUSES: ContainerStatus[] = [];
/** a container's lastState before it has ended once: one frozen object for all */
const NO_STATE: ContainerState = Object.freeze({});

/** One pod condition; its transition time moves only when its status changes. */
function condition(prt: PodRuntime, now: number, was: Condition[] | undefined, type: string, ok: boolean, reason?: string, message?: string): Condition {
  const status = ok ? 'True' : 'False';
  let prev = prt.conditions[type];
  if (!prev || prev[0] !== status) prt.conditions[type] = prev = [status, now];
  const lastTransitionTime = rfc3339(prev[1]);
  let old: Condition | undefined;
  if (was) for (let i = 0; i < was.length && !old; i++) if (was[i].type === type) old = was[i];
  if (old && old.status === status && old.lastTransitionTime === lastTransitionTime && old.lastProbeTime === null && old.reason === (reason || undefined) && old.message === (message || undefined)) return old;
  // built with its fields in place, not added later
  if (reason && message) return { type, status, lastProbeTime: null, lastTransitionTime, reason, message };
  if (reason) return { type, status, lastProbeTime: null, lastTransitionTime, reason };
  const c: Condition = { type, status, lastProbeTime: null, lastTransitionTime };
  if (message) c.message = message;
  return c;
}

function podPhase(pod: Pod, initRt: ContainerRuntime[], statuses: ContainerStatus[]): PodStatus['phase'] {
  const policy = pod.spec.restartPolicy ?? 'Always';
  let initsDone = true;
  for (const c of initRt) {
    if (c.stage === 'done' && (c.current?.exitCode ?? 0) !== 0 && policy === 'Never') return 'Failed';
    if (!(c.stage === 'done' && c.current?.exitCode === 0)) initsDone = false;
  }
  if (!initsDone) return 'Pending';
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of statuses) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting) {
      if (s.lastState.terminated) stopped++;
      else waiting++;
    }
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

export function containerIdOf(run: RunRecord): string {
  return `containerd://${run.id}`;
}

function terminatedOf(run: RunRecord): ContainerState {
  return {
    terminated: {
      exitCode: run.exitCode ?? 0,
      reason: run.reason ?? ((run.exitCode ?? 0) === 0 ? 'Completed' : 'Error'),
      startedAt: rfc3339(run.startedAt),
      finishedAt: rfc3339(run.finishedAt ?? run.startedAt),
      containerID: containerIdOf(run),
    },
  };
}

function containerStatus(spec: Container, rt: ContainerRuntime | undefined, pod: Pod, now: number, hasInit: boolean, was: ContainerStatus | undefined): ContainerStatus {
  if (was && was.name !== spec.name) was = undefined;
  // a container's mounts cannot change: the last status's list stands
  const mounts = spec.volumeMounts?.length ? (was?.volumeMounts?.length === spec.volumeMounts.length ? was.volumeMounts : spec.volumeMounts.map(mountStatus)) : undefined;
  // a container the kubelet is killing (liveness) runs until its grace period ends
  const dying = rt?.stage === 'exited' && rt.current?.finishedAt !== undefined && rt.current.finishedAt > now;
  const started = rt?.current && (rt.stage === 'running' || dying);
  const lastRun = rt?.stage === 'running' ? rt.previous : rt?.current;
  const hasRun = rt?.current !== undefined;
  let state: ContainerState;
  let lastState: ContainerState = NO_STATE;
  switch (rt?.stage) {
    case 'running':
      state = { running: { startedAt: rfc3339(rt.current!.startedAt) } };
      if (rt.previous) lastState = terminatedOf(rt.previous);
      break;
    case 'exited':
    case 'done':
      if (dying) {
        state = { running: { startedAt: rfc3339(rt.current!.startedAt) } };
        if (rt.previous) lastState = terminatedOf(rt.previous);
        break;
      }
      state = terminatedOf(rt.current!);
      if (rt.previous) lastState = terminatedOf(rt.previous);
      break;
    case 'crashBackoff':
      state = { waiting: { reason: 'CrashLoopBackOff', message: rt.message } };
      lastState = terminatedOf(rt.current!);
      break;
    case 'pullFailed':
      state = { waiting: { reason: 'ErrImagePull', message: rt.message } };
      if (hasRun) lastState = terminatedOf(rt.current!);
      break;
    case 'pullBackoff':
      state = { waiting: { reason: 'ImagePullBackOff', message: rt.message } };
      if (hasRun) lastState = terminatedOf(rt.current!);
      break;
    case 'configError':
      state = { waiting: { reason: rt.reason ?? 'CreateContainerConfigError', message: rt.message } };
      if (hasRun) lastState = terminatedOf(rt.current!);
      break;
    case 'pulling':
    case 'fresh':
      // a retry's pull happens within a sync: the status still shows what the last sync left, the
      // back-off's reason, or the run that ended (the real kubelet writes it as the next sync begins)
      if (rt.retryFrom) {
        state = { waiting: { reason: rt.retryFrom, message: rt.message } };
        if (hasRun) lastState = terminatedOf(rt.current!);
      } else if (hasRun) {
        state = terminatedOf(rt.current!);
        if (rt.previous) lastState = terminatedOf(rt.previous);
      } else state = { waiting: { reason: hasInit ? 'PodInitializing' : 'ContainerCreating' } };
      break;
    default:
      state = { waiting: { reason: hasInit ? 'PodInitializing' : 'ContainerCreating' } };
  }
  const ready = (rt?.stage === 'running' || dying) && rt.readyAt !== undefined && rt.readyAt <= now && !pod.metadata.deletionTimestamp;
  if (was) {
    if (sameState(was.state, state)) state = was.state;
    if (sameState(was.lastState, lastState)) lastState = was.lastState;
  }
  const idRun = rt?.current ?? lastRun;
  const containerID = idRun ? (was?.containerID !== undefined && isIdOf(was.containerID, idRun) ? was.containerID : containerIdOf(idRun)) : undefined;
  const image = rt?.imageName && (hasRun || rt.stage === 'running') ? rt.imageName : spec.image ?? '';
  const imageID = hasRun && rt?.imageID ? rt.imageID : '';
  const restartCount = rt?.restartCount ?? 0;
  if (
    was &&
    was.state === state &&
    was.lastState === lastState &&
    was.ready === !!ready &&
    was.restartCount === restartCount &&
    was.image === image &&
    was.imageID === imageID &&
    was.started === !!started &&
    was.containerID === containerID &&
    was.volumeMounts === mounts
  ) {
    return was;
  }
  const status: ContainerStatus = { name: spec.name, state, lastState, ready: !!ready, restartCount, image, imageID, started: !!started };
  if (containerID !== undefined) status.containerID = containerID;
  if (mounts) status.volumeMounts = mounts;
  return status;
}

/** `containerd://<run id>` */
function isIdOf(containerID: string, run: RunRecord): boolean {
  return containerID.length === run.id.length + 13 && containerID.endsWith(run.id);
}

/** the same state, as far as the kubelet writes one: running since, waiting why, or nothing */
function sameState(a: ContainerState, b: ContainerState): boolean {
  if (a === b) return true;
  if (a.terminated || b.terminated) return false;
  if (a.running || b.running) return !!a.running && !!b.running && !a.waiting && !b.waiting && a.running.startedAt === b.running.startedAt;
  if (a.waiting || b.waiting) return !!a.waiting && !!b.waiting && a.waiting.reason === b.waiting.reason && a.waiting.message === b.waiting.message;
  return true;
}

function mountStatus(m: { name: string; mountPath: string; readOnly?: boolean }): NonNullable<ContainerStatus['volumeMounts']>[number] {
  return m.readOnly ? { name: m.name, mountPath: m.mountPath, readOnly: true, recursiveReadOnly: 'Disabled' } : { name: m.name, mountPath: m.mountPath };
}
