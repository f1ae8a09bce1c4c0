// A cluster's state serializes to plain JSON and loads back into the same cluster: same
// objects, same files on its hosts, same future (timers and random draws included). What is
// stored is packed (engine/state/stored-cluster.ts); the plain form of engine 0.1.0 still loads.

import { ClusterShape, ENGINE_VERSION, SerializedCluster, StoredCluster } from '../../apps/server/src/engine/cluster-state';
import { Sandbox, VirtualClock } from '../../apps/server/src/engine/sandbox';
import { TemplateVars, fillTemplate } from '../../apps/server/src/engine/controllers/kubelet/log-template';

const START = Date.UTC(2026, 0, 1);

async function run(sandbox: Sandbox, lines: string[]): Promise<string> {
  let session = sandbox.newSession();
  let out = '';
  for (const line of lines) {
    const r = await sandbox.run(session, line, undefined, { isTTY: false });
    session = r.session;
    out += `$ ${line}\n${r.result.stdout}${r.result.stderr}[${r.result.exitCode}]\n`;
  }
  return out;
}

/** a stored state as the server keeps it: through JSON text */
const viaText = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const VOLUME_POD = `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: vol
spec:
  volumes:
  - name: data
    emptyDir: {}
  - name: host
    hostPath:
      path: /srv/data
      type: DirectoryOrCreate
  containers:
  - name: c
    image: busybox
    command: ["sh", "-c", "echo started > /data/log; sleep 3600"]
    volumeMounts:
    - name: data
      mountPath: /data
    - name: host
      mountPath: /host
EOF`;

const PREPARE = [
  'curl -fsSL https://pkgs.k8s.io/core:/stable:/v1.32/deb/Release.key | sudo gpg --dearmor -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg',
  "echo 'deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] https://pkgs.k8s.io/core:/stable:/v1.32/deb/ /' | sudo tee /etc/apt/sources.list.d/kubernetes.list >/dev/null",
  'sudo apt-get update >/dev/null',
  'sudo apt-get install -y kubelet kubeadm kubectl >/dev/null',
  'sudo swapoff -a',
  'sudo sysctl -w net.ipv4.ip_forward=1 >/dev/null',
];

interface Case {
  name: string;
  shape: ClusterShape;
  setup: string[];
  /** what a student sees, compared between the original and the loaded cluster */
  look: string[];
  /** commands run on both afterwards: the same future */
  later: string[];
}

const LOOK = ['kubectl get all -A -o wide', 'kubectl get events -A', 'kubectl describe pods', 'kubectl get nodes -o yaml', 'ls -la', 'ssh node1 ls -la /tmp'];

const CASES: Case[] = [
  {
    name: 'kubeadm: deployment, service, crash loop, volumes, host files',
    shape: 'kubeadm',
    setup: [
      'kubectl create deployment web --image=nginx --replicas=3',
      'kubectl expose deployment web --port=80',
      "kubectl run crash --image=busybox -- sh -c 'echo boom; exit 1'",
      'kubectl run db --image=mariadb --env=MARIADB_ROOT_PASSWORD=x',
      VOLUME_POD,
      'echo hola > notes.txt',
      'rm .profile',
      "ssh node1 'echo hi > /tmp/x'",
      'sleep 90',
      "kubectl exec vol -- sh -c 'echo more >> /data/log; echo h > /host/f'",
    ],
    look: [...LOOK, 'kubectl logs crash', 'kubectl logs crash --previous', 'kubectl exec vol -- cat /data/log', 'cat notes.txt'],
    later: ['kubectl scale deployment web --replicas=5', 'kubectl run x --image=busybox -- sleep 3600', 'sleep 600', 'kubectl get pods -o wide', 'kubectl get events', 'kubectl logs crash'],
  },
  {
    name: 'bare hosts after a kubeadm install with flannel',
    shape: 'bare',
    setup: [
      ...PREPARE,
      'sudo kubeadm init --pod-network-cidr=10.244.0.0/16 >/dev/null',
      'mkdir -p $HOME/.kube && sudo cp /etc/kubernetes/admin.conf $HOME/.kube/config && sudo chown $(id -u):$(id -g) $HOME/.kube/config',
      'kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml',
      'sleep 60',
    ],
    look: [...LOOK, 'kubeadm version -o short', 'sudo kubeadm token list', 'sysctl net.ipv4.ip_forward'],
    later: ['kubectl create deployment web --image=nginx --replicas=2', 'sleep 60', 'kubectl get pods -A -o wide'],
  },
  {
    name: 'cloud: load balancer and a provisioned volume',
    shape: 'cloud',
    setup: [
      'kubectl create deployment web --image=nginx',
      'kubectl expose deployment web --port=80 --type=LoadBalancer',
      `kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 5Gi
EOF`,
      'sleep 30',
    ],
    look: [...LOOK, 'kubectl get pv,pvc,sc', 'kubectl get svc web -o yaml'],
    later: ['kubectl delete svc web', 'kubectl delete pvc data', 'sleep 30', 'kubectl get pv,pvc,svc', 'kubectl get events'],
  },
];

describe('serialized state', () => {
  describe.each(CASES)('$name', (c) => {
    let a: Sandbox;
    let b: Sandbox;
    let saved: StoredCluster;
    let clockA: VirtualClock;

    beforeAll(async () => {
      clockA = new VirtualClock(START);
      a = Sandbox.create({ seed: 3, start: START, shape: c.shape }, clockA);
      await run(a, c.setup);
      saved = viaText(a.serialize());
      b = Sandbox.load(saved, new VirtualClock(clockA.now()));
    });

    it('loads into the same cluster: the same plain snapshot, stored the same again', () => {
      expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
      expect(JSON.stringify(b.serialize())).toBe(JSON.stringify(saved));
    });

    it('shows a student the same thing', async () => {
      expect(await run(b, c.look)).toBe(await run(a, c.look));
    });

    it('has the same future', async () => {
      expect(await run(b, c.later)).toBe(await run(a, c.later));
      expect(JSON.stringify(b.serialize())).toBe(JSON.stringify(a.serialize()));
    });

    it('is stored in well under half the plain size', () => {
      expect(JSON.stringify(saved).length).toBeLessThan(JSON.stringify(a.snapshot()).length / 2);
    });
  });

  it('loads a state of engine 0.6.0, whose start-up log lines were stored filled, with the same logs', async () => {
    const clock = new VirtualClock(START);
    const a = Sandbox.create({ seed: 6, start: START }, clock);
    await run(a, ['kubectl create deployment web --image=nginx --replicas=2', 'kubectl run db --image=redis', 'sleep 20']);
    const plain = viaText(a.snapshot()) as SerializedCluster & { runtime: { sections: { kubelet: { pods: Record<string, { containers: { current?: { plan: Record<string, unknown> } }[] }> } } } };
    // the form 0.6.0 stored: the lines filled in the plan, no template
    let rewritten = 0;
    for (const pod of Object.values(plain.runtime.sections.kubelet.pods)) {
      for (const c of pod.containers) {
        const plan = c.current?.plan as { lines: [number, string][]; template?: { lines: string[]; vars: TemplateVars } } | undefined;
        if (!plan?.template) continue;
        plan.lines = [...plan.lines, ...plan.template.lines.map((l): [number, string] => [0, fillTemplate(l, plan.template!.vars)])];
        delete plan.template;
        rewritten++;
      }
    }
    expect(rewritten).toBeGreaterThanOrEqual(3);
    const b = Sandbox.load({ ...plain, engineVersion: '0.6.0' }, new VirtualClock(clock.now()));
    const logs = ['kubectl logs deployment/web', 'kubectl logs db --tail=3', 'sleep 30', 'kubectl logs db --timestamps | head -2'];
    const want = await run(a, logs);
    expect(want).toContain('Configuration complete; ready for start up');
    expect(want).toContain('Ready to accept connections tcp');
    expect(await run(b, logs)).toBe(want);
  });

  it('loads a state stored by engine 0.1.0 (plain JSON) into the same cluster', async () => {
    const clock = new VirtualClock(START);
    const a = Sandbox.create({ seed: 5, start: START }, clock);
    await run(a, ['kubectl create deployment web --image=nginx --replicas=2', 'echo x > f', 'sleep 20']);
    const old: SerializedCluster = viaText({ ...a.snapshot(), engineVersion: '0.1.0' });
    const b = Sandbox.load(old, new VirtualClock(clock.now()));
    expect(b.serialize().engineVersion).toBe(ENGINE_VERSION);
    expect(JSON.stringify(b.serialize())).toBe(JSON.stringify(a.serialize()));
    const later = ['kubectl run x --image=busybox -- sleep 3600', 'sleep 60', 'kubectl get pods -o wide', 'cat f'];
    expect(await run(b, later)).toBe(await run(a, later));
  });

  it("draws $RANDOM from the cluster's seeded generator: the same seed, the same numbers, before and after a load", async () => {
    const lines = ['echo $RANDOM $RANDOM', 'kubectl run p-$RANDOM --image=nginx'];
    const a = Sandbox.create({ seed: 11, start: START }, new VirtualClock(START));
    const b = Sandbox.create({ seed: 11, start: START }, new VirtualClock(START));
    const first = await run(a, lines);
    expect(first).toMatch(/^\$ echo \$RANDOM \$RANDOM\n\d+ \d+\n\[0\]\n\$ kubectl run p-\$RANDOM --image=nginx\npod\/p-\d+ created\n\[0\]\n$/);
    expect(await run(b, lines)).toBe(first);
    const loaded = Sandbox.load(viaText(a.serialize()), new VirtualClock(START));
    expect(await run(loaded, ['echo $RANDOM'])).toBe(await run(a, ['echo $RANDOM']));
  });

  it('shares nothing between a loaded cluster and what it was loaded from', async () => {
    const clock = new VirtualClock(START);
    const a = Sandbox.create({ seed: 7, start: START }, clock);
    await run(a, ['kubectl create deployment web --image=nginx', 'sleep 20']);
    const stored = viaText(a.serialize());
    const plain = a.snapshot();
    const before = JSON.stringify(a.snapshot());
    const loaded = [Sandbox.load(stored, new VirtualClock(clock.now())), Sandbox.load(stored, new VirtualClock(clock.now())), Sandbox.load(plain, new VirtualClock(clock.now()))];
    for (const b of loaded) await run(b, ['kubectl scale deployment web --replicas=3', 'kubectl label node node1 x=y', 'sleep 30', 'echo x > f']);
    expect(JSON.stringify(a.snapshot())).toBe(before);
    expect(JSON.stringify(Sandbox.load(stored, new VirtualClock(clock.now())).snapshot())).toBe(before);
    expect(JSON.stringify(loaded[0].snapshot())).toBe(JSON.stringify(loaded[1].snapshot()));
  });

  it('keeps hosts small: only files that differ from a fresh host are stored', () => {
    const s = Sandbox.create({ seed: 1, start: START }).snapshot();
    const master = (s.hosts as Record<string, { changed: Record<string, unknown> }>).master;
    // what kubeadm init and join leave, and the student's copy of admin.conf
    const k = (names: string[]) => names.map((n) => `/etc/kubernetes/${n}`);
    const pki = k(['pki/apiserver.crt', 'pki/apiserver.key', 'pki/ca.crt', 'pki/ca.key', 'pki/sa.key', 'pki/sa.pub']);
    const manifests = k(['manifests/etcd.yaml', 'manifests/kube-apiserver.yaml', 'manifests/kube-controller-manager.yaml', 'manifests/kube-scheduler.yaml']);
    const confs = k(['admin.conf', 'controller-manager.conf', 'kubelet.conf', 'scheduler.conf', 'super-admin.conf']);
    expect(Object.keys(master.changed).sort()).toEqual([...k(['']).map((d) => d.slice(0, -1)), ...k(['manifests', 'pki']), ...confs, ...manifests, ...pki, '/home/student/.kube', '/home/student/.kube/config'].sort());
    const node1 = (s.hosts as Record<string, { changed: Record<string, unknown> }>).node1;
    expect(Object.keys(node1.changed).sort()).toEqual(['/etc/kubernetes', ...k(['kubelet.conf', 'manifests', 'pki', 'pki/ca.crt'])]);
  });

  it('compares hosts with the base they would be rebuilt from, also once the machines change', () => {
    // each host's base file system is shared by the hosts made alike: a new machine (a new
    // /etc/hosts line in a fresh host) must make the files that differ from the new base stored,
    // not the old diff
    const sandbox = Sandbox.create({ seed: 1, start: START });
    sandbox.snapshot();
    sandbox.cluster.runtime.machines.node3 = { ...sandbox.cluster.runtime.machines.node2, name: 'node3', ip: '10.0.0.13' };
    const s = sandbox.snapshot();
    const node1 = (s.hosts as Record<string, { changed: Record<string, unknown>; peers: { name: string }[] }>).node1;
    expect(node1.peers.map((p) => p.name)).toContain('node3');
    expect(Object.keys(node1.changed).filter((f) => !f.startsWith('/etc/kubernetes'))).toEqual(['/etc/hosts']);
    const loaded = Sandbox.load(viaText(sandbox.serialize()), new VirtualClock(START));
    expect(loaded.hosts.node1.fs.read('/etc/hosts')).toBe(sandbox.hosts.node1.fs.read('/etc/hosts'));
    expect(loaded.hosts.node1.fs.read('/etc/hosts')).not.toContain('node3');
  });

  it('keeps in memory no watch log of the installation, and loaded clusters share equal objects', async () => {
    const a = Sandbox.create({ seed: 3, start: START });
    expect(a.cluster.store.logSize).toBe(0);
    const stored = viaText(a.serialize());
    const [b, c] = [Sandbox.load(viaText(stored), new VirtualClock(START)), Sandbox.load(viaText(stored), new VirtualClock(START))];
    const role = (x: Sandbox) => x.cluster.store.get('clusterroles', undefined, 'system:coredns');
    expect(role(b)).toBe(role(c));
    expect(Object.isFrozen(role(b))).toBe(true);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
    const later = ['kubectl label clusterrole system:coredns x=y', 'kubectl scale deployment coredns -n kube-system --replicas=3', 'sleep 30', 'kubectl get clusterrole system:coredns --show-labels', 'kubectl get pods -n kube-system'];
    expect(await run(b, later)).toBe(await run(a, later));
    expect(role(c)!.metadata.labels).toBeUndefined();
    expect(await run(c, ['kubectl get clusterrole system:coredns --show-labels'])).toContain('<none>');
  });

  it('refuses state written by another engine version', () => {
    const s = Sandbox.create({ seed: 1, start: START }).serialize();
    expect(() => Sandbox.load({ ...s, engineVersion: '0.0.0-old' }, new VirtualClock(START))).toThrow(/engine 0.0.0-old/);
    const plain = Sandbox.create({ seed: 1, start: START }).snapshot();
    expect(() => Sandbox.load({ ...plain, engineVersion: '9.9.9' }, new VirtualClock(START))).toThrow(`cluster state was written by engine 9.9.9; this is engine ${ENGINE_VERSION}`);
  });

  it('refuses a stored state of an unknown format or a damaged one', () => {
    const s = Sandbox.create({ seed: 1, start: START }).serialize();
    expect(() => Sandbox.load({ ...s, format: 'packed-9' }, new VirtualClock(START))).toThrow('cluster state: unknown format "packed-9"');
    expect(() => Sandbox.load({ ...s, packed: { ...s.packed, root: {} } }, new VirtualClock(START))).toThrow('cluster state: packed part is incomplete');
  });
});
