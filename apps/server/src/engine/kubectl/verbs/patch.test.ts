import { Deployment } from '../../api/types';
import { newKit } from './verb-test-kit';

describe('kubectl patch', () => {
  const cases: { name: string; setup?: string[]; line: string; stdout?: string; stderr?: string; exit?: number; check?: (d: Deployment) => void }[] = [
    { name: 'strategic merge (default)', line: `kubectl patch deploy web -p '{"spec":{"replicas":3}}'`, stdout: 'deployment.apps/web patched\n', check: (d) => expect(d.spec.replicas).toBe(3) },
    { name: 'no change', line: `kubectl patch deploy web -p '{"spec":{"replicas":1}}'`, stdout: 'deployment.apps/web patched (no change)\n' },
    {
      name: 'strategic merge keeps other containers (merged by name)',
      line: `kubectl patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}'`,
      stdout: 'deployment.apps/web patched\n',
      check: (d) => expect(d.spec.template.spec.containers.map((c) => [c.name, c.image])).toEqual([['nginx', 'nginx:1.28']]),
    },
    {
      name: 'merge patch replaces lists',
      line: `kubectl patch deploy web --type merge -p '{"spec":{"template":{"spec":{"containers":[{"name":"x","image":"redis"}]}}}}'`,
      stdout: 'deployment.apps/web patched\n',
      check: (d) => expect(d.spec.template.spec.containers.map((c) => c.name)).toEqual(['x']),
    },
    { name: 'YAML patch', line: `kubectl patch deploy web --type=merge -p 'spec: {replicas: 2}'`, stdout: 'deployment.apps/web patched\n', check: (d) => expect(d.spec.replicas).toBe(2) },
    { name: 'JSON patch', line: `kubectl patch deploy web --type json -p '[{"op":"replace","path":"/spec/replicas","value":4}]'`, stdout: 'deployment.apps/web patched\n', check: (d) => expect(d.spec.replicas).toBe(4) },
    { name: 'JSON patch, bad op', line: `kubectl patch deploy web --type json -p '[{"op":"x","path":"/spec"}]'`, stderr: 'Error from server (BadRequest): Unexpected kind: x\n', exit: 1 },
    { name: '--patch-file', setup: [`echo '{"metadata":{"labels":{"a":"b"}}}' > p.json`], line: 'kubectl patch deploy/web --patch-file p.json', stdout: 'deployment.apps/web patched\n', check: (d) => expect(d.metadata.labels).toEqual({ app: 'web', a: 'b' }) },
    { name: 'no patch', line: 'kubectl patch deploy web', stderr: 'error: must specify --patch or --patch-file containing the contents of the patch\n', exit: 1 },
    { name: 'both -p and --patch-file', line: `kubectl patch deploy web -p '{}' --patch-file p.json`, stderr: 'error: cannot specify --patch and --patch-file together\n', exit: 1 },
    { name: 'bad --type', line: `kubectl patch deploy web --type foo -p '{}'`, stderr: 'error: --type must be one of [json merge strategic], not "foo"\n', exit: 1 },
    { name: 'not found', line: `kubectl patch deploy nope -p '{}'`, stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exit: 1 },
    { name: 'dry run leaves the object', line: `kubectl patch deploy web -p '{"spec":{"replicas":7}}' --dry-run=client`, stdout: 'deployment.apps/web patched (dry run)\n', check: (d) => expect(d.spec.replicas).toBe(1) },
  ];

  test.each(cases)('$name', async (c) => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx', ...(c.setup ?? []));
    const r = await kit.sh(c.line);
    expect(r.stderr).toBe(c.stderr ?? '');
    if (c.stdout !== undefined) expect(r.stdout).toBe(c.stdout);
    expect(r.exitCode).toBe(c.exit ?? 0);
    c.check?.(kit.sandbox.cluster.api.get('deployments', 'default', 'web') as Deployment);
  });
});
