import { Cluster } from '../../apps/server/src/engine/cluster';
const START = Date.UTC(2026, 0, 1);
const S = 1000;
test('rolling update of 100', () => { for (let run = 0; run < 3; run++) {
  const c = Cluster.create({ seed: 1, start: START, options: { workers: 10, limits: { maxPods: 2000, maxObjects: 10000, maxEvents: 20000 } } });
  const counts = new Map<string, number>(); const times = new Map<string, number>();
  for (const ctl of c.controllers) {
    const s = ctl.sync.bind(ctl);
    (ctl as any).sync = (k: string, ctx: any) => { const t = performance.now(); s(k, ctx); counts.set(ctl.name, (counts.get(ctl.name) ?? 0) + 1); times.set(ctl.name, (times.get(ctl.name) ?? 0) + performance.now() - t); };
  }
  c.at(START + S, () => c.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 100, selector: { matchLabels: { app: 'web' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, progressDeadlineSeconds: 600, revisionHistoryLimit: 10,
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } } as any));
  let t = performance.now();
  c.step(START + 120 * S);
  console.log('create 100 ms', performance.now() - t, [...counts].join(' '), [...times].map(([k, v]) => `${k}=${v.toFixed(0)}`).join(' '));
  counts.clear(); times.clear();
  t = performance.now();
  c.at(START + 121 * S, () => { const d = structuredClone(c.store.get('deployments', 'default', 'web')) as any; d.spec.template.spec.containers[0].image = 'nginx:1.28'; c.api.update(d); });
  c.step(START + 600 * S);
  console.log('rollout ms', performance.now() - t, [...counts].join(' '), [...times].map(([k, v]) => `${k}=${v.toFixed(0)}`).join(' '));
}});
