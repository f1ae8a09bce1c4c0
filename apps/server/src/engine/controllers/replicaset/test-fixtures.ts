// Helpers for the workload controllers' tests: a cluster, pods that never get scheduled (so the
// test drives their status), and readiness set by hand as the kubelet would set it.

import { Cluster } from '../../cluster';
import { clone } from '../../api/store';
import { Deployment, KubeEvent, KubeObject, Pod, ReplicaSet } from '../../api/types';
import { rfc3339 } from '../../time';
import { controllerRefOf, isPodActive } from './pod-utils';

/** 2026-01-01T00:00:00Z */
export const T0 = 1767225600000;

/** A kubeadm cluster; stored objects are frozen unless `freeze` is false, so a controller that mutates the cache throws. */
export function newCluster(limits?: { maxPods?: number; maxObjects?: number }, freeze = true): Cluster {
  return Cluster.create({ seed: 1, start: T0, freezeObjects: freeze, options: limits ? { limits } : undefined });
}

/** A pod template whose pods no node accepts: they stay Pending, unscheduled, for the test to drive. */
export function parkedTemplate(labels: Record<string, string>, image = 'nginx:1.27') {
  return {
    metadata: { labels },
    spec: { nodeSelector: { 'kubeaula.test/nowhere': 'true' }, containers: [{ name: 'app', image }] },
  };
}

export function replicaSet(name: string, replicas: number, labels: Record<string, string> = { app: name }, extra: Partial<ReplicaSet['spec']> = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: labels }, template: parkedTemplate(labels), ...extra },
  };
}

export function deployment(name: string, replicas: number, extra: Partial<Deployment['spec']> = {}, image = 'nginx:1.27'): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    // the API server's defaults, spelled out (defaulting may not be wired into every test cluster)
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: parkedTemplate({ app: name }, image),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      ...extra,
    },
  };
}

export function podsOf(c: Cluster, owner: KubeObject): Pod[] {
  return (c.store.list('pods', owner.metadata.namespace) as Pod[]).filter((p) => controllerRefOf(p)?.uid === owner.metadata.uid);
}

export function activePodsOf(c: Cluster, owner: KubeObject): Pod[] {
  return podsOf(c, owner).filter(isPodActive);
}

export function get<T extends KubeObject>(c: Cluster, resource: string, name: string, namespace = 'default'): T {
  return c.store.get(resource, namespace, name) as T;
}

/** Marks a pod Running and Ready now, as the kubelet would after its readiness probe passes. */
export function makeReady(c: Cluster, pod: Pod, at = c.now, restarts = 0): void {
  c.at(at, () => {
    const cur = c.store.get('pods', pod.metadata.namespace, pod.metadata.name!) as Pod | undefined;
    if (!cur) return;
    const next = clone(cur);
    const t = rfc3339(at);
    next.status = {
      ...(next.status ?? {}),
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: t }],
      containerStatuses: [{ name: 'app', ready: true, restartCount: restarts, image: 'nginx', imageID: '', state: { running: { startedAt: t } }, lastState: {} }],
    };
    c.api.updateStatus(next);
  });
}

export function eventsFor(c: Cluster, obj: KubeObject): KubeEvent[] {
  return (c.store.list('events', obj.metadata.namespace) as KubeEvent[]).filter((e) => e.involvedObject.uid === obj.metadata.uid);
}

export function messages(c: Cluster, obj: KubeObject, reason?: string): string[] {
  return eventsFor(c, obj)
    .filter((e) => !reason || e.reason === reason)
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
    .map((e) => e.message!);
}
