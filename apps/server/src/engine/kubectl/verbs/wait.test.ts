import { newKit } from './verb-test-kit';
import { parseFor, satisfied } from './wait';
import { KubeObject } from '../../api/types';

describe('kubectl wait', () => {
  const cases: { name: string; setup?: string[]; line: string; stdout?: string; stderr?: string; exit?: number }[] = [
    { name: 'condition=Ready', line: 'kubectl wait --for=condition=Ready pod/web', stdout: 'pod/web condition met\n' },
    { name: 'condition is case-insensitive, TYPE NAME form', line: 'kubectl wait --for=condition=ready pod web', stdout: 'pod/web condition met\n' },
    { name: 'a deployment Available', line: 'kubectl wait --for=condition=Available deployment/d', stdout: 'deployment.apps/d condition met\n' },
    { name: 'jsonpath with a value', line: "kubectl wait --for=jsonpath='{.status.phase}'=Running pod/web", stdout: 'pod/web condition met\n' },
    { name: 'jsonpath, relaxed, on a selector', line: 'kubectl wait --for=jsonpath=.status.readyReplicas=2 deploy -l app=d', stdout: 'deployment.apps/d condition met\n' },
    { name: 'times out', line: 'kubectl wait --for=condition=Ready=false pod/web --timeout=5s', stderr: 'error: timed out waiting for the condition on pods/web\n', exit: 1 },
    { name: 'a bad image never gets Ready', setup: ['kubectl run bad --image=nginx:nope'], line: 'kubectl wait --for=condition=Ready pod/bad --timeout=20s', stderr: 'error: timed out waiting for the condition on pods/bad\n', exit: 1 },
    { name: 'delete waits for the object to go', setup: ['kubectl delete pod web --wait=false'], line: 'kubectl wait --for=delete pod/web --timeout=60s', stdout: 'pod/web condition met\n' },
    { name: 'delete of a missing object succeeds quietly', line: 'kubectl wait --for=delete pod/nope', stdout: '' },
    { name: 'missing object', line: 'kubectl wait --for=condition=Ready pod/nope', stderr: 'Error from server (NotFound): pods "nope" not found\n', exit: 1 },
    { name: 'unknown condition', line: 'kubectl wait --for=foo pod/web', stderr: 'error: unrecognized condition: "foo"\n', exit: 1 },
    { name: 'no --for', line: 'kubectl wait pod/web', stderr: 'error: unrecognized condition: ""\n', exit: 1 },
    { name: 'jsonpath without a value after =', line: "kubectl wait --for=jsonpath='{.status.phase}'= pod/web", stderr: 'error: jsonpath wait has to have a value after equal sign\n', exit: 1 },
    { name: 'no matching resources', line: 'kubectl wait --for=condition=Ready pods -l app=none', stderr: 'error: no matching resources found\n', exit: 1 },
    { name: 'a type alone needs a selector or --all', line: 'kubectl wait --for=condition=Ready pods', stderr: 'error: resource(s) were provided, but no name was specified\n', exit: 1 },
    { name: '--all waits on every object of the type', line: 'kubectl wait --for=condition=Available deployments --all', stdout: 'deployment.apps/d condition met\n' },
    { name: 'a name and a selector', line: 'kubectl wait --for=condition=Ready pod web -l app=d', stderr: 'error: name cannot be provided when a selector is specified\n', exit: 1 },
    { name: 'the objects of a file', setup: ['kubectl get pod web -o yaml > web.yaml'], line: 'kubectl wait --for=condition=Ready -f web.yaml', stdout: 'pod/web condition met\n' },
  ];

  test.each(cases)('$name', async (c) => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx', 'kubectl create deployment d --image=nginx --replicas=2', 'sleep 15', ...(c.setup ?? []));
    const r = await kit.sh(c.line);
    expect(r.stderr).toBe(c.stderr ?? '');
    if (c.stdout !== undefined) expect(r.stdout).toBe(c.stdout);
    expect(r.exitCode).toBe(c.exit ?? 0);
  });

  test('waits in simulated time for a pod that is still starting', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx');
    const start = kit.sandbox.clock.now();
    expect((await kit.sh('kubectl wait --for=condition=Ready pod/web')).stdout).toBe('pod/web condition met\n');
    expect(kit.sandbox.clock.now()).toBeGreaterThan(start);
  });

  test.each([
    ['condition=Ready', { status: { conditions: [{ type: 'Ready', status: 'True' }] } }, true],
    ['condition=Ready=False', { status: { conditions: [{ type: 'Ready', status: 'True' }] } }, false],
    ['jsonpath={.spec.replicas}=3', { spec: { replicas: 3 } }, true],
    ['jsonpath={.spec.replicas}', { spec: {} }, false],
  ])('satisfied(%s)', (f, obj, want) => {
    expect(satisfied({ apiVersion: 'v1', kind: 'X', metadata: { name: 'x' }, ...obj } as KubeObject, parseFor(f as string))).toBe(want);
  });
});
