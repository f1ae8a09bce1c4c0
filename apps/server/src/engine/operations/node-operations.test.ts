import { Cluster } from '../cluster';
import type { KubeEvent, Node, Pod } from '../api/types';
import { powerOff, powerOn, restartKubelet, startKubelet, stopKubelet } from './node-operations';

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;

const node = (c: Cluster, n: string) => c.store.get('nodes', undefined, n) as Node | undefined;

describe('node operations', () => {
  test('a kubelet that starts registers its Node again when it was deleted; one that exists is left as it is', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    const before = node(c, 'node1')!;
    c.at(T0 + S, () => c.api.delete('nodes', undefined, 'node1'));
    c.at(T0 + 2 * S, () => stopKubelet(c, 'node1'));
    expect(node(c, 'node1')).toBeUndefined();
    c.at(T0 + 3 * S, () => startKubelet(c, 'node1'));
    const n = node(c, 'node1')!;
    expect(n.metadata.uid).not.toBe(before.metadata.uid);
    expect(n.metadata.creationTimestamp).toBe('2026-01-01T00:00:03Z');
    // NotReady until its first runtime check, tainted not-ready by the API server's admission
    expect(n.spec).toEqual({ podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] });
    expect(n.status?.conditions?.find((x) => x.type === 'Ready')).toEqual({
      type: 'Ready',
      status: 'False',
      lastHeartbeatTime: '2026-01-01T00:00:03Z',
      lastTransitionTime: '2026-01-01T00:00:03Z',
      reason: 'KubeletNotReady',
      message: 'container runtime status check may not have completed yet',
    });
    expect(c.store.get('leases', 'kube-node-lease', 'node1')).toMatchObject({ spec: { holderIdentity: 'node1', renewTime: '2026-01-01T00:00:03.000000Z' } });
    c.step(T0 + 4 * S - 1);
    expect(node(c, 'node1')!.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('False');
    c.step(T0 + 4 * S);
    expect(node(c, 'node1')!.spec).toEqual({ podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] });
    expect(node(c, 'node1')!.status?.conditions?.find((x) => x.type === 'Ready')).toEqual({
      type: 'Ready',
      status: 'True',
      lastHeartbeatTime: '2026-01-01T00:00:04Z',
      lastTransitionTime: '2026-01-01T00:00:04Z',
      reason: 'KubeletReady',
      message: 'kubelet is posting ready status',
    });
    // a power cycle of a node that still exists registers nothing
    const uid = node(c, 'node2')!.metadata.uid;
    c.at(T0 + 10 * S, () => powerOff(c, 'node2'));
    c.at(T0 + 20 * S, () => powerOn(c, 'node2'));
    expect(node(c, 'node2')!.metadata.uid).toBe(uid);
  });

  test('the control plane registers as a kubelet does: without the role label and taint kubeadm added', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + S, () => c.api.delete('nodes', undefined, 'master'));
    c.at(T0 + 2 * S, () => powerOff(c, 'master'));
    c.at(T0 + 3 * S, () => powerOn(c, 'master'));
    c.step(T0 + 4 * S);
    const n = node(c, 'master')!;
    expect(n.spec.taints).toBeUndefined();
    expect(n.metadata.labels).toEqual({ 'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': 'master', 'kubernetes.io/os': 'linux' });
  });

  test('on a `cloud` cluster the kubelet runs with --cloud-provider=external: the Node comes back uninitialized', () => {
    const c = Cluster.create({ seed: 1, start: T0, shape: 'cloud' });
    c.at(T0 + S, () => c.api.delete('nodes', undefined, 'node1'));
    c.at(T0 + 2 * S, () => powerOff(c, 'node1'));
    c.at(T0 + 3 * S, () => powerOn(c, 'node1'));
    expect(node(c, 'node1')!.spec).toEqual({
      podCIDR: '10.244.1.0/24',
      podCIDRs: ['10.244.1.0/24'],
      taints: [
        { key: 'node.cloudprovider.kubernetes.io/uninitialized', value: 'true', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
      ],
    });
    c.step(T0 + 4 * S);
    expect(node(c, 'node1')!.spec).toEqual({ podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], providerID: 'gce://kubeaula-classroom/europe-west1-c/node1' });
  });

  test('a machine that never joined (a `bare` cluster before kubeadm) registers nothing', () => {
    const c = Cluster.create({ seed: 1, start: T0, shape: 'bare' });
    c.at(T0 + S, () => powerOff(c, 'node1'));
    c.at(T0 + 2 * S, () => powerOn(c, 'node1'));
    expect(c.store.list('nodes')).toEqual([]);
  });
});

describe('kubectl delete node, then the kubelet restarted (v1.32: it registers once per process)', () => {
  const daemonPodsOn = (c: Cluster, n: string) =>
    (c.store.list('pods') as Pod[])
      .filter((p) => p.spec.nodeName === n)
      .map((p) => `${p.metadata.namespace}/${p.metadata.name} ${p.status?.phase}`)
      .sort();
  const readyOf = (c: Cluster, n: string) => node(c, n)?.status?.conditions?.find((x) => x.type === 'Ready');

  test('a running kubelet leaves its Node deleted; its pods go with the pod GC; restarted, it registers a new Node and the DaemonSets come back', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    const before = node(c, 'node1')!;
    const oldPods = daemonPodsOn(c, 'node1');
    expect(oldPods.map((p) => p.replace(/-[a-z0-9]{5} /, ' '))).toEqual(['kube-flannel/kube-flannel-ds Running', 'kube-system/kube-proxy Running']);
    c.at(T0 + S, () => c.api.delete('nodes', undefined, 'node1'));
    // the kubelet keeps running and does not register again; its pods stay bound to node1
    c.step(T0 + 59 * S);
    expect(node(c, 'node1')).toBeUndefined();
    expect(daemonPodsOn(c, 'node1')).toEqual(oldPods);
    // the pod GC's pass at 00:00:20 quarantined node1 until 00:01:00
    c.step(T0 + 60 * S);
    expect(daemonPodsOn(c, 'node1')).toEqual([]);
    c.step(T0 + 80 * S);
    expect(node(c, 'node1')).toBeUndefined();

    c.at(T0 + 80 * S, () => restartKubelet(c, 'node1'));
    const n = node(c, 'node1')!;
    expect(n.metadata.uid).not.toBe(before.metadata.uid);
    expect(n.metadata.creationTimestamp).toBe('2026-01-01T00:01:20Z');
    // the kubelet's labels and annotations (and the TTL controller's): not kubeadm's cri-socket, not flannel's yet
    expect(n.metadata.labels).toEqual(before.metadata.labels);
    expect(n.metadata.annotations).toEqual({ 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' });
    expect(n.status?.addresses).toEqual(before.status?.addresses);
    expect(n.status?.capacity).toEqual(before.status?.capacity);
    expect(n.status?.allocatable).toEqual(before.status?.allocatable);
    expect(readyOf(c, 'node1')).toMatchObject({ status: 'False', reason: 'KubeletNotReady', message: 'container runtime status check may not have completed yet' });
    expect(n.spec.taints).toEqual([{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }]);

    c.step(T0 + 81 * S);
    expect(readyOf(c, 'node1')).toMatchObject({ status: 'True', reason: 'KubeletReady', lastTransitionTime: '2026-01-01T00:01:21Z' });
    expect(node(c, 'node1')!.spec.taints).toBeUndefined();
    const readyEvents = (c.store.list('events') as KubeEvent[]).filter((e) => e.involvedObject.name === 'node1' && e.reason === 'NodeReady');
    expect(readyEvents.map((e) => [e.message, e.source, e.lastTimestamp])).toEqual([['Node node1 status is now: NodeReady', { component: 'kubelet', host: 'node1' }, '2026-01-01T00:01:21Z']]);

    // the DaemonSets put new pods there; flanneld, started again, writes its annotations again
    c.step(T0 + 90 * S);
    const newPods = daemonPodsOn(c, 'node1');
    expect(newPods.map((p) => p.replace(/-[a-z0-9]{5} /, ' '))).toEqual(['kube-flannel/kube-flannel-ds Running', 'kube-system/kube-proxy Running']);
    expect(newPods.filter((p) => oldPods.includes(p))).toEqual([]);
    expect(node(c, 'node1')!.metadata.annotations).toEqual({
      ...Object.fromEntries(Object.entries(before.metadata.annotations!).filter(([k]) => k.startsWith('flannel.'))),
      'node.alpha.kubernetes.io/ttl': '0',
      'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
    });
  });

  test('restarted within the pod GC quarantine: the pods bound to node1 are its own again, and flanneld (still running) does not annotate the new Node', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    const oldPods = daemonPodsOn(c, 'node1');
    c.at(T0 + S, () => c.api.delete('nodes', undefined, 'node1'));
    c.at(T0 + 30 * S, () => restartKubelet(c, 'node1'));
    c.step(T0 + 200 * S);
    expect(readyOf(c, 'node1')?.status).toBe('True');
    expect(daemonPodsOn(c, 'node1')).toEqual(oldPods);
    expect(node(c, 'node1')!.metadata.annotations).toEqual({ 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' });
  });

  test("the Node's Lease goes with it (garbage collector); the running kubelet cannot create it again without its Node; restarted, it creates it owned by the new Node", () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    const lease = () => c.store.get('leases', 'kube-node-lease', 'node1');
    const before = node(c, 'node1')!;
    expect(lease()!.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'node1', uid: before.metadata.uid }]);
    c.at(T0 + S, () => c.api.delete('nodes', undefined, 'node1'));
    expect(lease()).toBeUndefined();
    // v1.32's SetNodeOwnerFunc fails without the Node, and the lease controller then creates
    // nothing ("we will retry in the next iteration"): not at its renewals at 00:00:10, 00:00:20 ...
    for (const at of [10, 20, 60, 119]) {
      c.step(T0 + at * S);
      expect(lease()).toBeUndefined();
    }
    expect(c.runtime.machines.node1.leaseDueAt).toBeUndefined();

    c.at(T0 + 119 * S + 500, () => restartKubelet(c, 'node1'));
    const n = node(c, 'node1')!;
    expect(n.metadata.uid).not.toBe(before.metadata.uid);
    expect(lease()).toMatchObject({
      metadata: { creationTimestamp: '2026-01-01T00:01:59Z', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'node1', uid: n.metadata.uid }] },
      spec: { holderIdentity: 'node1', leaseDurationSeconds: 40, renewTime: '2026-01-01T00:01:59.500000Z' },
    });
    expect(lease()!.metadata.ownerReferences).toHaveLength(1);
    // the new Node is its owner now: deleted again, it takes the Lease with it
    c.at(T0 + 200 * S, () => c.api.delete('nodes', undefined, 'node1'));
    expect(lease()).toBeUndefined();
  });

  test('a stopped kubelet recreates nothing; started, it creates its Lease at once', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    const lease = () => c.store.get('leases', 'kube-node-lease', 'node1');
    c.at(T0 + S, () => stopKubelet(c, 'node1'));
    c.at(T0 + 2 * S, () => c.api.delete('nodes', undefined, 'node1'));
    c.step(T0 + 300 * S);
    expect(lease()).toBeUndefined();
    c.at(T0 + 301 * S, () => startKubelet(c, 'node1'));
    expect(lease()!.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'node1', uid: node(c, 'node1')!.metadata.uid }]);
    expect(lease()!.spec.renewTime).toBe('2026-01-01T00:05:01.000000Z');

    // the Node there and only the Lease deleted: a machine powered off recreates nothing either,
    // and the kubelet that boots with it creates it at once
    c.at(T0 + 400 * S, () => powerOff(c, 'node2'));
    c.at(T0 + 401 * S, () => c.api.delete('leases', 'kube-node-lease', 'node2'));
    c.step(T0 + 500 * S);
    expect(c.store.get('leases', 'kube-node-lease', 'node2')).toBeUndefined();
    c.at(T0 + 500 * S + 250, () => powerOn(c, 'node2'));
    expect(c.store.get('leases', 'kube-node-lease', 'node2')).toMatchObject({
      metadata: { creationTimestamp: '2026-01-01T00:08:20Z', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'node2', uid: node(c, 'node2')!.metadata.uid }] },
      spec: { renewTime: '2026-01-01T00:08:20.250000Z' },
    });
  });

  test('stop, then start, registers it as well; a restart of a kubelet whose Node exists changes nothing', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + S, () => stopKubelet(c, 'node1'));
    c.at(T0 + 2 * S, () => c.api.delete('nodes', undefined, 'node1'));
    c.at(T0 + 3 * S, () => startKubelet(c, 'node1'));
    expect(node(c, 'node1')!.metadata.creationTimestamp).toBe('2026-01-01T00:00:03Z');
    const node2 = node(c, 'node2')!;
    c.at(T0 + 10 * S, () => restartKubelet(c, 'node2'));
    c.step(T0 + 20 * S);
    expect(node(c, 'node2')).toBe(node2);
  });
});
