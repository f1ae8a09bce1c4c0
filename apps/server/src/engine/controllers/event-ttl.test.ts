// Events live one hour after they last happened (the API server's default --event-ttl), and go
// then, as etcd's lease takes them; a repeat moves the hour on.
import { Cluster } from '../cluster';
import { KubeEvent, KubeObject } from '../api/types';

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;
const MIN = 60 * S;

const reasons = (c: Cluster, name: string): string[] =>
  (c.store.list('events', 'default') as KubeEvent[])
    .filter((e) => e.involvedObject.name === name)
    .map((e) => e.reason!)
    .sort();

describe('event TTL', () => {
  it('a pod\'s Events are there at 59 minutes and gone at 61', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0, () => c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as KubeObject));
    c.step(T0 + 30 * S);
    expect(reasons(c, 'web')).toEqual(['Created', 'Pulled', 'Pulling', 'Scheduled', 'Started']);
    c.step(T0 + 59 * MIN);
    expect(reasons(c, 'web')).toEqual(['Created', 'Pulled', 'Pulling', 'Scheduled', 'Started']);
    c.step(T0 + 61 * MIN);
    expect(reasons(c, 'web')).toEqual([]);
    // the pod itself stays
    expect(c.store.get('pods', 'default', 'web')).toBeDefined();
  });

  it('an Event repeated later lives an hour after its last occurrence', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    const cm = c.at(T0, () => c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: {} } as KubeObject));
    c.at(T0, () => c.record(cm, 'Normal', 'Checked', 'looked at', { component: 'test' }));
    c.step(T0 + 50 * MIN);
    c.at(c.now, () => c.record(cm, 'Normal', 'Checked', 'looked at', { component: 'test' }));
    const ev = (): KubeEvent | undefined => (c.store.list('events', 'default') as KubeEvent[]).find((e) => e.involvedObject.name === 'cfg');
    expect(ev()?.count).toBe(2);
    c.step(T0 + 61 * MIN);
    expect(ev()?.lastTimestamp).toBe('2026-01-01T00:50:00Z');
    c.step(T0 + 109 * MIN);
    expect(ev()).toBeDefined();
    c.step(T0 + 111 * MIN);
    expect(ev()).toBeUndefined();
  });
});
