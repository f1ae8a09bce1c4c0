import { Node, Pod } from '../../api/types';
import { Kit, newKit } from './verb-test-kit';

const podsOn = (kit: Kit, node: string): Pod[] => (kit.sandbox.cluster.api.list('pods') as Pod[]).filter((p) => p.spec.nodeName === node);
const ref = (p: Pod): string => `${p.metadata.namespace}/${p.metadata.name}`;

async function workloads(): Promise<Kit> {
  const kit = newKit();
  await kit.setup('kubectl create deployment web --image=nginx --replicas=4', 'sleep 15');
  return kit;
}

describe('kubectl drain', () => {
  test('refuses DaemonSet pods without --ignore-daemonsets, after cordoning', async () => {
    const kit = await workloads();
    const ds = podsOn(kit, 'node1').filter((p) => p.metadata.ownerReferences?.[0]?.kind === 'DaemonSet').map(ref);
    expect(ds.length).toBe(2);
    const r = await kit.sh('kubectl drain node1');
    const reason = `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${ds.join(', ')}`;
    expect(r.stdout).toBe('node/node1 cordoned\n');
    expect(r.stderr).toBe(`error: unable to drain node "node1" due to error: ${reason}, continuing command...\nThere are pending nodes to be drained:\n node1\n${reason}\n`);
    expect(r.exitCode).toBe(1);
    expect((kit.sandbox.cluster.api.get('nodes', undefined, 'node1') as Node).spec.unschedulable).toBe(true);
  });

  test('evicts the other pods with --ignore-daemonsets and they move to node2', async () => {
    const kit = await workloads();
    const before = podsOn(kit, 'node1');
    const ds = before.filter((p) => p.metadata.ownerReferences?.[0]?.kind === 'DaemonSet').map(ref);
    const evicted = before.filter((p) => p.metadata.ownerReferences?.[0]?.kind !== 'DaemonSet');
    const r = await kit.sh('kubectl drain node1 --ignore-daemonsets');
    expect(r.stderr).toBe(`Warning: ignoring DaemonSet-managed Pods: ${ds.join(', ')}\n`);
    expect(r.stdout).toBe(
      'node/node1 cordoned\n' +
        evicted.map((p) => `evicting pod ${ref(p)}\n`).join('') +
        evicted.map((p) => `pod/${p.metadata.name} evicted\n`).join('') +
        'node/node1 drained\n',
    );
    expect(r.exitCode).toBe(0);
    await kit.setup('sleep 15');
    expect(podsOn(kit, 'node1').map(ref).sort()).toEqual([...ds].sort());
    expect((kit.sandbox.cluster.api.list('pods', { namespace: 'default' }) as Pod[]).filter((p) => p.spec.nodeName === 'node2')).toHaveLength(4);
  });

  test('a bare pod needs --force', async () => {
    const kit = await workloads();
    await kit.setup(`cat > bare.yaml <<'EOF2'
apiVersion: v1
kind: Pod
metadata: {name: bare}
spec: {nodeName: node1, containers: [{name: c, image: nginx}]}
EOF2`, 'kubectl apply -f bare.yaml', 'sleep 5');
    const r = await kit.sh('kubectl drain node1 --ignore-daemonsets');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('cannot delete Pods declare no controller (use --force to override): default/bare\n');
    const forced = await kit.sh('kubectl drain node1 --ignore-daemonsets --force');
    expect(forced.exitCode).toBe(0);
    expect(forced.stderr).toContain('Warning: deleting Pods that declare no controller: default/bare; ignoring DaemonSet-managed Pods: ');
    expect(forced.stdout).toContain('evicting pod default/bare\n');
    expect(forced.stdout).toContain('pod/bare evicted\n');
    expect(kit.sandbox.cluster.api.tryGet('pods', 'default', 'bare')).toBeUndefined();
  });

  test('emptyDir pods need --delete-emptydir-data', async () => {
    const kit = newKit();
    await kit.setup(`cat > d.yaml <<'EOF2'
apiVersion: apps/v1
kind: Deployment
metadata: {name: cache}
spec:
  replicas: 1
  selector: {matchLabels: {app: cache}}
  template:
    metadata: {labels: {app: cache}}
    spec:
      nodeSelector: {kubernetes.io/hostname: node1}
      containers: [{name: c, image: redis, volumeMounts: [{name: d, mountPath: /data}]}]
      volumes: [{name: d, emptyDir: {}}]
EOF2`, 'kubectl apply -f d.yaml', 'sleep 15');
    const pod = podsOn(kit, 'node1').find((p) => p.metadata.namespace === 'default')!;
    const r = await kit.sh('kubectl drain node1 --ignore-daemonsets');
    expect(r.stderr).toContain(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${ref(pod)}\n`);
    const ok = await kit.sh('kubectl drain node1 --ignore-daemonsets --delete-emptydir-data');
    expect(ok.stderr).toMatch(/^Warning: deleting Pods with local storage: default\/cache-\S+; ignoring DaemonSet-managed Pods: kube-flannel\//);
    expect(ok.stdout).toContain('node/node1 drained\n');
  });

  test('dry run evicts nothing', async () => {
    const kit = await workloads();
    const n = podsOn(kit, 'node1').length;
    const r = await kit.sh('kubectl drain node1 --ignore-daemonsets --dry-run=client');
    expect(r.stdout).toMatch(/^node\/node1 cordoned \(dry run\)\n(evicting pod \S+ \(dry run\)\n)+node\/node1 drained \(dry run\)\n$/);
    expect(podsOn(kit, 'node1')).toHaveLength(n);
  });

  test('usage', async () => {
    const kit = newKit();
    expect(await kit.sh('kubectl drain')).toEqual({ stdout: '', stderr: "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n", exitCode: 1 });
  });
});
