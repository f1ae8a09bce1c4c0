import { Cluster } from '../../apps/server/src/engine/cluster';
const START = Date.UTC(2026, 0, 1);
const S = 1000;
test('1000 pods via rs', () => { for (let run = 0; run < 2; run++) {
  const c = Cluster.create({ seed: 1, start: START, options: { workers: 10, limits: { maxPods: 2000, maxObjects: 10000, maxEvents: 20000 } } });
  const counts = new Map<string, number>(); const times = new Map<string, number>();
  for (const ctl of c.controllers) {
    const s = ctl.sync.bind(ctl);
    (ctl as any).sync = (k: string, ctx: any) => { const t = performance.now(); s(k, ctx); counts.set(ctl.name, (counts.get(ctl.name) ?? 0) + 1); times.set(ctl.name, (times.get(ctl.name) ?? 0) + performance.now() - t); };
  }
  const t = performance.now();
  c.at(START + S, () => c.api.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 1000, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } } as any));
  c.step(START + 120 * S);
  const rs = c.store.get('replicasets', 'default', 'web') as any;
  console.log('1000 ms', performance.now() - t, JSON.stringify(rs.status), [...counts].join(' '), [...times].map(([k, v]) => `${k}=${v.toFixed(0)}`).join(' '));
}});
