// Where a pod spec lives in each kind kubectl's set commands can change (UpdatePodSpecForObject),
// and the object as kubectl prints it after decoding it into its Go type: a --local file (or a
// client dry run) shows the fields a Go struct always writes, even empty.

import { clone } from '../api/store';
import { KubeObject } from '../api/types';

type ContainerLike = { name: string; image?: string; resources?: Record<string, unknown>; [k: string]: unknown };
export type PodSpecLike = { containers?: ContainerLike[]; initContainers?: ContainerLike[] };

/** the kinds kubectl's UpdatePodSpecForObject knows, and where their pod spec is */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export function hasPodSpec(obj: KubeObject): boolean {
  return POD_SPEC_PATHS[obj.kind] !== undefined;
}

/**
 * The pod spec inside a pod or a workload's template, or undefined for other kinds and when it is
 * missing. `create`: make the missing levels empty on the way, as Go's zero values are (only on
 * a copy: stored objects are never changed in place).
 */
export function podSpecOf(obj: KubeObject, create = false): PodSpecLike | undefined {
  const path = POD_SPEC_PATHS[obj.kind];
  if (!path) return undefined;
  let at: any = obj;
  for (const key of path) {
    if (at[key] === undefined && !create) return undefined;
    at = at[key] ??= {};
  }
  return at as PodSpecLike;
}

/** the status fields a Go struct writes even when zero */
const STATUS_ZERO: Record<string, Record<string, number>> = {
  ReplicaSet: { replicas: 0 },
  ReplicationController: { replicas: 0 },
  DaemonSet: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 },
  StatefulSet: { replicas: 0, availableReplicas: 0 },
};

/**
 * A copy of `obj` as kubectl prints it once decoded into its Go type: `creationTimestamp: null`
 * in the object's and the template's metadata, `strategy: {}` / `updateStrategy: {}`, each
 * container's `resources: {}`, and the status fields that are never omitted. Other kinds are
 * copied as they are.
 */
export function typedView(obj: KubeObject): KubeObject {
  const copy = clone(obj) as KubeObject & Record<string, any>;
  if (!hasPodSpec(copy)) return copy;
  copy.metadata = { ...copy.metadata, creationTimestamp: copy.metadata?.creationTimestamp ?? null };
  const spec = (copy.spec ??= {});
  const templateMeta = (t: Record<string, any> | undefined): void => {
    if (t) t.metadata = { ...(t.metadata ?? {}), creationTimestamp: t.metadata?.creationTimestamp ?? null };
  };
  if (copy.kind === 'CronJob') {
    templateMeta(spec.jobTemplate);
    templateMeta(spec.jobTemplate?.spec?.template);
  } else if (copy.kind !== 'Pod') templateMeta(spec.template);
  if (copy.kind === 'Deployment') spec.strategy ??= {};
  if (copy.kind === 'DaemonSet' || copy.kind === 'StatefulSet') spec.updateStrategy ??= {};
  if (copy.kind === 'StatefulSet') spec.serviceName ??= '';
  copy.status ??= STATUS_ZERO[copy.kind] ? { ...STATUS_ZERO[copy.kind] } : {};
  const podSpec = podSpecOf(copy, true)!;
  for (const c of [...(podSpec.initContainers ?? []), ...(podSpec.containers ?? [])]) c.resources ??= {};
  return copy;
}
