import { Deployment, Pod } from '../../api/types';
import { newKit } from './verb-test-kit';

describe('kubectl set image', () => {
  const cases: { name: string; line: string; stdout?: string; stderr?: string; exit?: number; image?: string }[] = [
    { name: 'updates a container', line: 'kubectl set image deployment/web nginx=nginx:1.28', stdout: 'deployment.apps/web image updated\n', image: 'nginx:1.28' },
    { name: 'TYPE NAME form', line: 'kubectl set image deploy web nginx=nginx:1.28', stdout: 'deployment.apps/web image updated\n', image: 'nginx:1.28' },
    { name: 'the same image prints nothing', line: 'kubectl set image deployment/web nginx=nginx:1.27', stdout: '', image: 'nginx:1.27' },
    { name: 'every container with *', line: 'kubectl set image deployment/web *=httpd', stdout: 'deployment.apps/web image updated\n', image: 'httpd' },
    { name: 'unknown container', line: 'kubectl set image deployment/web foo=nginx:1.28', stderr: 'error: unable to find container named "foo"\n', exit: 1, image: 'nginx:1.27' },
    { name: 'no image given', line: 'kubectl set image deployment/web', stderr: 'error: at least one image update is required\n', exit: 1 },
    { name: 'not found', line: 'kubectl set image deployment/nope a=b', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exit: 1 },
    { name: 'dry run', line: 'kubectl set image deployment/web nginx=x --dry-run=client', stdout: 'deployment.apps/web image updated (dry run)\n', image: 'nginx:1.27' },
  ];

  test.each(cases)('$name', async (c) => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx:1.27');
    const r = await kit.sh(c.line);
    expect(r.stderr).toBe(c.stderr ?? '');
    if (c.stdout !== undefined) expect(r.stdout).toBe(c.stdout);
    expect(r.exitCode).toBe(c.exit ?? 0);
    if (c.image) expect((kit.sandbox.cluster.api.get('deployments', 'default', 'web') as Deployment).spec.template.spec.containers[0].image).toBe(c.image);
  });

  test('a pod image and a new rollout revision', async () => {
    const kit = newKit();
    await kit.setup('kubectl run p --image=nginx', 'kubectl create deployment web --image=nginx:1.27', 'sleep 10');
    expect((await kit.sh('kubectl set image pod/p p=nginx:1.28')).stdout).toBe('pod/p image updated\n');
    expect((kit.sandbox.cluster.api.get('pods', 'default', 'p') as Pod).spec.containers[0].image).toBe('nginx:1.28');
    await kit.setup('kubectl set image deploy/web nginx=nginx:1.28', 'sleep 30');
    expect(kit.sandbox.cluster.api.get('deployments', 'default', 'web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
  });
});
