import { Cluster } from '../../cluster';
import { Deployment } from '../../api/types';
import { T0, deployment, makeReady, podsOf } from './test-fixtures';

const S = 1000;

/** The in-memory indexes and counts are caches: a cluster loaded mid-way (cold caches) must evolve exactly as the live one. */
describe('workload controllers after a load', () => {
  test('a loaded cluster continues exactly as the live one', () => {
    const run = (reload: boolean): unknown => {
      let c = Cluster.create({ seed: 3, start: T0 });
      const d = c.at(T0 + S, () => c.api.create(deployment('web', 3))) as Deployment;
      for (const rs of c.store.list('replicasets', 'default')) for (const p of podsOf(c, rs)) makeReady(c, p, T0 + 2 * S);
      if (reload) c = Cluster.load(c.serialize());
      // one replacement: the live cluster's warm counts take the fast path, the loaded one a full pass
      const victim = podsOf(c, c.store.list('replicasets', 'default')[0])[0];
      c.at(T0 + 2500, () => c.api.delete('pods', 'default', victim.metadata.name!, { gracePeriodSeconds: 0 }));
      c.at(T0 + 3 * S, () => {
        const cur = structuredClone(c.store.get('deployments', 'default', 'web')) as Deployment;
        cur.spec.replicas = 6;
        cur.spec.template.spec.containers[0].image = 'nginx:1.28';
        c.api.update(cur);
      });
      for (const rs of c.store.list('replicasets', 'default')) for (const p of podsOf(c, rs)) makeReady(c, p, T0 + 5 * S);
      c.step(T0 + 10 * S);
      void d;
      return c.serialize();
    };
    expect(run(true)).toEqual(run(false));
  });
});
