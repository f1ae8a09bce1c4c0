// kubectl get through the sandbox shell: --ignore-not-found, -f, -L, --sort-by, --no-headers,
// custom-columns, several types and the forms of a type, label and field selectors, and -w.
// Client-side texts were checked against kubectl v1.32 (pointed at a discovery-only server).
import { Kit, newKit, T0 } from './verb-test-kit';

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
  clusterIP: 10.96.100.100
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

const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const fails = (stderr: string, stdout = '') => ({ stdout, stderr, exitCode: 1 });

/** a: crash-looping (3 restarts at 60 s), b and c: Running; aa in namespace zz */
async function pods(): Promise<Kit> {
  const kit = newKit();
  await kit.setup(
    'kubectl run a --image=busybox -l app=x,tier=be -- false',
    'kubectl run b --image=nginx -l app=y',
    'kubectl run c --image=nginx -l tier=fe',
    'kubectl create ns zz',
    'kubectl run aa -n zz --image=nginx',
    'sleep 60',
  );
  return kit;
}

describe('kubectl get', () => {
  describe('on three pods', () => {
    let kit: Kit;
    beforeAll(async () => {
      kit = await pods();
    });

    test('-L adds a column per label key, empty where a pod has none; --no-headers drops the header', async () => {
      expect(await kit.sh('kubectl get pods -L app,tier')).toEqual(
        ok(
          'NAME   READY   STATUS             RESTARTS      AGE   APP   TIER\n' +
            'a      0/1     CrashLoopBackOff   3 (11s ago)   60s   x     be\n' +
            'b      1/1     Running            0             60s   y     \n' +
            'c      1/1     Running            0             60s         fe\n',
        ),
      );
      expect(await kit.sh('kubectl get pods --no-headers')).toEqual(
        ok('a     0/1   CrashLoopBackOff   3 (11s ago)   60s\nb     1/1   Running            0             60s\nc     1/1   Running            0             60s\n'),
      );
    });

    test('--sort-by a number and by name (across namespaces with -A)', async () => {
      expect(await kit.sh('kubectl get pods --sort-by=.status.containerStatuses[0].restartCount')).toEqual(
        ok(
          'NAME   READY   STATUS             RESTARTS      AGE\n' +
            'b      1/1     Running            0             60s\n' +
            'c      1/1     Running            0             60s\n' +
            'a      0/1     CrashLoopBackOff   3 (11s ago)   60s\n',
        ),
      );
      const sorted = (await kit.sh('kubectl get pods -A --sort-by=.metadata.name --no-headers')).stdout.split('\n').slice(0, 4);
      expect(sorted.map((l) => l.split(/ +/).slice(0, 2).join(' '))).toEqual(['default a', 'zz aa', 'default b', 'default c']);
    });

    test('-o custom-columns, with and without headers', async () => {
      expect(await kit.sh('kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,NODE:.spec.nodeName')).toEqual(
        ok('NAME   IMAGE     NODE\na      busybox   node1\nb      nginx     node1\nc      nginx     node2\n'),
      );
      expect(await kit.sh('kubectl get pods -o custom-columns=NAME:.metadata.name --no-headers')).toEqual(ok('a\nb\nc\n'));
    });

    test.each([
      ["-l 'app in (x,y)'", ['a', 'b']],
      ["-l 'app notin (x)'", ['b', 'c']],
      ["-l 'tier'", ['a', 'c']],
      ["-l '!tier'", ['b']],
      ["-l 'app!=y'", ['a', 'c']],
      ["-l 'app,tier=be'", ['a']],
    ])('set-based label selectors on the command line: %s', async (flag, want) => {
      expect((await kit.sh(`kubectl get pods ${flag} -o name`)).stdout).toBe(want.map((n) => `pod/${n}\n`).join(''));
    });

    test('field selectors metadata.namespace, status.phase, spec.nodeName', async () => {
      expect(await kit.sh('kubectl get pods -A --field-selector metadata.namespace=zz')).toEqual(ok('NAMESPACE   NAME   READY   STATUS    RESTARTS   AGE\nzz          aa     1/1     Running   0          60s\n'));
      // the namespace of the request still applies
      expect(await kit.sh('kubectl get pods --field-selector metadata.namespace=zz')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
      expect((await kit.sh('kubectl get pods -A --field-selector spec.nodeName=node1,metadata.namespace=default -o name')).stdout).toBe('pod/a\npod/b\n');
      expect((await kit.sh('kubectl get pods -A --field-selector spec.nodeName=master -o name')).stdout).toBe(
        'pod/kube-flannel-ds-tm9x7\npod/coredns-668d6bf9bc-twk9v\npod/etcd-master\npod/kube-apiserver-master\npod/kube-controller-manager-master\npod/kube-proxy-gdltm\npod/kube-scheduler-master\n',
      );
      expect(await kit.sh('kubectl get pods -A --field-selector status.phase!=Running')).toEqual({ stdout: '', stderr: 'No resources found\n', exitCode: 0 });
      await kit.setup('kubectl run done --image=busybox --restart=Never -- true', 'sleep 5');
      expect((await kit.sh('kubectl get pods -A --field-selector status.phase=Succeeded -o name')).stdout).toBe('pod/done\n');
      await kit.setup('kubectl delete pod done');
    });

    test('selector errors: the server\'s message, said with the resource and selectors', async () => {
      expect(await kit.sh('kubectl get pods --field-selector foo=bar')).toEqual(
        fails('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n'),
      );
      expect(await kit.sh('kubectl get deploy -l app --field-selector foo=bar')).toEqual(
        fails('Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "app", field selector "foo=bar": field label not supported: foo\n'),
      );
      expect(await kit.sh('kubectl get pods --field-selector foo')).toEqual(
        fails('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo": invalid selector: \'foo\'; can\'t understand \'foo\'\n'),
      );
      expect(await kit.sh("kubectl get pods -l 'app in (x'")).toEqual(
        fails('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in (x", field selector "": unable to parse requirement: found \'\', expected: \',\' or \')\'\n'),
      );
      expect(await kit.sh("kubectl get pods -l 'a=b c'")).toEqual(
        fails('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a=b c", field selector "": found \'c\', expected: \',\' or \'end of string\'\n'),
      );
      // the other verbs that list through the builder say it the same way
      const inParens = 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in (x", field selector "": unable to parse requirement: found \'\', expected: \',\' or \')\'\n';
      for (const verb of ["describe pods -l 'app in (x'", "label pods -l 'app in (x' tier=web", "annotate pods -l 'app in (x' note=x", "wait --for=delete pods -l 'app in (x'"]) {
        expect(await kit.sh(`kubectl ${verb}`)).toEqual(fails(inParens));
      }
    });
  });

  test('a missing name: NotFound, and what was found is still printed', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx', 'sleep 10');
    expect(await kit.sh('kubectl get pod x')).toEqual(fails('Error from server (NotFound): pods "x" not found\n'));
    expect(await kit.sh('kubectl get deploy x')).toEqual(fails('Error from server (NotFound): deployments.apps "x" not found\n'));
    expect(await kit.sh('kubectl get pod x web')).toEqual(fails('Error from server (NotFound): pods "x" not found\n', 'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          10s\n'));
  });

  test('--ignore-not-found: nothing at all, whatever the output format', async () => {
    const kit = newKit();
    for (const line of [
      'kubectl get pod nope --ignore-not-found',
      'kubectl get pod nope --ignore-not-found -o yaml',
      'kubectl get pod nope --ignore-not-found -o json',
      'kubectl get pods nope --ignore-not-found -o name',
      'kubectl get pods -l app=none --ignore-not-found',
      'kubectl get pods -l app=none --ignore-not-found -o yaml',
    ]) {
      expect([line, await kit.sh(line)]).toEqual([line, ok('')]);
    }
    // without it, an empty list is a List, and a table says so on stderr
    expect(await kit.sh('kubectl get pods -l app=none -o yaml')).toEqual(ok('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n'));
    expect(await kit.sh('kubectl get pods -l app=none')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });

  test('-f FILE: the objects of a manifest, each in its own namespace, one table per type', async () => {
    const kit = newKit();
    await kit.setup(APP, 'kubectl apply -f app.yaml', 'sleep 10');
    expect(await kit.sh('kubectl get -f app.yaml')).toEqual(
      ok(
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   1/1     1            1           10s\n\n' +
          'NAME          TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)   AGE\nservice/web   ClusterIP   10.96.100.100   <none>        80/TCP    10s\n\n' +
          'NAME            DATA   AGE\nconfigmap/cfg   1      10s\n',
      ),
    );
    expect(await kit.sh('kubectl get -f app.yaml -o name')).toEqual(ok('deployment.apps/web\nservice/web\nconfigmap/cfg\n'));
    expect(await kit.sh('kubectl get -f app.yaml -n default')).toEqual(
      fails('error: the namespace from the provided object "kube-public" does not match the namespace "default". You must pass \'--namespace=kube-public\' to perform this operation.\n'),
    );
    await kit.setup('kubectl delete svc web');
    expect(await kit.sh('kubectl get -f app.yaml -o name')).toEqual(fails('Error from server (NotFound): services "web" not found\n', 'deployment.apps/web\nconfigmap/cfg\n'));
    expect(await kit.sh('kubectl get -f app.yaml -o name --ignore-not-found')).toEqual(ok('deployment.apps/web\nconfigmap/cfg\n'));
  });

  test('several types at once, and every way of naming a type', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment d --image=nginx --replicas=2', 'kubectl expose deploy d --port=80 --cluster-ip=10.96.100.100', 'sleep 20');
    expect(await kit.sh('kubectl get deploy,svc')).toEqual(
      ok(
        'NAME                READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/d   2/2     2            2           20s\n\n' +
          'NAME                 TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)   AGE\n' +
          'service/d            ClusterIP   10.96.100.100   <none>        80/TCP    20s\n' +
          'service/kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP   5m20s\n',
      ),
    );
    const table = 'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nd      2/2     2            2           20s\n';
    for (const type of ['deployments', 'deployment', 'deploy', 'deployments.apps', 'deployment.v1.apps', 'Deployment', 'Deployment.apps', 'deploy.apps']) {
      expect([type, await kit.sh(`kubectl get ${type}`)]).toEqual([type, ok(table)]);
    }
    expect(await kit.sh('kubectl get deployment.v1.apps/d')).toEqual(ok(table));
  });

  // recorded from kubectl v1.32: the builder's errors, plain (no usage line)
  test.each([
    ['kubectl get foo', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['kubectl get foos.apps', 'error: the server doesn\'t have a resource type "foos"\n'],
    ['kubectl get Foo.apps', 'error: the server doesn\'t have a resource type "Foo"\n'],
    ['kubectl get deployments.foo', 'error: the server doesn\'t have a resource type "deployments"\n'],
    ['kubectl get foo.v1.apps', 'error: the server doesn\'t have a resource type "foo"\n'],
    ['kubectl get pod a -l app=x', 'error: name cannot be provided when a selector is specified\n'],
    ['kubectl get pod a --field-selector a=b', 'error: name cannot be provided when a selector is specified\n'],
    ['kubectl get pods -A web', 'error: a resource cannot be retrieved by name across all namespaces\n'],
    ['kubectl get -f x.yaml pods', 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n'],
    ['kubectl get pods,svc -w', 'error: you may only specify a single resource type\n'],
    ['kubectl get pod nope -w', 'Error from server (NotFound): pods "nope" not found\n'],
  ])('%s', async (line, stderr) => {
    const kit = newKit();
    const t = kit.sandbox.clock.now();
    expect(await kit.sh(line)).toEqual(fails(stderr));
    expect(kit.sandbox.clock.now()).toBe(t);
  });

  describe('-w', () => {
    test('prints the list, then a line per change as the pods start; ends at --request-timeout', async () => {
      const kit = newKit();
      await kit.setup('kubectl create deployment web --image=nginx --replicas=2');
      const r = await kit.sh('kubectl get pods -w --request-timeout=20s');
      const [p1, p2] = kit.sandbox.cluster.api.list('pods', { namespace: 'default' }).map((p) => p.metadata.name);
      expect(r).toEqual(
        ok(
          'NAME                   READY   STATUS              RESTARTS   AGE\n' +
            `${p1}   0/1     ContainerCreating   0          0s\n` +
            `${p2}   0/1     ContainerCreating   0          0s\n` +
            `${p1}   0/1     ContainerCreating   0          1s\n` +
            `${p2}   0/1     ContainerCreating   0          1s\n` +
            `${p1}   1/1     Running             0          4s\n` +
            `${p2}   1/1     Running             0          4s\n`,
        ),
      );
      expect(kit.sandbox.clock.now()).toBe(T0 + 20_000);
    });

    test('--output-watch-events: an EVENT column, ADDED for the list', async () => {
      const kit = newKit();
      await kit.setup('kubectl run web --image=nginx');
      expect(await kit.sh('kubectl get pods -w --output-watch-events --request-timeout=10s')).toEqual(
        ok(
          'EVENT      NAME   READY   STATUS              RESTARTS   AGE\n' +
            'ADDED      web    0/1     ContainerCreating   0          0s\n' +
            'MODIFIED   web    0/1     ContainerCreating   0          1s\n' +
            'MODIFIED   web    1/1     Running             0          4s\n',
        ),
      );
      await kit.setup('kubectl delete pod web --wait=false');
      expect(await kit.sh('kubectl get pods -w --output-watch-events --request-timeout=5s')).toEqual(
        ok(
          'EVENT      NAME   READY   STATUS        RESTARTS   AGE\n' +
            'ADDED      web    0/1     Terminating   0          10s\n' +
            'MODIFIED   web    0/1     Terminating   0          10s\n' +
            'DELETED    web    0/1     Terminating   0          10s\n',
        ),
      );
    });

    test('a selector filters the changes; --watch-only skips the list; a name watches that object only', async () => {
      const kit = newKit();
      await kit.setup('kubectl run solo --image=nginx -l app=solo', 'kubectl create deployment web --image=nginx', 'sleep 10', 'kubectl scale deploy web --replicas=2', 'kubectl label pod solo tier=x');
      const added = kit.sandbox.cluster.api.list('pods', { namespace: 'default', labelSelector: 'app=web' }).map((p) => p.metadata.name!);
      const fresh = added.find((n) => (kit.sandbox.cluster.api.get('pods', 'default', n).metadata.creationTimestamp ?? '') > '2026-01-01T00:00:05Z')!;
      expect(await kit.sh('kubectl get pods -w -l app=solo --request-timeout=10s')).toEqual(ok('NAME   READY   STATUS    RESTARTS   AGE\nsolo   1/1     Running   0          10s\n'));
      expect(await kit.sh('kubectl get pods -w -l app=web --watch-only --request-timeout=10s')).toEqual(ok(''));
      await kit.setup('kubectl scale deploy web --replicas=1');
      const w = await kit.sh('kubectl get pods -w -l app=web --watch-only --output-watch-events --request-timeout=10s');
      expect(w.stdout.split('\n')[0]).toBe('EVENT      NAME                   READY   STATUS        RESTARTS   AGE');
      expect(w.stdout).toContain(`DELETED    ${fresh}`);
      expect(w.stdout).not.toContain('solo');
      expect(await kit.sh('kubectl get pod solo -w --request-timeout=5s')).toEqual(ok('NAME   READY   STATUS    RESTARTS   AGE\nsolo   1/1     Running   0          40s\n'));
    });

    test('a field selector: a pod that comes to match is ADDED, one that stops matching DELETED as it was', async () => {
      const kit = newKit();
      await kit.setup('kubectl run a --image=busybox --restart=Never -- sleep 5');
      expect(await kit.sh('kubectl get pods -w --field-selector status.phase=Running --output-watch-events --request-timeout=20s')).toEqual(
        ok('EVENT      NAME   READY   STATUS    RESTARTS   AGE\nADDED      a      1/1     Running   0          2s\nDELETED    a      1/1     Running   0          7s\n'),
      );
    });

    test('in virtual time a watch without a timeout ends once nothing more happens (within 10 minutes)', async () => {
      const kit = newKit();
      await kit.setup('kubectl run web --image=nginx', 'sleep 10');
      const t = kit.sandbox.clock.now();
      expect(await kit.sh('kubectl get pods -w')).toEqual(ok('NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          10s\n'));
      expect(kit.sandbox.clock.now()).toBeGreaterThan(t);
      expect(kit.sandbox.clock.now()).toBeLessThanOrEqual(t + 10 * 60_000);
    });
  });
});
