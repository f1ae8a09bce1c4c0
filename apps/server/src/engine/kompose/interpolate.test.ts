import { parseDotenv, substitute } from './interpolate';

const env: Record<string, string> = { TAG: '1.25', EMPTY: '', PORT: '8080' };
const lookup = (k: string) => env[k];

describe('substitute', () => {
  it.each([
    ['nginx:${TAG}', 'nginx:1.25'],
    ['nginx:$TAG', 'nginx:1.25'],
    ['${MISSING:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${EMPTY-fallback}', ''],
    ['${MISSING-fallback}', 'fallback'],
    ['${TAG:+set}', 'set'],
    ['${MISSING:+set}', ''],
    ['${MISSING:-${PORT}}', '8080'],
    ['$$HOME', '$HOME'],
    ['$PROTOCOL://$DOMAIN/', ':///'],
    ['price: 5$', 'price: 5$'],
  ])('%s → %s', (input, want) => {
    expect(substitute(input, lookup)).toBe(want);
  });

  it('reports unset variables', () => {
    const missing: string[] = [];
    substitute('$A ${B} ${C:-x}', lookup, { onMissing: (n) => missing.push(n) });
    expect(missing).toEqual(['A', 'B']);
  });

  it('fails on a required variable', () => {
    expect(() => substitute('${DB:?set DB first}', lookup)).toThrow('required variable DB is missing a value: set DB first');
  });
});

describe('parseDotenv', () => {
  it('reads keys, comments, quotes, export and substitution', () => {
    const text = '# comment\nA=1\nexport B="two words"\nC=\'$A literal\'\nD=${A}-x # trailing\nE=${MISSING:-dflt}\n\nF="line\\nbreak"\n';
    expect(parseDotenv(text)).toEqual({ A: '1', B: 'two words', C: '$A literal', D: '1-x', E: 'dflt', F: 'line\nbreak' });
  });

  it('looks variables up before the keys read so far', () => {
    expect(parseDotenv('X=${X:-a}\nY=${X}', (k) => (k === 'X' ? 'outer' : undefined))).toEqual({ X: 'outer', Y: 'outer' });
  });
});
