// The registry's server-owned metadata (metadata.generation) and its admission limits: the
// cluster-wide object count, the size of one object, and a namespace being terminated.
import { Cluster } from '../cluster';
import { ClusterLimits, DEFAULT_LIMITS } from '../cluster-state';
import { ApiError } from './errors';
import { clone } from './store';
import { KubeObject } from './types';

const START = Date.UTC(2026, 0, 1);

function cluster(limits?: Partial<ClusterLimits>): Cluster {
  return Cluster.create({ seed: 1, start: START, options: { limits } });
}

/** the ApiError a call throws */
function refusal(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('not refused');
}

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
const WORKLOADS: [string, KubeObject][] = [
  ['deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', generation: 7 }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template } } as KubeObject],
  ['replicasets', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', generation: 7 }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template } } as KubeObject],
  ['daemonsets', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'web', generation: 7 }, spec: { selector: { matchLabels: { app: 'web' } }, template } } as KubeObject],
];

describe('metadata.generation', () => {
  test.each(WORKLOADS)('%s: 1 at create, +1 on a spec change, unchanged by metadata and status writes', (resource, obj) => {
    const c = cluster();
    const api = c.api;
    const get = (): KubeObject => api.get(resource, 'default', 'web');
    // the request's generation is never taken
    expect(c.at(c.now, () => api.create(obj)).metadata.generation).toBe(1);
    // the controllers have written status by now (observedGeneration), without a bump
    c.step(c.now + 5_000);
    expect(get().metadata.generation).toBe(1);
    expect((get() as KubeObject & { status: { observedGeneration?: number } }).status.observedGeneration).toBe(1);

    const labelled = clone(get());
    labelled.metadata.labels = { team: 'a' };
    labelled.metadata.annotations = { note: 'x' };
    expect(c.at(c.now, () => api.update(labelled)).metadata.generation).toBe(1);

    const changed = clone(get()) as KubeObject & { spec: { template: { spec: { containers: { image: string }[] } } } };
    changed.spec.template.spec.containers[0].image = 'nginx:1.27';
    expect(c.at(c.now, () => api.update(changed)).metadata.generation).toBe(2);

    // a client cannot set it either
    const forged = clone(get());
    forged.metadata.generation = 40;
    expect(c.at(c.now, () => api.update(forged)).metadata.generation).toBe(2);

    const status = clone(get()) as KubeObject & { status: Record<string, unknown> };
    status.status = { ...status.status, observedGeneration: 2 };
    expect(c.at(c.now, () => api.updateStatus(status)).metadata.generation).toBe(2);
  });

  test('Pods have none in v1.32 (generation on pods came with v1.33)', () => {
    const c = cluster();
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', generation: 3 }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as KubeObject;
    expect(c.at(c.now, () => c.api.create(pod)).metadata.generation).toBeUndefined();
    const changed = clone(c.api.get('pods', 'default', 'p')) as KubeObject & { spec: { activeDeadlineSeconds?: number } };
    changed.spec.activeDeadlineSeconds = 60;
    expect(c.at(c.now, () => c.api.update(changed)).metadata.generation).toBeUndefined();
    // nor do the other kinds in scope without a generation-setting strategy
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', generation: 2 }, data: { a: 'b' } } as KubeObject;
    expect(c.at(c.now, () => c.api.create(cm)).metadata.generation).toBeUndefined();
  });
});

describe('admission limits', () => {
  const cm = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: 'b' } }) as KubeObject;

  test('the default limits: 2,000 objects, 500 pods, 1 MiB an object', () => {
    expect(DEFAULT_LIMITS).toMatchObject({ maxObjects: 2000, maxPods: 500, maxObjectBytes: 1024 * 1024 });
  });

  test('objects beyond 2,000 (Events not counted) are Forbidden with the count/objects quota text; Events still pass', () => {
    const c = cluster();
    const store = c.store;
    const used = (): number => store.size - store.countOf('events');
    // controllers' writes are counted, not refused: fill the cluster to the limit that way
    c.at(c.now, () => {
      for (let i = 0; used() < 2000; i++) c.api.create(cm(`fill-${i}`), { internal: true });
    });
    expect(used()).toBe(2000);
    const e = refusal(() => c.at(c.now, () => c.api.create(cm('one-more'))));
    expect([e.reason, e.message]).toEqual([
      'Forbidden',
      'configmaps "one-more" is forbidden: exceeded quota: cluster-limits, requested: count/objects=1, used: count/objects=2000, limited: count/objects=2000',
    ]);
    const dep = refusal(() => c.at(c.now, () => c.api.create(WORKLOADS[0][1])));
    expect(dep.message).toBe('deployments.apps "web" is forbidden: exceeded quota: cluster-limits, requested: count/objects=1, used: count/objects=2000, limited: count/objects=2000');
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'x.1', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'x', namespace: 'default' },
      reason: 'Test',
      message: 'm',
      type: 'Normal',
    } as unknown as KubeObject;
    expect(c.at(c.now, () => c.api.create(event)).metadata.name).toBe('x.1');
    // deleting one makes room again
    c.at(c.now, () => c.api.delete('configmaps', 'default', 'fill-0'));
    expect(c.at(c.now, () => c.api.create(cm('one-more'))).metadata.name).toBe('one-more');
  });

  test('an object over 1 MiB: RequestEntityTooLarge for a Pod, Invalid for a ConfigMap', () => {
    const c = cluster();
    const big = 'x'.repeat(1024 * 1024 + 1);
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big' }, spec: { containers: [{ name: 'c', image: 'nginx', env: [{ name: 'A', value: big }] }] } } as KubeObject;
    const e = refusal(() => c.at(c.now, () => c.api.create(pod)));
    expect([e.reason, e.code, e.message]).toEqual(['RequestEntityTooLarge', 413, 'Request entity too large: limit is 3145728']);
    expect(c.api.tryGet('pods', 'default', 'big')).toBeUndefined();
    // an update that grows an object past the limit is refused the same way
    c.at(c.now, () => c.api.create(WORKLOADS[0][1]));
    const grown = clone(c.api.get('deployments', 'default', 'web')) as KubeObject & { spec: { template: { spec: { containers: { env?: unknown[] }[] } } } };
    grown.spec.template.spec.containers[0].env = [{ name: 'A', value: big }];
    expect(refusal(() => c.at(c.now, () => c.api.update(grown))).reason).toBe('RequestEntityTooLarge');
    expect(c.api.get('deployments', 'default', 'web').metadata.generation).toBe(1);
    const cmBig = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data: { k: big } } as KubeObject;
    expect(refusal(() => c.at(c.now, () => c.api.create(cmBig))).message).toBe('ConfigMap "big" is invalid: []: Too long: may not be more than 1048576 bytes');
  });

  test('a namespace being terminated takes no new content (NamespaceLifecycle), but Events', () => {
    const c = cluster();
    const api = c.api;
    c.at(c.now, () => {
      api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } } as KubeObject);
      // a container that ignores SIGTERM keeps the namespace Terminating for its grace period
      api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'hold', namespace: 'demo' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } } as KubeObject);
    });
    c.step(c.now + 10_000);
    c.at(c.now, () => api.delete('namespaces', undefined, 'demo'));
    expect((api.get('namespaces', undefined, 'demo') as KubeObject & { status: { phase: string } }).status.phase).toBe('Terminating');
    const e = refusal(() => c.at(c.now, () => api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'demo' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as KubeObject)));
    expect([e.reason, e.message]).toEqual(['Forbidden', 'pods "p" is forbidden: unable to create new content in namespace demo because it is being terminated']);
    const d = refusal(() => c.at(c.now, () => api.create({ ...WORKLOADS[0][1], metadata: { name: 'web', namespace: 'demo' } })));
    expect(d.message).toBe('deployments.apps "web" is forbidden: unable to create new content in namespace demo because it is being terminated');
    const event = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'hold.1', namespace: 'demo' }, involvedObject: { kind: 'Pod', name: 'hold', namespace: 'demo' }, reason: 'Test', message: 'm', type: 'Normal' } as unknown as KubeObject;
    expect(c.at(c.now, () => api.create(event)).metadata.namespace).toBe('demo');
    // gone after the pod's 30 s grace period
    c.step(c.now + 31_000);
    expect(api.tryGet('namespaces', undefined, 'demo')).toBeUndefined();
  });
});
