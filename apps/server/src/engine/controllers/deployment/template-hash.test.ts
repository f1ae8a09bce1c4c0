import { canonicalJson, computeHash, equalIgnoreHash, fnv32a, fnv32aString, safeEncodeString } from './template-hash';
import { resolveFenceposts, scaledValue } from './rollout-math';

describe('pod-template-hash', () => {
  test.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('FNV-32a of %j is the reference value', (text, want) => {
    expect(fnv32aString(0x811c9dc5, text)).toBe(want);
    expect(fnv32a(0x811c9dc5, Buffer.from(text, 'utf8'))).toBe(want);
  });

  test('UTF-8 is hashed byte by byte', () => {
    expect(fnv32aString(0x811c9dc5, 'ñ€😀')).toBe(fnv32a(0x811c9dc5, Buffer.from('ñ€😀', 'utf8')));
  });

  test('SafeEncodeString maps the decimal digits onto 4-9 b c d f', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } };

  test('same template, same hash, whatever the key order; a different image or collisionCount changes it', () => {
    const reordered = { spec: { containers: [{ image: 'nginx:1.27', name: 'nginx' }] }, metadata: { labels: { app: 'web' } } };
    const h = computeHash(template);
    expect(h).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash(reordered)).toBe(h);
    expect(computeHash({ ...template, metadata: { ...template.metadata, creationTimestamp: null } } as never)).toBe(h);
    expect(computeHash({ ...template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } })).not.toBe(h);
    expect(computeHash(template, 1)).not.toBe(h);
    expect(computeHash(template, 0)).not.toBe(h);
  });

  test('the hash is the FNV-32a of the canonical template in decimal, then safe-encoded', () => {
    const want = safeEncodeString(String(fnv32aString(0x811c9dc5, canonicalJson(template))));
    expect(computeHash(template)).toBe(want);
  });

  test('equalIgnoreHash ignores only the pod-template-hash label', () => {
    const withHash = { ...template, metadata: { labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' } } };
    expect(equalIgnoreHash(template, withHash)).toBe(true);
    expect(equalIgnoreHash(template, { ...template, metadata: { labels: { app: 'api' } } })).toBe(false);
  });
});

describe('rolling update budgets', () => {
  test.each([
    // replicas, maxSurge, maxUnavailable → surge, unavailable (ResolveFenceposts)
    [3, '25%', '25%', 1, 0],
    [4, '25%', '25%', 1, 1],
    [10, '25%', '25%', 3, 2],
    [1, '25%', '25%', 1, 0],
    [5, 0, 0, 0, 1],
    [5, '0%', '10%', 0, 1],
    [10, 2, '50%', 2, 5],
  ])('%i replicas, surge %s, unavailable %s → %i / %i', (replicas, surge, unavailable, wantSurge, wantUnavailable) => {
    expect(resolveFenceposts(surge, unavailable, replicas)).toEqual({ surge: wantSurge, unavailable: wantUnavailable });
  });

  test('percentages round up or down', () => {
    expect(scaledValue('33%', 10, true)).toBe(4);
    expect(scaledValue('33%', 10, false)).toBe(3);
    expect(scaledValue(7, 10, false)).toBe(7);
  });
});
