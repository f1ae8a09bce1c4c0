import { UserRateLimit } from './user-rate-limit';

it('allows `limit` commands per window per user', () => {
  let now = 0;
  const l = new UserRateLimit(2, 1000, () => now);
  expect([l.take('a'), l.take('a'), l.take('a'), l.take('b')]).toEqual([true, true, false, true]);
  now = 999;
  expect(l.take('a')).toBe(false);
  now = 1000;
  expect(l.take('a')).toBe(true);
});
