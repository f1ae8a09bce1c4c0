// kubectl config get-clusters, get-users, delete-cluster, delete-context, delete-user,
// rename-context, set, set-cluster, set-credentials and unset: exact transcripts, and the
// kubeconfig each leaves behind.
//
// Every expectation below was recorded from the real kubectl v1.32.5 binary, run with HOME set to
// a directory holding the sandbox's kubeconfig (cluster `kubernetes`, user `kubernetes-admin`,
// context `kubernetes-admin@kubernetes`) and the same command lines; only that directory's
// prefix was cut from the paths kubectl printed. Where kubectl prints its help before an error,
// the help's Usage section is compared; where it panics, the panic's first line (the rest is a Go
// stack trace); where it prints heap addresses, they are masked.

import { Kit, newKit } from './verb-test-kit';

/** kubectl's helpErrorf: the help on stdout, then the error */
async function helpAndError(k: Kit, line: string): Promise<{ usage: string; stderr: string; exitCode: number }> {
  const r = await k.sh(line);
  return { usage: r.stdout.slice(r.stdout.indexOf('Usage:\n')), stderr: r.stderr, exitCode: r.exitCode };
}

/** a Go panic: its first line */
async function firstLine(k: Kit, line: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const r = await k.sh(line);
  return { ...r, stderr: `${r.stderr.split('\n')[0]}\n` };
}

/** Go's %v of a map of pointers prints heap addresses */
async function withAddresses(k: Kit, line: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const r = await k.sh(line);
  return { ...r, stderr: r.stderr.replace(/0xc[0-9a-f]+/g, '0xADDR') };
}

describe('kubectl config: the kubeconfig edits', () => {
  it('get-clusters and get-users print a NAME table, sorted, ignoring arguments', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config get-clusters')).toEqual({ stdout: 'NAME\nkubernetes\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config get-users')).toEqual({ stdout: 'NAME\nkubernetes-admin\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config get-users extra args')).toEqual({ stdout: 'NAME\nkubernetes-admin\n', stderr: '', exitCode: 0 });
    await k.setup('kubectl config set-credentials zed');
    await k.setup('kubectl config set-credentials 10');
    await k.setup('kubectl config set-credentials alice');
    expect(await k.sh('kubectl config get-users')).toEqual({ stdout: 'NAME\n10\nalice\nkubernetes-admin\nzed\n', stderr: '', exitCode: 0 });
  });

  it('get-clusters has no printing flags', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config get-clusters -o name')).toEqual({ stdout: '', stderr: 'error: unknown shorthand flag: \'o\' in -o\nSee \'kubectl config get-clusters --help\' for usage.\n', exitCode: 1 });
    expect(await k.sh('kubectl config get-users --no-headers')).toEqual({ stdout: '', stderr: 'error: unknown flag: --no-headers\nSee \'kubectl config get-users --help\' for usage.\n', exitCode: 1 });
  });

  it('set-cluster creates a cluster: the whole file is rewritten in kubectl\'s v1 shape, sorted by name', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config set-cluster e2e --server=https://1.2.3.4 --tls-server-name=foo --proxy-url=http://p:3128')).toEqual({ stdout: 'Cluster "e2e" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('cat ~/.kube/config')).toEqual({ stdout: 'apiVersion: v1\nclusters:\n- cluster:\n    proxy-url: http://p:3128\n    server: https://1.2.3.4\n    tls-server-name: foo\n  name: e2e\n- cluster:\n    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJYWt1YmVhdWxhCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K\n    server: https://192.168.56.10:6443\n  name: kubernetes\ncontexts:\n- context:\n    cluster: kubernetes\n    user: kubernetes-admin\n  name: kubernetes-admin@kubernetes\ncurrent-context: kubernetes-admin@kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: kubernetes-admin\n  user:\n    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURLVENDQWhHZ0F3SUJBZ0lJYWRtaW4KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBa3ViZWF1bGEKLS0tLS1FTkQgUlNBIFBSSVZBVEUgS0VZLS0tLS0K\n', stderr: '', exitCode: 0 });
  });

  it('set-cluster with no flags writes an empty server; the same again changes nothing', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config set-cluster e2e')).toEqual({ stdout: 'Cluster "e2e" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set-cluster e2e')).toEqual({ stdout: 'Cluster "e2e" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('cat ~/.kube/config')).toEqual({ stdout: 'apiVersion: v1\nclusters:\n- cluster:\n    server: ""\n  name: e2e\n- cluster:\n    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJYWt1YmVhdWxhCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K\n    server: https://192.168.56.10:6443\n  name: kubernetes\ncontexts:\n- context:\n    cluster: kubernetes\n    user: kubernetes-admin\n  name: kubernetes-admin@kubernetes\ncurrent-context: kubernetes-admin@kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: kubernetes-admin\n  user:\n    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURLVENDQWhHZ0F3SUJBZ0lJYWRtaW4KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBa3ViZWF1bGEKLS0tLS1FTkQgUlNBIFBSSVZBVEUgS0VZLS0tLS0K\n', stderr: '', exitCode: 0 });
  });

  it('set-cluster --server drops the tls-server-name the entry had', async () => {
    const k = newKit();
    await k.setup('kubectl config set-cluster kubernetes --tls-server-name=api.local');
    expect(await k.sh('kubectl config set-cluster kubernetes --server=https://10.0.0.1:6443')).toEqual({ stdout: 'Cluster "kubernetes" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('grep -A3 -- \'- cluster:\' ~/.kube/config')).toEqual({ stdout: '- cluster:\n    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJYWt1YmVhdWxhCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K\n    server: https://10.0.0.1:6443\n  name: kubernetes\n', stderr: '', exitCode: 0 });
  });

  it('set-cluster --insecure-skip-tls-verify drops the certificate authority', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config set-cluster kubernetes --insecure-skip-tls-verify')).toEqual({ stdout: 'Cluster "kubernetes" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('grep -B1 -A2 \'insecure\' ~/.kube/config')).toEqual({ stdout: '- cluster:\n    insecure-skip-tls-verify: true\n    server: https://192.168.56.10:6443\n  name: kubernetes\n', stderr: '', exitCode: 0 });
  });

  it('set-cluster refuses what kubectl refuses', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config set-cluster ""')).toEqual({ stdout: '', stderr: 'error: you must specify a non-empty cluster name\n', exitCode: 1 });
    expect(await k.sh('kubectl config set-cluster kubernetes --insecure-skip-tls-verify --certificate-authority=/x')).toEqual({ stdout: '', stderr: 'error: you cannot specify a certificate authority and insecure mode at the same time\n', exitCode: 1 });
    expect(await k.sh('kubectl config set-cluster kubernetes --embed-certs')).toEqual({ stdout: '', stderr: 'error: you must specify a --certificate-authority to embed\n', exitCode: 1 });
    expect(await k.sh('kubectl config set-cluster kubernetes --certificate-authority=/tmp/nope.crt --embed-certs')).toEqual({ stdout: '', stderr: 'error: could not stat certificate-authority file /tmp/nope.crt: stat /tmp/nope.crt: no such file or directory\n', exitCode: 1 });
    expect(await helpAndError(k, 'kubectl config set-cluster')).toEqual({ usage: 'Usage:\n  kubectl config set-cluster NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n', stderr: 'error: Unexpected args: []\n', exitCode: 1 });
    expect(await helpAndError(k, 'kubectl config set-cluster a b')).toEqual({ usage: 'Usage:\n  kubectl config set-cluster NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n', stderr: 'error: Unexpected args: [a b]\n', exitCode: 1 });
  });

  it('set-cluster --certificate-authority: a path under the kubeconfig\'s directory is written relative to it, --embed-certs embeds the file', async () => {
    const k = newKit();
    await k.setup('printf \'CA-DATA\\n\' > ca.crt');
    await k.setup('mkdir -p .kube/pki');
    await k.setup('printf \'CA-DATA\\n\' > .kube/pki/ca.crt');
    expect(await k.sh('kubectl config set-cluster kubernetes --certificate-authority=.kube/pki/ca.crt')).toEqual({ stdout: 'Cluster "kubernetes" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set-cluster outside --certificate-authority=ca.crt')).toEqual({ stdout: 'Cluster "outside" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set-cluster embedded --certificate-authority=ca.crt --embed-certs')).toEqual({ stdout: 'Cluster "embedded" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('cat ~/.kube/config')).toEqual({ stdout: 'apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: Q0EtREFUQQo=\n    server: ""\n  name: embedded\n- cluster:\n    certificate-authority: pki/ca.crt\n    server: https://192.168.56.10:6443\n  name: kubernetes\n- cluster:\n    certificate-authority: /home/student/ca.crt\n    server: ""\n  name: outside\ncontexts:\n- context:\n    cluster: kubernetes\n    user: kubernetes-admin\n  name: kubernetes-admin@kubernetes\ncurrent-context: kubernetes-admin@kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: kubernetes-admin\n  user:\n    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURLVENDQWhHZ0F3SUJBZ0lJYWRtaW4KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBa3ViZWF1bGEKLS0tLS1FTkQgUlNBIFBSSVZBVEUgS0VZLS0tLS0K\n', stderr: '', exitCode: 0 });
  });

  it('set-credentials: token and basic auth exclude each other, setting one clears the other', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config set-credentials bob --token=t --username=u')).toEqual({ stdout: '', stderr: 'error: you cannot specify more than one authentication method at the same time: --token, --username/--password\n', exitCode: 1 });
    expect(await k.sh('kubectl config set-credentials bob --username=u --password=p')).toEqual({ stdout: 'User "bob" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set-credentials bob --token=secret')).toEqual({ stdout: 'User "bob" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set-credentials carol')).toEqual({ stdout: 'User "carol" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set-credentials ""')).toEqual({ stdout: '', stderr: 'error: you must specify a non-empty user name\n', exitCode: 1 });
    expect(await k.sh('cat ~/.kube/config')).toEqual({ stdout: 'apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJYWt1YmVhdWxhCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K\n    server: https://192.168.56.10:6443\n  name: kubernetes\ncontexts:\n- context:\n    cluster: kubernetes\n    user: kubernetes-admin\n  name: kubernetes-admin@kubernetes\ncurrent-context: kubernetes-admin@kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: bob\n  user:\n    token: secret\n- name: carol\n  user: {}\n- name: kubernetes-admin\n  user:\n    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURLVENDQWhHZ0F3SUJBZ0lJYWRtaW4KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBa3ViZWF1bGEKLS0tLS1FTkQgUlNBIFBSSVZBVEUgS0VZLS0tLS0K\n', stderr: '', exitCode: 0 });
    expect(await helpAndError(k, 'kubectl config set-credentials')).toEqual({ usage: 'Usage:\n  kubectl config set-credentials NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password] [--auth-provider=provider_name] [--auth-provider-arg=key=value] [--exec-command=exec_command] [--exec-api-version=exec_api_version] [--exec-arg=arg] [--exec-env=key=value] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n', stderr: 'error: unexpected args: []\n', exitCode: 1 });
  });

  it('set-credentials with client certificate files, as paths or embedded', async () => {
    const k = newKit();
    await k.setup('printf \'CERT\\n\' > c.crt');
    await k.setup('printf \'KEY\\n\' > .kube/k.key');
    expect(await k.sh('kubectl config set-credentials kubernetes-admin --client-certificate=c.crt --client-key=.kube/k.key')).toEqual({ stdout: 'User "kubernetes-admin" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('grep -A3 \'name: kubernetes-admin$\' ~/.kube/config')).toEqual({ stdout: '- name: kubernetes-admin\n  user:\n    client-certificate: /home/student/c.crt\n    client-key: k.key\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set-credentials kubernetes-admin --client-certificate=c.crt --client-key=.kube/k.key --embed-certs')).toEqual({ stdout: 'User "kubernetes-admin" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('grep -A3 \'name: kubernetes-admin$\' ~/.kube/config')).toEqual({ stdout: '- name: kubernetes-admin\n  user:\n    client-certificate-data: Q0VSVAo=\n    client-key-data: S0VZCg==\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set-credentials kubernetes-admin --embed-certs')).toEqual({ stdout: '', stderr: 'error: you must specify a --client-certificate or --client-key to embed\n', exitCode: 1 });
    expect(await k.sh('kubectl config set-credentials kubernetes-admin --client-key=/nope --embed-certs')).toEqual({ stdout: '', stderr: 'error: could not stat client-key file /nope: stat /nope: no such file or directory\n', exitCode: 1 });
  });

  it('set-credentials auth providers: the config map is always written, args are key=value or key-', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config set-credentials bob --auth-provider=oidc --auth-provider-arg=client-id=foo,client-secret=bar --auth-provider-arg=x=y')).toEqual({ stdout: 'User "bob" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set-credentials bob --auth-provider-arg=client-secret-')).toEqual({ stdout: 'User "bob" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set-credentials kubernetes-admin --auth-provider=gcp')).toEqual({ stdout: 'User "kubernetes-admin" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('cat ~/.kube/config')).toEqual({ stdout: 'apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJYWt1YmVhdWxhCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K\n    server: https://192.168.56.10:6443\n  name: kubernetes\ncontexts:\n- context:\n    cluster: kubernetes\n    user: kubernetes-admin\n  name: kubernetes-admin@kubernetes\ncurrent-context: kubernetes-admin@kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: bob\n  user:\n    auth-provider:\n      config:\n        client-id: foo\n        x: "y"\n      name: oidc\n- name: kubernetes-admin\n  user:\n    auth-provider:\n      config: {}\n      name: gcp\n    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURLVENDQWhHZ0F3SUJBZ0lJYWRtaW4KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBa3ViZWF1bGEKLS0tLS1FTkQgUlNBIFBSSVZBVEUgS0VZLS0tLS0K\n', stderr: '', exitCode: 0 });
    expect(await helpAndError(k, 'kubectl config set-credentials bob --auth-provider=oidc --auth-provider-arg=bad,worse')).toEqual({ usage: 'Usage:\n  kubectl config set-credentials NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password] [--auth-provider=provider_name] [--auth-provider-arg=key=value] [--exec-command=exec_command] [--exec-api-version=exec_api_version] [--exec-arg=arg] [--exec-env=key=value] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n', stderr: 'error: invalid auth-provider-arg format: bad, worse\n', exitCode: 1 });
  });

  it('set-credentials exec plugins: args and env are written even when null, the v1beta1 default interactive mode appears on the next write', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config set-credentials bob --exec-command=/usr/bin/x --exec-api-version=client.authentication.k8s.io/v1beta1 --exec-arg=a,b --exec-arg c --exec-env=K=V')).toEqual({ stdout: 'User "bob" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('grep -A12 \'name: bob\' ~/.kube/config')).toEqual({ stdout: '- name: bob\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      args:\n      - a\n      - b\n      - c\n      command: /usr/bin/x\n      env:\n      - name: K\n        value: V\n      provideClusterInfo: false\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set-credentials bob --exec-command=kubelogin --exec-env=K- --exec-provide-cluster-info')).toEqual({ stdout: 'User "bob" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('grep -A12 \'name: bob\' ~/.kube/config')).toEqual({ stdout: '- name: bob\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      args: null\n      command: kubelogin\n      env: []\n      interactiveMode: IfAvailable\n      provideClusterInfo: true\n- name: kubernetes-admin\n  user:\n    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURLVENDQWhHZ0F3SUJBZ0lJYWRtaW4KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBa3ViZWF1bGEKLS0tLS1FTkQgUlNBIFBSSVZBVEUgS0VZLS0tLS0K\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set-credentials eve --exec-interactive-mode=Never')).toEqual({ stdout: 'User "eve" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set-credentials eve --exec-interactive-mode=never')).toEqual({ stdout: '', stderr: 'error: invalid interactive mode type, can be only IfAvailable, Never, Always\n', exitCode: 1 });
    expect(await helpAndError(k, 'kubectl config set-credentials bob --exec-env=bad')).toEqual({ usage: 'Usage:\n  kubectl config set-credentials NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password] [--auth-provider=provider_name] [--auth-provider-arg=key=value] [--exec-command=exec_command] [--exec-api-version=exec_api_version] [--exec-arg=arg] [--exec-env=key=value] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n', stderr: 'error: invalid exec-env format: bad\n', exitCode: 1 });
  });

  it('set writes a field, creating the entry it names (map keys may hold dots)', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config set contexts.dev.namespace dev')).toEqual({ stdout: 'Property "contexts.dev.namespace" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set clusters.10.0.0.1.server https://10.0.0.1:6443')).toEqual({ stdout: 'Property "clusters.10.0.0.1.server" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set clusters.kubernetes.insecure-skip-tls-verify true')).toEqual({ stdout: 'Property "clusters.kubernetes.insecure-skip-tls-verify" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set users.kubernetes-admin.act-as bob')).toEqual({ stdout: 'Property "users.kubernetes-admin.act-as" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set preferences.colors true')).toEqual({ stdout: 'Property "preferences.colors" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set kind Ignored')).toEqual({ stdout: 'Property "kind" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('cat ~/.kube/config')).toEqual({ stdout: 'apiVersion: v1\nclusters:\n- cluster:\n    server: https://10.0.0.1:6443\n  name: 10.0.0.1\n- cluster:\n    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJYWt1YmVhdWxhCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K\n    insecure-skip-tls-verify: true\n    server: https://192.168.56.10:6443\n  name: kubernetes\ncontexts:\n- context:\n    cluster: ""\n    namespace: dev\n    user: ""\n  name: dev\n- context:\n    cluster: kubernetes\n    user: kubernetes-admin\n  name: kubernetes-admin@kubernetes\ncurrent-context: kubernetes-admin@kubernetes\nkind: Config\npreferences:\n  colors: true\nusers:\n- name: kubernetes-admin\n  user:\n    as: bob\n    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURLVENDQWhHZ0F3SUJBZ0lJYWRtaW4KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBa3ViZWF1bGEKLS0tLS1FTkQgUlNBIFBSSVZBVEUgS0VZLS0tLS0K\n', stderr: '', exitCode: 0 });
  });

  it('set refuses paths that do not lead to a value', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config set foo bar')).toEqual({ stdout: '', stderr: 'error: unable to parse foo after [] at api.Config\n', exitCode: 1 });
    expect(await k.sh('kubectl config set preferences.foo v')).toEqual({ stdout: '', stderr: 'error: unable to parse preferences.foo after [{preferences 0x2038880}] at api.Preferences\n', exitCode: 1 });
    expect(await k.sh('kubectl config set clusters.kubernetes.server.x v')).toEqual({ stdout: '', stderr: 'error: unable to parse one or more field values of clusters.kubernetes.server.x\n', exitCode: 1 });
    expect(await k.sh('kubectl config set users.kubernetes-admin.auth-provider.name gcp')).toEqual({ stdout: '', stderr: 'error: unable to parse one or more field values of users.kubernetes-admin.auth-provider.name\n', exitCode: 1 });
    expect(await k.sh('kubectl config set users.kubernetes-admin.act-as-groups bob')).toEqual({ stdout: '', stderr: 'error: unrecognized slice type. string\n', exitCode: 1 });
    expect(await k.sh('kubectl config set users.kubernetes-admin.act-as-user-extra.foo v')).toEqual({ stdout: '', stderr: 'error: string is not of type struct\n', exitCode: 1 });
    expect(await k.sh('kubectl config set preferences v')).toEqual({ stdout: '', stderr: 'error: unable to locate path config.navigationStep{stepValue:"", stepType:reflect.Type(nil)} under {false map[]}\n', exitCode: 1 });
    expect(await withAddresses(k, 'kubectl config set clusters.kubernetes x')).toEqual({ stdout: '', stderr: 'error: can\'t set a map to a value: map[kubernetes:0xADDR]\n', exitCode: 1 });
    expect(await firstLine(k, 'kubectl config set extensions.foo bar')).toEqual({ stdout: '', stderr: 'panic: reflect: Elem of invalid type runtime.Object\n', exitCode: 2 });
    expect(await firstLine(k, 'kubectl config set users.kubernetes-admin.exec v')).toEqual({ stdout: '', stderr: 'panic: unrecognized type: <nil>\n', exitCode: 2 });
  });

  it('set checks its values: base64 for data fields (unless --set-raw-bytes), booleans as Go parses them', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config set clusters.kubernetes.certificate-authority-data notb64')).toEqual({ stdout: '', stderr: 'error: error decoding input value: illegal base64 data at input byte 4\n', exitCode: 1 });
    expect(await k.sh('kubectl config set clusters.kubernetes.certificate-authority-data aGVsbG8')).toEqual({ stdout: '', stderr: 'error: error decoding input value: illegal base64 data at input byte 4\n', exitCode: 1 });
    expect(await k.sh('kubectl config set clusters.kubernetes.certificate-authority-data aGVsbA==x')).toEqual({ stdout: '', stderr: 'error: error decoding input value: illegal base64 data at input byte 8\n', exitCode: 1 });
    expect(await k.sh('kubectl config set clusters.kubernetes.insecure-skip-tls-verify yes')).toEqual({ stdout: '', stderr: 'error: strconv.ParseBool: parsing "yes": invalid syntax\n', exitCode: 1 });
    expect(await k.sh('kubectl config set current-context ""')).toEqual({ stdout: '', stderr: 'error: you cannot use set to unset a property\n', exitCode: 1 });
    expect(await k.sh('kubectl config set "" x')).toEqual({ stdout: '', stderr: 'error: you must specify a property\n', exitCode: 1 });
    expect(await k.sh('kubectl config set clusters.kubernetes.certificate-authority-data aGVsbG8=')).toEqual({ stdout: 'Property "clusters.kubernetes.certificate-authority-data" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config set users.kubernetes-admin.client-key-data hello --set-raw-bytes')).toEqual({ stdout: 'Property "users.kubernetes-admin.client-key-data" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('grep data ~/.kube/config')).toEqual({ stdout: '    certificate-authority-data: aGVsbG8=\n    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURLVENDQWhHZ0F3SUJBZ0lJYWRtaW4KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n    client-key-data: aGVsbG8=\n', stderr: '', exitCode: 0 });
    expect(await helpAndError(k, 'kubectl config set a')).toEqual({ usage: 'Usage:\n  kubectl config set PROPERTY_NAME PROPERTY_VALUE [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n', stderr: 'error: Unexpected args: [a]\n', exitCode: 1 });
    expect(await helpAndError(k, 'kubectl config set a b c')).toEqual({ usage: 'Usage:\n  kubectl config set PROPERTY_NAME PROPERTY_VALUE [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n', stderr: 'error: Unexpected args: [a b c]\n', exitCode: 1 });
  });

  it('unset clears a field, drops an entry or a whole list', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config unset current-context')).toEqual({ stdout: 'Property "current-context" unset.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config unset clusters.kubernetes.server')).toEqual({ stdout: 'Property "clusters.kubernetes.server" unset.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config unset users.kubernetes-admin.client-key-data')).toEqual({ stdout: 'Property "users.kubernetes-admin.client-key-data" unset.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config unset users.nobody')).toEqual({ stdout: 'Property "users.nobody" unset.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config unset contexts')).toEqual({ stdout: 'Property "contexts" unset.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('cat ~/.kube/config')).toEqual({ stdout: 'apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJYWt1YmVhdWxhCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K\n    server: ""\n  name: kubernetes\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers:\n- name: kubernetes-admin\n  user:\n    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURLVENDQWhHZ0F3SUJBZ0lJYWRtaW4KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n', stderr: '', exitCode: 0 });
  });

  it('unset refuses a missing entry on the way', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config unset contexts.nope.namespace')).toEqual({ stdout: '', stderr: 'error: current map key `nope` is invalid\n', exitCode: 1 });
    expect(await k.sh('kubectl config unset foo')).toEqual({ stdout: '', stderr: 'error: unable to parse foo after [] at api.Config\n', exitCode: 1 });
    expect(await k.sh('kubectl config unset ""')).toEqual({ stdout: '', stderr: 'error: you must specify a property\n', exitCode: 1 });
    expect(await helpAndError(k, 'kubectl config unset')).toEqual({ usage: 'Usage:\n  kubectl config unset PROPERTY_NAME [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n', stderr: 'error: Unexpected args: []\n', exitCode: 1 });
  });

  it('delete-context of the current context warns, and an empty list is written as null', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config delete-context kubernetes-admin@kubernetes')).toEqual({ stdout: 'deleted context kubernetes-admin@kubernetes from /home/student/.kube/config\n', stderr: 'warning: this removed your active context, use "kubectl config use-context" to select a different one\n', exitCode: 0 });
    expect(await k.sh('kubectl config delete-context kubernetes-admin@kubernetes')).toEqual({ stdout: '', stderr: 'error: cannot delete context kubernetes-admin@kubernetes, not in /home/student/.kube/config\n', exitCode: 1 });
    expect(await k.sh('kubectl config current-context')).toEqual({ stdout: 'kubernetes-admin@kubernetes\n', stderr: '', exitCode: 0 });
    expect(await k.sh('cat ~/.kube/config')).toEqual({ stdout: 'apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJYWt1YmVhdWxhCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K\n    server: https://192.168.56.10:6443\n  name: kubernetes\ncontexts: null\ncurrent-context: kubernetes-admin@kubernetes\nkind: Config\npreferences: {}\nusers:\n- name: kubernetes-admin\n  user:\n    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURLVENDQWhHZ0F3SUJBZ0lJYWRtaW4KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBa3ViZWF1bGEKLS0tLS1FTkQgUlNBIFBSSVZBVEUgS0VZLS0tLS0K\n', stderr: '', exitCode: 0 });
  });

  it('delete-cluster and delete-user', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config delete-cluster kubernetes')).toEqual({ stdout: 'deleted cluster kubernetes from /home/student/.kube/config\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config delete-cluster kubernetes')).toEqual({ stdout: '', stderr: 'error: cannot delete cluster kubernetes, not in /home/student/.kube/config\n', exitCode: 1 });
    expect(await k.sh('kubectl config delete-user kubernetes-admin')).toEqual({ stdout: 'deleted user kubernetes-admin from /home/student/.kube/config\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config delete-user kubernetes-admin')).toEqual({ stdout: '', stderr: 'error: cannot delete user kubernetes-admin, not in /home/student/.kube/config\n', exitCode: 1 });
    expect(await k.sh('kubectl config delete-user')).toEqual({ stdout: '', stderr: 'error: user to delete is required\nSee \'kubectl config delete-user -h\' for help and examples\n', exitCode: 1 });
    expect(await k.sh('kubectl config get-clusters')).toEqual({ stdout: 'NAME\n', stderr: '', exitCode: 0 });
    expect(await k.sh('grep -E \'^(clusters|users)\' ~/.kube/config')).toEqual({ stdout: 'clusters: null\nusers: null\n', stderr: '', exitCode: 0 });
  });

  it('delete-context and delete-cluster without one name print their help and succeed', async () => {
    const k = newKit();
    expect(await helpAndError(k, 'kubectl config delete-context')).toEqual({ usage: 'Usage:\n  kubectl config delete-context NAME [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n', stderr: '', exitCode: 0 });
    expect(await helpAndError(k, 'kubectl config delete-cluster a b')).toEqual({ usage: 'Usage:\n  kubectl config delete-cluster NAME [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n', stderr: '', exitCode: 0 });
  });

  it('rename-context renames the current context too', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config rename-context kubernetes-admin@kubernetes admin')).toEqual({ stdout: 'Context "kubernetes-admin@kubernetes" renamed to "admin".\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config current-context')).toEqual({ stdout: 'admin\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config get-contexts')).toEqual({ stdout: 'CURRENT   NAME    CLUSTER      AUTHINFO           NAMESPACE\n*         admin   kubernetes   kubernetes-admin   \n', stderr: '', exitCode: 0 });
  });

  it('rename-context refuses unknown and taken names', async () => {
    const k = newKit();
    await k.setup('kubectl config set-context other --cluster=kubernetes');
    expect(await k.sh('kubectl config rename-context nope x')).toEqual({ stdout: '', stderr: 'error: cannot rename the context "nope", it\'s not in /home/student/.kube/config\n', exitCode: 1 });
    expect(await k.sh('kubectl config rename-context other kubernetes-admin@kubernetes')).toEqual({ stdout: '', stderr: 'error: cannot rename the context "other", the context "kubernetes-admin@kubernetes" already exists in /home/student/.kube/config\n', exitCode: 1 });
    expect(await k.sh('kubectl config rename-context other ""')).toEqual({ stdout: '', stderr: 'error: You must specify a new non-empty context name\n', exitCode: 1 });
    expect(await helpAndError(k, 'kubectl config rename-context other')).toEqual({ usage: 'Usage:\n  kubectl config rename-context CONTEXT_NAME NEW_NAME [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n', stderr: 'error: Unexpected args: [other]\n', exitCode: 1 });
  });

  it('without a kubeconfig, the first edit creates it (0600)', async () => {
    const k = newKit();
    await k.setup('rm ~/.kube/config');
    expect(await k.sh('kubectl config get-clusters')).toEqual({ stdout: 'NAME\n', stderr: '', exitCode: 0 });
    expect(await k.sh('kubectl config delete-context x')).toEqual({ stdout: '', stderr: 'error: cannot delete context x, not in /home/student/.kube/config\n', exitCode: 1 });
    expect(await k.sh('kubectl config rename-context a b')).toEqual({ stdout: '', stderr: 'error: cannot rename the context "a", it\'s not in /home/student/.kube/config\n', exitCode: 1 });
    expect(await k.sh('kubectl config set-cluster c1 --server=https://s')).toEqual({ stdout: 'Cluster "c1" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('cat ~/.kube/config')).toEqual({ stdout: 'apiVersion: v1\nclusters:\n- cluster:\n    server: https://s\n  name: c1\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n', stderr: '', exitCode: 0 });
    expect(await k.sh('ls -l ~/.kube/config | cut -c1-10')).toEqual({ stdout: '-rw-------\n', stderr: '', exitCode: 0 });
  });

  it('--kubeconfig and $KUBECONFIG name the file written, even one that does not exist yet', async () => {
    const k = newKit();
    expect(await k.sh('kubectl --kubeconfig=other config set-credentials bob --token=t')).toEqual({ stdout: 'User "bob" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('cat other')).toEqual({ stdout: 'apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers:\n- name: bob\n  user:\n    token: t\n', stderr: '', exitCode: 0 });
    expect(await k.sh('KUBECONFIG=k3 kubectl config set-cluster x')).toEqual({ stdout: 'Cluster "x" set.\n', stderr: '', exitCode: 0 });
    expect(await k.sh('KUBECONFIG=k3 kubectl config delete-cluster x')).toEqual({ stdout: 'deleted cluster x from k3\n', stderr: '', exitCode: 0 });
  });

});

describe('kubectl config set-context and use-context on the same model', () => {
  it("answers kubectl's errors for a missing or doubled name", async () => {
    const k = newKit();
    expect(await k.sh('kubectl config set-context')).toEqual({ stdout: '', stderr: 'error: you must specify a non-empty context name or --current\n', exitCode: 1 });
    expect(await k.sh('kubectl config set-context x --current')).toEqual({ stdout: '', stderr: 'error: you cannot specify both a context name and --current\n', exitCode: 1 });
    expect(await k.sh('kubectl config use-context zz')).toEqual({ stdout: '', stderr: 'error: no context exists with the name: "zz"\n', exitCode: 1 });
  });

  it('writes a new context in the v1 shape, contexts sorted', async () => {
    const k = newKit();
    expect(await k.sh('kubectl config set-context newctx --cluster=kubernetes --user=u')).toEqual({ stdout: 'Context "newctx" created.\n', stderr: '', exitCode: 0 });
    expect((await k.sh("sed -n '/^contexts:/,/^current-context/p' ~/.kube/config")).stdout).toBe(
      'contexts:\n- context:\n    cluster: kubernetes\n    user: kubernetes-admin\n  name: kubernetes-admin@kubernetes\n- context:\n    cluster: kubernetes\n    user: u\n  name: newctx\ncurrent-context: kubernetes-admin@kubernetes\n',
    );
    expect(await k.sh('kubectl config use-context newctx')).toEqual({ stdout: 'Switched to context "newctx".\n', stderr: '', exitCode: 0 });
  });

  it('creates the file $KUBECONFIG names when it is not there', async () => {
    const k = newKit();
    expect(await k.sh('KUBECONFIG=/tmp/new kubectl config set-context --current --namespace=x')).toEqual({ stdout: '', stderr: 'error: no current context is set\n', exitCode: 1 });
    expect(await k.sh('KUBECONFIG=/tmp/new kubectl config set-context a --namespace=x')).toEqual({ stdout: 'Context "a" created.\n', stderr: '', exitCode: 0 });
    expect((await k.sh('cat /tmp/new')).stdout).toBe(
      'apiVersion: v1\nclusters: null\ncontexts:\n- context:\n    cluster: ""\n    namespace: x\n    user: ""\n  name: a\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n',
    );
  });
});
