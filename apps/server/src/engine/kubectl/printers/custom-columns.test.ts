import { printCustomColumns, parseCustomColumnsSpec } from './custom-columns';
import { JsonPathError } from './jsonpath';

// Expected texts are what kubectl v1.32 printed for `get pod web-9 -o custom-columns=...`.
const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-9', labels: { app: 'web', tier: 'fe' } },
  spec: { containers: [{ name: 'a', image: 'nginx', ports: [{ containerPort: 80 }, { containerPort: 443 }] }, { name: 'b', image: 'busybox' }] },
  status: { podIP: '10.244.2.7', conditions: [{ type: 'Ready', status: 'True' }] },
};

describe('printCustomColumns', () => {
  it.each<[string, string]>([
    ['NAME:.metadata.name,X:.status.podIP', 'NAME    X\nweb-9   10.244.2.7\n'],
    ['A:.a,:.b', 'A        \n<none>   <none>\n'],
    ['A:', 'A\n<none>\n'],
    ['IMAGES:.spec.containers[*].image,PORTS:{.spec.containers[*].ports[*].containerPort}', 'IMAGES          PORTS\nnginx,busybox   80,443\n'],
    ['L:metadata.labels,C:.status.conditions[0]', 'L                      C\nmap[app:web tier:fe]   map[status:True type:Ready]\n'],
    ['lower case:.kind', 'lower case\nPod\n'],
  ])('%s', (spec, expected) => {
    expect(printCustomColumns([pod], spec)).toBe(expected);
  });

  it('prints the header for an empty list, and nothing with --no-headers', () => {
    expect(printCustomColumns([], 'NAME:.metadata.name')).toBe('NAME\n');
    expect(printCustomColumns([], 'NAME:.metadata.name', { noHeaders: true })).toBe('');
  });

  it.each<[string, string]>([
    ['', 'custom-columns format specified but no custom columns given'],
    ['A', 'unexpected custom-columns spec: A, expected <header>:<json-path-expr>'],
    ['A:{.a}{.b}', "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"],
    ['A:.a[', 'unterminated array'],
  ])('rejects %j', (spec, message) => {
    expect(() => printCustomColumns([pod], spec)).toThrow(new JsonPathError(message));
  });

  it('parses a spec into relaxed expressions', () => {
    expect(parseCustomColumnsSpec('NAME:metadata.name,IP:{.status.podIP}')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'IP', fieldSpec: '{.status.podIP}' },
    ]);
  });
});
