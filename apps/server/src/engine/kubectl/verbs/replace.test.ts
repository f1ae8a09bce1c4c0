import { Deployment } from '../../api/types';
import { newKit } from './verb-test-kit';

const manifest = (replicas: number, extra = ''): string => `cat > web.yaml <<'EOF2'
apiVersion: apps/v1
kind: Deployment
metadata: {name: web${extra}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx}]}
EOF2`;

describe('kubectl replace', () => {
  const cases: { name: string; setup: string[]; line: string; stdout?: string; stderr?: string; exit?: number; replicas?: number }[] = [
    { name: 'replaces', setup: [manifest(1), 'kubectl create -f web.yaml', manifest(3)], line: 'kubectl replace -f web.yaml', stdout: 'deployment.apps/web replaced\n', replicas: 3 },
    { name: 'missing object', setup: [manifest(1)], line: 'kubectl replace -f web.yaml', stderr: 'Error from server (NotFound): error when replacing "web.yaml": deployments.apps "web" not found\n', exit: 1 },
    { name: 'no -f', setup: [], line: 'kubectl replace', stderr: 'error: must specify one of -f and -k\n', exit: 1 },
    {
      name: 'a stale resourceVersion conflicts',
      setup: [manifest(1), 'kubectl create -f web.yaml', manifest(2, ', resourceVersion: "1"')],
      line: 'kubectl replace -f web.yaml',
      stderr: 'Error from server (Conflict): error when replacing "web.yaml": Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again\n',
      exit: 1,
    },
    {
      name: '--force deletes and creates',
      setup: [manifest(1), 'kubectl create -f web.yaml', manifest(2)],
      line: 'kubectl replace --force -f web.yaml',
      stdout: 'deployment.apps "web" deleted\ndeployment.apps/web replaced\n',
      replicas: 2,
    },
  ];

  test.each(cases)('$name', async (c) => {
    const kit = newKit();
    await kit.setup(...c.setup);
    const r = await kit.sh(c.line);
    expect(r.stderr).toBe(c.stderr ?? '');
    if (c.stdout !== undefined) expect(r.stdout).toBe(c.stdout);
    expect(r.exitCode).toBe(c.exit ?? 0);
    if (c.replicas !== undefined) expect((kit.sandbox.cluster.api.get('deployments', 'default', 'web') as Deployment).spec.replicas).toBe(c.replicas);
  });
});
