import { MAX_ADVANCE_MS, VirtualClock, WallClock } from './clock';

describe('VirtualClock', () => {
  it('stands still until advanced', () => {
    const c = new VirtualClock(1_000);
    expect(c.now()).toBe(1_000);
    expect(c.now()).toBe(1_000);
    expect(c.advance(250)).toBe(1_250);
    expect(c.advance(0)).toBe(1_250);
    expect(c.now()).toBe(1_250);
  });

  it('tells listeners about each advance', () => {
    const c = new VirtualClock(0);
    const seen: number[] = [];
    const off = c.onAdvance((now) => seen.push(now));
    c.advance(10);
    c.advance(5);
    off();
    c.advance(1);
    expect(seen).toEqual([10, 15]);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, MAX_ADVANCE_MS + 1])('refuses to advance by %p', (ms) => {
    const c = new VirtualClock(0);
    expect(() => c.advance(ms)).toThrow(RangeError);
    expect(c.now()).toBe(0);
  });
});

describe('WallClock', () => {
  it('reads the wall time', () => {
    const before = Date.now();
    const now = new WallClock().now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
