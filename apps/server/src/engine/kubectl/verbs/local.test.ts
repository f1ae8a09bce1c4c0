// --local: kubectl changes the objects of the -f files and prints them, without asking or
// changing the server (outputs of kubectl v1.32 on the same file).
import { Deployment } from '../../api/types';
import { newKit } from './verb-test-kit';

const DRY_RUN_YAML = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\nstatus: {}\n";
const SET_IMAGE_LOCAL = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: httpd\n        name: nginx\n        resources: {}\nstatus: {}\n";
const LABEL_LOCAL = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n    z: \"1\"\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\nstatus: {}\n";

describe('--local', () => {
  const kit = async () => {
    const k = newKit();
    await k.setup('kubectl create deployment web --image=nginx', 'kubectl create deployment web --image=nginx --dry-run=client -o yaml > d.yaml');
    return k;
  };
  const live = (k: Awaited<ReturnType<typeof kit>>) => k.sandbox.cluster.api.get('deployments', 'default', 'web') as Deployment;

  it('create deployment --dry-run=client -o yaml prints what kubectl prints', async () => {
    const k = await kit();
    expect((await k.sh('cat d.yaml')).stdout).toBe(DRY_RUN_YAML);
  });

  it('changes and prints the file\'s object, never the server\'s', async () => {
    const k = await kit();
    const before = k.sandbox.cluster.store.resourceVersion;
    expect((await k.sh('kubectl set image -f d.yaml nginx=httpd --local -o yaml')).stdout).toBe(SET_IMAGE_LOCAL);
    expect((await k.sh('kubectl label -f d.yaml z=1 --local -o yaml')).stdout).toBe(LABEL_LOCAL);
    expect(await k.sh('kubectl set image -f d.yaml nginx=httpd --local')).toEqual({ stdout: 'deployment.apps/web image updated\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl label -f d.yaml z=1 --local')).toEqual({ stdout: 'deployment.apps/web labeled\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl set env -f d.yaml B=2 --local')).toEqual({ stdout: 'deployment.apps/web env updated\n', stderr: '', exitCode: 0 });
    // with --dry-run=client too, the line says so (kubectl v1.32)
    expect((await k.sh('kubectl set image -f d.yaml nginx=httpd --local --dry-run=client')).stdout).toBe('deployment.apps/web image updated (dry run)\n');
    expect((await k.sh('kubectl label -f d.yaml z=1 --local --dry-run=client')).stdout).toBe('deployment.apps/web labeled (dry run)\n');
    expect((await k.sh(`kubectl patch -f d.yaml -p '{"spec":{"replicas":3}}' --local -o jsonpath='{.spec.replicas} {.status}'`)).stdout).toBe('3 {}');
    expect(k.sandbox.cluster.store.resourceVersion).toBe(before);
    expect(live(k).spec.template.spec.containers[0].image).toBe('nginx');
    expect(live(k).metadata.labels).toEqual({ app: 'web' });
  });

  it('refuses server resources as kubectl does', async () => {
    const k = await kit();
    const before = k.sandbox.cluster.store.resourceVersion;
    expect(await k.sh('kubectl set image deploy/web nginx=httpd --local')).toEqual({
      stdout: '',
      stderr: "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n",
      exitCode: 1,
    });
    expect(await k.sh('kubectl label deploy web z=1 --local')).toEqual({ stdout: '', stderr: 'error: can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set\n', exitCode: 1 });
    expect((await k.sh('kubectl set env deploy/web B=2 --local')).stderr).toMatch(/^error: You must provide one or more resources by argument or filename\./);
    expect(await k.sh(`kubectl patch deploy web -p '{}' --local`)).toEqual({ stdout: '', stderr: 'error: cannot specify --local and server resources\n', exitCode: 1 });
    expect(k.sandbox.cluster.store.resourceVersion).toBe(before);
  });

  it('works on a file whose object the server does not have', async () => {
    const k = await kit();
    await k.setup('kubectl delete deploy web');
    expect(await k.sh('kubectl set image -f d.yaml nginx=httpd --local -o name')).toEqual({ stdout: 'deployment.apps/web\n', stderr: '', exitCode: 0 });
  });

  it('set prints a hand-written file as decoded into its Go type; label prints it as written (kubectl v1.32)', async () => {
    const k = newKit();
    await k.setup("printf 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: p\\nspec:\\n  containers:\\n  - name: c\\n    image: busybox\\n' > p.yaml");
    expect((await k.sh('kubectl set image --local -f p.yaml c=busybox:1.36 -o yaml')).stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  name: p\nspec:\n  containers:\n  - image: busybox:1.36\n    name: c\n    resources: {}\nstatus: {}\n',
    );
    expect((await k.sh('kubectl set env --local -f p.yaml A=1 -o yaml')).stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  name: p\nspec:\n  containers:\n  - env:\n    - name: A\n      value: "1"\n    image: busybox\n    name: c\n    resources: {}\nstatus: {}\n',
    );
    expect((await k.sh('kubectl label --local -f p.yaml a=b -o yaml')).stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    a: b\n  name: p\nspec:\n  containers:\n  - image: busybox\n    name: c\n',
    );
  });

  it('set -o json prints the Go struct order (kind first), as kubectl v1.32', async () => {
    const k = newKit();
    await k.setup("printf 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: p\\nspec:\\n  containers:\\n  - name: c\\n    image: busybox\\n' > p.yaml");
    expect((await k.sh('kubectl set env --local -f p.yaml B=2 A=1 -o json')).stdout).toBe(
      '{\n    "kind": "Pod",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "p",\n        "creationTimestamp": null\n    },\n    "spec": {\n        "containers": [\n            {\n                "name": "c",\n                "image": "busybox",\n                "env": [\n                    {\n                        "name": "B",\n                        "value": "2"\n                    },\n                    {\n                        "name": "A",\n                        "value": "1"\n                    }\n                ],\n                "resources": {}\n            }\n        ]\n    },\n    "status": {}\n}\n',
    );
  });
});
