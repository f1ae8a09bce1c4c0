import { canonicalQuantity, decimalExponent, durationSeconds, milliQuantity, ramInBytes } from './quantity';

describe('quantities and durations', () => {
  it.each([
    ['10s', 10],
    ['1m30s', 90],
    ['1h', 3600],
    ['500ms', 0],
    ['1.5s', 1],
    ['bogus', undefined],
  ])('duration %s → %s', (text, want) => expect(durationSeconds(text)).toBe(want));

  it.each([
    [10000, 10000],
    ['10000Mb', 10485760000],
    ['512m', 536870912],
    ['1g', 1073741824],
    ['1GiB', 1073741824],
    ['2k', 2048],
  ])('RAMInBytes(%s) = %s', (v, want) => expect(ramInBytes(v)).toBe(want));

  it.each([
    [10000, '10e3'],
    [10485760000, '10485760e3'],
    [512, '512'],
    [1000000, '1e6'],
  ])('DecimalExponent(%s) = %s', (n, want) => expect(decimalExponent(n)).toBe(want));

  it('formats milli-CPUs', () => {
    expect(milliQuantity(500)).toBe('500m');
    expect(milliQuantity(2000)).toBe('2');
  });

  it.each([
    ['100Mi', '100Mi'],
    ['1024Mi', '1Gi'],
    ['1Gi', '1Gi'],
    ['1000M', '1G'],
    ['5G', '5G'],
    ['2000', '2k'],
    ['1.5Gi', '1536Mi'],
    ['ten', undefined],
  ])('canonical %s = %s', (text, want) => expect(canonicalQuantity(text)).toBe(want));
});
