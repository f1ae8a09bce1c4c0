import fc from 'fast-check';
import { EventExpiry } from './event-expiry';

describe('EventExpiry', () => {
  it('keeps the earliest live expiry, however Events come, move and go', () => {
    const e = new EventExpiry();
    expect(e.earliest()).toBeUndefined();
    e.set('default', 'b', 200);
    e.set('default', 'a', 100);
    e.set('kube-system', 'c', 300);
    expect(e.earliest()).toBe(100);
    // a repeat moves an Event later: its old place no longer counts
    e.set('default', 'a', 400);
    expect(e.earliest()).toBe(200);
    e.delete('default', 'b');
    expect(e.earliest()).toBe(300);
    expect(e.size).toBe(2);
  });

  it('skips the Events a catch-up knows it refreshes', () => {
    const e = new EventExpiry();
    e.set('default', 'loop.1', 100);
    e.set('default', 'loop.2', 150);
    e.set('default', 'other', 200);
    expect(e.earliestExcept(new Set(['default/loop.1', 'default/loop.2']))).toBe(200);
    expect(e.earliestExcept(new Set(['default/loop.1', 'default/loop.2', 'default/other']))).toBe(Infinity);
  });

  it('takes what is due in namespace then name order, and only that', () => {
    const e = new EventExpiry();
    e.set('ns-b', 'x', 100);
    e.set('ns-a', 'z', 100);
    e.set('ns-a', 'y', 90);
    e.set('ns-a', 'w', 101);
    expect(e.takeDue(100).map((x) => `${x.namespace}/${x.name}`)).toEqual(['ns-a/y', 'ns-a/z', 'ns-b/x']);
    expect(e.earliest()).toBe(101);
    expect(e.size).toBe(1);
  });

  it('agrees with a plain map of expiries over random operations (compaction included)', () => {
    type Op = { kind: 'set'; name: number; at: number } | { kind: 'delete'; name: number } | { kind: 'take'; now: number };
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), name: fc.integer({ min: 0, max: 40 }), at: fc.integer({ min: 0, max: 5000 }) }),
      fc.record({ kind: fc.constant('delete' as const), name: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ kind: fc.constant('take' as const), now: fc.integer({ min: 0, max: 5000 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops: Op[]) => {
        const e = new EventExpiry();
        const model = new Map<string, number>();
        for (const o of ops) {
          if (o.kind === 'set') {
            e.set('ns', `e${o.name}`, o.at);
            model.set(`e${o.name}`, o.at);
          } else if (o.kind === 'delete') {
            e.delete('ns', `e${o.name}`);
            model.delete(`e${o.name}`);
          } else {
            const due = [...model].filter(([, at]) => at <= o.now).map(([n]) => n).sort();
            expect(e.takeDue(o.now).map((x) => x.name)).toEqual(due);
            for (const n of due) model.delete(n);
          }
          const min = model.size ? Math.min(...model.values()) : undefined;
          expect(e.earliest()).toBe(min);
          expect(e.size).toBe(model.size);
        }
      }),
      { numRuns: 60 },
    );
  });
});
