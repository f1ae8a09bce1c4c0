import fc from 'fast-check';
import { Pod, ReplicaSet } from '../../api/types';
import { fromLabelSelector, matches } from '../../api/selectors';
import { isPodActive, isPodReady } from './pod-utils';
import { T0, get, makeReady, newCluster, podsOf, replicaSet } from './test-fixtures';

const S = 1000;

type Op = { kind: 'scale'; n: number } | { kind: 'delete'; i: number } | { kind: 'ready'; i: number } | { kind: 'relabel'; i: number } | { kind: 'orphan' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('scale' as const), n: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), i: fc.nat(20) }),
  fc.record({ kind: fc.constant('ready' as const), i: fc.nat(20) }),
  fc.record({ kind: fc.constant('relabel' as const), i: fc.nat(20) }),
  fc.record({ kind: fc.constant('orphan' as const) }),
);

describe('replicaset controller consistency', () => {
  test('after any sequence of changes, status and pod count agree with a full recount of the store', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => {
        const c = newCluster();
        const rs = c.at(T0, () => c.api.create(replicaSet('web', 3))) as ReplicaSet;
        let t = T0;
        let orphans = 0;
        for (const o of ops) {
          t += S;
          const pods = podsOf(c, rs).filter(isPodActive);
          const pick = (i: number): Pod | undefined => pods[i % Math.max(1, pods.length)];
          switch (o.kind) {
            case 'scale':
              c.at(t, () => {
                const cur = structuredClone(get<ReplicaSet>(c, 'replicasets', 'web'));
                cur.spec.replicas = o.n;
                c.api.update(cur);
              });
              break;
            case 'delete': {
              const p = pick(o.i);
              if (p) c.at(t, () => c.api.delete('pods', 'default', p.metadata.name!));
              break;
            }
            case 'ready': {
              const p = pick(o.i);
              if (p) makeReady(c, p, t);
              break;
            }
            case 'relabel': {
              const p = pick(o.i);
              if (p)
                c.at(t, () => {
                  const cur = structuredClone(get<Pod>(c, 'pods', p.metadata.name!));
                  cur.metadata.labels = { app: 'other' };
                  c.api.update(cur);
                });
              break;
            }
            case 'orphan':
              c.at(t, () =>
                c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `stray-${orphans++}`, namespace: 'default', labels: { app: 'web' } }, spec: { nodeSelector: { nowhere: 'x' }, containers: [{ name: 'a', image: 'nginx' }] } }),
              );
              break;
          }
          const cur = get<ReplicaSet>(c, 'replicasets', 'web');
          const sel = fromLabelSelector(cur.spec.selector);
          const mine = podsOf(c, rs).filter((p) => isPodActive(p) && matches(sel, p.metadata.labels));
          expect(mine).toHaveLength(cur.spec.replicas!);
          const ready = mine.filter(isPodReady).length;
          expect(cur.status?.replicas ?? 0).toBe(mine.length);
          expect(cur.status?.readyReplicas ?? 0).toBe(ready);
          expect(cur.status?.availableReplicas ?? 0).toBe(ready);
          expect(cur.status?.fullyLabeledReplicas ?? 0).toBe(mine.length);
          // every active pod matching the selector belongs to the ReplicaSet
          const loose = (c.store.list('pods', 'default') as Pod[]).filter((p) => isPodActive(p) && matches(sel, p.metadata.labels) && !p.metadata.ownerReferences);
          expect(loose).toHaveLength(0);
        }
      }),
      { numRuns: 20, seed: 42 },
    );
  });
});
