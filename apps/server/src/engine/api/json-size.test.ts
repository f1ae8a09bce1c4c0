import { jsonLengthBound } from './json-size';

describe('jsonLengthBound', () => {
  const samples: unknown[] = [
    {},
    [],
    '',
    'a"b\\c\n\u0001\u2028é',
    { a: 1, b: [true, null, -1.2345678901234567e-308, 'x'], c: { d: undefined, e: '\u0000' } },
    [undefined, () => 1, 1e21, NaN],
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
  ];

  it.each(samples.map((s) => [JSON.stringify(s) ?? 'undefined', s]))('is never below the real length: %s', (_, s) => {
    expect(jsonLengthBound(s, Infinity)).toBeGreaterThanOrEqual((JSON.stringify(s) ?? '').length);
  });

  it('stops past the budget with a figure above it', () => {
    const big = { data: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, 'x'.repeat(100)])) };
    const bound = jsonLengthBound(big, 5000);
    expect(bound).toBeGreaterThan(5000);
    expect(bound).toBeLessThan(jsonLengthBound(big, Infinity));
  });
});
