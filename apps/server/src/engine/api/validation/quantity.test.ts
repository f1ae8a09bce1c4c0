import { canonicalQuantity, parseQuantity, QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR } from './quantity';

describe('canonicalQuantity: Quantity.String()', () => {
  test.each([
    ['0.5', '500m'], ['1000m', '1'], ['1024Mi', '1Gi'], ['1.5Gi', '1536Mi'], ['2000', '2k'], [1, '1'], ['100m', '100m'],
    ['128Mi', '128Mi'], ['1Gi', '1Gi'], ['512', '512'], ['1500', '1500'], ['0.1m', '100u'], ['1e3', '1e3'], ['1G', '1G'],
    ['500Ki', '500Ki'], ['0.5Ki', '512'], ['1000Mi', '1000Mi'], ['-1', '-1'], ['0', '0'], ['250m', '250m'], ['1.5', '1500m'],
    [0.25, '250m'], ['10Gi', '10Gi'], ['2048Ki', '2Mi'], ['1GB', '1GB'],
  ])('%s → %s', (i, o) => expect(canonicalQuantity(i)).toBe(o));
});

describe('parseQuantity', () => {
  test.each([
    ['1Gi', { value: 2 ** 30 }],
    ['500m', { value: 0.5 }],
    [2, { value: 2 }],
    ['1GB', { error: QUANTITY_FORMAT_ERROR }],
    ['1KK', { error: QUANTITY_SUFFIX_ERROR }],
    ['abc', { error: QUANTITY_FORMAT_ERROR }],
  ])('%j', (q, r) => expect(parseQuantity(q)).toEqual(r));
});
