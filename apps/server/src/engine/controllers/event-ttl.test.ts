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

  it('an Event a user created expires too, an hour after its lastTimestamp', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    const made = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'mine', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'x', namespace: 'default' }, reason: 'Hello', message: 'hi', lastTimestamp: '2026-01-01T00:10:00Z' } as KubeObject;
    c.at(T0 + 20 * MIN, () => c.api.create(made));
    const mine = (): KubeObject | undefined => c.store.get('events', 'default', 'mine');
    c.step(T0 + 69 * MIN);
    expect(mine()).toBeDefined();
    c.step(T0 + 70 * MIN);
    expect(mine()).toBeUndefined();
  });

  it('one event-ttl timer, at the earliest expiry, whatever the number of Events', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    for (let i = 0; i < 3; i++) {
      c.at(T0 + i * MIN, () => c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as KubeObject));
    }
    c.step(T0 + 10 * MIN);
    expect(c.store.countOf('events')).toBe(15);
    expect(c.timerEntries().filter((t) => t.controller === 'event-ttl')).toEqual([{ at: T0 + 60 * MIN, controller: 'event-ttl', key: '' }]);
    // the first pod's Events go an hour after each (its start took a few seconds), then the
    // timer moves to the second pod's first
    c.step(T0 + 60 * MIN);
    expect(reasons(c, 'p0')).toEqual(['Created', 'Pulled', 'Pulling', 'Started']);
    c.step(T0 + 60 * MIN + 30 * S);
    expect(reasons(c, 'p0')).toEqual([]);
    expect(reasons(c, 'p1')).toHaveLength(5);
    expect(c.timerEntries().filter((t) => t.controller === 'event-ttl')).toEqual([{ at: T0 + 61 * MIN, controller: 'event-ttl', key: '' }]);
    expect(c.nextTransitionAt()).toBe(T0 + 61 * MIN);
  });

  it('a stored and loaded cluster expires the same Events at the same times', () => {
    const live = Cluster.create({ seed: 3, start: T0 });
    for (let i = 0; i < 4; i++) {
      live.at(T0 + i * 7 * MIN, () => live.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: 'default' }, spec: { containers: [{ name: 'c', image: i === 2 ? 'busybox' : 'nginx' }] } } as KubeObject));
    }
    live.step(T0 + 40 * MIN);
    const loaded = Cluster.load(JSON.parse(JSON.stringify(live.serialize())));
    for (const t of [T0 + 65 * MIN, T0 + 75 * MIN, T0 + 90 * MIN, T0 + 200 * MIN]) {
      live.step(t);
      loaded.step(t);
      expect(JSON.stringify(loaded.serialize())).toBe(JSON.stringify(live.serialize()));
    }
    // the crash-looping busybox keeps its BackOff Event alive; the nginx pods' Events are gone
    expect(reasons(live, 'p0')).toEqual([]);
    expect(reasons(live, 'p2')).toContain('BackOff');
  });

  it('honours the per-Event timers of a cluster stored by an engine before 0.10', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0, () => c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as KubeObject));
    c.step(T0 + 30 * S);
    // as 0.9.0 stored it: a timer per Event, an hour after the instant it was recorded
    const stored = c.serialize();
    const events = c.store.list('events', 'default') as KubeEvent[];
    stored.timers = [...stored.timers.filter((t) => t.controller !== 'event-ttl'), ...events.map((e) => ({ at: Date.parse(e.firstTimestamp!) + 60 * MIN, controller: 'event-ttl', key: `default/${e.metadata.name}` }))];
    const old = Cluster.load(JSON.parse(JSON.stringify(stored)));
    old.step(T0 + 59 * MIN);
    expect(reasons(old, 'web')).toHaveLength(5);
    old.step(T0 + 61 * MIN);
    expect(reasons(old, 'web')).toEqual([]);
  });
});
