import { RateLimiter } from './rate-limiter';

it('allows N per minute per key, then refuses until the minute is over', () => {
  let t = 0;
  const r = new RateLimiter(3, () => t);
  expect([r.take('a'), r.take('a'), r.take('a'), r.take('a'), r.take('b')]).toEqual([true, true, true, false, true]);
  t = 59_999;
  expect(r.take('a')).toBe(false);
  t = 60_000;
  expect(r.take('a')).toBe(true);
});
