import { Cluster } from '../../cluster';
import { KubeEvent, KubeObject, Node, Pod } from '../../api/types';
import { powerOff, powerOn, startKubelet, stopKubelet } from '../../operations/node-operations';
import { evictionDue } from './node-lifecycle';

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;

function pod(name: string, extra: Partial<Pod['spec']> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name, image: 'nginx' }], ...extra } };
}

const node = (c: Cluster, n: string) => c.store.get('nodes', undefined, n) as Node;
const getPod = (c: Cluster, n: string, ns = 'default') => c.store.get('pods', ns, n) as Pod | undefined;
const ready = (c: Cluster, n: string) => node(c, n).status?.conditions?.find((x) => x.type === 'Ready');
const events = (c: Cluster, name: string, reason: string) =>
  (c.store.list('events') as KubeEvent[]).filter((e) => e.involvedObject.name === name && e.reason === reason);

describe('node lifecycle', () => {
  test('kubelet stopped: NotReady after 50 s, eviction 300 s later, Terminating until the node is back', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + S, () => {
      c.api.create(pod('web'));
      c.api.create(pod('short', { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }] }));
    });
    c.step(T0 + 30 * S);
    const n = getPod(c, 'web')!.spec.nodeName!;
    // keep both pods on the same node for the timeline
    if (getPod(c, 'short')!.spec.nodeName !== n) {
      c.at(T0 + 31 * S, () => c.api.delete('pods', 'default', 'short', { gracePeriodSeconds: 0 }));
      c.at(T0 + 32 * S, () =>
        c.api.create(pod('short', { nodeName: n, tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }] })),
      );
      c.step(T0 + 50 * S);
    }
    expect(getPod(c, 'web')!.status?.phase).toBe('Running');
    const kubeProxy = (c.store.list('pods', 'kube-system') as Pod[]).find((p) => p.metadata.name!.startsWith('kube-proxy') && p.spec.nodeName === n)!;

    const stop = T0 + 60 * S;
    c.at(stop, () => stopKubelet(c, n));
    c.step(stop + 49 * S);
    expect(ready(c, n)?.status).toBe('True');
    expect(node(c, n).spec.taints).toBeUndefined();

    c.step(stop + 50 * S);
    const at50 = '2026-01-01T00:01:50Z';
    expect(ready(c, n)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: at50 });
    for (const t of ['MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(node(c, n).status?.conditions?.find((x) => x.type === t)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown' });
    }
    expect(node(c, n).spec.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: at50 },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: at50 },
    ]);
    expect(events(c, n, 'NodeNotReady')[0]).toMatchObject({ type: 'Normal', message: `Node ${n} status is now: NodeNotReady`, source: { component: 'node-controller' } });
    expect(getPod(c, 'web')!.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('False');
    expect(events(c, 'web', 'NodeNotReady')[0]).toMatchObject({ type: 'Warning', message: 'Node is not ready', source: { component: 'node-controller' } });

    // a pod tolerating the taint for 60 s goes first
    c.step(stop + 109 * S);
    expect(getPod(c, 'short')!.metadata.deletionTimestamp).toBeUndefined();
    c.step(stop + 110 * S);
    expect(getPod(c, 'short')!.metadata.deletionTimestamp).toBeDefined();

    // the default 300 s toleration
    c.step(stop + 349 * S);
    expect(getPod(c, 'web')!.metadata.deletionTimestamp).toBeUndefined();
    c.step(stop + 350 * S);
    const evicted = getPod(c, 'web')!;
    expect(evicted.metadata.deletionTimestamp).toBe('2026-01-01T00:07:20Z');
    expect(evicted.status?.conditions?.find((x) => x.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    });
    expect(events(c, 'web', 'TaintManagerEviction')[0]).toMatchObject({
      type: 'Normal',
      message: 'Marking for deletion Pod default/web',
      source: { component: 'taint-eviction-controller' },
    });
    // DaemonSet pods tolerate the taint without limit
    expect(getPod(c, kubeProxy.metadata.name!, 'kube-system')!.metadata.deletionTimestamp).toBeUndefined();

    // nobody confirms the deletion while the kubelet is away
    c.step(stop + 3600 * S);
    expect(getPod(c, 'web')).toBeDefined();

    const back = stop + 3600 * S;
    c.at(back, () => startKubelet(c, n));
    expect(ready(c, n)?.status).toBe('True');
    expect(ready(c, n)?.reason).toBe('KubeletReady');
    expect(node(c, n).spec.taints).toBeUndefined();
    expect(events(c, n, 'NodeReady')[0]).toMatchObject({ type: 'Normal', message: `Node ${n} status is now: NodeReady` });
    c.step(back + 60 * S);
    expect(getPod(c, 'web')).toBeUndefined();
    expect(getPod(c, 'short')).toBeUndefined();
  });

  test('a node that comes back before the eviction cancels it', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + S, () => c.api.create(pod('web')));
    c.step(T0 + 30 * S);
    const n = getPod(c, 'web')!.spec.nodeName!;
    c.at(T0 + 60 * S, () => powerOff(c, n));
    c.step(T0 + 200 * S);
    expect(ready(c, n)?.status).toBe('Unknown');
    c.at(T0 + 200 * S, () => powerOn(c, n));
    c.step(T0 + 1000 * S);
    expect(getPod(c, 'web')!.metadata.deletionTimestamp).toBeUndefined();
    expect(events(c, 'web', 'TaintManagerEviction')[0]?.message).toBe('Cancelling deletion of Pod default/web');
  });

  test('stepping in one go gives the same state as stepping in pieces', () => {
    const run = (steps: number[]): string => {
      const c = Cluster.create({ seed: 7, start: T0 });
      c.at(T0 + S, () => c.api.create(pod('web')));
      c.at(T0 + 10 * S, () => stopKubelet(c, 'node1'));
      for (const t of steps) c.step(t);
      return JSON.stringify(c.store.list('nodes')) + JSON.stringify(c.store.list('pods', 'default'));
    };
    expect(run([T0 + 400 * S])).toBe(run([T0 + 59 * S, T0 + 60 * S, T0 + 61 * S, T0 + 200 * S, T0 + 400 * S]));
  });

  test('when every node is down, no NoExecute taint is added (full disruption)', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + S, () => ['master', 'node1', 'node2'].forEach((n) => stopKubelet(c, n)));
    c.step(T0 + 120 * S);
    for (const n of ['master', 'node1', 'node2']) {
      expect(ready(c, n)?.status).toBe('Unknown');
      expect((node(c, n).spec.taints ?? []).filter((t) => t.effect === 'NoExecute')).toEqual([]);
    }
  });

  describe('evictionDue', () => {
    const taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' as const, timeAdded: '2026-01-01T00:00:00Z' };
    const now = T0 + 10 * S;
    test.each([
      ['no NoExecute taints', [], [], undefined],
      ['not tolerated', [], [taint], now],
      ['tolerated forever', [{ operator: 'Exists' as const }], [taint], undefined],
      ['tolerated 300 s', [{ key: taint.key, operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 }], [taint], T0 + 300 * S],
      ['zero seconds', [{ key: taint.key, operator: 'Exists' as const, tolerationSeconds: 0 }], [taint], now],
      [
        'the shortest of the matching tolerations',
        [
          { key: taint.key, operator: 'Exists' as const, tolerationSeconds: 300 },
          { operator: 'Exists' as const, tolerationSeconds: 30 },
        ],
        [taint],
        T0 + 30 * S,
      ],
    ])('%s', (_n, tolerations, taints, want) => {
      expect(evictionDue(tolerations, taints, now)).toBe(want);
    });
  });
});
