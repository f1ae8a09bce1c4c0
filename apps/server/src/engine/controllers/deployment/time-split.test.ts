import { Cluster } from '../../cluster';
import { Deployment } from '../../api/types';
import { T0 } from '../replicaset/test-fixtures';

const S = 1000;

function scenario(c: Cluster): void {
  c.at(T0 + S, () =>
    c.api.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 4,
        minReadySeconds: 3,
        progressDeadlineSeconds: 600,
        revisionHistoryLimit: 10,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
      },
    } as Deployment),
  );
  c.at(T0 + 40 * S, () => {
    const d = structuredClone(c.store.get('deployments', 'default', 'web')) as Deployment;
    d.spec.template.spec.containers[0].image = 'nginx:1.28';
    c.api.update(d);
  });
}

describe('workload controllers and time', () => {
  test('stepping once or in many small steps gives the same cluster', () => {
    const a = Cluster.create({ seed: 7, start: T0 });
    const b = Cluster.create({ seed: 7, start: T0 });
    scenario(a);
    scenario(b);
    const end = T0 + 300 * S + 123;
    a.step(end);
    for (let t = T0 + 41 * S; t < end; t += 1700) b.step(t);
    b.step(end);
    expect(b.serialize()).toEqual(a.serialize());
    const rs = a.store.list('replicasets', 'default');
    expect(rs.map((x) => x.spec.replicas).sort()).toEqual([0, 4]);
  });
});
