// Golden outputs printed by kubectl v1.32 against a stub API server that served testdata/get/objects.json
// (as server-side tables built by our column definitions, or as plain lists). They pin the client-side
// half of `kubectl get`: decoration, tab writing, -o name, custom-columns, jsonpath and --sort-by.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTime } from '../../time';
import type { KubeObject } from '../../api/types';
import { resolveResourceArg } from '../../api/resources';
import { printCustomColumns } from './custom-columns';
import { printName, printTables, type TableOptions } from './get-printer';
import { printJsonPath } from './jsonpath';
import { listOf, printJson, printYaml } from './object-printer';
import { SortByError, sortObjects } from './sort-by';

const dir = join(__dirname, 'testdata', 'get');
const golden = (name: string): string => readFileSync(join(dir, `${name}.txt`), 'utf8');
const objects = JSON.parse(readFileSync(join(dir, 'objects.json'), 'utf8')) as Record<string, KubeObject[]>;
const NOW = parseTime('2026-01-10T12:00:00Z');

const info = (r: string) => resolveResourceArg(r)!;
const items = (resource: string, allNamespaces = false) =>
  (objects[resource] ?? []).filter((o) => allNamespaces || !o.metadata.namespace || o.metadata.namespace === 'default');
const tables = (resources: string[], opts: Omit<TableOptions, 'resource' | 'now'> = {}) =>
  printTables(resources.map((r) => ({ resource: info(r), items: items(r, opts.withNamespace) })), { now: NOW, ...opts });

const CC = 'NAME:.metadata.name,IP:.status.podIPs[*].ip,L:{.metadata.labels},MEM:spec.containers[0].resources.requests.memory,NONE:.x,C:.spec.containers[0].resources';

describe('kubectl get, as kubectl v1.32 prints it', () => {
  it.each<[string, () => string]>([
    ['pods', () => tables(['pods'])],
    ['pods-wide', () => tables(['pods'], { wide: true })],
    ['pods-a', () => tables(['pods'], { withNamespace: true })],
    ['pods-labels', () => tables(['pods'], { showLabels: true, labelColumns: ['app', 'app.kubernetes.io/name', 'tier'] })],
    ['pods-no-headers', () => tables(['pods'], { noHeaders: true })],
    ['several-kinds', () => tables(['pods', 'services', 'deployments'])],
    ['several-kinds-a-no-headers', () => tables(['pods', 'services', 'deployments'], { noHeaders: true, withNamespace: true })],
    ['show-kind', () => tables(['pods'], { withKindPrefix: true })],
    ['svc', () => tables(['services'])],
    ['svc-wide', () => tables(['services'], { wide: true })],
    ['nodes-a', () => tables(['nodes'], { withNamespace: true })],
    ['name', () => [...items('pods'), ...items('deployments')].map((o) => printName(o)).join('')],
    ['cc', () => printCustomColumns(items('pods'), CC)],
    ['cc-no-headers', () => printCustomColumns(items('pods'), 'NAME:.metadata.name', { noHeaders: true })],
    ['jsonpath', () => printJsonPath(listOf(items('pods')), '{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}')],
  ])('%s', (name, render) => {
    expect(render()).toBe(golden(name));
  });

  it.each([
    ['sort-metadata-name', '.metadata.name'],
    ['sort-spec-priority', '.spec.priority'],
    ['sort-metadata-creationtimestamp', '.metadata.creationTimestamp'],
    ['sort-spec-containers-0-resources-requests-memory', '.spec.containers[0].resources.requests.memory'],
    ['sort-status-containerstatuses-0-restartcount', '.status.containerStatuses[0].restartCount'],
    ['sort-status-podip', '{.status.podIP}'],
    ['sort-metadata-labels-app', 'metadata.labels.app'],
    ['sort-metadata-uid', '.metadata.uid'],
  ])('--sort-by %s', (name, field) => {
    expect(printTables([{ resource: info('pods'), items: sortObjects(items('pods'), field) }], { now: NOW })).toBe(golden(name));
  });

  it('--sort-by over 25 objects, some without the field (Go pdqsort with kubectl Less)', () => {
    const pods = (JSON.parse(readFileSync(join(dir, 'sort-objects.json'), 'utf8')) as Record<string, KubeObject[]>).pods;
    expect(sortObjects(pods, '.metadata.labels.v').map((o) => printName(o)).join('')).toBe(golden('sort-objects-by-label'));
  });
});

describe('kubectl get -o yaml|json, as kubectl v1.32 prints it', () => {
  const file = (name: string): string => readFileSync(join(dir, name), 'utf8');
  it.each<[string, () => string]>([
    ['pods.yaml', () => printYaml(items('pods'))],
    ['pods.json', () => printJson(items('pods'))],
    ['pod.yaml', () => printYaml(items('pods')[1])],
    ['pod.json', () => printJson(items('pods')[1])],
    ['svc-deploy.yaml', () => printYaml([...items('services'), ...items('deployments')])],
  ])('%s', (name, render) => {
    expect(render()).toBe(file(name));
  });
});

describe('--sort-by errors', () => {
  const pods = items('pods');
  it.each<[string, string, string]>([
    ['.nope', 'not-found', `couldn't find any field with path "{.nope}" in the list of objects`],
    ['{.a}{.b}', 'invalid', "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"],
    ['.a[', 'invalid', 'unterminated array'],
    [
      '.metadata.labels',
      'unsortable',
      'Field {.metadata.labels} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: map[string]interface {}',
    ],
    [
      '.spec.containers',
      'unsortable',
      'Field {.spec.containers} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: []interface {}',
    ],
  ])('%s', (field, reason, message) => {
    let error: unknown;
    try {
      sortObjects(pods, field);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SortByError);
    expect([(error as SortByError).reason, (error as SortByError).message]).toEqual([reason, message]);
  });

  it('sorts nothing without complaint', () => {
    expect(sortObjects([], '.nope')).toEqual([]);
  });
});
