import { Deployment, Pod, ReplicaSet } from '../../api/types';
import { Kit, newKit } from './verb-test-kit';

const deployment = (kit: Kit): Deployment => kit.sandbox.cluster.api.get('deployments', 'default', 'web') as Deployment;
const replicaSets = (kit: Kit): ReplicaSet[] => kit.sandbox.cluster.api.list('replicasets', { namespace: 'default' }) as ReplicaSet[];

/** web at revision 1 (nginx:1.27), then revision 2 (nginx:1.28), both rolled out */
const TWO_REVISIONS = ['kubectl create deployment web --image=nginx:1.27 --replicas=2', 'sleep 15', 'kubectl set image deploy/web nginx=nginx:1.28', 'sleep 60'];

describe('kubectl rollout', () => {
  const cases: { name: string; setup: string[]; line: string; stdout?: string; stderr?: string; exit?: number; check?: (kit: Kit) => void }[] = [
    { name: 'status of a finished rollout', setup: TWO_REVISIONS, line: 'kubectl rollout status deployment/web', stdout: 'deployment "web" successfully rolled out\n' },
    { name: 'status of a daemon set', setup: [], line: 'kubectl rollout status ds/kube-proxy -n kube-system', stdout: 'daemon set "kube-proxy" successfully rolled out\n' },
    {
      name: 'status --watch=false prints one line',
      setup: ['kubectl create deployment web --image=nginx --replicas=2'],
      line: 'kubectl rollout status deploy/web --watch=false',
      stdout: 'Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...\n',
    },
    {
      name: 'status: progress deadline exceeded',
      setup: ['kubectl create deployment web --image=nginx --replicas=2', 'sleep 15', `kubectl patch deploy web -p '{"spec":{"progressDeadlineSeconds":30}}'`, 'kubectl set image deploy/web nginx=nginx:nope'],
      line: 'kubectl rollout status deploy/web',
      stdout: 'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...\n',
      stderr: 'error: deployment "web" exceeded its progress deadline\n',
      exit: 1,
    },
    { name: 'status: unsupported kind', setup: ['kubectl run p --image=nginx'], line: 'kubectl rollout status pod/p', stderr: 'error: no status viewer has been implemented for Pod\n', exit: 1 },
    { name: 'history', setup: TWO_REVISIONS, line: 'kubectl rollout history deployment/web', stdout: 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n' },
    {
      name: 'history shows change-cause',
      setup: [...TWO_REVISIONS, 'kubectl annotate deploy web kubernetes.io/change-cause="image 1.28"'],
      line: 'kubectl rollout history deploy web',
      stdout: 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         image 1.28\n\n',
    },
    {
      name: 'history --revision',
      setup: TWO_REVISIONS,
      line: 'kubectl rollout history deploy/web --revision=1',
      stdout: expect.stringMatching(/^deployment\.apps\/web with revision #1\nPod Template:\n {2}Labels:\tapp=web\n\tpod-template-hash=\w+\n {2}Containers:\n {3}nginx:\n {4}Image:\tnginx:1\.27\n/) as unknown as string,
    },
    { name: 'history --revision not found', setup: TWO_REVISIONS, line: 'kubectl rollout history deploy/web --revision=5', stderr: 'error: unable to find the specified revision\n', exit: 1 },
    {
      name: 'undo goes back to the previous revision, reusing its ReplicaSet',
      setup: TWO_REVISIONS,
      line: 'kubectl rollout undo deployment/web',
      stdout: 'deployment.apps/web rolled back\n',
      check: (kit) => {
        const d = deployment(kit);
        expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.27');
        expect(d.spec.template.metadata?.labels).toEqual({ app: 'web' });
        expect(replicaSets(kit)).toHaveLength(2);
      },
    },
    {
      name: 'undo --to-revision matching the current template is skipped',
      setup: TWO_REVISIONS,
      line: 'kubectl rollout undo deploy/web --to-revision=2',
      stdout: 'deployment.apps/web skipped rollback (current template already matches revision 2)\n',
    },
    { name: 'undo to a missing revision', setup: TWO_REVISIONS, line: 'kubectl rollout undo deploy/web --to-revision=9', stderr: 'error: unable to find specified revision 9 in history\n', exit: 1 },
    { name: 'undo without history', setup: ['kubectl create deployment web --image=nginx'], line: 'kubectl rollout undo deploy/web', stderr: 'error: no rollout history found for deployment "web"\n', exit: 1 },
    {
      name: 'undo of a paused deployment',
      setup: [...TWO_REVISIONS, 'kubectl rollout pause deploy/web'],
      line: 'kubectl rollout undo deploy/web',
      stderr: "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
      exit: 1,
    },
    {
      name: 'restart stamps restartedAt',
      setup: ['kubectl create deployment web --image=nginx', 'sleep 10'],
      line: 'kubectl rollout restart deploy/web',
      stdout: 'deployment.apps/web restarted\n',
      check: (kit) => expect(deployment(kit).spec.template.metadata?.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:10Z' }),
    },
    {
      name: 'restart of a paused deployment',
      setup: ['kubectl create deployment web --image=nginx', 'kubectl rollout pause deploy/web'],
      line: 'kubectl rollout restart deploy/web',
      stderr: 'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n',
      exit: 1,
    },
    { name: 'pause', setup: ['kubectl create deployment web --image=nginx'], line: 'kubectl rollout pause deployment/web', stdout: 'deployment.apps/web paused\n', check: (kit) => expect(deployment(kit).spec.paused).toBe(true) },
    { name: 'pause twice', setup: ['kubectl create deployment web --image=nginx', 'kubectl rollout pause deploy/web'], line: 'kubectl rollout pause deploy/web', stderr: 'error: deployments.apps "web" is already paused\n', exit: 1 },
    {
      name: 'resume',
      setup: ['kubectl create deployment web --image=nginx', 'kubectl rollout pause deploy/web'],
      line: 'kubectl rollout resume deploy/web',
      stdout: 'deployment.apps/web resumed\n',
      check: (kit) => expect(deployment(kit).spec.paused).toBeUndefined(),
    },
    { name: 'resume when not paused', setup: ['kubectl create deployment web --image=nginx'], line: 'kubectl rollout resume deploy/web', stderr: 'error: deployments.apps "web" is not paused\n', exit: 1 },
    { name: 'no resource', setup: [], line: 'kubectl rollout status', stderr: 'error: required resource not specified\n', exit: 1 },
  ];

  test.each(cases)('$name', async (c) => {
    const kit = newKit();
    await kit.setup(...c.setup);
    const r = await kit.sh(c.line);
    expect(r.stderr).toBe(c.stderr ?? '');
    if (c.stdout !== undefined) expect(r.stdout).toEqual(c.stdout);
    expect(r.exitCode).toBe(c.exit ?? 0);
    c.check?.(kit);
  });

  test('status streams progress lines until the rollout is done', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx:1.27 --replicas=3', 'sleep 15', 'kubectl set image deploy/web nginx=nginx:1.28');
    const r = await kit.sh('kubectl rollout status deploy/web');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[lines.length - 1]).toBe('deployment "web" successfully rolled out');
    for (const l of lines.slice(0, -1)) {
      expect(l).toMatch(/^Waiting for deployment "web" rollout to finish: (\d+ out of 3 new replicas have been updated|\d+ old replicas are pending termination|\d+ of 3 updated replicas are available)\.\.\.$/);
    }
    expect(deployment(kit).status?.updatedReplicas).toBe(3);
  });

  test('undo twice returns to the newer template as a new revision', async () => {
    const kit = newKit();
    await kit.setup(...TWO_REVISIONS, 'kubectl rollout undo deploy/web', 'sleep 60', 'kubectl rollout undo deploy/web', 'sleep 60');
    expect(deployment(kit).spec.template.spec.containers[0].image).toBe('nginx:1.28');
    expect((await kit.sh('kubectl rollout history deploy/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n3         <none>\n4         <none>\n\n');
  });

  test('undo --to-revision=1 after three revisions reuses revision 1\'s ReplicaSet as revision 4', async () => {
    const kit = newKit();
    await kit.setup(...TWO_REVISIONS, 'kubectl set image deploy/web nginx=nginx:1.29', 'sleep 60');
    const byRevision = () => new Map(replicaSets(kit).map((rs) => [rs.metadata.annotations?.['deployment.kubernetes.io/revision'], rs]));
    const first = byRevision().get('1')!;
    expect(first.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(await kit.sh('kubectl rollout undo deploy/web --to-revision=1')).toEqual({ stdout: 'deployment.apps/web rolled back\n', stderr: '', exitCode: 0 });
    const d = deployment(kit);
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(d.spec.template.metadata?.labels).toEqual({ app: 'web' });
    await kit.setup('sleep 60');
    // no fourth ReplicaSet: revision 1's is back, same name and pod-template-hash, now revision 4
    expect(replicaSets(kit)).toHaveLength(3);
    const reused = byRevision().get('4')!;
    expect(reused.metadata.uid).toBe(first.metadata.uid);
    expect(reused.metadata.name).toBe(first.metadata.name);
    expect(reused.metadata.labels?.['pod-template-hash']).toBe(first.metadata.labels?.['pod-template-hash']);
    expect(reused.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(reused.spec.replicas).toBe(2);
    expect([...byRevision().keys()].sort()).toEqual(['2', '3', '4']);
    expect(deployment(kit).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('4');
    expect(await kit.sh('kubectl rollout history deploy/web')).toEqual({ stdout: 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n4         <none>\n\n', stderr: '', exitCode: 0 });
    expect(await kit.sh('kubectl rollout history deploy/web --revision=1')).toEqual({ stdout: '', stderr: 'error: unable to find the specified revision\n', exitCode: 1 });
    expect((await kit.sh('kubectl rollout history deploy/web --revision=4 -o jsonpath={.spec.template.spec.containers[0].image}')).stdout).toBe('nginx:1.27');
  });

  test('restart rolls every pod onto a new ReplicaSet stamped with restartedAt', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx --replicas=2', 'sleep 15');
    const [old] = replicaSets(kit);
    const oldPods = (kit.sandbox.cluster.api.list('pods', { namespace: 'default' }) as Pod[]).map((p) => p.metadata.name);
    expect(oldPods).toHaveLength(2);
    expect(await kit.sh('kubectl rollout restart deploy/web')).toEqual({ stdout: 'deployment.apps/web restarted\n', stderr: '', exitCode: 0 });
    const fresh = replicaSets(kit).find((rs) => rs.metadata.uid !== old.metadata.uid)!;
    expect(fresh.spec.template.metadata?.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:15Z' });
    expect(fresh.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    // rollout status follows the rollout to its end (maxSurge 1, maxUnavailable 0)
    expect(await kit.sh('kubectl rollout status deploy/web')).toEqual({
      stdout: [
        'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
        'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
        'deployment "web" successfully rolled out',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
    // the old pods terminate (30 s grace); the new ReplicaSet's two pods remain
    await kit.setup('sleep 60');
    expect(kit.sandbox.cluster.api.get('replicasets', 'default', old.metadata.name!)).toMatchObject({ spec: { replicas: 0 }, status: { replicas: 0 } });
    const pods = kit.sandbox.cluster.api.list('pods', { namespace: 'default' }) as Pod[];
    expect(pods.map((p) => p.metadata.ownerReferences?.[0]?.name)).toEqual([fresh.metadata.name, fresh.metadata.name]);
    expect(pods.filter((p) => oldPods.includes(p.metadata.name))).toEqual([]);
    expect(pods.every((p) => p.metadata.annotations?.['kubectl.kubernetes.io/restartedAt'] === '2026-01-01T00:00:15Z' && p.status?.phase === 'Running')).toBe(true);
    expect(await kit.sh('kubectl rollout status deploy/web')).toEqual({ stdout: 'deployment "web" successfully rolled out\n', stderr: '', exitCode: 0 });
  });

  it('rollout history -o prints the ReplicaSets of the revisions', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx', 'kubectl set image deploy/web nginx=httpd');
    const names = (await kit.sh('kubectl rollout history deploy/web -o name')).stdout.trim().split('\n');
    expect(names).toHaveLength(2);
    expect(names.every((n) => n.startsWith('replicaset.apps/web-'))).toBe(true);
    expect(await kit.sh('kubectl rollout history deploy/web --revision=2 -o jsonpath={.spec.template.spec.containers[0].image}')).toEqual({ stdout: 'httpd', stderr: '', exitCode: 0 });
    const yaml = (await kit.sh('kubectl rollout history deploy/web -o yaml')).stdout;
    expect(yaml.split('\n').filter((l) => l === 'kind: ReplicaSet')).toHaveLength(2);
    expect(yaml.split('\n').filter((l) => l === '---')).toHaveLength(1);
    expect(await kit.sh('kubectl rollout history deploy/web --revision=7 -o yaml')).toEqual({ stdout: '', stderr: 'error: unable to find the specified revision\n', exitCode: 1 });
  });
});

