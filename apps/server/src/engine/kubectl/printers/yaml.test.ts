import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import fc from 'fast-check';
import { goFloat, resolvesToNonString, toYaml, yamlKeyLess } from './yaml';

// testdata/*.yaml and *.json were printed by kubectl v1.32 (`create ... --dry-run=client -o yaml|json`).
const testdata = (name: string): string => readFileSync(join(__dirname, 'testdata', name), 'utf8');

describe('toYaml matches kubectl v1.32 byte for byte', () => {
  it.each(['deployment', 'deployment-args', 'deployment-saved', 'service', 'configmap-keys', 'job', 'run', 'run-args'])('%s', (name) => {
    const obj = JSON.parse(testdata(`${name}.json`));
    expect(toYaml(obj)).toBe(testdata(`${name}.yaml`));
  });
});

describe('scalars', () => {
  it.each<[unknown, string]>([
    [{ a: 'true' }, 'a: "true"\n'],
    [{ a: '80' }, 'a: "80"\n'],
    [{ a: 80 }, 'a: 80\n'],
    [{ a: 1.5 }, 'a: 1.5\n'],
    [{ a: 0.000001 }, 'a: 1e-06\n'],
    [{ a: true, b: null }, 'a: true\nb: null\n'],
    [{ a: '2024-09-02T10:15:03Z' }, 'a: "2024-09-02T10:15:03Z"\n'],
    [{ a: [] as unknown[], b: {} }, 'a: []\nb: {}\n'],
    [{ a: [[1, 2], { b: 'c', d: [3] }] }, 'a:\n- - 1\n  - 2\n- b: c\n  d:\n  - 3\n'],
    [{ 'containers with unready status': 'x' }, 'containers with unready status: x\n'],
    [{ m: 'containers with unready status: [nginx]' }, "m: 'containers with unready status: [nginx]'\n"],
    [{ 'a\nb': 1 }, '"a\\nb": 1\n'],
    [{ a: undefined, b: 1 }, 'b: 1\n'],
    ['plain', 'plain\n'],
    [{}, '{}\n'],
  ])('%j', (value, expected) => {
    expect(toYaml(value)).toBe(expected);
  });

  it('knows which plain scalars are not strings', () => {
    for (const s of ['', '~', 'null', 'yes', 'N', 'on', '1', '-1', '+1', '0x1F', '0o17', '1_000', '1.5', '.5', '1e3', '2024-01-01', '.inf', '-.Inf', '.NaN']) {
      expect([s, resolvesToNonString(s)]).toEqual([s, true]);
    }
    for (const s of ['nginx', 'nULL', 'yES', '1.2.3', '10.0.0.1', '1e', '2024-13-01', '<<', 'x1']) {
      expect([s, resolvesToNonString(s)]).toEqual([s, false]);
    }
  });

  it('formats floats as strconv.FormatFloat(f, g, -1, 64)', () => {
    expect([0.5, 1e21, 1.5e-7, 123456.5, 1234567.5, -0.0001].map(goFloat)).toEqual(['0.5', '1e+21', '1.5e-07', '123456.5', '1.2345675e+06', '-0.0001']);
  });

  it('orders keys as go-yaml v2 does', () => {
    expect(['b', 'a10', 'a9', 'A', '_x', '10', '2', 'a-b', 'ab'].sort(yamlKeyLess)).toEqual(['_x', '2', '10', 'A', 'a-b', 'a9', 'a10', 'ab', 'b']);
  });
});

describe('round trip', () => {
  it('reads back as the same value with a YAML 1.1 parser', () => {
    // strings start with a letter: the `yaml` package reads some plain scalars (`e0`) differently from go-yaml
    const key = fc.stringMatching(/^[a-df-z][-a-z0-9 :#'".]{0,12}$/);
    const leaf = fc.oneof(fc.string({ maxLength: 120 }).map((s) => `x${s}`), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('yes', 'on', '0x10', '1:20', '2024-01-01', '- x', 'a: b', ' x', 'x\n', 'a\n\nb  \n'));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { maxKeys: 5 }), (obj) => {
        expect(parse(toYaml(obj), { version: '1.1', schema: 'yaml-1.1', uniqueKeys: false })).toEqual(obj);
      }),
      { numRuns: 300 },
    );
  });
});
