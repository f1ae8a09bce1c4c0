import { explain, explainArgument, ExplainError, typeErrors, unknownFields } from './index';
import golden from './testdata/explain-golden.json';
import { RESOURCES, apiVersionOf } from '../resources';
import { rootType } from './data';

// Recorded from the real kubectl v1.32 binary, run against a stub API server that serves an
// OpenAPI v3 document built from fields.json (so it checks the rendering, not the data).
describe('explain matches kubectl v1.32', () => {
  it.each(golden.map((g) => [g.command, g] as const))('%s', (_cmd, g) => {
    expect(explain(g.kind, g.path, g.recursive)).toBe(g.stdout);
  });

  it('resolves the argument as kubectl does', () => {
    expect(explainArgument('deploy.spec.strategy', true)).toBe(golden.find((g) => g.command === 'kubectl explain deployments.spec.strategy --recursive')!.stdout);
    expect(explainArgument('po')).toBe(golden[0].stdout);
    expect(() => explainArgument('foo.spec')).toThrow(expect.objectContaining({ stderr: 'the server doesn\'t have a resource type "foo"', stdout: '' }));
  });

  it('fails on an unknown field after printing the header', () => {
    let err: unknown;
    try {
      explain('Pod', 'spec.foo.bar');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExplainError);
    expect((err as ExplainError).message).toBe('field "bar" does not exist');
    expect((err as ExplainError).stderr).toBe('error: field "bar" does not exist');
    expect((err as ExplainError).stdout).toBe('KIND:       Pod\nVERSION:    v1\n\n');
  });
});

describe('fields.json', () => {
  it.each(RESOURCES.map((r) => [`${apiVersionOf(r)}/${r.kind}`, r] as const))('has the schema of %s', (_key, r) => {
    const root = rootType(apiVersionOf(r), r.kind);
    expect(root).toBeDefined();
    expect(Object.keys(root!.f)).toEqual(expect.arrayContaining(['apiVersion', 'kind', 'metadata']));
  });
});

describe('unknownFields', () => {
  it.each([
    [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replica: 3 } }, ['spec.replica']],
    [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', label: {} }, spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', imagee: 'x', port: [] }] } },
      ['metadata.label', 'spec.containers[1].imagee', 'spec.containers[1].port'],
    ],
    [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i', env: [{ name: 'A', valeu: '1' }] }] } } } },
      ['spec.template.spec.containers[0].env[0].valeu'],
    ],
    [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetport: 8080 }], selectr: {} } }, ['spec.ports[0].targetport', 'spec.selectr']],
    [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { any: 'key' }, dat: {} }, ['dat']],
    [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', labels: { anything: 'goes' } }, spec: { containers: [] } }, []],
    [{ apiVersion: 'v1', kind: 'Nope' }, []],
  ])('%j', (obj, expected) => {
    expect(unknownFields(obj)).toEqual(expected);
  });
});

describe('typeErrors', () => {
  const deploy = (spec: object, metadata: object = { name: 'x' }): object => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec });
  it.each([
    [deploy({ replicas: 'three' }), 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
    [deploy({ replicas: 1.5 }), 'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    [deploy({}, { name: 'x', labels: { version: 1.0 } }), 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
    [
      deploy({ template: { spec: { containers: [{ name: 'c', env: [{ name: 'PORT', value: 8080 }] }] } } }),
      'json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
    ],
    [deploy({ template: { spec: { containers: { name: 'c' } } } }), 'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container'],
    [deploy({ template: { spec: { containers: [{ name: 'c', command: 'sleep 10' }] } } }), 'json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.command of type []string'],
    [deploy({ paused: 'yes' }), 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool'],
    [
      deploy({ template: { spec: { containers: [{ name: 'c', resources: { limits: { memory: '1GB' } } }] } } }),
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ],
    [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: 'secret!' } }, 'illegal base64 data at input byte 6'],
    [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: 'abcde' } }, 'illegal base64 data at input byte 4'],
  ])('%j', (obj, expected) => {
    expect(typeErrors(obj)[0]).toBe(expected);
  });

  it('accepts well-typed objects, quantities given as numbers and named target ports', () => {
    expect(typeErrors(deploy({ replicas: 3, template: { spec: { containers: [{ name: 'c', resources: { limits: { cpu: 1, memory: '128Mi' } } }] } } }))).toEqual([]);
    expect(typeErrors({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: 'http' }] } })).toEqual([]);
    expect(typeErrors({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'YWJj', b: 'YQ==' } })).toEqual([]);
  });
});
