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
});
