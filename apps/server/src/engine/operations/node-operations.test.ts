import { Cluster } from '../cluster';
import type { Node } from '../api/types';
import { powerOff, powerOn, startKubelet, stopKubelet } from './node-operations';

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
    expect(n.spec).toEqual({ podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] });
    expect(n.status?.conditions?.find((x) => x.type === 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    expect(c.store.get('leases', 'kube-node-lease', 'node1')).toMatchObject({ spec: { holderIdentity: 'node1', renewTime: '2026-01-01T00:00:03.000000Z' } });
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
    const n = node(c, 'master')!;
    expect(n.spec.taints).toBeUndefined();
    expect(n.metadata.labels).toEqual({ 'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': 'master', 'kubernetes.io/os': 'linux' });
  });

  test('on a `cloud` cluster the kubelet runs with --cloud-provider=external: the Node comes back uninitialized', () => {
    const c = Cluster.create({ seed: 1, start: T0, shape: 'cloud' });
    c.at(T0 + S, () => c.api.delete('nodes', undefined, 'node1'));
    c.at(T0 + 2 * S, () => powerOff(c, 'node1'));
    c.at(T0 + 3 * S, () => powerOn(c, 'node1'));
    expect(node(c, 'node1')!.spec).toEqual({ podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], taints: [{ key: 'node.cloudprovider.kubernetes.io/uninitialized', value: 'true', effect: 'NoSchedule' }] });
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
