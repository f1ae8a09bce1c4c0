import fc from 'fast-check';
import { TimerQueue } from './timer-queue';

const order = new Map([
  ['kubelet', 0],
  ['event-ttl', 1],
]);

describe('TimerQueue', () => {
  it('add keeps the earliest time; reschedule replaces it, later or earlier', () => {
    const q = new TimerQueue(order);
    q.add(100, 'event-ttl', 'ns/a');
    q.add(200, 'event-ttl', 'ns/a');
    expect(q.pendingAt('event-ttl', 'ns/a')).toBe(100);
    q.reschedule(300, 'event-ttl', 'ns/a');
    expect(q.pendingAt('event-ttl', 'ns/a')).toBe(300);
    expect(q.entries()).toEqual([{ at: 300, controller: 'event-ttl', key: 'ns/a' }]);
    expect(q.pop()).toEqual({ at: 300, controller: 'event-ttl', key: 'ns/a' });
    expect(q.pop()).toBeUndefined();
  });

  it('earliestExcept skips the own key and the ignored timers', () => {
    const q = new TimerQueue(order);
    q.add(10, 'kubelet', 'ns/p');
    q.add(20, 'event-ttl', 'ns/e1');
    q.add(30, 'event-ttl', 'ns/e2');
    expect(q.earliestExcept('kubelet', 'ns/p')).toBe(20);
    expect(q.earliestExcept('kubelet', 'ns/p', [{ controller: 'event-ttl', key: 'ns/e1' }])).toBe(30);
    expect(q.earliestExcept('kubelet', 'ns/p', [{ controller: 'event-ttl', key: 'ns/e1' }, { controller: 'event-ttl', key: 'ns/e2' }])).toBe(Infinity);
  });

  it('pops in (time, controller order, key) order whatever was replaced, holding a bounded heap', () => {
    const op = fc.record({ at: fc.integer({ min: 0, max: 50 }), controller: fc.constantFrom('kubelet', 'event-ttl'), key: fc.constantFrom('a', 'b', 'c', 'd'), move: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const q = new TimerQueue(order);
        const model = new Map<string, { at: number; controller: string; key: string }>();
        for (const o of ops) {
          const id = `${o.controller}/${o.key}`;
          const cur = model.get(id);
          if (o.move) q.reschedule(o.at, o.controller, o.key);
          else q.add(o.at, o.controller, o.key);
          if (o.move || !cur || o.at < cur.at) model.set(id, { at: o.at, controller: o.controller, key: o.key });
          expect(q.held).toBeLessThanOrEqual(2 * q.size + 64);
        }
        const want = [...model.values()].sort((x, y) => x.at - y.at || order.get(x.controller)! - order.get(y.controller)! || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
        const got = [];
        for (let t = q.pop(); t; t = q.pop()) got.push(t);
        expect(got).toEqual(want);
      }),
    );
  });
});

describe('TimerQueue, timers added while others pop', () => {
  it('pops, at every moment, the least pending (time, controller order, key), as a sorted model does', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), at: fc.integer({ min: 0, max: 12 }), controller: fc.constantFrom('kubelet', 'event-ttl'), key: fc.constantFrom('a', 'b', 'c', 'd', 'e'), move: fc.boolean() }),
      fc.record({ kind: fc.constant('pop' as const) }),
    );
    const cmp = (x: { at: number; controller: string; key: string }, y: { at: number; controller: string; key: string }) =>
      x.at - y.at || order.get(x.controller)! - order.get(y.controller)! || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const q = new TimerQueue(order);
        const model = new Map<string, { at: number; controller: string; key: string }>();
        for (const o of ops) {
          if (o.kind === 'pop') {
            const want = [...model.values()].sort(cmp)[0];
            const top = q.peek();
            expect(top && { at: top.at, controller: top.controller, key: top.key }).toEqual(want);
            expect(q.pop()).toEqual(want);
            if (want) model.delete(`${want.controller}/${want.key}`);
          } else {
            const id = `${o.controller}/${o.key}`;
            const cur = model.get(id);
            if (o.move) q.reschedule(o.at, o.controller, o.key);
            else q.add(o.at, o.controller, o.key);
            if (o.move || !cur || o.at < cur.at) model.set(id, { at: o.at, controller: o.controller, key: o.key });
          }
          expect(q.size).toBe(model.size);
          expect(q.held).toBeLessThanOrEqual(2 * q.size + 64);
          expect(q.entries()).toEqual([...model.values()].sort(cmp));
        }
      }),
      { numRuns: 300 },
    );
  });
});
