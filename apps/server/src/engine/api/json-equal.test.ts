import fc from 'fast-check';
import { jsonEqual } from './json-equal';

describe('jsonEqual', () => {
  it.each<[unknown, unknown]>([
    [{ a: 1, b: 2 }, { a: 1, b: 2 }],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }],
    [{ a: 1, b: undefined }, { a: 1 }],
    [[1, undefined], [1, null]],
    [NaN, null],
    [{ x: [{ y: 'z' }] }, { x: [{ y: 'z' }] }],
    [{ x: [] }, { x: {} }],
    [undefined, undefined],
    [null, undefined],
    ['1', 1],
    [{ s: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } }, { s: { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] } }],
  ])('%j vs %j agrees with JSON.stringify', (a, b) => {
    expect(jsonEqual(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
  });

  it('agrees with JSON.stringify on random JSON values', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(fc.property(value, value, (a, b) => jsonEqual(a, b) === (JSON.stringify(a) === JSON.stringify(b)) && jsonEqual(a, a)));
  });
});
