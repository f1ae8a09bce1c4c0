// resource.Quantity's parse and String(), as kubectl v1.32 and the API server write quantities
// (the expectations come from the real kubectl: `kubectl set resources --local ... -o yaml`).

import { canonicalQuantity } from './validation/quantity';
import { goQuantity } from './quantity';

describe('resource.Quantity', () => {
  it('quantities as resource.Quantity parses and writes them', () => {
    const written: [string, string][] = [
      ['0.5', '500m'], ['1024Mi', '1Gi'], ['1000', '1k'], ['1000m', '1'], ['1.0', '1'], ['2048Ki', '2Mi'], ['1.5Gi', '1536Mi'], ['0.5Ki', '512'],
      ['0.0001', '100u'], ['1n', '1n'], ['1.5n', '2n'], ['1e-10', '1e-9'], ['12e2', '1200'], ['1e1000', '10e999'], ['9Ei', '9223372036854775807'],
      ['100000000000000000000000', '100'], ['00', '0'], ['-0.5', '-500m'], ['.', '0'],
      // already canonical: kept as typed
      ['+1', '+1'], ['1E3', '1E3'], ['01', '01'], ['1.G', '1.G'], ['-1024', '-1024'], ['1023Ki', '1023Ki'], ['2000Mi', '2000Mi'],
    ];
    for (const [q, text] of written) expect([q, goQuantity(q)]).toEqual([q, { text }]);
    const FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    for (const q of ['', ' 1', '1.2.3', '0x10', 'abc']) expect(goQuantity(q)).toEqual({ error: FORMAT });
    for (const q of ['1Ki2', '1e', '1mi', '--1']) expect(goQuantity(q)).toEqual({ error: "unable to parse quantity's suffix" });
    expect(goQuantity('.e-10')).toEqual({ error: 'unable to parse numeric part of quantity' });
  });


  it('is what the API server stores: JSON numbers and trimmed text canonical too', () => {
    expect([0.5, 2, ' 1024Mi ', '1n', '0.1'].map(canonicalQuantity)).toEqual(['500m', '2', '1Gi', '1n', '100m']);
    // not a quantity: left for validation to report
    expect(canonicalQuantity('abc')).toBe('abc');
  });
});
