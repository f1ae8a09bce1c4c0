import fc from 'fast-check';
import type { KubeEvent } from '../api/types';
import { EventExpiry } from './event-expiry';

/** a store of Events by namespace/name, and the expiry queue fed as the event-ttl watch feeds it */
function harness() {
  const stored = new Map<string, KubeEvent>();
  const key = (ev: KubeEvent): string => `${ev.metadata.namespace}/${ev.metadata.name}`;
  const e = new EventExpiry((ev) => stored.get(key(ev)) === ev);
  const make = (namespace: string, name: string): KubeEvent => ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace }, involvedObject: { kind: 'Pod', name: 'p' } });
  return {
    e,
    /** stores (or replaces) an Event expiring at `at` */
    put(namespace: string, name: string, at: number): void {
      const ev = make(namespace, name);
      const old = stored.get(key(ev));
      stored.set(key(ev), ev);
      e.add(ev, at, old);
    },
    remove(namespace: string, name: string): void {
      const old = stored.get(`${namespace}/${name}`);
      if (!old) return;
      stored.delete(`${namespace}/${name}`);
      e.delete(old);
    },
    take(now: number): string[] {
      const due = e.takeDue(now).map(key);
      for (const k of due) {
        const old = stored.get(k)!;
        stored.delete(k);
        e.delete(old);
      }
      return due;
    },
  };
}

describe('EventExpiry', () => {
  it('keeps the earliest expiry of a stored Event, however Events come, move and go', () => {
    const h = harness();
    expect(h.e.earliest()).toBeUndefined();
    h.put('default', 'b', 200);
    h.put('default', 'a', 100);
    h.put('kube-system', 'c', 300);
    expect(h.e.earliest()).toBe(100);
    // a repeat replaces the Event: its old place no longer counts
    h.put('default', 'a', 400);
    expect(h.e.earliest()).toBe(200);
    h.remove('default', 'b');
    expect(h.e.earliest()).toBe(300);
  });

  it('skips the Events a catch-up knows it refreshes', () => {
    const h = harness();
    h.put('default', 'loop.1', 100);
    h.put('default', 'loop.2', 150);
    h.put('default', 'other', 200);
    expect(h.e.earliestExcept(new Set(['default/loop.1', 'default/loop.2']))).toBe(200);
    expect(h.e.earliestExcept(new Set(['default/loop.1', 'default/loop.2', 'default/other']))).toBe(Infinity);
  });

  it('takes what is due in namespace then name order, and only that', () => {
    const h = harness();
    h.put('ns-b', 'x', 100);
    h.put('ns-a', 'z', 100);
    h.put('ns-a', 'y', 90);
    h.put('ns-a', 'w', 101);
    expect(h.take(100)).toEqual(['ns-a/y', 'ns-a/z', 'ns-b/x']);
    expect(h.e.earliest()).toBe(101);
  });

  it('drops stale entries once they outnumber the stored Events (an Event repeated for weeks)', () => {
    const h = harness();
    h.put('default', 'other', 1_000_000);
    for (let i = 0; i < 5000; i++) h.put('default', 'loop', 100 + i);
    expect(h.e.earliest()).toBe(5099);
    expect(h.e.held).toBeLessThan(1200);
    expect(h.take(6000)).toEqual(['default/loop']);
    expect(h.e.earliest()).toBe(1_000_000);
  });

  it('agrees with a plain map of expiries over random operations (compaction included)', () => {
    type Op = { kind: 'put'; name: number; at: number } | { kind: 'delete'; name: number } | { kind: 'take'; now: number };
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), name: fc.integer({ min: 0, max: 40 }), at: fc.integer({ min: 0, max: 5000 }) }),
      fc.record({ kind: fc.constant('delete' as const), name: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ kind: fc.constant('take' as const), now: fc.integer({ min: 0, max: 5000 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops: Op[]) => {
        const h = harness();
        const model = new Map<string, number>();
        for (const o of ops) {
          if (o.kind === 'put') {
            h.put('ns', `e${o.name}`, o.at);
            model.set(`ns/e${o.name}`, o.at);
          } else if (o.kind === 'delete') {
            h.remove('ns', `e${o.name}`);
            model.delete(`ns/e${o.name}`);
          } else {
            const due = [...model].filter(([, at]) => at <= o.now).map(([n]) => n).sort();
            expect(h.take(o.now)).toEqual(due);
            for (const n of due) model.delete(n);
          }
          expect(h.e.earliest()).toBe(model.size ? Math.min(...model.values()) : undefined);
        }
      }),
      { numRuns: 60 },
    );
  });
});
