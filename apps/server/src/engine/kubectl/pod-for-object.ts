// The pod that `kubectl logs TYPE/NAME` and `kubectl exec TYPE/NAME` talk to: for a workload or a
// Service, the best of the pods its selector matches, ranked as kubectl's podutils.ByLogging
// ranks them (scheduled, Running, Ready, ready longest, most restarts, oldest).

import type { ApiServer } from '../api/api-server';
import { CommandError } from './context';
import { fromLabelSelector, matches } from '../api/selectors';
import { KubeObject, LabelSelector, Pod } from '../api/types';
import { resolveType } from './resource-args';

export interface PodChoice {
  pod: Pod;
  /** how many pods the selector matched (kubectl prints `Found N pods, using pod/x` when > 1) */
  count: number;
}

/** Splits `deploy/web` into its resource and name; a bare name is a pod. */
export function podTarget(arg: string): { resource: string; name: string } {
  const i = arg.indexOf('/');
  if (i < 0) return { resource: 'pods', name: arg };
  return { resource: resolveType(arg.slice(0, i)).resource, name: arg.slice(i + 1) };
}

/** The pod for `arg` in `namespace`; throws the API's NotFound, or kubectl's timeout when no pod matches. */
export function podForObject(api: ApiServer, namespace: string, arg: string): PodChoice {
  const { resource, name } = podTarget(arg);
  const obj = api.get(resource, namespace, name);
  if (resource === 'pods') return { pod: obj as Pod, count: 1 };
  const pods = selectedPods(api, namespace, obj);
  // kubectl waits --pod-running-timeout for a pod to appear, then gives up
  if (!pods.length) throw new CommandError('error: timed out waiting for the condition');
  return { pod: rankForLogging(pods)[0], count: pods.length };
}

export function selectedPods(api: ApiServer, namespace: string, obj: KubeObject): Pod[] {
  const spec = (obj.spec ?? {}) as { selector?: LabelSelector | Record<string, string> };
  const raw = spec.selector;
  if (!raw) return [];
  const selector = obj.kind === 'Service' || !('matchLabels' in raw || 'matchExpressions' in raw) ? fromLabelSelector({ matchLabels: raw as Record<string, string> }) : fromLabelSelector(raw as LabelSelector);
  return (api.list('pods', { namespace }) as Pod[]).filter((p) => matches(selector, p.metadata.labels) && !p.metadata.deletionTimestamp);
}

const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

function ready(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function readyTime(p: Pod): string {
  return p.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime ?? '';
}

function restarts(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
}

/** podutils.ByLogging */
export function rankForLogging(pods: Pod[]): Pod[] {
  return [...pods].sort((a, b) => {
    const na = !!a.spec.nodeName;
    const nb = !!b.spec.nodeName;
    if (na !== nb) return na ? -1 : 1;
    const pa = PHASE_RANK[a.status?.phase ?? ''] ?? 3;
    const pb = PHASE_RANK[b.status?.phase ?? ''] ?? 3;
    if (pa !== pb) return pa - pb;
    if (ready(a) !== ready(b)) return ready(a) ? -1 : 1;
    if (ready(a) && ready(b) && readyTime(a) !== readyTime(b)) return readyTime(a) < readyTime(b) ? -1 : 1;
    if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
    const ca = a.metadata.creationTimestamp ?? '';
    const cb = b.metadata.creationTimestamp ?? '';
    if (ca !== cb) return ca < cb ? -1 : 1;
    return 0;
  });
}

/** `nginx, sidecar, init-x (init)` as podcmd.AllContainerNames writes it */
export function allContainerNames(pod: Pod): string {
  return [...pod.spec.containers.map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ');
}

/** The container kubectl picks without -c: the default-container annotation, else the first. */
export function defaultContainer(pod: Pod, warn: (text: string) => void): string {
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated) {
    if ([...pod.spec.containers, ...(pod.spec.initContainers ?? [])].some((c) => c.name === annotated)) return annotated;
    warn(`Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`);
  }
  const first = pod.spec.containers[0].name;
  if (pod.spec.containers.length > 1 || (pod.spec.initContainers ?? []).length > 0) warn(`Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`);
  return first;
}
