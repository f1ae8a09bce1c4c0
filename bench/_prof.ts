import { Cluster } from '../apps/server/src/engine/cluster';
import { Pod } from '../apps/server/src/engine/api/types';
const START = Date.UTC(2026, 0, 1);
const base = Cluster.create({ seed: 1, start: START, options: { workers: 10, limits: { maxPods: 2000, maxObjects: 10000 } } }).serialize();
const c = Cluster.load(JSON.parse(JSON.stringify(base)));
const names = Array.from({ length: 300 }, (_, k) => `p${k}`);
const t0 = performance.now();
c.at(c.now, () => names.forEach((n) => c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: n, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })));
for (let i = 0; i < 1000; i++) { const n = c.nextTransitionAt(); if (n === undefined) break; c.step(n); if (names.every((x) => (c.store.get('pods','default',x) as Pod)?.status?.phase === 'Running')) break; }
console.log('ms', performance.now() - t0);
