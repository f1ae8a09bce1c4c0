// kubectl set resources: the expected outputs are kubectl v1.32's (--local and client-side runs
// of the real binary); the server's answers are the simulated API server's.
import { Deployment, Pod } from '../../api/types';
import { selectString } from './set-resources';
import { newKit } from './verb-test-kit';

const resources = (kit: ReturnType<typeof newKit>) => (kit.sandbox.cluster.api.get('deployments', 'default', 'web') as Deployment).spec.template.spec.containers[0].resources;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
  - name: init
    image: busybox
  containers:
  - name: app
    image: nginx
    resources:
      limits:
        cpu: "0.5"
      requests:
        memory: 1024Mi
  - name: sidecar
    image: envoy
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: svc
spec:
  ports:
  - port: 80
`;

const DAEMONSET = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
      - name: agent
        image: fluentd
`;

// kubectl v1.32's output for each, the file's object as decoded into its Go type
const DEPLOYMENT_LOCAL =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx:1.27\n        name: nginx\n        resources:\n          limits:\n            cpu: 500m\nstatus: {}\n';
const POD_SIDECAR_LOCAL =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  name: p\nspec:\n  containers:\n  - image: nginx\n    name: app\n    resources:\n      limits:\n        cpu: 500m\n      requests:\n        memory: 1Gi\n  - image: envoy\n    name: sidecar\n    resources:\n      limits:\n        cpu: "1"\n  initContainers:\n  - image: busybox\n    name: init\n    resources: {}\nstatus: {}\n';
const DAEMONSET_LOCAL =
  'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  creationTimestamp: null\n  name: agent\nspec:\n  selector:\n    matchLabels:\n      app: agent\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: agent\n    spec:\n      containers:\n      - image: fluentd\n        name: agent\n        resources:\n          requests:\n            memory: 512Mi\n  updateStrategy: {}\nstatus:\n  currentNumberScheduled: 0\n  desiredNumberScheduled: 0\n  numberMisscheduled: 0\n  numberReady: 0\n';

describe('kubectl set resources', () => {
  const QUANTITY_ERROR = "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n";
  const cases: { name: string; line: string; stdout?: string; stderr?: string; exit?: number; resources?: unknown }[] = [
    {
      name: 'limits and requests',
      line: 'kubectl set resources deployment web --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi',
      stdout: 'deployment.apps/web resource requirements updated\n',
      resources: { limits: { cpu: '200m', memory: '512Mi' }, requests: { cpu: '100m', memory: '256Mi' } },
    },
    { name: 'quantities as kubectl writes them', line: 'kubectl set resources deploy/web --limits=cpu=0.5,memory=1024Mi', stdout: 'deployment.apps/web resource requirements updated\n', resources: { limits: { cpu: '500m', memory: '1Gi' } } },
    { name: 'a container by name', line: 'kubectl set resources deploy/web -c=nginx --limits=cpu=1', stdout: 'deployment.apps/web resource requirements updated\n', resources: { limits: { cpu: '1' } } },
    { name: 'a container by pattern', line: "kubectl set resources deploy/web -c 'ngi*' --requests=memory=64Mi", stdout: 'deployment.apps/web resource requirements updated\n', resources: { requests: { memory: '64Mi' } } },
    { name: 'dry run', line: 'kubectl set resources deploy/web --limits=cpu=1 --dry-run=client', stdout: 'deployment.apps/web resource requirements updated (dry run)\n', resources: {} },
    { name: 'server dry run', line: 'kubectl set resources deploy/web --limits=cpu=1 --dry-run=server', stdout: 'deployment.apps/web resource requirements updated (server dry run)\n', resources: {} },
    { name: '-o name', line: 'kubectl set resources deploy/web --limits=cpu=1 -o name', stdout: 'deployment.apps/web\n', resources: { limits: { cpu: '1' } } },
    { name: 'an invalid quantity', line: 'kubectl set resources deploy/web --limits=cpu=abc', stderr: QUANTITY_ERROR, exit: 1, resources: {} },
    { name: 'an unknown suffix', line: 'kubectl set resources deploy/web --requests=memory=512mi', stderr: "error: unable to parse quantity's suffix\n", exit: 1, resources: {} },
    { name: 'a statement without a value', line: 'kubectl set resources deploy/web --limits=cpu', stderr: 'error: Invalid argument syntax cpu, expected <resource>=<value>\n', exit: 1 },
    { name: 'neither limits nor requests', line: 'kubectl set resources deploy/web', stderr: 'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n', exit: 1 },
    { name: 'an unknown container', line: 'kubectl set resources deploy/web -c foo --limits=cpu=1', stderr: 'error: unable to find container named foo\n', exit: 1, resources: {} },
    { name: 'a missing object, before the flags are checked', line: 'kubectl set resources deploy/nope', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exit: 1 },
    { name: 'one missing object stops all', line: 'kubectl set resources deploy/web deploy/nope --limits=cpu=1', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exit: 1, resources: {} },
    {
      name: 'an object without a pod template',
      line: 'kubectl set resources svc/svc deploy/web --limits=cpu=1',
      stdout: 'deployment.apps/web resource requirements updated\n',
      stderr: 'error: services/svc the object is not a pod or does not have a pod template: *v1.Service\n',
      exit: 1,
      resources: { limits: { cpu: '1' } },
    },
    { name: '--all and -l', line: 'kubectl set resources deploy --all -l app=web --limits=cpu=1', stderr: 'error: cannot set --all and --selector at the same time\n', exit: 1, resources: {} },
    {
      name: 'no table printer',
      line: 'kubectl set resources deploy/web --limits=cpu=1 -o wide',
      stderr: 'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
      exit: 1,
    },
    { name: '--template alone', line: "kubectl set resources deploy/web --limits=cpu=1 --template='{{.metadata.name}}'", stdout: 'web', resources: { limits: { cpu: '1' } } },
  ];

  test.each(cases)('$name', async (c) => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx:1.27', 'kubectl create service clusterip svc --tcp=80');
    const r = await kit.sh(c.line);
    expect(r.stderr).toBe(c.stderr ?? '');
    if (c.stdout !== undefined) expect(r.stdout).toBe(c.stdout);
    expect(r.exitCode).toBe(c.exit ?? 0);
    if (c.resources) expect(resources(kit)).toEqual(c.resources);
  });

  test('prints nothing for an object already as asked, however the quantity is written', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx:1.27', 'kubectl set resources deploy/web --limits=cpu=200m,memory=1Gi');
    const rv = kit.sandbox.cluster.api.get('deployments', 'default', 'web').metadata.resourceVersion;
    expect(await kit.sh('kubectl set resources deploy/web --limits=cpu=0.2,memory=1024Mi')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(await kit.sh('kubectl set resources deploy/web --limits=cpu=200m -o yaml')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(kit.sandbox.cluster.api.get('deployments', 'default', 'web').metadata.resourceVersion).toBe(rv);
  });

  test('the API server refuses a request above its limit', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx:1.27', 'kubectl set resources deploy/web --limits=cpu=200m');
    expect(await kit.sh('kubectl set resources deploy/web --requests=cpu=2')).toEqual({
      stdout: '',
      stderr: 'error: failed to patch resources update to pod template Deployment.apps "web" is invalid: spec.template.spec.containers[0].resources.requests[cpu]: Invalid value: "2": must be less than or equal to cpu limit of 200m\n',
      exitCode: 1,
    });
  });

  test("a pod's resources cannot change", async () => {
    const kit = newKit();
    await kit.setup('kubectl run p --image=nginx', 'sleep 10');
    expect(await kit.sh('kubectl set resources pod/p --limits=cpu=1')).toEqual({
      stdout: '',
      stderr:
        'error: failed to patch resources update to pod template Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n',
      exitCode: 1,
    });
    expect((kit.sandbox.cluster.api.get('pods', 'default', 'p') as Pod).spec.containers[0].resources).toEqual({});
  });

  test('rolls the Deployment out: a new ReplicaSet whose pods have the resources', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=nginx:1.27 --replicas=2', 'sleep 20');
    expect((await kit.sh('kubectl set resources deploy/web --limits=cpu=200m,memory=512Mi --record')).stdout).toBe('deployment.apps/web resource requirements updated\n');
    await kit.setup('kubectl rollout status deploy/web');
    const api = kit.sandbox.cluster.api;
    expect(api.get('deployments', 'default', 'web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const sets = api.list('replicasets', { namespace: 'default' }) as Deployment[];
    expect(sets.map((rs) => rs.spec.replicas).sort()).toEqual([0, 2]);
    const current = sets.find((rs) => rs.spec.replicas === 2)!;
    expect(current.spec.template.spec.containers[0].resources).toEqual({ limits: { cpu: '200m', memory: '512Mi' } });
    const pods = (api.list('pods', { namespace: 'default' }) as Pod[]).filter((p) => p.metadata.labels?.['pod-template-hash'] === current.metadata.labels?.['pod-template-hash']);
    expect(pods).toHaveLength(2);
    // the API server defaults a pod's requests to its limits
    for (const p of pods) expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: '200m', memory: '512Mi' }, requests: { cpu: '200m', memory: '512Mi' } });
    expect((await kit.sh('kubectl rollout history deploy/web')).stdout).toContain('2         kubectl set resources deploy/web --limits=cpu=200m,memory=512Mi --record=true\n');
  });

  describe('--local', () => {
    const kit = async () => {
      const k = newKit();
      await k.setup(
        'kubectl create deployment web --image=nginx:1.27 --dry-run=client -o yaml > d.yaml',
        `cat > pod.yaml <<'EOF'\n${POD}EOF`,
        `cat > svc.yaml <<'EOF'\n${SERVICE}EOF`,
        `cat > ds.yaml <<'EOF'\n${DAEMONSET}EOF`,
      );
      return k;
    };

    it('prints the changed file objects as kubectl does, and writes nothing', async () => {
      const k = await kit();
      const before = k.sandbox.cluster.store.resourceVersion;
      expect(await k.sh('kubectl set resources --local -f d.yaml --limits=cpu=0.5 -o yaml')).toEqual({ stdout: DEPLOYMENT_LOCAL, stderr: '', exitCode: 0 });
      expect(await k.sh("kubectl set resources --local -f pod.yaml --limits=cpu=1 -c 'side*' -o yaml")).toEqual({ stdout: POD_SIDECAR_LOCAL, stderr: '', exitCode: 0 });
      expect(await k.sh('kubectl set resources --local -f ds.yaml --requests=memory=0.5Gi -o yaml')).toEqual({ stdout: DAEMONSET_LOCAL, stderr: '', exitCode: 0 });
      expect(await k.sh('kubectl set resources --local -f d.yaml -f pod.yaml --limits=cpu=1 -o yaml')).toMatchObject({ stdout: expect.stringContaining('status: {}\n---\napiVersion: v1\nkind: Pod\n'), exitCode: 0 });
      expect(await k.sh('kubectl set resources --local -f d.yaml --limits=cpu=200m,memory=512Mi')).toEqual({ stdout: 'deployment.apps/web resource requirements updated\n', stderr: '', exitCode: 0 });
      expect(await k.sh('kubectl set resources --local -f d.yaml -f pod.yaml --limits=cpu=1 -o name --dry-run=client')).toEqual({ stdout: 'deployment.apps/web\npod/p\n', stderr: '', exitCode: 0 });
      expect((await k.sh('kubectl set resources --local -f d.yaml --limits=cpu=1 --dry-run=client')).stdout).toBe('deployment.apps/web resource requirements updated (dry run)\n');
      // the file's 0.5 is the 500m asked for: no change, nothing printed
      expect(await k.sh('kubectl set resources --local -f pod.yaml -c app --limits=cpu=500m')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
      expect(k.sandbox.cluster.store.resourceVersion).toBe(before);
    });

    it("reports what it cannot change as kubectl's aggregate does", async () => {
      const k = await kit();
      expect(await k.sh('kubectl set resources --local -f svc.yaml --limits=cpu=1')).toEqual({ stdout: '', stderr: 'error: service/svc the object is not a pod or does not have a pod template: *v1.Service\n', exitCode: 1 });
      expect(await k.sh('kubectl set resources --local -f d.yaml -f svc.yaml -f pod.yaml --limits=cpu=1 -c nginx2')).toEqual({
        stdout: '',
        stderr: 'error: unable to find container named nginx2\nerror: unable to find container named nginx2\nerror: service/svc the object is not a pod or does not have a pod template: *v1.Service\n\n',
        exitCode: 1,
      });
      expect(await k.sh('kubectl set resources --local -f d.yaml --limits=cpu=1 --dry-run=server')).toEqual({ stdout: '', stderr: 'error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n', exitCode: 1 });
      expect(await k.sh('kubectl set resources --local deploy/web --limits=cpu=1')).toEqual({
        stdout: '',
        stderr: "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n",
        exitCode: 1,
      });
    });
  });

  test("containers chosen by kubectl's pattern", () => {
    expect(['*', 'xnginx', 'ngi*', 'x*', '*inx'].map((p) => selectString('xnginx', p))).toEqual([true, true, true, true, true]);
    expect(['abc*abc', 'a*c', 'x?nginx', ''].map((p) => selectString('abcabc', p))).toEqual([false, false, false, false]);
    expect(['*c*', 'b*'].map((p) => selectString('abcabc', p))).toEqual([true, true]);
  });
});
