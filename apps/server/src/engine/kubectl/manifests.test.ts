// Manifest parsing remembers what a text parsed into (a class applies the same files): each
// reader must still get objects of its own and problems named after its own source.
import { ManifestSet, parseInto } from './manifests';

const empty = (): ManifestSet => ({ docs: [], problems: [] });

const TEXT = `apiVersion: v1
kind: ConfigMap
metadata:
  name: a
data:
  k: v
---
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Secret
  metadata:
    name: b
`;

describe('parseInto', () => {
  it('gives every reader its own copy of the objects of a text it has parsed before', () => {
    const first = empty();
    parseInto(TEXT, 'one.yaml', first);
    first.docs[0].obj.metadata.namespace = 'changed';
    (first.docs[0].obj as unknown as { data: Record<string, string> }).data.k = 'changed';
    const second = empty();
    parseInto(TEXT, 'two.yaml', second);
    expect(second.docs.map((d) => [d.source, d.obj.kind, d.obj.metadata.name, d.obj.metadata.namespace])).toEqual([
      ['two.yaml', 'ConfigMap', 'a', undefined],
      ['two.yaml', 'Secret', 'b', undefined],
    ]);
    expect((second.docs[0].obj as unknown as { data: Record<string, string> }).data).toEqual({ k: 'v' });
    expect(second.docs[0].obj).not.toBe(first.docs[0].obj);
  });

  it('names the source that was read in a problem, parsed the first time or not', () => {
    const bad = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: {}\n';
    const sets = ['a.yaml', 'b.yaml', 'a.yaml'].map((source) => {
      const set = empty();
      parseInto(bad, source, set);
      return set;
    });
    expect(sets.map((s) => s.problems.map((p) => p.message))).toEqual([
      ['error: error parsing a.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context'],
      ['error: error parsing b.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context'],
      ['error: error parsing a.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context'],
    ]);
    expect(sets.every((s) => s.docs.length === 0)).toBe(true);
  });

  it('keeps documents before a syntax error and reports values that are not objects', () => {
    const set = empty();
    parseInto('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ok\n---\n- 1\n- 2\n', 'mixed.yaml', set);
    expect(set.docs.map((d) => d.obj.metadata.name)).toEqual(['ok']);
    expect(set.problems).toEqual([
      // the builder's decoder refuses it (kubectl 1.32 says so for delete, get and unvalidated applies)
      { source: 'mixed.yaml', message: 'error: unable to decode "mixed.yaml": json: cannot unmarshal array into Go value of type unstructured.detector', notObject: 'array', at: 1 },
    ]);
  });

  it('says what go-yaml says for the mistakes students make, on the line it names (per document)', () => {
    // kubectl v1.32 `apply -f FILE --dry-run=client [--validate=false]` on each text: go-yaml names a
    // scanner error's 1-based line and a parser error's 0-based one, never the first line, and
    // counts from the document's own first line
    const cases: Array<[string, string]> = [
      ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: {}\n', 'line 5: mapping values are not allowed in this context'],
      ['apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n', 'line 4: found character that cannot start any token'],
      ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: [1, 2\n  b: c\n', "line 6: did not find expected ',' or ']'"],
      ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: {a: 1\n', "line 5: did not find expected ',' or '}'"],
      ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "x\ndata: {}\n', 'line 6: found unexpected end of stream'],
      ["a: 1\n b: 2\n", "line 2: mapping values are not allowed in this context"],
      ["a:\n  b: 1\n c: 2\n", "line 2: did not find expected key"],
      ["a: [1, 2\nb: 3\n", "line 1: did not find expected ',' or ']'"],
      ["a: {x: 1\nb: 3\n", "line 1: did not find expected ',' or '}'"],
      ["a: 1\n- b\n", "line 1: did not find expected key"],
      ["a: \"x\nb: 1\n", "line 3: found unexpected end of stream"],
      ["a: b: c\n", "mapping values are not allowed in this context"],
      ["a:\n\tb: 1\n", "line 2: found character that cannot start any token"],
      // a tab on the line after a plain scalar: go-yaml reads that line as the scalar's continuation
      ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: c\n    image: nginx\n\ttab: x\n', 'line 9: found a tab character that violates indentation'],
      ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n\tlabels: {}\n', 'line 5: found a tab character that violates indentation'],
      ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n\t- name: c\n', 'line 7: found character that cannot start any token'],
      ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: "a"\n\tlabels: {}\n', 'line 5: found character that cannot start any token'],
      ["- a\nb: 1\n", "line 1: did not find expected '-' indicator"],
      ["a: 1\nb: *x\n", "unknown anchor 'x' referenced"],
      ["kind: Pod\n  apiVersion: v1\n", "line 2: mapping values are not allowed in this context"],
      ["x: [a, b]]\n", "did not find expected key"],
      ["a: @x\n", "found character that cannot start any token"],
      ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n   imagePullPolicy: Always\n", "line 8: did not find expected key"],
      ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: nginx\n   - name: b\n      image: nginx\n", "line 8: did not find expected key"],
      ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n    image: nginx\n    command: echo a: b\n", "line 9: mapping values are not allowed in this context"],
      ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n labels:\n    app: x\n", "line 4: did not find expected key"],
      ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n    image: nginx\n  - name b\n    image: nginx\n", "line 10: mapping values are not allowed in this context"],
      ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n    image: nginx\n     ports:\n    - containerPort: 80\n", "line 9: mapping values are not allowed in this context"],
      ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n  - image: nginx\n  b\n", "line 10: could not find expected ':'"],
      ["items:\n- a\n- b\nc\n", "line 5: could not find expected ':'"],
      ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"a'\n", "line 5: found unexpected end of stream"],
      ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: {app: x\n", "line 5: did not find expected ',' or '}'"],
      ["apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\n metadata:\n  name: b\n", "line 3: mapping values are not allowed in this context"],
    ];
    for (const [text, want] of cases) {
      const set = empty();
      parseInto(text, 'f.yaml', set);
      expect(set.problems.map((p) => p.message)).toEqual([`error: error parsing f.yaml: error converting YAML to JSON: yaml: ${want}`]);
    }
  });

  it("reads scalars as go-yaml v2 does (YAML 1.1's booleans and octal, no timestamps or base 60)", () => {
    // kubectl v1.32 `apply --validate=false` of this text prints it back, as JSON, in its decoding error
    const set = empty();
    parseInto('a: yes\nb: Off\nc: 0644\nd: 1_000\ne: 0x1F\nf: y\ng: 1:20\nh: 2001-12-14\ni: 0o17\nj: 0b101\nk: +12\nl: .5\nm: 1e3\nn: ~\no: 012345678\n', 'f.yaml', set);
    expect(set.docs[0].obj).toEqual({ a: true, b: false, c: 420, d: 1000, e: 31, f: true, false: null, g: '1:20', h: '2001-12-14', i: 15, j: 5, k: 12, l: 0.5, m: 1000, o: 12345678 });
  });
});
