import { nanosHex } from './event-name';

describe('nanosHex', () => {
  it.each([
    [0, 0],
    [1, 0],
    [Date.UTC(2026, 0, 1), 0],
    [Date.UTC(2026, 0, 1) + 123, 7],
    [Date.UTC(2099, 11, 31, 23, 59, 59, 999), 999_999],
    [1_048_575, 5],
  ])('%d ms, seq %d matches BigInt', (ms, seq) => {
    expect(nanosHex(ms, seq)).toBe((BigInt(ms) * 1_000_000n + BigInt(seq)).toString(16));
  });
});
