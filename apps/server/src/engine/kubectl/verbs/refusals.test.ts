// What kubectl prints when admission refuses an object: a namespace being terminated, the
// cluster's object limit, an object too large. `error when creating "FILE": ` is kubectl's
// AddSourceToErr for objects read from -f.
import { KubeObject } from '../../api/types';
import { UserFs } from '../../shell/user-fs';
import { runKubectl } from '../kubectl';
import { newKit } from './verb-test-kit';

const POD_FILE = `cat > x.yaml <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: demo
spec:
  containers:
  - name: c
    image: nginx
EOF`;

describe('admission refusals through kubectl', () => {
  test('a namespace being terminated: Forbidden, with the file named for -f', async () => {
    const kit = newKit();
    // a container that ignores SIGTERM keeps the namespace Terminating for 30 s
    await kit.setup('kubectl create ns demo', 'kubectl run hold -n demo --image=busybox -- sleep 3600', 'sleep 10', 'kubectl delete ns demo --wait=false', POD_FILE);
    expect((await kit.sh('kubectl get ns demo --no-headers')).stdout).toBe('demo   Terminating   10s\n');
    const why = 'is forbidden: unable to create new content in namespace demo because it is being terminated';
    expect(await kit.sh('kubectl create -f x.yaml')).toEqual({ stdout: '', stderr: `Error from server (Forbidden): error when creating "x.yaml": pods "p" ${why}\n`, exitCode: 1 });
    expect(await kit.sh('kubectl apply -f x.yaml')).toEqual({ stdout: '', stderr: `Error from server (Forbidden): error when creating "x.yaml": pods "p" ${why}\n`, exitCode: 1 });
    expect(await kit.sh('kubectl run p -n demo --image=nginx')).toEqual({ stdout: '', stderr: `Error from server (Forbidden): pods "p" ${why}\n`, exitCode: 1 });
    expect(await kit.sh('kubectl create deployment d -n demo --image=nginx')).toEqual({ stdout: '', stderr: `Error from server (Forbidden): deployments.apps "d" ${why}\n`, exitCode: 1 });
    await kit.setup('sleep 30');
    expect((await kit.sh('kubectl create -f x.yaml')).stderr).toBe('Error from server (NotFound): error when creating "x.yaml": namespaces "demo" not found\n');
  });

  test('the 2,000-object limit: Forbidden with the quota text', async () => {
    const kit = newKit();
    const { cluster } = kit.sandbox;
    const used = (): number => cluster.store.size - cluster.store.countOf('events');
    cluster.at(cluster.now, () => {
      for (let i = 0; used() < 2000; i++) cluster.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `fill-${i}` } } as KubeObject, { internal: true });
    });
    const quota = 'is forbidden: exceeded quota: cluster-limits, requested: count/objects=1, used: count/objects=2000, limited: count/objects=2000';
    expect(await kit.sh('kubectl create configmap one-more')).toEqual({ stdout: '', stderr: `Error from server (Forbidden): configmaps "one-more" ${quota}\n`, exitCode: 1 });
    await kit.setup(POD_FILE.replace('  namespace: demo\n', ''));
    expect(await kit.sh('kubectl apply -f x.yaml')).toEqual({ stdout: '', stderr: `Error from server (Forbidden): error when creating "x.yaml": pods "p" ${quota}\n`, exitCode: 1 });
  });

  test('an object over 1 MiB that is not a ConfigMap or Secret: RequestEntityTooLarge', async () => {
    const kit = newKit();
    const { sandbox } = kit;
    // the sandbox's files hold 1 MiB at most: the manifest arrives on stdin, as a door can pass it
    const manifest = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: c\n    image: nginx\n    env:\n    - name: A\n      value: ${'x'.repeat(1024 * 1024 + 1)}\n`;
    let out = '';
    let err = '';
    const code = await runKubectl(['create', '-f', '-'], {
      cluster: sandbox.cluster,
      stdin: manifest,
      out: (t) => (out += t),
      err: (t) => (err += t),
      fs: new UserFs(sandbox.hosts.master.fs, 'student', '/home/student', sandbox.cluster.now),
      env: { HOME: '/home/student' },
      user: 'student',
      host: 'master',
      isTTY: false,
      signal: { aborted: false, onAbort: () => () => undefined },
      now: () => sandbox.cluster.now,
      sleep: () => undefined,
      virtualTime: true,
    });
    expect({ code, out, err }).toEqual({ code: 1, out: '', err: 'Error from server (RequestEntityTooLarge): error when creating "STDIN": Request entity too large: limit is 3145728\n' });
    expect(sandbox.cluster.api.tryGet('pods', 'default', 'big')).toBeUndefined();
  });
});
