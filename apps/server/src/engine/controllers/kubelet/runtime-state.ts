// What the kubelet and the container runtime on each machine hold that no API object does: pod
// sandboxes and IPs, containers and their runs, back-off entries. It lives in
// runtime.sections.kubelet as plain JSON, so it serializes with the cluster.

import type { RuntimeState } from '../../cluster-state';
import type { ProcessPlan } from './process-model';

/** One run of a container (a containerd container). */
export interface RunRecord {
  /** 64 hex digits */
  id: string;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
  /** Completed, Error, OOMKilled, ContainerStatusUnknown */
  reason?: string;
  plan: ProcessPlan;
  /** lines added after the start (requests served, exec output), [time, text] */
  extra?: [number, string][];
  /** killed by the kubelet (liveness, deletion) rather than exiting on its own */
  killed?: boolean;
  /** killed because the pod's spec of the container changed: restarted whatever the restart policy */
  changed?: boolean;
}

/** flowcontrol.Backoff's entry for one container: current delay and last update. */
export interface BackoffEntry {
  ms: number;
  lastUpdate: number;
}

export type ContainerStage =
  /** not begun: ContainerCreating or PodInitializing */
  | 'fresh'
  | 'pulling'
  | 'pullFailed'
  | 'pullBackoff'
  | 'configError'
  | 'running'
  /** exited; the kubelet decides what next at nextAt */
  | 'exited'
  | 'crashBackoff'
  /** terminated for good (restartPolicy, init container done, pod terminating) */
  | 'done';

export interface ContainerRuntime {
  name: string;
  init: boolean;
  stage: ContainerStage;
  /** when this container's next transition is due */
  nextAt?: number;
  /** waiting message for the pull and config stages, and a reason other than the stage's */
  message?: string;
  reason?: string;
  restartCount: number;
  current?: RunRecord;
  previous?: RunRecord;
  backoff?: BackoffEntry;
  pullBackoff?: BackoffEntry;
  /** the spec's image the kubelet last began this container with: a pod updated to another restarts it */
  image?: string;
  /** `docker.io/library/nginx:latest` and its digest reference once pulled */
  imageName?: string;
  imageID?: string;
  /** readiness: ready from this time (probe passed), undefined when never */
  readyAt?: number;
  /** when the current pull began, when the last one failed */
  pullStartedAt?: number;
  failedAt?: number;
  /** a failing readiness probe reports at this time; a failing liveness probe kills at killAt */
  unhealthyAt?: number;
  killAt?: number;
  /** the last time a running-container transition was handled */
  lastAt?: number;
  /** the current crash-loop cycle: where it began, for the closed-form catch-up */
  cycle?: { startAt: number; startRv: number; startWrites: number; atCap: boolean; created: boolean; events?: string[] };
  /** how many times the last cycle's events repeat (closed form); 1 normally */
  repeat?: number;
  /** the failed syncs so far in this back-off (crash or pull): the index of the next resync's jitter */
  backoffSyncs?: number;
  /**
   * the waiting reason of the sync that began this retry (CrashLoopBackOff, ErrImagePull,
   * ImagePullBackOff), which the status keeps showing while the image is pulled again; '' after
   */
  retryFrom?: string;
}

export interface PodRuntime {
  uid: string;
  node: string;
  /** static pods: the manifest hash; a re-created mirror pod keeps its containers */
  staticHash?: string;
  startTime: number;
  /** the sandbox (and its IP) is ready at this time */
  sandboxAt: number;
  ip?: string;
  containers: ContainerRuntime[];
  /** the kubelet is stopping the pod: containers end at their stopAt */
  terminating?: { since: number; stopAt: Record<string, number> };
  /** condition type → [status, lastTransitionTime] */
  conditions: Record<string, [string, number]>;
  /** writes this pod's sync made (status, events), for cycle accounting */
  writes: number;
  /** a volume of the pod is never attached (a cloud disk without its CSI driver): no sandbox, no containers */
  waitingForAttach?: boolean;
  /**
   * volumes whose SetUp failed (a hostPath type check), retried at `retryAt`, the `failures`-th
   * failure in a row setting the back-off: no sandbox until every volume is set up
   */
  mount?: { volumes: string[]; failures: number; retryAt: number };
  /** the eviction manager evicts the pod at `at` (an emptyDir past its sizeLimit); done once it has */
  eviction?: { at: number; message: string; done?: boolean };
}

export interface IpamState {
  /** last host number handed out (host-local IPAM goes round, it does not reuse the lowest) */
  last: number;
  /** ip → pod key */
  used: Record<string, string>;
}

export interface KubeletSection {
  /** by pod key `namespace/name` */
  pods: Record<string, PodRuntime>;
  /** by node name */
  ipam: Record<string, IpamState>;
  /** static pod manifest hash → when the kubelet first saw it (config.seen) */
  staticSeen?: Record<string, number>;
  /** machines seen powered off: their containers are gone when they come back */
  poweredOff?: Record<string, boolean>;
  /** nodes whose kubelet last saw them cordoned (lastNodeUnschedulable; node-schedulable.ts) */
  unschedulable?: Record<string, boolean>;
}

export function kubeletSection(runtime: RuntimeState): KubeletSection {
  const s = (runtime.sections.kubelet ??= { pods: {}, ipam: {} }) as KubeletSection;
  s.pods ??= {};
  s.ipam ??= {};
  return s;
}
