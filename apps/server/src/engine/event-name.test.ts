import fc from 'fast-check';
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

describe('nanosHex at one instant', () => {
  it('names every sequence number of an instant as BigInt does, also past a carry of the low digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2099, 0, 1) }), fc.array(fc.integer({ min: 0, max: 999_999 }), { minLength: 1, maxLength: 20 }), (ms, seqs) => {
        for (const seq of [0, ...seqs]) expect(nanosHex(ms, seq)).toBe((BigInt(ms) * 1_000_000n + BigInt(seq)).toString(16));
      }),
    );
  });
});
