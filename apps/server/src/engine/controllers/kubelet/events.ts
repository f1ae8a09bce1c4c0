// The kubelet's events, with v1.32's texts (pkg/kubelet/events, kuberuntime_container.go,
// images/image_manager.go), recorded with source component `kubelet` and host = node name on
// the container's field path. Repeats update the existing Event's count, as the correlator does;
// a closed-form catch-up updates it by many repeats at once.

import { KubeEvent, Pod } from '../../api/types';
import { ControllerContext } from '../controller';
import { goDuration } from '../../time';
import { remembered } from '../../memo';

// the messages every pod's start repeats (the image pulled, the container created and started)
// are one string each, not one per Event
export const msg = {
  pulling: remembered((image: string) => `Pulling image "${image}"`),
  pulled: (image: string, ms: number, size: number) => `Successfully pulled image "${image}" in ${goDuration(ms)} (${goDuration(ms)} including waiting). Image size: ${size} bytes.`,
  present: remembered((image: string) => `Container image "${image}" already present on machine`),
  invalidName: (image: string, err: string) => `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${err}`,
  neverPull: (image: string) => `Container image "${image}" is not present with pull policy of Never`,
  pullFailed: (image: string, err: string) => `Failed to pull image "${image}": ${err}`,
  error: (reason: string) => `Error: ${reason}`,
  backOffPull: (image: string) => `Back-off pulling image "${image}"`,
  created: remembered((c: string) => `Created container: ${c}`),
  started: remembered((c: string) => `Started container ${c}`),
  killing: (c: string) => `Stopping container ${c}`,
  definitionChanged: (c: string) => `Container ${c} definition changed, will be restarted`,
  livenessKill: (c: string) => `Container ${c} failed liveness probe, will be restarted`,
  backOffRestart: (c: string, pod: Pod) => `Back-off restarting failed container ${c} in pod ${podDesc(pod)}`,
};

/** format.Pod: `name_namespace(uid)` */
export function podDesc(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

export function fieldPathOf(pod: Pod, container: string, init: boolean): string {
  void pod;
  return init ? initPath(container) : containerPath(container);
}

// the same few container names come back for every pod: one string each, not one per Event
const containerPath = remembered((c: string) => `spec.containers{${c}}`);
const initPath = remembered((c: string) => `spec.initContainers{${c}}`);

/**
 * Records (or repeats `times` times) a kubelet event about `pod` at `at`. Returns the store
 * writes made, whether a new Event was created, and the Event.
 */
export function recordKubeletEvent(
  ctx: ControllerContext,
  pod: Pod,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  fieldPath: string | undefined,
  at: number,
  times = 1,
): { writes: number; created: boolean; event: KubeEvent | undefined } {
  const before = ctx.store.resourceVersion;
  const r = ctx.recordEvent(pod, type, reason, message, { component: 'kubelet', host: pod.spec.nodeName ?? '' }, fieldPath, times, at);
  // a dropped Event (its namespace is gone) still counts as made: the cycle it belongs to is not a clean repeat
  return { writes: ctx.store.resourceVersion - before, created: r ? r.created : true, event: r?.event };
}
