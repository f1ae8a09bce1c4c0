import fc from 'fast-check';
import { Cluster } from '../../cluster';
import { Pod } from '../../api/types';
import { kubeletSection } from './runtime-state';

const START = Date.UTC(2026, 0, 1);
const S = 1000;

function scenario(c: Cluster): void {
  const mk = (name: string, spec: Partial<Pod['spec']>): Pod =>
    ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName: 'node2', containers: [], ...spec } }) as Pod;
  c.at(START + S, () => {
    c.api.create(mk('web', { containers: [{ name: 'web', image: 'nginx:1.25', readinessProbe: { httpGet: { path: '/', port: 80 } } }] }));
    c.api.create(mk('bad', { containers: [{ name: 'bad', image: 'nginx:1.999' }] }));
    c.api.create(mk('crash', { containers: [{ name: 'crash', image: 'mysql:8.0' }] }));
    c.api.create(
      mk('init', {
        restartPolicy: 'OnFailure',
        initContainers: [{ name: 'wait', image: 'busybox', command: ['sh', '-c', 'sleep 4'] }],
        containers: [{ name: 'job', image: 'busybox', command: ['sh', '-c', 'for i in 1 2 3; do echo $i; sleep 2; done; exit 1'] }],
      }),
    );
  });
  c.at(START + 200 * S, () => c.api.delete('pods', 'default', 'web'));
}

describe('kubelet time splits', () => {
  it('any split of a span gives the same cluster', () => {
    const end = START + 3 * 3600 * S;
    const whole = Cluster.create({ seed: 11, start: START });
    scenario(whole);
    whole.step(end);
    const expected = JSON.stringify(whole.serialize());
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 202 * S, max: 3 * 3600 * S }), { maxLength: 6 }), (cuts) => {
        const c = Cluster.create({ seed: 11, start: START });
        scenario(c);
        for (const t of [...cuts].sort((a, b) => a - b)) c.step(START + t);
        c.step(end);
        expect(JSON.stringify(c.serialize())).toBe(expected);
      }),
      { numRuns: 8 },
    );
  });

  it('a client in a crash loop reaches its server on every restart, in one step or in minutes', () => {
    // it exits 0 under restartPolicy Always, so it restarts for ever; each run reaches the server,
    // which logs it: alone on the cluster, its loop would otherwise be skipped in closed form
    const run = (stepMs: number): { state: string; restarts: number; served: number } => {
      const c = Cluster.create({ seed: 5, start: START });
      c.at(START + S, () => {
        c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'srv', namespace: 'default', labels: { app: 'srv' } }, spec: { containers: [{ name: 'srv', image: 'nginx:1.25' }] } });
        c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'srv', namespace: 'default' }, spec: { selector: { app: 'srv' }, ports: [{ port: 80 }] } });
        c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'default' }, spec: { containers: [{ name: 'client', image: 'busybox', command: ['wget', '-qO-', 'http://srv'] }] } });
      });
      for (let t = START + 2 * S; t < START + 3 * 3600 * S; t += stepMs) c.step(t);
      c.step(START + 3 * 3600 * S);
      const pods = kubeletSection(c.runtime).pods;
      return { state: JSON.stringify(c.serialize()), restarts: pods['default/client'].containers[0].restartCount, served: pods['default/srv'].containers[0].current?.extra?.length ?? 0 };
    };
    const whole = run(3 * 3600 * S);
    expect(whole.served).toBeGreaterThanOrEqual(whole.restarts - 1);
    expect(run(60 * S)).toEqual(whole);
  });
});
