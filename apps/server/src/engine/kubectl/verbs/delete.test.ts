// kubectl delete through the sandbox shell: selectors, --all, grace periods, cascading, files,
// and the messages kubectl v1.32 prints (checked against the binary where they are client-side).
import { KubeObject, Pod } from '../../api/types';
import { Kit, newKit, T0 } from './verb-test-kit';

const pod = (kit: Kit, name: string, ns = 'default'): Pod | undefined => kit.sandbox.cluster.api.tryGet('pods', ns, name) as Pod | undefined;
const names = (kit: Kit, resource: string, ns = 'default'): string[] => kit.sandbox.cluster.api.list(resource, { namespace: ns }).map((o) => o.metadata.name!);
const elapsed = (kit: Kit, from: number): number => (kit.sandbox.clock.now() - from) / 1000;

const APP = `cat > app.yaml <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - {name: nginx, image: nginx}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
  namespace: kube-public
data: {a: b}
EOF`;

describe('kubectl delete', () => {
  test('-l deletes every match, one line each; the rest stays', async () => {
    const kit = newKit();
    await kit.setup('kubectl run a --image=nginx -l app=x', 'kubectl run b --image=nginx -l app=x', 'kubectl run c --image=nginx -l app=y', 'sleep 10');
    expect(await kit.sh('kubectl delete pods -l app=x')).toEqual({ stdout: 'pod "a" deleted\npod "b" deleted\n', stderr: '', exitCode: 0 });
    expect(names(kit, 'pods')).toEqual(['c']);
    expect(await kit.sh("kubectl delete pods -l 'app in (x,z)'")).toEqual({ stdout: 'No resources found\n', stderr: '', exitCode: 0 });
    expect(await kit.sh('kubectl delete pods -l app!=x -o name')).toEqual({ stdout: 'pod/c\n', stderr: '', exitCode: 0 });
  });

  test('--all deletes every object of the type in the namespace only', async () => {
    const kit = newKit();
    await kit.setup('kubectl run a --image=nginx', 'kubectl run b --image=nginx', 'kubectl create ns other', 'kubectl run c -n other --image=nginx', 'sleep 10');
    expect(await kit.sh('kubectl delete pods --all')).toEqual({ stdout: 'pod "a" deleted\npod "b" deleted\n', stderr: '', exitCode: 0 });
    expect(names(kit, 'pods')).toEqual([]);
    expect(names(kit, 'pods', 'other')).toEqual(['c']);
    expect(await kit.sh('kubectl delete pods --all')).toEqual({ stdout: 'No resources found\n', stderr: '', exitCode: 0 });
  });

  test('waits for the pod to go: the 30 s grace period of a process that ignores SIGTERM', async () => {
    const kit = newKit();
    await kit.setup('kubectl run c --image=busybox -- sleep 3600', 'sleep 10');
    const t = kit.sandbox.clock.now();
    expect(await kit.sh('kubectl delete pod c')).toEqual({ stdout: 'pod "c" deleted\n', stderr: '', exitCode: 0 });
    expect(elapsed(kit, t)).toBe(30);
    expect(pod(kit, 'c')).toBeUndefined();
  });

  test('--grace-period=N: Terminating for N seconds, then gone', async () => {
    const kit = newKit();
    await kit.setup('kubectl run c --image=busybox -- sleep 3600', 'sleep 10');
    expect(await kit.sh('kubectl delete pod c --grace-period=5 --wait=false')).toEqual({ stdout: 'pod "c" deleted\n', stderr: '', exitCode: 0 });
    expect(pod(kit, 'c')?.metadata).toMatchObject({ deletionTimestamp: '2026-01-01T00:00:15Z', deletionGracePeriodSeconds: 5 });
    await kit.setup('sleep 4');
    expect((await kit.sh('kubectl get pod c --no-headers')).stdout).toBe('c     0/1   Terminating   0     14s\n');
    await kit.setup('sleep 2');
    expect(await kit.sh('kubectl get pod c')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "c" not found\n', exitCode: 1 });

    await kit.setup('kubectl run d --image=busybox -- sleep 3600', 'sleep 10');
    const t = kit.sandbox.clock.now();
    expect(await kit.sh('kubectl delete pod d --grace-period=5')).toEqual({ stdout: 'pod "d" deleted\n', stderr: '', exitCode: 0 });
    expect(elapsed(kit, t)).toBe(5);
  });

  test('--now is a grace period of 1 s', async () => {
    const kit = newKit();
    await kit.setup('kubectl run c --image=busybox -- sleep 3600', 'sleep 10');
    const t = kit.sandbox.clock.now();
    expect(await kit.sh('kubectl delete pod c --now')).toEqual({ stdout: 'pod "c" deleted\n', stderr: '', exitCode: 0 });
    expect(elapsed(kit, t)).toBe(1);
  });

  test('--timeout ends the wait with an error; the pod stays Terminating', async () => {
    const kit = newKit();
    await kit.setup('kubectl run c --image=busybox -- sleep 3600', 'sleep 10');
    expect(await kit.sh('kubectl delete pod c --timeout=5s')).toEqual({ stdout: 'pod "c" deleted\n', stderr: 'error: timed out waiting for the condition on pods/c\n', exitCode: 1 });
    expect(kit.sandbox.clock.now()).toBe(T0 + 15_000);
    expect(pod(kit, 'c')?.metadata.deletionTimestamp).toBe('2026-01-01T00:00:40Z'); // now + the grace period
  });

  test('--cascade=orphan keeps the ReplicaSet and its pods, without an owner', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx --replicas=2', 'sleep 20');
    const before = names(kit, 'pods');
    expect(before).toHaveLength(2);
    expect(await kit.sh('kubectl delete deploy web --cascade=orphan')).toEqual({ stdout: 'deployment.apps "web" deleted\n', stderr: '', exitCode: 0 });
    await kit.setup('sleep 10');
    const [rs] = kit.sandbox.cluster.api.list('replicasets', { namespace: 'default' });
    expect(rs.metadata.ownerReferences).toBeUndefined();
    expect(names(kit, 'pods')).toEqual(before);
    expect(await kit.sh(`kubectl delete rs ${rs.metadata.name} --cascade=orphan`)).toEqual({ stdout: `replicaset.apps "${rs.metadata.name}" deleted\n`, stderr: '', exitCode: 0 });
    await kit.setup('sleep 10');
    expect(names(kit, 'pods')).toEqual(before);
    expect(kit.sandbox.cluster.api.list('pods', { namespace: 'default' }).map((p) => p.metadata.ownerReferences)).toEqual([undefined, undefined]);
  });

  test('--cascade=foreground: the owner stays, with its finalizer, until its dependents are gone', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx --replicas=2', 'sleep 20');
    expect(await kit.sh('kubectl delete deploy web --cascade=foreground --wait=false')).toEqual({ stdout: 'deployment.apps "web" deleted\n', stderr: '', exitCode: 0 });
    const d = kit.sandbox.cluster.api.tryGet('deployments', 'default', 'web') as KubeObject;
    expect(d.metadata).toMatchObject({ finalizers: ['foregroundDeletion'], deletionTimestamp: '2026-01-01T00:00:20Z' });

    const kit2 = newKit();
    await kit2.setup('kubectl create deployment web --image=nginx --replicas=2', 'sleep 20');
    // --wait (the default) returns once the Deployment itself is gone, so after its pods
    expect(await kit2.sh('kubectl delete deploy web --cascade=foreground')).toEqual({ stdout: 'deployment.apps "web" deleted\n', stderr: '', exitCode: 0 });
    expect([names(kit2, 'deployments'), names(kit2, 'replicasets'), names(kit2, 'pods')]).toEqual([[], [], []]);
  });

  test('-f FILE deletes each object of the file, in its own namespace; a second time each is NotFound', async () => {
    const kit = newKit();
    await kit.setup(APP, 'kubectl apply -f app.yaml', 'sleep 10');
    expect(await kit.sh('kubectl delete -f app.yaml')).toEqual({ stdout: 'deployment.apps "web" deleted\nservice "web" deleted\nconfigmap "cfg" deleted\n', stderr: '', exitCode: 0 });
    expect(kit.sandbox.cluster.api.tryGet('configmaps', 'kube-public', 'cfg')).toBeUndefined();
    expect(await kit.sh('kubectl delete -f app.yaml')).toEqual({
      stdout: '',
      stderr:
        'Error from server (NotFound): error when deleting "app.yaml": deployments.apps "web" not found\n' +
        'Error from server (NotFound): error when deleting "app.yaml": services "web" not found\n' +
        'Error from server (NotFound): error when deleting "app.yaml": configmaps "cfg" not found\n',
      exitCode: 1,
    });
    expect(await kit.sh('kubectl delete -f app.yaml --ignore-not-found')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  // client-side errors recorded from kubectl v1.32 (against a discovery-only server)
  const errors: [string, string][] = [
    ['kubectl delete pod nope', 'Error from server (NotFound): pods "nope" not found\n'],
    ['kubectl delete deploy nope', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ['kubectl delete pods -l app=x --all', "error: setting 'all' parameter but found a non empty selector. \n"],
    ['kubectl delete pods --all --field-selector foo=bar', "error: setting 'all' parameter but found a non empty selector. \n"],
    ['kubectl delete pod a -l app=x', 'error: name cannot be provided when a selector is specified\n'],
    ['kubectl delete pod a --all', 'error: name cannot be provided when a selector is specified\n'],
    ['kubectl delete pods -A web', 'error: a resource cannot be retrieved by name across all namespaces\n'],
    ['kubectl delete pods', 'error: resource(s) were provided, but no name was specified\n'],
    [
      'kubectl delete',
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    ],
    ['kubectl delete pod x --now --grace-period=3', 'error: --now and --grace-period cannot be specified together\n'],
    ['kubectl delete pod x --cascade=bogus', 'error: invalid cascade value (bogus). Must be "background", "foreground", or "orphan"\n'],
    ['kubectl delete pods --field-selector foo=bar', 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n'],
    [
      "kubectl delete deploy -l 'app in (a'",
      `Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "app in (a", field selector "": unable to parse requirement: found '', expected: ',' or ')'\n`,
    ],
  ];
  test.each(errors)('%s', async (line, stderr) => {
    const kit = newKit();
    expect(await kit.sh(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  test('--ignore-not-found: a missing object is no error', async () => {
    const kit = newKit();
    expect(await kit.sh('kubectl delete pod nope --ignore-not-found')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  test('--grace-period=0 --force: the warning, "force deleted", no wait', async () => {
    const kit = newKit();
    await kit.setup('kubectl run c --image=busybox -- sleep 3600', 'sleep 10');
    const t = kit.sandbox.clock.now();
    expect(await kit.sh('kubectl delete pod c --grace-period=0 --force')).toEqual({
      stdout: 'pod "c" force deleted\n',
      stderr: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
    });
    expect(elapsed(kit, t)).toBe(0);
    expect(pod(kit, 'c')).toBeUndefined();
  });
});
