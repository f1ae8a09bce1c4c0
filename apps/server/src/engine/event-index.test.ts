// The Event aggregation index keeps an entry per Event recorded; Events expire after an hour, so a
// cluster that runs for days must not keep the keys of expired Events for ever.
import { newKit } from './kubectl/verbs/verb-test-kit';
import type { KubeEvent, KubeObject } from './api/types';
import { Cluster } from './cluster';

test('the aggregation index stays near the number of live Events while Events expire', async () => {
  const kit = newKit();
  const indexSize = () => (kit.sandbox.cluster as unknown as { aggEntries: number }).aggEntries;
  let largest = 0;
  for (let i = 0; i < 80; i++) {
    await kit.setup(`kubectl run p${i} --image=nginx`, 'sleep 20', `kubectl delete pod p${i} --wait=false`, 'sleep 3600');
    largest = Math.max(largest, indexSize());
  }
  const live = kit.sandbox.cluster.store.list('events').length;
  expect(live).toBeLessThan(40);
  // about 6 Events a pod: some 480 keys recorded in all, but the index was rebuilt on the way
  expect(largest).toBeLessThanOrEqual(2 * 64 + 256);
  // and aggregation still works: the same Event again counts up instead of a new one
  await kit.setup('kubectl run crash --image=busybox -- /bin/false', 'sleep 300');
  const backoff = (kit.sandbox.cluster.store.list('events') as KubeEvent[]).filter((e) => e.involvedObject.name === 'crash' && e.reason === 'BackOff');
  expect(backoff).toHaveLength(1);
  expect(backoff[0].count).toBeGreaterThan(1);
});

test('Events aggregate by object, fieldPath, type, reason, message and source; a deleted one is made anew, then counts up', () => {
  const START = Date.UTC(2026, 0, 1);
  const c = Cluster.create({ seed: 3, start: START });
  const cm = c.at(START, () => c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: {} } as KubeObject));
  const other = c.at(START, () => c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'other', namespace: 'default' }, data: {} } as KubeObject));
  const src: { component: string; host?: string } = { component: 'kubelet', host: 'node1' };
  const rec = (obj: KubeObject, reason: string, message: string, source = src, fieldPath?: string, type: 'Normal' | 'Warning' = 'Normal') =>
    c.at(c.now, () => c.recordEvent(obj, type, reason, message, source, fieldPath));
  const counts = () =>
    (c.store.list('events', 'default') as KubeEvent[])
      .map((e) => `${e.involvedObject.name} ${e.involvedObject.fieldPath ?? '-'} ${e.type} ${e.reason} ${e.message} ${e.source?.host ?? '-'} x${e.count}`)
      .sort();
  rec(cm, 'Pulled', 'done');
  rec(cm, 'Pulled', 'done');
  rec(cm, 'Pulled', 'done', { component: 'kubelet', host: 'node2' });
  rec(cm, 'Pulled', 'done', { component: 'kubelet' });
  rec(cm, 'Pulled', 'done', src, 'spec.containers{c}');
  rec(cm, 'Pulled', 'done', src, undefined, 'Warning');
  rec(cm, 'Pulled', 'other message');
  rec(other, 'Pulled', 'done');
  expect(counts()).toEqual([
    'cfg - Normal Pulled done - x1',
    'cfg - Normal Pulled done node1 x2',
    'cfg - Normal Pulled done node2 x1',
    'cfg - Normal Pulled other message node1 x1',
    'cfg - Warning Pulled done node1 x1',
    'cfg spec.containers{c} Normal Pulled done node1 x1',
    'other - Normal Pulled done node1 x1',
  ]);
  const first = (c.store.list('events', 'default') as KubeEvent[]).find((e) => e.involvedObject.name === 'other')!;
  c.at(c.now, () => c.api.delete('events', 'default', first.metadata.name!));
  c.step(c.now + 1000);
  const again = rec(other, 'Pulled', 'done');
  expect(again?.created).toBe(true);
  expect(again?.event.metadata.name).not.toBe(first.metadata.name);
  expect(rec(other, 'Pulled', 'done')).toMatchObject({ created: false, event: { count: 2, metadata: { name: again?.event.metadata.name } } });
});
