// kubectl create generators checked against kubectl v1.32's `--dry-run=client -o yaml` output.
import { newKit } from './verb-test-kit';

const DOCKER_REGISTRY = "apiVersion: v1\ndata:\n  .dockerconfigjson: eyJhdXRocyI6eyJyLmlvIjp7InVzZXJuYW1lIjoidSIsInBhc3N3b3JkIjoicCIsImVtYWlsIjoiZUB4LmlvIiwiYXV0aCI6ImRUcHcifX19\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: reg\ntype: kubernetes.io/dockerconfigjson\n";
const DEPLOYMENT_WITH_COMMAND = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - command:\n        - sleep\n        - \"10\"\n        image: busybox\n        name: busybox\n        resources: {}\nstatus: {}\n";

describe('kubectl create', () => {
  it('secret docker-registry builds the .dockerconfigjson kubectl builds', async () => {
    const kit = newKit();
    expect((await kit.sh('kubectl create secret docker-registry reg --docker-server=r.io --docker-username=u --docker-password=p --docker-email=e@x.io --dry-run=client -o yaml')).stdout).toBe(DOCKER_REGISTRY);
    expect(await kit.sh('kubectl create secret docker-registry reg --docker-username=u --docker-password=p')).toEqual({ stdout: 'secret/reg created\n', stderr: '', exitCode: 0 });
    const secret = kit.sandbox.cluster.api.get('secrets', 'default', 'reg') as unknown as { type: string; data: Record<string, string> };
    expect(secret.type).toBe('kubernetes.io/dockerconfigjson');
    expect(JSON.parse(Buffer.from(secret.data['.dockerconfigjson'], 'base64').toString())).toEqual({ auths: { 'https://index.docker.io/v1/': { username: 'u', password: 'p', auth: 'dTpw' } } });
    expect(await kit.sh('kubectl create secret docker-registry other --docker-username=u')).toEqual({
      stdout: '',
      stderr: 'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n',
      exitCode: 1,
    });
  });

  it('deployment takes a command after --', async () => {
    const kit = newKit();
    expect((await kit.sh('kubectl create deployment web --image=busybox --replicas=3 --dry-run=client -o yaml -- sleep 10')).stdout).toBe(DEPLOYMENT_WITH_COMMAND);
    expect(await kit.sh('kubectl create deployment web --image=busybox --image=nginx -- sleep 10')).toEqual({ stdout: '', stderr: 'error: cannot specify multiple --image options and command\n', exitCode: 1 });
    expect((await kit.sh('kubectl create deployment a b --image=busybox -- sleep 10')).stderr).toBe("error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n");
  });

  it('service generators: the app selector on every type, no ports field without --tcp (kubectl v1.32)', async () => {
    const kit = newKit();
    expect((await kit.sh('kubectl create service externalname web --external-name=example.com --dry-run=client -o yaml')).stdout).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  externalName: example.com\n  selector:\n    app: web\n  type: ExternalName\nstatus:\n  loadBalancer: {}\n',
    );
    expect((await kit.sh('kubectl create service clusterip headless --clusterip=None --dry-run=client -o yaml')).stdout).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: headless\n  name: headless\nspec:\n  clusterIP: None\n  selector:\n    app: headless\n  type: ClusterIP\nstatus:\n  loadBalancer: {}\n',
    );
    // created for real, an ExternalName service with a selector still gets no Endpoints
    await kit.setup('kubectl create service externalname web --external-name=example.com', 'kubectl run web --image=nginx -l app=web', 'sleep 10');
    expect((await kit.sh('kubectl get endpoints web')).stderr).toBe('Error from server (NotFound): endpoints "web" not found\n');
  });

  it("--from-env-file reads an env file as kubectl does (v1.32): leading blanks trimmed, values as written, bare keys from the environment, keys checked", async () => {
    const kit = newKit();
    await kit.setup("printf 'a=1\\n# comment\\n\\n  e=5 \\nd\\nHOME\\n' > ok.env", "printf 'a=1\\nb = two\\n' > bad.env");
    expect((await kit.sh('kubectl create configmap c --from-env-file=ok.env --dry-run=client -o yaml')).stdout).toBe(
      "apiVersion: v1\ndata:\n  HOME: /home/student\n  a: \"1\"\n  d: \"\"\n  e: '5 '\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c\n",
    );
    expect(await kit.sh('kubectl create secret generic s --from-env-file=bad.env --dry-run=client -o yaml')).toEqual({
      stdout: '',
      stderr:
        "error: \"b \" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n",
      exitCode: 1,
    });
  });

  it('service externalname checks its external name as a DNS subdomain (kubectl v1.32)', async () => {
    const kit = newKit();
    expect(await kit.sh('kubectl create service externalname web --external-name=bad_name --dry-run=client -o yaml')).toEqual({ stdout: '', stderr: 'error: invalid service external name bad_name\n', exitCode: 1 });
    expect((await kit.sh('kubectl create service externalname db --external-name=db.example.com --dry-run=client -o name')).stdout).toBe('service/db\n');
  });

  it('configmap and secret sources as the generators read them (every expected text from kubectl v1.32)', async () => {
    const kit = newKit();
    await kit.setup("mkdir -p conf/sub && printf 'x=1\\n' > conf/a.properties && printf 'y\\n' > conf/b.txt && printf z > conf/sub/c", "printf 'A=1\\n' > ok.env", "printf 'k=v\\n' > 'bad name.txt'", "printf 'server {}\\n' > nginx.conf");
    const err = async (line: string) => {
      const r = await kit.sh(`${line} --dry-run=client -o yaml`);
      expect(r.exitCode).toBe(1);
      return r.stderr;
    };
    const CONFIG_KEY = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
    // a directory: its regular files by name, what is below it left out
    expect((await kit.sh('kubectl create configmap c --from-file=conf --dry-run=client -o yaml')).stdout).toBe(
      'apiVersion: v1\ndata:\n  a.properties: |\n    x=1\n  b.txt: |\n    y\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c\n',
    );
    expect((await kit.sh('kubectl create secret generic s --from-file=conf --dry-run=client -o yaml')).stdout).toBe(
      'apiVersion: v1\ndata:\n  a.properties: eD0xCg==\n  b.txt: eQo=\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: s\n',
    );
    expect(await err('kubectl create configmap c --from-file=k=conf')).toBe('error: cannot give a key name for a directory path\n');
    // keys are config keys, said in each generator's words
    expect(await err("kubectl create configmap c --from-file='bad name.txt'")).toBe(`error: "bad name.txt" is not a valid key name for a ConfigMap: ${CONFIG_KEY}\n`);
    expect(await err('kubectl create configmap c --from-literal=..a/b=1')).toBe(`error: "..a/b" is not a valid key name for a ConfigMap: ${CONFIG_KEY},must not start with '..'\n`);
    expect(await err('kubectl create secret generic s --from-literal=..a/b=1')).toBe(`error: "..a/b" is not valid key name for a Secret ${CONFIG_KEY};must not start with '..'\n`);
    expect(await err('kubectl create secret generic s --from-literal=..=1')).toBe(`error: ".." is not valid key name for a Secret must not be '..'\n`);
    // a ConfigMap reads its files first, a Secret its literals
    expect(await err('kubectl create configmap c --from-literal=bad/key=1 --from-file=missing')).toBe('error: error reading missing: no such file or directory\n');
    expect(await err('kubectl create secret generic s --from-literal=bad/key=1 --from-file=missing')).toBe(`error: "bad/key" is not valid key name for a Secret ${CONFIG_KEY}\n`);
    // env files stand alone, checked before anything is read
    expect(await err('kubectl create configmap c --from-file=missing --from-env-file=ok.env')).toBe('error: from-env-file cannot be combined with from-file or from-literal\n');
    expect(await err('kubectl create secret generic s --from-env-file=ok.env --from-literal=a=b')).toBe('error: from-env-file cannot be combined with from-file or from-literal\n');
    expect(await err('kubectl create configmap c --from-env-file=ok.env --from-env-file=ok.env')).toBe('error: cannot add key "A", another key by that name already exists in Data for ConfigMap "c"\n');
    expect(await err('kubectl create secret generic s --from-env-file=ok.env --from-env-file=ok.env')).toBe('error: cannot add key A, another key by that name already exists\n');
  });

  it('-o json of what a generator made prints the Go struct order, maps sorted (kubectl v1.32 byte for byte)', async () => {
    const kit = newKit();
    expect((await kit.sh('kubectl create deployment web --image=nginx --replicas=3 --port=80 --dry-run=client -o json')).stdout).toBe("{\n    \"kind\": \"Deployment\",\n    \"apiVersion\": \"apps/v1\",\n    \"metadata\": {\n        \"name\": \"web\",\n        \"creationTimestamp\": null,\n        \"labels\": {\n            \"app\": \"web\"\n        }\n    },\n    \"spec\": {\n        \"replicas\": 3,\n        \"selector\": {\n            \"matchLabels\": {\n                \"app\": \"web\"\n            }\n        },\n        \"template\": {\n            \"metadata\": {\n                \"creationTimestamp\": null,\n                \"labels\": {\n                    \"app\": \"web\"\n                }\n            },\n            \"spec\": {\n                \"containers\": [\n                    {\n                        \"name\": \"nginx\",\n                        \"image\": \"nginx\",\n                        \"ports\": [\n                            {\n                                \"containerPort\": 80\n                            }\n                        ],\n                        \"resources\": {}\n                    }\n                ]\n            }\n        },\n        \"strategy\": {}\n    },\n    \"status\": {}\n}\n");
    expect((await kit.sh('kubectl create service nodeport web --tcp=80:8080 --dry-run=client -o json')).stdout).toBe("{\n    \"kind\": \"Service\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"name\": \"web\",\n        \"creationTimestamp\": null,\n        \"labels\": {\n            \"app\": \"web\"\n        }\n    },\n    \"spec\": {\n        \"ports\": [\n            {\n                \"name\": \"80-8080\",\n                \"protocol\": \"TCP\",\n                \"port\": 80,\n                \"targetPort\": 8080\n            }\n        ],\n        \"selector\": {\n            \"app\": \"web\"\n        },\n        \"type\": \"NodePort\"\n    },\n    \"status\": {\n        \"loadBalancer\": {}\n    }\n}\n");
    expect((await kit.sh('kubectl create configmap cfg --from-literal=b=2 --from-literal=a=1 --dry-run=client -o json')).stdout).toBe("{\n    \"kind\": \"ConfigMap\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"name\": \"cfg\",\n        \"creationTimestamp\": null\n    },\n    \"data\": {\n        \"a\": \"1\",\n        \"b\": \"2\"\n    }\n}\n");
    // what is read from the server is a map: sorted keys
    await kit.setup('kubectl create configmap cfg --from-literal=b=2');
    expect((await kit.sh('kubectl get configmap cfg -o json')).stdout.startsWith('{\n    "apiVersion": "v1",\n    "data": {')).toBe(true);
  });

  it('a generated object names its namespace only when -n did; --save-config records the Go value (kubectl v1.32)', async () => {
    const kit = newKit();
    await kit.setup('kubectl create namespace dev');
    expect((await kit.sh('kubectl create deployment web --image=nginx -n default --dry-run=client -o yaml')).stdout).toBe("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\n  namespace: default\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\nstatus: {}\n");
    expect((await kit.sh('kubectl create deployment web --image=nginx -n dev --save-config --dry-run=client -o yaml')).stdout).toBe("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {\"kind\":\"Deployment\",\"apiVersion\":\"apps/v1\",\"metadata\":{\"name\":\"web\",\"namespace\":\"dev\",\"creationTimestamp\":null,\"labels\":{\"app\":\"web\"}},\"spec\":{\"replicas\":1,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"creationTimestamp\":null,\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx\",\"resources\":{}}]}},\"strategy\":{}},\"status\":{}}\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\n  namespace: dev\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\nstatus: {}\n");
    // the service generators take --save-config and write nothing
    expect((await kit.sh('kubectl create service clusterip web --tcp=80 --save-config --dry-run=client -o yaml')).stdout).not.toContain('last-applied');
    // made for real, it can be applied over
    await kit.setup('kubectl create deployment api --image=nginx --save-config', 'kubectl create deployment api --image=nginx --replicas=2 --dry-run=client -o yaml > api.yaml');
    expect(await kit.sh('kubectl apply -f api.yaml')).toEqual({ stdout: 'deployment.apps/api configured\n', stderr: '', exitCode: 0 });
  });

  it('--append-hash names the object as kubectl does: a hash of kind, name and data (values from kubectl v1.32)', async () => {
    const kit = newKit();
    const name = async (line: string) => (await kit.sh(`${line} --append-hash --dry-run=client -o name`)).stdout;
    expect(await name('kubectl create configmap c --from-literal=k=v')).toBe('configmap/c-tgfmcfgbt5\n');
    expect(await name('kubectl create configmap c')).toBe('configmap/c-94b26g54cg\n');
    expect(await name("kubectl create configmap app-config --from-literal=greeting=hola --from-literal='b=<&>'")).toBe('configmap/app-config-49t8cbkmc8\n');
    expect(await name('kubectl create configmap c --from-literal=k=ñandú')).toBe('configmap/c-b97tctkghh\n');
    expect(await name('kubectl create secret generic s --from-literal=user=admin')).toBe('secret/s-6c4g765dmd\n');
    expect(await name('kubectl create secret generic s --from-literal=user=admin --type=kubernetes.io/basic-auth')).toBe('secret/s-hhd65b48b5\n');
    expect(await name('kubectl create secret generic s')).toBe('secret/s-6cmg28h685\n');
    expect(await name('kubectl create secret docker-registry reg --docker-username=u --docker-password=p')).toBe('secret/reg-cc65kb8ft7\n');
    await kit.setup('kubectl create configmap c --from-literal=k=v --append-hash');
    expect((await kit.sh('kubectl get configmap -o name')).stdout).toContain('configmap/c-tgfmcfgbt5\n');
  });
});
