import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goJsonString, toCompactJson, toJson } from './json';
import { listOf, printJson, printYaml, printYamlDocuments } from './object-printer';

const testdata = (name: string): string => readFileSync(join(__dirname, 'testdata', name), 'utf8');

describe('toJson matches kubectl v1.32 byte for byte', () => {
  // typed objects print in Go struct field order: insertion order here. (configmap-keys is left
  // out: JS objects put integer-like keys such as "2" and "10" first, whatever the insertion order.)
  it.each(['deployment', 'deployment-args', 'service', 'job', 'run', 'run-args'])('%s', (name) => {
    const text = testdata(`${name}.json`);
    expect(toJson(JSON.parse(text), { sortKeys: false })).toBe(text);
  });
});

describe('Go encoding/json', () => {
  it.each([
    ['<a>&b', '"\\u003ca\\u003e\\u0026b"'],
    ['\u0001\b\f\n\r\t', '"\\u0001\\b\\f\\n\\r\\t"'],
    ['é😀', '"é😀"'],
    ['\u2028', '"\\u2028"'],
    ['"\\', '"\\"\\\\"'],
  ])('%j', (s, expected) => {
    expect(goJsonString(s)).toBe(expected);
  });

  it('sorts map keys by bytes and indents with four spaces', () => {
    expect(toJson({ '2': 0, '10': 0, _: 0 })).toBe('{\n    "10": 0,\n    "2": 0,\n    "_": 0\n}\n');
    expect(toJson({ b: 1, a: { d: [], c: {} }, B: [1, 'x'] })).toBe(
      '{\n    "B": [\n        1,\n        "x"\n    ],\n    "a": {\n        "c": {},\n        "d": []\n    },\n    "b": 1\n}\n',
    );
  });

  it('compact form', () => {
    expect(toCompactJson({ b: [1, { y: null, x: true }], a: 'x' })).toBe('{"a":"x","b":[1,{"x":true,"y":null}]}');
  });
});

describe('lists', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } };

  it('wraps several objects in a List', () => {
    expect(printYaml([pod])).toBe(
      'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
    expect(printJson([])).toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
    expect(listOf([pod]).kind).toBe('List');
  });

  it('separates YAML documents with ---', () => {
    expect(printYamlDocuments([{ a: 1 }, { b: 2 }])).toBe('a: 1\n---\nb: 2\n');
  });
});
