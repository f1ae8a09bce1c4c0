import { Cluster } from '../../cluster';
import { KubeEvent, Pod } from '../../api/types';

const START = Date.UTC(2026, 0, 1);
const S = 1000;
const DAY = 86_400 * S;

function crashPod(c: Cluster): void {
  c.at(START + S, () =>
    c.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'loop', namespace: 'default' },
      spec: { nodeName: 'node1', containers: [{ name: 'loop', image: 'busybox:1.36', command: ['sh', '-c', 'echo boom; exit 1'] }] },
    } as Pod),
  );
}

function state(c: Cluster): unknown {
  const s = c.serialize();
  return { ...s, timers: s.timers };
}

describe('kubelet closed-form catch-up', () => {
  it('one step over hours equals many small steps', () => {
    const a = Cluster.create({ seed: 3, start: START });
    const b = Cluster.create({ seed: 3, start: START });
    crashPod(a);
    crashPod(b);
    const end = START + 5 * 3600 * S + 1234;
    a.step(end);
    for (let t = START + 2 * S; t < end; t += 7 * S) b.step(t);
    b.step(end);
    expect(state(a)).toEqual(state(b));
    const p = a.api.get('pods', 'default', 'loop') as Pod;
    expect(p.status!.containerStatuses![0].restartCount).toBeGreaterThan(50);
  });

  it('irregular splits agree too', () => {
    const a = Cluster.create({ seed: 5, start: START });
    const b = Cluster.create({ seed: 5, start: START });
    crashPod(a);
    crashPod(b);
    const end = START + 2 * DAY;
    a.step(end);
    for (const t of [START + 1 * 3600 * S, START + 1 * 3600 * S + 17, START + 13 * 3600 * S, START + DAY + 999, end]) b.step(t);
    expect(state(a)).toEqual(state(b));
  });

  it('catches up 30 days in milliseconds, with the events counted', () => {
    const c = Cluster.create({ seed: 1, start: START });
    crashPod(c);
    c.step(START + 3600 * S);
    let writes = 0;
    c.store.onChange(() => writes++);
    c.step(START + 30 * DAY);
    // ~8,600 cycles run as a handful: the TTL timers of the Events the loop refreshes move with
    // each repeat and are ignored when the kubelet computes how far it may jump
    // (the time it takes is a benchmark figure: npm run bench)
    expect(writes).toBeLessThan(200);
    const p = c.api.get('pods', 'default', 'loop') as Pod;
    const restarts = p.status!.containerStatuses![0].restartCount;
    // at the cap a cycle is 5 min plus the second the kubelet takes to notice the exit
    expect(restarts).toBeGreaterThan(8000);
    const backoff = (c.api.list('events', { namespace: 'default' }) as KubeEvent[]).find((e) => e.reason === 'BackOff')!;
    expect(backoff.count).toBeGreaterThan(8000);
    expect(backoff.message).toBe(`Back-off restarting failed container loop in pod loop_default(${p.metadata.uid})`);
    // the one event-ttl timer stands at the earliest expiry: an hour after the last repeat of the
    // Events the loop refreshes (whole seconds), not an hour after they began
    const events = c.api.list('events', {}) as KubeEvent[];
    const earliest = Math.min(...events.map((e) => Date.parse(e.lastTimestamp!) + 3600 * S));
    expect(earliest).toBeGreaterThan(c.now);
    expect(Date.parse(backoff.lastTimestamp!)).toBeGreaterThan(c.now - 10 * 60 * S);
    expect(c.timerEntries().filter((t) => t.controller === 'event-ttl')).toEqual([{ at: earliest, controller: 'event-ttl', key: '' }]);
  });
});

describe('kubelet closed-form catch-up of image pull back-off', () => {
  function badPod(c: Cluster): void {
    c.at(START + S, () =>
      c.api.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'bad', namespace: 'default' },
        spec: { nodeName: 'node2', containers: [{ name: 'bad', image: 'nginx:1.999' }] },
      } as Pod),
    );
  }

  it('splits agree and a week costs few writes', () => {
    const a = Cluster.create({ seed: 9, start: START });
    const b = Cluster.create({ seed: 9, start: START });
    badPod(a);
    badPod(b);
    const end = START + 7 * DAY;
    let writes = 0;
    a.store.onChange(() => writes++);
    a.step(end);
    for (const t of [START + 600 * S, START + 3 * 3600 * S + 5, START + 2 * DAY, START + 5 * DAY + 77, end]) b.step(t);
    expect(state(a)).toEqual(state(b));
    // ~2,000 pull attempts (every 5 minutes and the wait for the next 10-15 s resync)
    expect(writes).toBeLessThan(5000);
    const pulling = (a.api.list('events', { namespace: 'default' }) as KubeEvent[]).find((e) => e.reason === 'Pulling' && e.involvedObject.name === 'bad')!;
    expect(pulling.count).toBeGreaterThan(1900);
    expect(pulling.count).toBeLessThan(7 * 288);
  });
});
