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
      { source: 'mixed.yaml', message: 'error: error parsing mixed.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}' },
    ]);
  });

  it('names the line real kubectl names for a syntax error', () => {
    // kubectl v1.32 `create -f FILE --dry-run=client` on each text
    const cases: Array<[string, string]> = [
      ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: {}\n', 'line 5: mapping values are not allowed in this context'],
      ['apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n', 'line 4: found character that cannot start any token'],
      ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: [1, 2\n  b: c\n', "line 6: did not find expected ',' or ']'"],
      ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: {a: 1\n', "line 5: did not find expected ',' or '}'"],
      ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "x\ndata: {}\n', 'line 6: found unexpected end of stream'],
    ];
    for (const [text, want] of cases) {
      const set = empty();
      parseInto(text, 'f.yaml', set);
      expect(set.problems.map((p) => p.message)).toEqual([`error: error parsing f.yaml: error converting YAML to JSON: yaml: ${want}`]);
    }
  });
});
