// kubectl config, version, cluster-info and api-resources: exact output, and the kubeconfig
// edits that `set-context` and `use-context` write back to the host.

import { newKit } from './verb-test-kit';

describe('kubectl config', () => {
  it('shows the contexts and the current one', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config current-context')).toEqual({ stdout: 'kubernetes-admin@kubernetes\n', stderr: '', exitCode: 0 });
    expect((await k.sh('kubectl config get-contexts')).stdout).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n',
    );
  });

  it('view redacts the credentials', async () => {
    const k = newKit();
    expect((await k.sh('kubectl config view')).stdout).toBe(
      'apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA+OMITTED\n    server: https://192.168.56.10:6443\n  name: kubernetes\ncontexts:\n- context:\n    cluster: kubernetes\n    user: kubernetes-admin\n  name: kubernetes-admin@kubernetes\ncurrent-context: kubernetes-admin@kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: kubernetes-admin\n  user:\n    client-certificate-data: DATA+OMITTED\n    client-key-data: DATA+OMITTED\n',
    );
  });

  it('view --flatten embeds the files entries name (relative to the kubeconfig) and shows the data, as FlattenConfig does', async () => {
    const k = newKit();
    const admin = await k.sh("kubectl config view --raw -o jsonpath='{.users[0].user.client-key-data}'");
    expect(admin.stdout).toMatch(/^LS0t/);
    // the embedded credentials are shown, not DATA+OMITTED
    expect((await k.sh("kubectl config view --flatten -o jsonpath='{.users[0].user.client-key-data}'")).stdout).toBe(admin.stdout);
    await k.sh('kubectl config set-cluster other --server=https://1.2.3.4 --certificate-authority=ca.crt');
    await k.sh('kubectl config set-credentials bob --client-key=.kube/k.key');
    // users first, as FlattenConfig goes; a missing file stops the view with os.ReadFile's error
    expect(await k.sh('kubectl config view --flatten -o name')).toEqual({ stdout: '', stderr: 'error: open /home/student/.kube/k.key: no such file or directory\n', exitCode: 1 });
    await k.sh('touch .kube/k.key');
    expect(await k.sh('kubectl config view --flatten -o name')).toEqual({ stdout: '', stderr: 'error: open /home/student/ca.crt: no such file or directory\n', exitCode: 1 });
    await k.sh('echo hello > ca.crt');
    // the path gives way to the data; an empty file embeds nothing
    expect((await k.sh(`kubectl config view --flatten -o jsonpath='{.clusters[?(@.name=="other")]} {.users[?(@.name=="bob")]}'`)).stdout).toBe(
      '{"cluster":{"certificate-authority-data":"aGVsbG8K","server":"https://1.2.3.4"},"name":"other"} {"name":"bob","user":{}}',
    );
    // without --flatten the path stays, absolute
    expect((await k.sh(`kubectl config view -o jsonpath='{.clusters[?(@.name=="other")].cluster.certificate-authority}'`)).stdout).toBe('/home/student/ca.crt');
    await k.sh('mkdir d');
    await k.sh('kubectl config set-cluster dircase --certificate-authority=/home/student/d');
    expect((await k.sh('kubectl config view --flatten')).stderr).toBe('error: read /home/student/d: is a directory\n');
  });

  it("view prints with kubectl's object printers (jsonpath, go-template, name), never a table", async () => {
    const k = newKit();
    expect(await k.sh("kubectl config view -o jsonpath='{.users[*].name}'")).toEqual({ stdout: 'kubernetes-admin', stderr: '', exitCode: 0 });
    expect((await k.sh("kubectl config view --minify -o jsonpath='{.contexts[0].context.cluster}'")).stdout).toBe('kubernetes');
    expect((await k.sh("kubectl config view -o go-template='{{.kind}}'")).stdout).toBe('Config');
    expect((await k.sh('kubectl config view -o name')).stdout).toBe('config/<unknown>\n');
    // JSON in client-go's struct order (the YAML's keys are sorted): as kubectl v1.32 prints it
    expect((await k.sh('kubectl config set-context --current --namespace=dev')).exitCode).toBe(0);
    expect((await k.sh('kubectl config view -o json')).stdout).toBe(
      '{\n    "kind": "Config",\n    "apiVersion": "v1",\n    "preferences": {},\n    "clusters": [\n        {\n            "name": "kubernetes",\n            "cluster": {\n                "server": "https://192.168.56.10:6443",\n                "certificate-authority-data": "DATA+OMITTED"\n            }\n        }\n    ],\n    "users": [\n        {\n            "name": "kubernetes-admin",\n            "user": {\n                "client-certificate-data": "DATA+OMITTED",\n                "client-key-data": "DATA+OMITTED"\n            }\n        }\n    ],\n    "contexts": [\n        {\n            "name": "kubernetes-admin@kubernetes",\n            "context": {\n                "cluster": "kubernetes",\n                "user": "kubernetes-admin",\n                "namespace": "dev"\n            }\n        }\n    ],\n    "current-context": "kubernetes-admin@kubernetes"\n}\n',
    );
    expect(await k.sh('kubectl config view -o wide')).toEqual({
      stdout: '',
      stderr: 'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
      exitCode: 1,
    });
  });

  it('get-contexts prints the contexts it finds, then fails for the others (kubectl v1.32)', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config get-contexts nope')).toEqual({ stdout: 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n', stderr: 'error: context nope not found\n', exitCode: 1 });
    expect(await k.sh('kubectl config get-contexts nope kubernetes-admin@kubernetes other -o name')).toEqual({
      stdout: 'kubernetes-admin@kubernetes\n',
      stderr: 'context nope not found\ncontext other not found\n',
      exitCode: 1,
    });
    const use = await k.sh('kubectl config use-context');
    expect([use.stdout.startsWith('Set the current-context in a kubeconfig file.\n'), use.stderr, use.exitCode]).toEqual([true, 'error: Unexpected args: []\n', 1]);
  });

  it('set-context --current --namespace changes where kubectl looks', async () => {
    const k = newKit();
    await k.setup('kubectl create namespace dev', 'kubectl -n dev run web --image=nginx');
    expect(await k.sh('kubectl config set-context --current --namespace=dev')).toEqual({ stdout: 'Context "kubernetes-admin@kubernetes" modified.\n', stderr: '', exitCode: 0 });
    expect((await k.sh('kubectl get pods -o name')).stdout).toBe('pod/web\n');
    expect((await k.sh('kubectl config get-contexts --no-headers')).stdout).toBe('*     kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   dev\n');
    expect((await k.sh('grep namespace ~/.kube/config')).stdout).toBe('    namespace: dev\n');
  });

  it('each cluster reads its own kubeconfig when commands of several alternate', async () => {
    // the parse is remembered per host file system: another cluster's config must never leak in
    const a = newKit();
    const b = newKit();
    await a.setup('kubectl create namespace dev', 'kubectl -n dev run web --image=nginx');
    await b.setup('kubectl create namespace qa', 'kubectl -n qa run api --image=nginx');
    await a.sh('kubectl config set-context --current --namespace=dev');
    expect((await b.sh('kubectl get pods -o name')).stdout).toBe('');
    expect((await a.sh('kubectl get pods -o name')).stdout).toBe('pod/web\n');
    await b.sh('kubectl config set-context --current --namespace=qa');
    expect((await a.sh('kubectl get pods -o name')).stdout).toBe('pod/web\n');
    expect((await b.sh('kubectl get pods -o name')).stdout).toBe('pod/api\n');
    await a.sh('kubectl config set-context --current --namespace=default');
    expect((await a.sh('kubectl get pods -o name')).stdout).toBe('');
    expect((await b.sh('kubectl get pods -o name')).stdout).toBe('pod/api\n');
  });

  it('--context, --cluster and --user are checked as clientcmd checks them (texts from kubectl v1.32)', async () => {
    const k = newKit();
    const fails = async (line: string) => {
      const r = await k.sh(line);
      expect(r.exitCode).toBe(1);
      return r.stderr;
    };
    // without -n, the namespace lookup validates the merged config first
    expect(await fails('kubectl --context=nope get pods')).toBe('Error in configuration: context was not found for specified context: nope\n');
    expect(await fails('kubectl --context=nope --user=nope get pods')).toBe('Error in configuration: context was not found for specified context: nope\n');
    expect(await fails('kubectl --context=nope --cluster=nope get pods')).toBe('Error in configuration: \n* context was not found for specified context: nope\n* no server found for cluster "nope"\n');
    expect(await fails('kubectl --cluster=nope --user=nope get pods')).toBe('error: no server found for cluster "nope"\n');
    // with -n, the names are looked up in order: user, context, cluster
    expect(await fails('kubectl --context=nope -n default get pods')).toBe('error: context "nope" does not exist\n');
    expect(await fails('kubectl --cluster=nope -n default get pods')).toBe('error: cluster "nope" does not exist\n');
    expect(await fails('kubectl --user=nope get pods')).toBe('error: auth info "nope" does not exist\n');
    expect(await fails('kubectl --cluster=kubernetes --user=nope get pods')).toBe('error: auth info "nope" does not exist\n');
    // names that are there change nothing
    expect((await k.sh('kubectl --cluster=kubernetes --user=kubernetes-admin get ns default -o name')).stdout).toBe('namespace/default\n');
  });

  it('view --minify --context minifies around that context and shows it as the current one (kubectl v1.32)', async () => {
    const k = newKit();
    await k.sh('kubectl config set-cluster c2 --server=https://10.0.0.1:6443 --insecure-skip-tls-verify=true');
    await k.sh('kubectl config set-credentials bob --token=abc');
    await k.sh('kubectl config set-context ctx2 --cluster=c2 --user=bob --namespace=dev');
    expect((await k.sh('kubectl config view --minify --context=ctx2')).stdout).toBe(
      'apiVersion: v1\nclusters:\n- cluster:\n    insecure-skip-tls-verify: true\n    server: https://10.0.0.1:6443\n  name: c2\ncontexts:\n- context:\n    cluster: c2\n    namespace: dev\n    user: bob\n  name: ctx2\ncurrent-context: ctx2\nkind: Config\npreferences: {}\nusers:\n- name: bob\n  user:\n    token: REDACTED\n',
    );
    expect(await k.sh('kubectl config view --minify --context=nope')).toEqual({ stdout: '', stderr: 'error: cannot locate context nope\n', exitCode: 1 });
    // without --minify the file's current context is shown
    expect((await k.sh("kubectl config view --context=ctx2 -o jsonpath='{.current-context}'")).stdout).toBe('kubernetes-admin@kubernetes');
  });

  it('config commands read a --kubeconfig that is not there as empty; other commands fail on it', async () => {
    const k = newKit();
    expect((await k.sh('kubectl --kubeconfig=/nope config view')).stdout).toBe('apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n');
    expect(await k.sh('kubectl --kubeconfig=/nope config current-context')).toEqual({ stdout: '', stderr: 'error: current-context is not set\n', exitCode: 1 });
    expect(await k.sh('kubectl config view --kubeconfig=/nope --minify')).toEqual({ stdout: '', stderr: 'error: current-context must exist in order to minify\n', exitCode: 1 });
    expect(await k.sh('kubectl --kubeconfig=/nope get pods')).toEqual({ stdout: '', stderr: 'error: stat /nope: no such file or directory\n', exitCode: 1 });
  });

  it('use-context refuses an unknown context', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config use-context nope')).toEqual({ stdout: '', stderr: 'error: no context exists with the name: "nope"\n', exitCode: 1 });
  });

  it('without a kubeconfig, kubectl talks to localhost:8080 and is refused', async () => {
    const k = newKit();
    expect(await k.sh('ssh node1 kubectl get pods')).toEqual({
      stdout: '',
      stderr: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
      exitCode: 1,
    });
  });
});

describe('kubectl version, cluster-info, api-resources', () => {
  it('version', async () => {
    const k = newKit();
    expect((await k.sh('kubectl version')).stdout).toBe('Client Version: v1.32.5\nKustomize Version: v5.5.0\nServer Version: v1.32.5\n');
    expect((await k.sh('kubectl version --client')).stdout).toBe('Client Version: v1.32.5\nKustomize Version: v5.5.0\n');
  });

  it('cluster-info, plain off a TTY', async () => {
    const k = newKit();
    expect((await k.sh('kubectl cluster-info')).stdout).toBe(
      "Kubernetes control plane is running at https://192.168.56.10:6443\nCoreDNS is running at https://192.168.56.10:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });

  it('api-resources --categories keeps the resources in every category given', async () => {
    const kit = newKit();
    expect((await kit.sh("kubectl api-resources --categories=all --no-headers | awk '{print $1}'")).stdout).toBe('pods\nservices\ndaemonsets\ndeployments\nreplicasets\n');
    expect((await kit.sh('kubectl api-resources --categories=all,nope --no-headers')).stdout).toBe('');
  });

  it('api-resources lists short names and groups', async () => {
    const k = newKit();
    const out = (await k.sh('kubectl api-resources')).stdout.split('\n');
    expect(out[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
    expect(out).toContainEqual(expect.stringMatching(/^deployments +deploy +apps\/v1 +true +Deployment$/));
    expect(out).toContainEqual(expect.stringMatching(/^pods +po +v1 +true +Pod$/));
  });
});
