import { Sandbox } from '../sandbox';
import type { ShellSession } from '../shell/types';
import type { Node, Pod } from '../api/types';
import { aptSize } from './apt-sources';
import { parseKubeadmConfig } from './kubeadm/init-config';

const T0 = Date.UTC(2026, 0, 1);

async function rig(shape: 'bare' | 'kubeadm' = 'bare') {
  const sb = Sandbox.create({ seed: 1, start: T0, shape });
  let session: ShellSession = sb.newSession();
  const run = async (line: string) => {
    const r = await sb.run(session, line);
    session = r.session;
    return r.result;
  };
  return { sb, run };
}

/** the commands that take a bare host to a ready kubeadm node */
const PREPARE = [
  'curl -fsSL https://pkgs.k8s.io/core:/stable:/v1.32/deb/Release.key | sudo gpg --dearmor -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg',
  "echo 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.32/deb/ /' | sudo tee /etc/apt/sources.list.d/kubernetes.list >/dev/null",
  'sudo apt-get update >/dev/null',
  'sudo apt-get install -y kubelet kubeadm kubectl >/dev/null',
  'sudo swapoff -a',
  'sudo sysctl -w net.ipv4.ip_forward=1 >/dev/null',
];

describe('a bare host', () => {
  test.each([
    ['kubeadm version', '', 'bash: kubeadm: command not found\n', 127],
    ['sudo kubeadm init', '', 'sudo: kubeadm: command not found\n', 1],
    ['kubectl version --client', '', 'bash: kubectl: command not found\n', 127],
    ['swapon --show', 'NAME      TYPE SIZE USED PRIO\n/swap.img file   2G   0B   -2\n', '', 0],
    ['sysctl net.ipv4.ip_forward', 'net.ipv4.ip_forward = 0\n', '', 0],
    ['systemctl is-active containerd', 'active\n', '', 0],
  ])('%s', async (line, stdout, stderr, code) => {
    const { run } = await rig();
    expect(await run(line)).toEqual({ stdout, stderr, exitCode: code });
  });

  test('the kubeadm shape has everything installed', async () => {
    const { run } = await rig('kubeadm');
    expect((await run('kubeadm version -o short')).stdout).toBe('v1.32.5\n');
    expect((await run('sudo apt-mark showhold')).stdout).toBe('kubeadm\nkubectl\nkubelet\n');
  });
});

describe('apt', () => {
  test('without root: the lock errors', async () => {
    const { run } = await rig();
    expect(await run('apt-get install -y kubeadm')).toEqual({
      stdout: '',
      stderr: 'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n',
      exitCode: 100,
    });
  });

  test('a source without its keyring: NO_PUBKEY and an unsigned repository', async () => {
    const { run } = await rig();
    await run("echo 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.32/deb/ /' | sudo tee /etc/apt/sources.list.d/kubernetes.list");
    const r = await run('sudo apt-get update');
    expect(r.exitCode).toBe(100);
    expect(r.stderr).toContain("E: The repository 'https://pkgs.k8s.io/core:/stable:/v1.32/deb  InRelease' is not signed.\n");
    expect(r.stdout).toContain('NO_PUBKEY 234654DA9A296436');
    expect((await run('sudo apt-get install -y kubeadm')).stderr).toBe('E: Unable to locate package kubeadm\n');
  });

  test('installed packages become commands; apt-mark hold', async () => {
    const { run } = await rig();
    for (const l of PREPARE.slice(0, 4)) expect((await run(l)).exitCode).toBe(0);
    expect((await run('kubeadm version -o short')).stdout).toBe('v1.32.5\n');
    expect((await run('sudo apt-mark hold kubelet kubeadm kubectl')).stdout).toBe('kubelet set on hold.\nkubeadm set on hold.\nkubectl set on hold.\n');
    expect((await run('sudo apt-get install -y kubectl')).stdout).toContain('kubectl is already the newest version (1.32.5-1.1).\n');
  });

  test.each([
    [1186, '1186 B'],
    [37_934, '37.9 kB'],
    [126_000, '126 kB'],
    [16_276_680, '16.3 MB'],
  ])('apt size %d is %s', (n, s) => expect(aptSize(n)).toBe(s));
});

describe('kubeadm', () => {
  test('preflight: not root, then ip_forward and swap', async () => {
    const { run } = await rig();
    for (const l of PREPARE.slice(0, 4)) await run(l);
    expect(await run('kubeadm init')).toEqual({
      stdout: '[init] Using Kubernetes version: v1.32.5\n[preflight] Running pre-flight checks\n',
      stderr:
        'error execution phase preflight: [preflight] Some fatal errors occurred:\n\t[ERROR IsPrivilegedUser]: user is not running as root\n' +
        '[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`\nTo see the stack trace of this error execute with --v=5 or higher\n',
      exitCode: 1,
    });
    const r = await run('sudo kubeadm init');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('\t[WARNING Swap]: swap is supported for cgroup v2 only.');
    expect(r.stderr).toContain('\t[ERROR FileContent--proc-sys-net-ipv4-ip_forward]: /proc/sys/net/ipv4/ip_forward contents are not set to 1\n');
  });

  test('init leaves a NotReady node and Pending CoreDNS until flannel runs', async () => {
    const { sb, run } = await rig();
    for (const l of PREPARE) await run(l);
    const r = await run('sudo kubeadm init --pod-network-cidr=10.244.0.0/16');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Your Kubernetes control-plane has initialized successfully!\n');
    expect(r.stdout).toMatch(/kubeadm join 192\.168\.56\.10:6443 --token [a-z0-9]{6}\.[a-z0-9]{16} \\\n\t--discovery-token-ca-cert-hash sha256:[0-9a-f]{64} \n$/);
    const admin = sb.hosts.master.fs.stat('/etc/kubernetes/admin.conf')!;
    expect([admin.owner, admin.mode]).toEqual(['root', 0o600]);
    const c = sb.cluster;
    const node = () => c.store.get('nodes', undefined, 'master') as Node;
    expect(node().status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('False');
    expect(node().spec.podCIDR).toBe('10.244.0.0/24');
    await run('sleep 30');
    const dns = () => (c.store.list('pods', 'kube-system') as Pod[]).filter((p) => p.metadata.name!.startsWith('coredns'));
    expect(dns().map((p) => p.status?.phase)).toEqual(['Pending', 'Pending']);
    await run('mkdir -p $HOME/.kube && sudo cp /etc/kubernetes/admin.conf $HOME/.kube/config && sudo chown $(id -u):$(id -g) $HOME/.kube/config');
    expect((await run('kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml')).exitCode).toBe(0);
    await run('sleep 30');
    expect(node().status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('True');
    expect(dns().map((p) => p.status?.phase)).toEqual(['Running', 'Running']);
    // flanneld annotated the node as it took its subnet (none before: init left only kubeadm's)
    expect(Object.keys(node().metadata.annotations ?? {})).toEqual([
      'flannel.alpha.coreos.com/backend-data',
      'flannel.alpha.coreos.com/backend-type',
      'flannel.alpha.coreos.com/kube-subnet-manager',
      'flannel.alpha.coreos.com/public-ip',
      'kubeadm.alpha.kubernetes.io/cri-socket',
      'node.alpha.kubernetes.io/ttl',
      'volumes.kubernetes.io/controller-managed-attach-detach',
    ]);
    expect(node().metadata.annotations?.['flannel.alpha.coreos.com/public-ip']).toBe('192.168.56.10');
    expect(node().metadata.annotations?.['flannel.alpha.coreos.com/backend-data']).toMatch(/^\{"VNI":1,"VtepMAC":"[0-9a-f][26ae](:[0-9a-f]{2}){5}"\}$/);
  });

  test('tokens expire after 24 h; a join with an unknown token fails after the discovery timeout', async () => {
    const { sb, run } = await rig();
    for (const l of PREPARE) await run(l);
    await run('sudo kubeadm init');
    expect((await run('sudo kubeadm token list')).stdout.split('\n').length).toBe(3);
    await run('sleep 86401');
    expect(await run('sudo kubeadm token list')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    for (const l of PREPARE) await run(`ssh node1 ${JSON.stringify(l)}`);
    const before = sb.clock.now();
    const r = await run('ssh node1 sudo kubeadm join 192.168.56.10:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:00');
    expect(r.stderr).toBe('error execution phase preflight: couldn\'t validate the identity of the API Server: could not find a JWS signature in the cluster-info ConfigMap for token ID "abcdef"\nTo see the stack trace of this error execute with --v=5 or higher\n');
    expect(sb.clock.now() - before).toBe(5 * 60_000);
  });

  test('reset on master takes the control plane down', async () => {
    const { sb, run } = await rig();
    for (const l of PREPARE) await run(l);
    await run('sudo kubeadm init');
    expect((await run('sudo kubeadm reset')).stderr).toContain("error execution phase preflight: won't proceed; the user didn't answer (Y|y) in order to continue\n");
    expect((await run('echo y | sudo kubeadm reset')).exitCode).toBe(0);
    expect(sb.cluster.runtime.apiServerUp).toBe(false);
    expect(sb.hosts.master.fs.exists('/etc/kubernetes/admin.conf')).toBe(false);
    expect((await run('sudo kubeadm init')).exitCode).toBe(0);
  });
});

describe('kubeadm config files', () => {
  test.each([
    ['v1beta4 list form', 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n  - name: cloud-provider\n    value: external\n', { 'cloud-provider': 'external' }],
    ['v1beta3 map form', 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    cloud-provider: external\n', { 'cloud-provider': 'external' }],
  ])('%s', (_, text, args) => {
    const r = parseKubeadmConfig(text, 'c.yaml');
    expect(r.ok && r.config.kubeletExtraArgs).toEqual(args);
  });

  test('v1beta4 refuses the map form', () => {
    const r = parseKubeadmConfig('apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    cloud-provider: external\n', 'c.yaml');
    expect(r).toEqual({ ok: false, error: 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go struct field NodeRegistrationOptions.nodeRegistration.kubeletExtraArgs of type []v1beta4.Arg' });
  });
});

describe('a bare sandbox saved and loaded', () => {
  test('keeps what was installed and the kernel settings', async () => {
    const { sb, run } = await rig();
    for (const l of PREPARE) await run(l);
    const loaded = Sandbox.load(JSON.parse(JSON.stringify(sb.serialize())), sb.clock);
    const r = await loaded.run(loaded.newSession(), 'kubeadm version -o short; sysctl net.ipv4.ip_forward; swapon --show');
    expect(r.result).toEqual({ stdout: 'v1.32.5\nnet.ipv4.ip_forward = 1\n', stderr: '', exitCode: 0 });
  });
});

describe('kubeadm tokens and the pod network', () => {
  test('token create --ttl 0 never expires', async () => {
    const { run } = await rig();
    for (const l of PREPARE) await run(l);
    await run('sudo kubeadm init --pod-network-cidr=10.244.0.0/16 >/dev/null');
    await run('sudo kubeadm token delete $(sudo kubeadm token list | awk \'NR==2 {print $1}\') >/dev/null');
    expect((await run('sudo kubeadm token create abcdef.0123456789abcdef --ttl 0')).stdout).toBe('abcdef.0123456789abcdef\n');
    await run('sleep 172800');
    expect((await run('sudo kubeadm token list')).stdout).toBe(
      'TOKEN                     TTL         EXPIRES   USAGES                   DESCRIPTION   EXTRA GROUPS\n' +
        'abcdef.0123456789abcdef   <forever>   <never>   authentication,signing   <none>        system:bootstrappers:kubeadm:default-node-token\n',
    );
  });

  test('flannel crash-loops on a node without a pod CIDR (init without --pod-network-cidr)', async () => {
    const { sb, run } = await rig();
    for (const l of PREPARE) await run(l);
    await run('sudo kubeadm init >/dev/null');
    await run('sudo kubectl --kubeconfig /etc/kubernetes/admin.conf apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml');
    await run('sleep 120');
    const pod = sb.cluster.store.list('pods', 'kube-flannel')[0] as Pod;
    const st = pod.status!.containerStatuses![0];
    expect(st.restartCount).toBeGreaterThanOrEqual(3);
    expect(st.state?.waiting?.reason).toBe('CrashLoopBackOff');
    expect(st.lastState?.terminated?.exitCode).toBe(1);
    const logs = await run(`sudo kubectl --kubeconfig /etc/kubernetes/admin.conf logs -n kube-flannel ${pod.metadata.name} --tail 2`);
    expect(logs.stdout).toMatch(/^E\d{4} [\d:.]+ +1 main\.go:359\] Error registering network: failed to acquire lease: node "master" pod cidr not assigned\nI.* main\.go:339\] Stopping shutdownHandler\.\.\.\n$/);
  });
});

describe('determinism', () => {
  test('a bare install catches up the same in one step or many', async () => {
    const states: string[] = [];
    for (const sleeps of [['sleep 300'], ['sleep 7', 'sleep 31', 'sleep 62', 'sleep 200']]) {
      const { sb, run } = await rig();
      for (const l of PREPARE) await run(l);
      await run('sudo kubeadm init >/dev/null');
      await run('sudo kubectl --kubeconfig /etc/kubernetes/admin.conf apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml');
      for (const s of sleeps) await run(s);
      const data = sb.cluster.serialize();
      states.push(JSON.stringify({ objects: data.objects, runtime: data.runtime, rng: data.rng }));
    }
    expect(states[1]).toBe(states[0]);
  });
});
