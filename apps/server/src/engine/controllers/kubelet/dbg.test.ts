import { Cluster } from '../../cluster';
import { Pod } from '../../api/types';
const START = Date.UTC(2026, 0, 1);
it('dbg', () => {
  const c = Cluster.create({ seed: 1, start: START });
  c.at(START + 1000, () => c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'loop', namespace: 'default' }, spec: { nodeName: 'node1', containers: [{ name: 'loop', image: 'busybox:1.36', command: ['sh', '-c', 'echo boom; exit 1'] }] } } as Pod));
  (globalThis as any).__dbg = [];
  c.step(START + 2 * 3600_000);
  console.log((globalThis as any).__dbg.slice(5, 14).join('\n'));
});
