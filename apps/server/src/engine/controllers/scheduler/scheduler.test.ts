import { Cluster } from '../../cluster';
import { KubeEvent, KubeObject, Pod } from '../../api/types';
import { stopKubelet } from '../../operations/node-operations';

const T0 = Date.UTC(2026, 0, 1);

function newCluster(opts: Parameters<typeof Cluster.create>[0]['options'] = {}): Cluster {
  return Cluster.create({ seed: 1, start: T0, options: opts });
}

function podManifest(name: string, extra: Partial<Pod['spec']> = {}, cpu?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { run: name } },
    spec: { containers: [{ name, image: 'nginx', ...(cpu ? { resources: { requests: { cpu } } } : {}) }], ...extra },
  };
}

function getPod(c: Cluster, name: string): Pod {
  return c.store.get('pods', 'default', name) as Pod;
}

function eventsFor(c: Cluster, name: string, reason: string): KubeEvent[] {
  return (c.store.list('events', 'default') as KubeEvent[]).filter((e) => e.involvedObject.name === name && e.reason === reason);
}

const scheduledCondition = (p: Pod) => p.status?.conditions?.find((x) => x.type === 'PodScheduled');

describe('scheduler', () => {
  test('binds a pod to a worker with the Scheduled event and PodScheduled=True', () => {
    const c = newCluster();
    c.at(T0 + 1000, () => c.api.create(podManifest('nginx')));
    const p = getPod(c, 'nginx');
    expect(['node1', 'node2']).toContain(p.spec.nodeName);
    expect(scheduledCondition(p)).toEqual({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:01Z' });
    const [ev] = eventsFor(c, 'nginx', 'Scheduled');
    expect(ev.message).toBe(`Successfully assigned default/nginx to ${p.spec.nodeName}`);
    expect(ev.source).toEqual({ component: 'default-scheduler' });
    expect(ev.type).toBe('Normal');
  });

  test('a pod that fits nowhere stays Pending with the real FailedScheduling text', () => {
    const c = newCluster();
    c.at(T0 + 1000, () => c.api.create(podManifest('big', {}, '1950m')));
    const p = getPod(c, 'big');
    const want =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    expect(p.spec.nodeName).toBeUndefined();
    expect(scheduledCondition(p)).toMatchObject({ status: 'False', reason: 'Unschedulable', message: want });
    const [ev] = eventsFor(c, 'big', 'FailedScheduling');
    expect(ev).toMatchObject({ type: 'Warning', message: want, count: 1, source: { component: 'default-scheduler' } });
    // the unschedulable pods are flushed back every 5 minutes: one more attempt, same event
    c.step(T0 + 1000 + 5 * 60_000);
    expect(eventsFor(c, 'big', 'FailedScheduling')[0].count).toBe(2);
  });

  test('cordoned workers, then uncordon: the waiting pod is scheduled after its back-off', () => {
    const c = newCluster();
    c.at(T0 + 1000, () => {
      for (const n of ['node1', 'node2']) {
        const node = JSON.parse(JSON.stringify(c.store.get('nodes', undefined, n)));
        node.spec.unschedulable = true;
        c.api.update(node);
      }
    });
    c.at(T0 + 2000, () => c.api.create(podManifest('web')));
    expect(scheduledCondition(getPod(c, 'web'))?.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    // the node lifecycle controller mirrors the cordon as a taint
    expect(c.store.get('nodes', undefined, 'node1')!.spec.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2026-01-01T00:00:01Z' }]);
    c.at(T0 + 2500, () => {
      const node = JSON.parse(JSON.stringify(c.store.get('nodes', undefined, 'node2')));
      node.spec.unschedulable = false;
      c.api.update(node);
    });
    expect(getPod(c, 'web').spec.nodeName).toBeUndefined(); // still backing off (1 s from 00:02)
    c.step(T0 + 3000);
    expect(getPod(c, 'web').spec.nodeName).toBe('node2');
    expect(c.store.get('nodes', undefined, 'node2')!.spec.taints).toBeUndefined();
  });

  test('freeing a node lets a waiting pod in', () => {
    const c = newCluster();
    c.at(T0 + 1000, () => {
      c.api.create(podManifest('a', {}, '1500m'));
      c.api.create(podManifest('b', {}, '1500m'));
      c.api.create(podManifest('c', {}, '1500m'));
    });
    expect(new Set([getPod(c, 'a').spec.nodeName, getPod(c, 'b').spec.nodeName])).toEqual(new Set(['node1', 'node2']));
    expect(getPod(c, 'c').spec.nodeName).toBeUndefined();
    c.at(T0 + 20_000, () => c.api.delete('pods', 'default', 'a', { gracePeriodSeconds: 0 }));
    expect(getPod(c, 'c').spec.nodeName).toBeDefined();
  });

  test('spreads the pods of one owner over the workers', () => {
    const c = newCluster();
    c.at(T0 + 1000, () =>
      c.api.create({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: 'web', namespace: 'default' },
        spec: { replicas: 6, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
      }),
    );
    c.step(T0 + 10_000);
    const nodes = (c.store.list('pods', 'default') as Pod[]).map((p) => p.spec.nodeName);
    expect(nodes).toHaveLength(6);
    expect(nodes.filter((n) => n === 'node1')).toHaveLength(3);
    expect(nodes.filter((n) => n === 'node2')).toHaveLength(3);
  });

  test('a pod whose claim is missing or unbound is rejected before any node is looked at', () => {
    const c = newCluster();
    const withClaim = podManifest('db', { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] });
    c.at(T0 + 1000, () => c.api.create(withClaim));
    expect(scheduledCondition(getPod(c, 'db'))?.message).toBe(
      '0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    c.at(T0 + 2000, () =>
      c.api.create({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data', namespace: 'default' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      }),
    );
    c.step(T0 + 3000);
    expect(scheduledCondition(getPod(c, 'db'))?.message).toBe(
      '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    c.at(T0 + 4000, () =>
      c.api.create({
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: 'pv1' },
        spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } },
      }),
    );
    c.step(T0 + 6000);
    expect(getPod(c, 'db').spec.nodeName).toBeDefined();
  });

  test('host ports conflict: the second pod goes to the other worker, the third waits', () => {
    const c = newCluster();
    const hp = (name: string) => podManifest(name, { containers: [{ name, image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080 }] }] });
    c.at(T0 + 1000, () => ['h1', 'h2', 'h3'].forEach((n) => c.api.create(hp(n))));
    expect(new Set([getPod(c, 'h1').spec.nodeName, getPod(c, 'h2').spec.nodeName])).toEqual(new Set(['node1', 'node2']));
    expect(scheduledCondition(getPod(c, 'h3'))?.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't have free ports for the requested pod ports. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });

  test('a pod of another scheduler is left alone', () => {
    const c = newCluster();
    c.at(T0 + 1000, () => c.api.create(podManifest('mine', { schedulerName: 'my-scheduler' })));
    expect(getPod(c, 'mine').spec.nodeName).toBeUndefined();
    expect(eventsFor(c, 'mine', 'FailedScheduling')).toHaveLength(0);
  });

  test('1,000 pods over 10 workers: all bound to workers, none beyond maxPods, quickly', () => {
    const c = newCluster({ workers: 10, limits: { maxPods: 2000, maxObjects: 10_000, maxEvents: 20_000 } });
    // the kubelets are stopped so that this measures the scheduler (the bench measures both)
    c.at(T0 + 500, () => Object.keys(c.runtime.machines).forEach((n) => stopKubelet(c, n)));
    const started = performance.now();
    c.at(T0 + 1000, () => {
      for (let i = 0; i < 1000; i++) c.api.create(podManifest(`p${i}`));
    });
    const elapsed = performance.now() - started;
    const perNode = new Map<string | undefined, number>();
    for (const p of c.store.list('pods', 'default') as Pod[]) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
    expect(perNode.has(undefined)).toBe(false);
    expect(perNode.has('master')).toBe(false);
    expect([...perNode.values()].reduce((a, b) => a + b, 0)).toBe(1000);
    // each worker already runs kube-proxy and flannel
    for (const n of perNode.values()) expect(n).toBeLessThanOrEqual(108);
    expect(elapsed).toBeLessThan(5000);
  });

  test('a high-priority pod preempts lower-priority pods', () => {
    const c = newCluster();
    c.at(T0 + 1000, () => {
      c.api.create(podManifest('low1', {}, '1500m'));
      c.api.create(podManifest('low2', {}, '1500m'));
    });
    c.at(T0 + 2000, () => c.api.create(podManifest('vip', { priority: 1000 }, '1500m')));
    const vip = getPod(c, 'vip');
    expect(vip.status?.nominatedNodeName).toBeDefined();
    expect(scheduledCondition(vip)?.message).toBe('0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.');
    const victims = ['low1', 'low2'].filter((n) => getPod(c, n)?.metadata.deletionTimestamp || !getPod(c, n));
    expect(victims).toHaveLength(1);
    expect(eventsFor(c, victims[0], 'Preempted')[0]?.message).toBe(`Preempted by pod ${vip.metadata.uid} on node ${vip.status?.nominatedNodeName}`);
    c.step(T0 + 60_000);
    expect(getPod(c, 'vip').spec.nodeName).toBe(vip.status?.nominatedNodeName);
  });

  test('any split of time gives the same bindings, events and random draws', () => {
    const run = (steps: number[]): string => {
      const c = newCluster();
      c.at(T0 + 1000, () => {
        for (let i = 0; i < 4; i++) c.api.create(podManifest(`w${i}`, {}, '1000m'));
      });
      c.at(T0 + 2000, () => c.api.delete('pods', 'default', 'w0', { gracePeriodSeconds: 0 }));
      for (const t of steps) c.step(t);
      return JSON.stringify([c.store.list('pods', 'default'), c.store.list('events', 'default'), c.serialize().rng, c.runtime.sections.scheduler]);
    };
    const end = T0 + 11 * 60_000;
    expect(run([end])).toContain('FailedScheduling');
    expect(run([end])).toBe(run([T0 + 2500, T0 + 3000, T0 + 4000, T0 + 5 * 60_000, T0 + 6 * 60_000 + 1, end]));
  });

  test('a nodeSelector no node matches (the website pod-nginx.yaml)', () => {
    const c = newCluster();
    c.at(T0 + 1000, () => c.api.create(podManifest('nginx', { nodeSelector: { disktype: 'ssd' } })));
    expect(scheduledCondition(getPod(c, 'nginx'))?.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    c.at(T0 + 5000, () => {
      const node = JSON.parse(JSON.stringify(c.store.get('nodes', undefined, 'node1')));
      node.metadata.labels.disktype = 'ssd';
      c.api.update(node);
    });
    c.step(T0 + 6000);
    expect(getPod(c, 'nginx').spec.nodeName).toBe('node1');
  });

  test('no nodes at all', () => {
    const c = newCluster();
    c.at(T0 + 1000, () => ['master', 'node1', 'node2'].forEach((n) => c.api.delete('nodes', undefined, n)));
    c.at(T0 + 2000, () => c.api.create(podManifest('lonely')));
    expect(eventsFor(c, 'lonely', 'FailedScheduling')[0]?.message).toBe('no nodes available to schedule pods');
  });

  test('a pod left Pending for a day retries every 5 minutes, counted the same whatever the steps', () => {
    const run = (steps: number[]): { count: number; state: string } => {
      const c = newCluster();
      c.at(T0 + 1000, () => c.api.create(podManifest('stuck', { nodeSelector: { disk: 'ssd' } })));
      for (const t of steps) c.step(t);
      const [ev] = eventsFor(c, 'stuck', 'FailedScheduling');
      return { count: ev.count!, state: JSON.stringify([ev, getPod(c, 'stuck'), c.runtime.sections.scheduler, c.timerEntries()]) };
    };
    const day = 86_400_000;
    const once = run([T0 + day]);
    // the first attempt at 00:00:01, then one every 5 minutes
    expect(once.count).toBe(1 + Math.floor((day - 1000) / (5 * 60_000)));
    expect(run([...Array.from({ length: 24 }, (_, i) => T0 + (i + 1) * 3_600_000 - 7), T0 + day]).state).toBe(once.state);
  });
});
