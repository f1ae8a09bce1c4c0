import { Deployment } from '../../api/types';
import { newKit } from './verb-test-kit';

describe('kubectl set env', () => {
  const cases: { name: string; setup?: string[]; line: string; stdout?: string; stderr?: string; exit?: number; env?: unknown }[] = [
    { name: 'sets variables', line: 'kubectl set env deployment/web A=1 B=two', stdout: 'deployment.apps/web env updated\n', env: [{ name: 'A', value: '1' }, { name: 'B', value: 'two' }] },
    { name: 'changes one', setup: ['kubectl set env deploy/web A=1 B=2'], line: 'kubectl set env deploy/web A=3', stdout: 'deployment.apps/web env updated\n', env: [{ name: 'A', value: '3' }, { name: 'B', value: '2' }] },
    { name: 'removes one', setup: ['kubectl set env deploy/web A=1 B=2'], line: 'kubectl set env deploy/web A-', stdout: 'deployment.apps/web env updated\n', env: [{ name: 'B', value: '2' }] },
    { name: 'no change prints nothing', setup: ['kubectl set env deploy/web A=1'], line: 'kubectl set env deploy/web A=1', stdout: '' },
    { name: '--list', setup: ['kubectl set env deploy/web A=1 B=2'], line: 'kubectl set env deploy/web --list', stdout: '# Deployment web, container nginx\nA=1\nB=2\n' },
    { name: '-c with no match', line: 'kubectl set env deploy/web -c foo A=1', stderr: 'warning: deployments/web does not have any containers matching "foo"\n', stdout: '' },
    // kubectl v1.32 (against a server, and --local): no variable is no change, and says nothing
    { name: 'nothing to set', line: 'kubectl set env deploy/web', stdout: '' },
    { name: '--keys without --from', line: 'kubectl set env deploy/web --keys=a', stderr: 'error: when specifying --keys, a configmap or secret must be provided with --from\n', exit: 1 },
  ];

  test.each(cases)('$name', async (c) => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx', ...(c.setup ?? []));
    const r = await kit.sh(c.line);
    expect(r.stderr).toBe(c.stderr ?? '');
    if (c.stdout !== undefined) expect(r.stdout).toBe(c.stdout);
    expect(r.exitCode).toBe(c.exit ?? 0);
    if (c.env) expect((kit.sandbox.cluster.api.get('deployments', 'default', 'web') as Deployment).spec.template.spec.containers[0].env).toEqual(c.env);
  });

  it('--from a configmap or secret adds references to their keys (--keys, --prefix); --list --resolve reads them', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx', 'kubectl create configmap cfg --from-literal=a=1 --from-literal=b.c=2', 'kubectl create secret generic s --from-literal=pass=xyz');
    expect(await kit.sh('kubectl set env deploy/web --from=configmap/cfg --keys=a')).toEqual({ stdout: 'deployment.apps/web env updated\n', stderr: '', exitCode: 0 });
    await kit.setup('kubectl set env deploy/web --from=configmap/cfg --prefix=APP_', 'kubectl set env deploy/web --from=secret/s X=1');
    expect((await kit.sh('kubectl set env deploy/web --list')).stdout).toBe(
      '# Deployment web, container nginx\n# A from configmap cfg, key a\n# APP_A from configmap cfg, key a\n# APP_B_C from configmap cfg, key b.c\nX=1\n# PASS from secret s, key pass\n',
    );
    expect((await kit.sh('kubectl set env deploy/web --list --resolve')).stdout).toBe('# Deployment web, container nginx\nA=1\nAPP_A=1\nAPP_B_C=2\nX=1\nPASS=xyz\n');
    expect(await kit.sh('kubectl set env deploy/web --from=deploy/web')).toEqual({ stdout: '', stderr: 'error: unsupported resource specified in --from\n', exitCode: 1 });
    expect(await kit.sh('kubectl set env deploy/web --from=configmap/nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): configmaps "nope" not found\n', exitCode: 1 });
  });
});

