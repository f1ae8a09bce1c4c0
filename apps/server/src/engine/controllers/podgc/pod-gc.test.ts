import { Cluster } from '../../cluster';
import type { KubeObject, Pod } from '../../api/types';
import { nextPassAt } from './pod-gc';

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;

function pod(name: string, extra: Partial<Pod['spec']> = {}, finalizers?: string[]): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...(finalizers ? { finalizers } : {}) }, spec: { containers: [{ name, image: 'nginx' }], ...extra } };
}

const getPod = (c: Cluster, n: string, ns = 'default') => c.store.get('pods', ns, n) as Pod | undefined;
const podsOn = (c: Cluster, node: string) =>
  (c.store.list('pods') as Pod[])
    .filter((p) => p.spec.nodeName === node)
    .map((p) => p.metadata.name)
    .sort();

describe('pod garbage collector: orphaned pods', () => {
  test('passes run every 20 s from the cluster start; the next is strictly after now', () => {
    expect(nextPassAt(T0, T0)).toBe(T0 + 20 * S);
    expect(nextPassAt(T0, T0 + 1)).toBe(T0 + 20 * S);
    expect(nextPassAt(T0, T0 + 19_999)).toBe(T0 + 20 * S);
    expect(nextPassAt(T0, T0 + 20 * S)).toBe(T0 + 40 * S);
    // the bootstrap happens 5 minutes before the start
    expect(nextPassAt(T0, T0 - 300 * S + 5)).toBe(T0 - 280 * S);
  });

  test('the pods of a deleted node stay 40 s in quarantine after the first pass that sees them, then are deleted', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + S, () => c.api.create(pod('web', { nodeName: 'node2' })));
    c.step(T0 + 30 * S);
    expect(getPod(c, 'web')!.status?.phase).toBe('Running');
    const before = podsOn(c, 'node2');
    // (and one of CoreDNS's two pods)
    expect(before.filter((n) => !n!.startsWith('coredns-'))).toEqual(['kube-flannel-ds-zxwt4', 'kube-proxy-nd57w', 'web']);
    expect(before).toHaveLength(4);
    // deleted at 00:00:45: the pass at 00:01:00 puts node2 in quarantine until 00:01:40
    c.at(T0 + 45 * S, () => c.api.delete('nodes', undefined, 'node2'));
    expect(podsOn(c, 'node2')).toEqual(before);
    expect(getPod(c, 'web')!.status?.phase).toBe('Running');
    c.step(T0 + 100 * S - 1);
    expect(podsOn(c, 'node2')).toEqual(before);
    c.step(T0 + 100 * S);
    expect(podsOn(c, 'node2')).toEqual([]);
    // nothing left to look at: no pass is pending
    expect(c.timerEntries().filter((t) => t.controller === 'pod-gc')).toEqual([]);
    expect(c.runtime.sections['pod-gc']).toEqual({ quarantine: {} });
  });

  test('a pod is marked Failed with the DisruptionTarget condition, then force-deleted', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    // a finalizer keeps the deleted object to look at (on a node without a kubelet)
    c.at(T0 + 45 * S, () => c.api.create(pod('kept', { nodeName: 'node9' }, ['example.com/keep'])));
    c.step(T0 + 100 * S);
    const p = getPod(c, 'kept')!;
    expect(p.metadata.deletionTimestamp).toBe('2026-01-01T00:01:40Z');
    expect(p.metadata.deletionGracePeriodSeconds).toBe(0);
    expect(p.status?.phase).toBe('Failed');
    expect(p.status?.conditions?.find((x) => x.type === 'DisruptionTarget')).toEqual({
      type: 'DisruptionTarget',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: '2026-01-01T00:01:40Z',
      reason: 'DeletionByPodGC',
      message: 'PodGC: node no longer exists',
    });
  });

  test('a node that is back before its quarantine ends keeps its pods', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + S, () => c.api.create(pod('web', { nodeName: 'node2' })));
    c.step(T0 + 30 * S);
    const node2 = c.store.get('nodes', undefined, 'node2')!;
    c.at(T0 + 45 * S, () => c.api.delete('nodes', undefined, 'node2'));
    c.at(T0 + 90 * S, () => c.api.create({ ...node2, metadata: { name: 'node2', labels: node2.metadata.labels } }, { internal: true }));
    c.step(T0 + 200 * S);
    expect(getPod(c, 'web')!.status?.phase).toBe('Running');
    expect(c.runtime.sections['pod-gc']).toEqual({ quarantine: {} });
  });

  test('a pod bound to a node that never existed is deleted 40 to 60 s later', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + S, () => c.api.create(pod('ghost', { nodeName: 'node9' })));
    expect(getPod(c, 'ghost')).toBeDefined();
    // first pass 00:00:20, quarantine until 00:01:00
    c.step(T0 + 60 * S - 1);
    expect(getPod(c, 'ghost')).toBeDefined();
    c.step(T0 + 60 * S);
    expect(getPod(c, 'ghost')).toBeUndefined();
  });
});
