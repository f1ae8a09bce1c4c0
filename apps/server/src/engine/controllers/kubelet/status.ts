// The pod status a v1.32 kubelet writes (kubelet_pods.go generateAPIPodStatus, getPhase,
// status/generate.go): phase, the five conditions with their transition times, container
// statuses with containerd IDs and image references, IPs, startTime, qosClass.

import { Condition, Container, ContainerState, ContainerStatus, Pod, PodStatus } from '../../api/types';
import { qosClass } from '../../api/defaults/pod';
import { rfc3339 as formatTime } from '../../time';
import { ContainerRuntime, PodRuntime, RunRecord } from './runtime-state';

// statuses repeat the same few timestamps on every write: remember the last ones formatted
const TIME_CACHE = new Map<number, string>();
function rfc3339(ms: number): string {
  let s = TIME_CACHE.get(ms);
  if (s === undefined) {
    if (TIME_CACHE.size > 256) TIME_CACHE.clear();
    s = formatTime(ms);
    TIME_CACHE.set(ms, s);
  }
  return s;
}

export function computePodStatus(pod: Pod, prt: PodRuntime, hostIP: string, now: number): PodStatus {
  const initSpecs = pod.spec.initContainers ?? [];
  const specs = pod.spec.containers ?? [];
  const initRt = prt.containers.filter((c) => c.init);
  const mainRt = prt.containers.filter((c) => !c.init);
  // a pod with init containers shows PodInitializing for every container not started yet
  const hasInit = initSpecs.length > 0;
  const initStatuses = initSpecs.map((s, i) => containerStatus(s, initRt[i], pod, now, hasInit));
  const statuses = specs.map((s, i) => containerStatus(s, mainRt[i], pod, now, hasInit));
  // an evicted pod has failed, whatever its restart policy (eviction_manager.go evictPod)
  const evicted = prt.eviction?.done ? prt.eviction : undefined;
  const phase = evicted ? 'Failed' : podPhase(pod, initRt, mainRt, statuses);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  // status/generate.go: the readiness of a terminal pod says how it ended
  const terminalReason = phase === 'Failed' ? 'PodFailed' : 'PodCompleted';

  const notReady = statuses.filter((s) => !s.ready).map((s) => s.name);
  const incompleteInit = initRt.filter((c) => !(c.stage === 'done' && c.current?.exitCode === 0)).map((c) => c.name);
  const sandboxReady = prt.ip !== undefined && !terminal;
  const cond = (type: string, ok: boolean, reason?: string, message?: string): Condition => {
    const status = ok ? 'True' : 'False';
    const prev = prt.conditions[type];
    if (!prev || prev[0] !== status) prt.conditions[type] = [status, now];
    const c: Condition = { type, status, lastProbeTime: null, lastTransitionTime: rfc3339(prt.conditions[type][1]) };
    if (reason) c.reason = reason;
    if (message) c.message = message;
    return c;
  };
  const conditions: Condition[] = [
    cond('PodReadyToStartContainers', sandboxReady),
    terminal ? cond('Initialized', true, 'PodCompleted') : incompleteInit.length ? cond('Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: [${incompleteInit.join(' ')}]`) : cond('Initialized', true),
    terminal ? cond('Ready', false, terminalReason) : notReady.length ? cond('Ready', false, 'ContainersNotReady', `containers with unready status: [${notReady.join(' ')}]`) : cond('Ready', true),
    terminal ? cond('ContainersReady', false, terminalReason) : notReady.length ? cond('ContainersReady', false, 'ContainersNotReady', `containers with unready status: [${notReady.join(' ')}]`) : cond('ContainersReady', true),
  ];
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  conditions.push(scheduled ?? { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(prt.startTime) });

  const status: PodStatus = {
    phase,
    conditions,
    ...(evicted ? { message: evicted.message, reason: 'Evicted' } : {}),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(prt.ip ? { podIP: prt.ip, podIPs: [{ ip: prt.ip }] } : {}),
    startTime: rfc3339(prt.startTime),
    ...(initSpecs.length ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: statuses,
    qosClass: pod.status?.qosClass ?? qosClass(pod.spec),
  };
  return status;
}

function podPhase(pod: Pod, initRt: ContainerRuntime[], mainRt: ContainerRuntime[], statuses: ContainerStatus[]): PodStatus['phase'] {
  const policy = pod.spec.restartPolicy ?? 'Always';
  const failedInit = initRt.find((c) => c.stage === 'done' && (c.current?.exitCode ?? 0) !== 0);
  if (failedInit && policy === 'Never') return 'Failed';
  if (!initRt.every((c) => c.stage === 'done' && c.current?.exitCode === 0)) return 'Pending';
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  statuses.forEach((s, i) => {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting) {
      if (s.lastState.terminated) stopped++;
      else waiting++;
    }
    void mainRt[i];
  });
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

function containerStatus(spec: Container, rt: ContainerRuntime | undefined, pod: Pod, now: number, hasInit: boolean): ContainerStatus {
  const mounts = (spec.volumeMounts ?? []).map((m) => ({
    name: m.name,
    mountPath: m.mountPath,
    ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
  }));
  // a container the kubelet is killing (liveness) runs until its grace period ends
  const dying = rt?.stage === 'exited' && rt.current?.finishedAt !== undefined && rt.current.finishedAt > now;
  const started = rt?.current && (rt.stage === 'running' || dying);
  const lastRun = rt?.stage === 'running' ? rt.previous : rt?.current;
  const hasRun = rt?.current !== undefined;
  let state: ContainerState;
  let lastState: ContainerState = {};
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
    default:
      state = { waiting: { reason: hasInit ? 'PodInitializing' : 'ContainerCreating' } };
  }
  const ready = (rt?.stage === 'running' || dying) && rt.readyAt !== undefined && rt.readyAt <= now && !pod.metadata.deletionTimestamp;
  const status: ContainerStatus = {
    name: spec.name,
    state,
    lastState,
    ready: !!ready,
    restartCount: rt?.restartCount ?? 0,
    image: rt?.imageName && (hasRun || rt.stage === 'running') ? rt.imageName : spec.image ?? '',
    imageID: hasRun && rt?.imageID ? rt.imageID : '',
    started: !!started,
  };
  const idRun = rt?.current ?? lastRun;
  if (idRun) status.containerID = containerIdOf(idRun);
  if (mounts.length) status.volumeMounts = mounts;
  return status;
}
