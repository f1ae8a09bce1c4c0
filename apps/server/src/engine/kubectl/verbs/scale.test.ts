import { Deployment } from '../../api/types';
import { newKit } from './verb-test-kit';

describe('kubectl scale', () => {
  const cases: { name: string; line: string; stdout?: string; stderr?: string; exit?: number; replicas?: number }[] = [
    { name: 'scales a deployment', line: 'kubectl scale deployment web --replicas=5', stdout: 'deployment.apps/web scaled\n', replicas: 5 },
    { name: 'TYPE/NAME form', line: 'kubectl scale deploy/web --replicas=0', stdout: 'deployment.apps/web scaled\n', replicas: 0 },
    { name: '--current-replicas matches', line: 'kubectl scale deploy web --current-replicas=2 --replicas=3', stdout: 'deployment.apps/web scaled\n', replicas: 3 },
    { name: '--current-replicas differs', line: 'kubectl scale deploy web --current-replicas=3 --replicas=1', stderr: 'error: Expected replicas to be 3, was 2\n', exit: 1, replicas: 2 },
    { name: 'missing --replicas', line: 'kubectl scale deploy web', stderr: 'error: required flag(s) "replicas" not set\n', exit: 1 },
    { name: 'negative replicas', line: 'kubectl scale deploy web --replicas=-2', stderr: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n', exit: 1 },
    { name: 'not found', line: 'kubectl scale deploy nope --replicas=1', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exit: 1 },
    { name: 'a pod cannot be scaled', line: 'kubectl scale pod x --replicas=1', stderr: 'Error from server (NotFound): pods "x" not found\n', exit: 1 },
    { name: 'dry run', line: 'kubectl scale deploy web --replicas=4 --dry-run=client', stdout: 'deployment.apps/web scaled (dry run)\n', replicas: 2 },
    { name: '-o name', line: 'kubectl scale deploy web --replicas=4 -o name', stdout: 'deployment.apps/web\n', replicas: 4 },
    // kubectl's builder lets the selector choose: --all with -l is no error for scale
    { name: '--all with a selector', line: 'kubectl scale deploy --all -l app=web --replicas=3', stdout: 'deployment.apps/web scaled\n', replicas: 3 },
    { name: '--all with a selector matching nothing', line: 'kubectl scale deploy --all -l app=nope --replicas=3', stderr: 'error: no objects passed to scale\n', exit: 1, replicas: 2 },
  ];

  test.each(cases)('$name', async (c) => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx --replicas=2');
    const r = await kit.sh(c.line);
    expect(r.stderr).toBe(c.stderr ?? '');
    if (c.stdout !== undefined) expect(r.stdout).toBe(c.stdout);
    expect(r.exitCode).toBe(c.exit ?? 0);
    if (c.replicas !== undefined) expect((kit.sandbox.cluster.api.get('deployments', 'default', 'web') as Deployment).spec.replicas).toBe(c.replicas);
  });

  test('the ReplicaSet follows and the pods come up', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx --replicas=2', 'sleep 10', 'kubectl scale rs --all --replicas=2', 'kubectl scale deploy web --replicas=4', 'sleep 20');
    expect(kit.sandbox.cluster.api.list('pods', { namespace: 'default' }).length).toBe(4);
  });
});
