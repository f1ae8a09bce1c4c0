// nextTransitionAt is what the server's live ticker waits for: nothing the cluster stores changes
// before it, so a dashboard that steps the cluster only then misses nothing.
import { Cluster } from './cluster';
import { KubeObject } from './api/types';

const T0 = Date.UTC(2026, 0, 1);

describe('nextTransitionAt', () => {
  it('nothing is written before it; over a rollout, a crash loop and a pull that fails, every write comes at one', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0, () => {
      c.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } } as KubeObject);
      c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crash', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } as KubeObject);
      c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'typo', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginxx' }] } } as KubeObject);
    });
    let transitions = 0;
    let writes = 0;
    while (c.now < T0 + 10 * 60_000) {
      const next = c.nextTransitionAt();
      expect(next).toBeDefined();
      expect(next!).toBeGreaterThan(c.now);
      const rv = c.store.resourceVersion;
      // the instant before: no write at all
      if (next! - 1 > c.now) c.step(next! - 1);
      expect(c.store.resourceVersion).toBe(rv);
      c.step(next!);
      transitions++;
      if (c.store.resourceVersion !== rv) writes++;
    }
    // the span had work to do: most transitions wrote something
    expect(transitions).toBeGreaterThan(20);
    expect(writes).toBeGreaterThan(transitions / 2);
  });
});
