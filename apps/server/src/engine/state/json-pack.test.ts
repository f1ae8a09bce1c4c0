import fc from 'fast-check';
import { pack, unpack, PackedDocument } from './json-pack';

/** what `pack` must preserve: the data as JSON carries it */
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
const roundTrip = (v: unknown): unknown => unpack(JSON.parse(JSON.stringify(pack(v))) as PackedDocument);

describe('json-pack', () => {
  it('gives back any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.stringify(roundTrip(v))).toBe(JSON.stringify(asJson(v)));
      }),
      { numRuns: 400 },
    );
  });

  it('gives back data full of repetition (property)', () => {
    // small alphabets make shared subtrees, shapes and strings likely
    const leaf = fc.oneof(fc.constantFrom('a', 'ready', '2026-01-01T00:00:00Z', 'docker.io/library/nginx:latest', ''), fc.constantFrom(0, 1, -3, 1767225300000, 0.5), fc.boolean(), fc.constant(null));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('arr'), tie('obj')),
      arr: fc.array(tie('tree'), { maxLength: 5 }),
      obj: fc.dictionary(fc.constantFrom('name', 'type', 'status', 'uid', '0', '__proto__', 'a b'), tie('tree'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 8 }), (items) => {
        const data = [...items, ...items, { items }];
        expect(JSON.stringify(roundTrip(data))).toBe(JSON.stringify(asJson(data)));
      }),
      { numRuns: 300 },
    );
  });

  it('drops what JSON drops and turns what JSON turns to null', () => {
    const v = { a: undefined, b: [undefined, NaN, Infinity, () => 1], c: -0, d: { e: undefined } };
    expect(roundTrip(v)).toEqual({ b: [null, null, null, null], c: 0, d: {} });
  });

  it('keeps arrays that begin with numbers or null apart from shapes and references', () => {
    const v = [[1, 2], [null, 'x'], [-1], [0], [], [[1]], { k: [5] }, { k: [5] }];
    expect(roundTrip(v)).toEqual(asJson(v));
  });

  it('keeps a `__proto__` key as an own property, as JSON.parse does', () => {
    const v = JSON.parse('[{"__proto__":{"x":1},"y":2},{"__proto__":{"x":1},"y":2}]');
    const back = roundTrip(v) as Record<string, unknown>[];
    expect(Object.keys(back[0])).toEqual(['__proto__', 'y']);
    expect(Object.getPrototypeOf(back[1])).toBe(Object.prototype);
    expect(JSON.stringify(back)).toBe(JSON.stringify(v));
  });

  it('stores a repeated subtree, string and long number once', () => {
    const tolerations = [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }];
    const pods = Array.from({ length: 20 }, (_, i) => ({ name: `p${i}`, tolerations, image: 'docker.io/library/nginx:latest', at: 1767225301000 }));
    const doc = pack(pods);
    const text = JSON.stringify(doc);
    expect(text.split('node.kubernetes.io/not-ready').length - 1).toBe(1);
    expect(text.split('docker.io/library/nginx:latest').length - 1).toBe(1);
    expect(text.split('1767225301000').length - 1).toBe(1);
    expect(doc.shapes).toContainEqual(['name', 'tolerations', 'image', 'at']);
    expect(text.length).toBeLessThan(JSON.stringify(pods).length / 3);
  });

  it('builds fresh objects: a shared subtree is not shared after unpacking', () => {
    const same = { a: [1, 2, 3], b: 'xxxxxxxxxxxxxxxxxxxxxx' };
    const back = unpack(pack([same, same, { ...same }])) as (typeof same)[];
    expect(back[0]).toEqual(same);
    expect(back[0]).not.toBe(back[1]);
    expect(back[0].a).not.toBe(back[2].a);
  });

  it('is deterministic', () => {
    const v = { x: [{ a: 1, b: 'long string here' }, { a: 1, b: 'long string here' }], y: 'long string here' };
    expect(JSON.stringify(pack(v))).toBe(JSON.stringify(pack(asJson(v))));
  });

  it('refuses a malformed document with a clear error', () => {
    expect(() => unpack({ shapes: [], table: [], root: [3, 'x'] })).toThrow('packed state: bad shape 3');
    expect(() => unpack({ shapes: [], table: [], root: [-2] })).toThrow('packed state: bad reference -2');
    expect(() => unpack({ shapes: [['a']], table: [], root: [0, 1, 2] })).toThrow('packed state: bad shape 0');
    expect(() => unpack({ root: 1 } as unknown as PackedDocument)).toThrow('packed state: shapes and table must be arrays');
  });
});
