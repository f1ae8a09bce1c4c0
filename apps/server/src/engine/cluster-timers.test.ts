// Timers due at one instant fire together: the controllers then see the changes they make as one
// batch, as informers deliver changes that arrive together (the per-timer split of engine 0.2.0
// made every pod of a rollout that turns ready at the same instant cascade on its own).

import { Cluster } from './cluster';
import { KubeObject, Pod } from './api/types';

const T0 = Date.UTC(2026, 0, 1);

function deployment(replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
  };
}

describe('timers due at one instant', () => {
  it('fire together: pods turning Running at the same instant give one ReplicaSet status write', () => {
    const c = Cluster.create({ seed: 1, start: T0, options: { workers: 1 } });
    c.at(T0 + 1000, () => c.api.create(deployment(8)));
    const rsWrites: number[] = [];
    c.store.onChange((ev) => {
      if (ev.resource === 'replicasets' && ev.type === 'MODIFIED') rsWrites.push(c.now);
    });
    const pods = (): Pod[] => c.store.list('pods', 'default') as Pod[];
    for (let i = 0; i < 50 && !pods().every((p) => p.status?.phase === 'Running'); i++) c.step(c.nextTransitionAt()!);
    expect(pods()).toHaveLength(8);
    expect(pods().every((p) => p.status?.phase === 'Running')).toBe(true);
    // one worker pulls the image for all eight at once: they start at the same instant
    const startedAt = new Set(pods().map((p) => p.status?.containerStatuses?.[0]?.state?.running?.startedAt));
    expect(startedAt.size).toBe(1);
    const atStart = rsWrites.filter((t) => t === c.now);
    expect(atStart).toHaveLength(1);
  });

  it('any split of the span still gives the same state', () => {
    const run = (stops: number[]): string => {
      const c = Cluster.create({ seed: 1, start: T0, options: { workers: 1 } });
      c.at(T0 + 1000, () => c.api.create(deployment(8)));
      for (const t of stops) c.step(t);
      return JSON.stringify(c.serialize());
    };
    const end = T0 + 3 * 3600_000;
    expect(run([T0 + 1001, T0 + 2000, T0 + 5432, T0 + 3600_000 + 1000, end])).toBe(run([end]));
  });
});
