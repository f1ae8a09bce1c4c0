// The Event aggregation index keeps a key per Event recorded; Events expire after an hour, so a
// cluster that runs for days must not keep the keys of expired Events for ever.
import { newKit } from './kubectl/verbs/verb-test-kit';
import type { KubeEvent } from './api/types';

test('the aggregation index stays near the number of live Events while Events expire', async () => {
  const kit = newKit();
  const indexSize = () => (kit.sandbox.cluster as unknown as { aggIndex?: Map<string, string> }).aggIndex?.size ?? 0;
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
