import { Cluster } from '../../apps/server/src/engine/cluster';
const START = Date.UTC(2026, 0, 1);
const S = 1000;
test('prof', () => {
  const c = Cluster.create({ seed: 1, start: START });
  c.at(START + S, () =>
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'loop', namespace: 'default' },
      spec: { nodeName: 'node1', containers: [{ name: 'loop', image: 'busybox:1.36', command: ['sh', '-c', 'echo boom; exit 1'] }] } } as any));
  c.step(START + 3600 * S);
  const rv = c.store.resourceVersion;
  const t0 = Date.now();
  c.step(START + 30 * 86400 * S);
  console.log('took', Date.now() - t0, c.store.resourceVersion - rv);
  console.log(JSON.stringify(c.timerEntries()));
});
