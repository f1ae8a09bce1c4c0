import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonPathError, executeJsonPath, parseJsonPath, printJsonPath, relaxedJsonPathExpression } from './jsonpath';
import { listOf } from './object-printer';

const testdata = (name: string): string => readFileSync(join(__dirname, 'testdata', name), 'utf8');

// What kubectl v1.32 printed for `create deployment x --image=nginx --image=busybox:1.36 --replicas=3
// --dry-run=client -o jsonpath=<template>` (stdout, stderr, exit code), per template.
interface Case {
  template: string;
  allowMissingKeys: boolean;
  stdout: string;
  stderr: string;
  code: number;
}
const deployment = JSON.parse(testdata('deployment-two.json'));
const cases = JSON.parse(testdata('jsonpath-cases.json')) as Case[];

function run(template: string, obj: unknown, allowMissingKeys = true): { stdout: string; stderr: string } {
  try {
    return { stdout: printJsonPath(obj, template, { allowMissingKeys }), stderr: '' };
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    return { stdout: '', stderr: `error: ${e.message}${e.message.endsWith('\n') ? '' : '\n'}` };
  }
}

describe('printJsonPath matches kubectl v1.32', () => {
  it.each(cases.map((c) => [`${c.template}${c.allowMissingKeys ? '' : ' (missing keys not allowed)'}`, c] as const))('%s', (_name, c) => {
    expect(run(c.template, deployment, c.allowMissingKeys)).toEqual({ stdout: c.stdout, stderr: c.stderr });
  });
});

it('reads keys with escaped dots', () => {
  const saved = JSON.parse(testdata('deployment-saved.json'));
  expect(printJsonPath(saved, '{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}')).toBe(
    testdata('deployment-saved-annotation.txt'),
  );
});

describe('lists', () => {
  const pod = (name: string, phase: string, ip?: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, status: { phase, podIP: ip } });
  const list = listOf([pod('a', 'Running', '10.0.0.1'), pod('b', 'Pending')]);

  it.each([
    ['{.items[*].metadata.name}', 'a b'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', 'a\tRunning\nb\tPending\n'],
    ['{.items[?(@.status.phase=="Running")].metadata.name}', 'a'],
    ['{.items[*].status.podIP}', '10.0.0.1'],
    ['{.items[-1:].metadata.name}', 'b'],
    ['{.items[0].metadata.name}{"\\n"}', 'a\n'],
    ['{.kind}', 'List'],
    ['{.metadata.resourceVersion}', ''],
  ])('%s', (template, expected) => {
    expect(printJsonPath(list, template)).toBe(expected);
  });

  it('prints -o jsonpath-as-json results as an indented JSON array', () => {
    expect(printJsonPath(list, '{.items[*].metadata.name}', true)).toBe('[\n    "a",\n    "b"\n]\n');
  });

  it('exposes the parsed template for repeated use', () => {
    const t = parseJsonPath('{.metadata.name}');
    expect(executeJsonPath(t, { metadata: { name: 'x' } })).toBe('x');
    expect(executeJsonPath(t, { metadata: { name: 'y' } })).toBe('y');
  });
});

describe('relaxedJsonPathExpression', () => {
  it.each([
    ['metadata.name', '{.metadata.name}'],
    ['.metadata.name', '{.metadata.name}'],
    ['{metadata.name}', '{.metadata.name}'],
    ['{.metadata.name}', '{.metadata.name}'],
    ['', ''],
  ])('%s', (expr, expected) => {
    expect(relaxedJsonPathExpression(expr)).toBe(expected);
  });

  it('rejects other shapes', () => {
    expect(() => relaxedJsonPathExpression('{.a}{.b}')).toThrow(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  });
});
