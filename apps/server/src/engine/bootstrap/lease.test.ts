// The node Lease as the kubelet writes it (v1.32 lease controller with SetNodeOwnerFunc): owned by
// its Node, never created without it.
import { Cluster } from '../cluster';
import type { KubeObject } from '../api/types';
import { newKit } from '../kubectl/verbs/verb-test-kit';
import { nextRenewTime, nodeLease, syncNodeLease } from './lease';

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;

const lease = (c: Cluster, n: string) => c.store.get('leases', 'kube-node-lease', n);
const uidOf = (c: Cluster, n: string) => c.store.get('nodes', undefined, n)!.metadata.uid!;

describe('the node Lease', () => {
  test('is created owned by its Node: a reference without controller nor blockOwnerDeletion', () => {
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node1', uid: 'u-1' } } as KubeObject;
    expect(nodeLease(node, T0 + 1500)).toEqual({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'node1', namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'node1', uid: 'u-1' }] },
      spec: { holderIdentity: 'node1', leaseDurationSeconds: 40, renewTime: '2026-01-01T00:00:01.500000Z' },
    });
  });

  test('the next renewal is on the 10 s rhythm from the registration, after now (or now itself when asked)', () => {
    expect(nextRenewTime(T0, T0 + 25 * S) - T0).toBe(30 * S);
    expect(nextRenewTime(T0, T0 + 30 * S) - T0).toBe(40 * S);
    expect(nextRenewTime(T0, T0 + 30 * S, true) - T0).toBe(30 * S);
    expect(nextRenewTime(T0, T0 + 30 * S + 1, true) - T0).toBe(40 * S);
  });

  test("a fresh kubeadm cluster's Leases name their Node, with its uid, as owner", async () => {
    const kit = newKit();
    const uid = (await kit.sh("kubectl get node node1 -o jsonpath='{.metadata.uid}'")).stdout;
    expect(uid).toMatch(/^[0-9a-f-]{36}$/);
    const out = await kit.sh('kubectl get lease -n kube-node-lease node1 -o yaml');
    expect(out.stdout.replace(/\n {2}uid: [0-9a-f-]{36}\n/, '\n  uid: <lease-uid>\n')).toBe(`apiVersion: coordination.k8s.io/v1
kind: Lease
metadata:
  creationTimestamp: "2025-12-31T23:55:00Z"
  name: node1
  namespace: kube-node-lease
  ownerReferences:
  - apiVersion: v1
    kind: Node
    name: node1
    uid: ${uid}
  resourceVersion: "10"
  uid: <lease-uid>
spec:
  holderIdentity: node1
  leaseDurationSeconds: 40
  renewTime: "2026-01-01T00:00:00.000000Z"
`);
    const c = kit.sandbox.cluster;
    for (const n of ['master', 'node1', 'node2']) {
      expect(lease(c, n)!.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: n, uid: uidOf(c, n) }]);
    }
  });

  test('a lease sync without the Node creates nothing and leaves an ownerless Lease as it is', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + S, () => c.api.delete('nodes', undefined, 'node1'));
    expect(lease(c, 'node1')).toBeUndefined();
    expect(c.at(T0 + 2 * S, () => syncNodeLease(c, 'node1', T0 + 2 * S))).toBe(false);
    expect(lease(c, 'node1')).toBeUndefined();
    const ownerless = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node1', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node1' } } as KubeObject;
    c.at(T0 + 3 * S, () => c.api.create(ownerless));
    const before = lease(c, 'node1');
    expect(c.at(T0 + 4 * S, () => syncNodeLease(c, 'node1', T0 + 4 * S))).toBe(false);
    expect(lease(c, 'node1')).toBe(before);
  });

  test('a lease sync with the Node sets it as owner of a Lease that has none, renewing it', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    const ownerless = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node1', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'someone' } } as KubeObject;
    c.at(T0 + S, () => {
      c.api.delete('leases', 'kube-node-lease', 'node1');
      c.api.create(ownerless);
    });
    const created = lease(c, 'node1')!;
    expect(c.at(T0 + 2500, () => syncNodeLease(c, 'node1', T0 + 2500))).toBe(true);
    const l = lease(c, 'node1')!;
    expect(l.metadata.uid).toBe(created.metadata.uid);
    expect(l.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'node1', uid: uidOf(c, 'node1') }]);
    // the kubelet copies what it found: it sets the duration and the renewal, not the holder
    expect(l.spec).toEqual({ holderIdentity: 'someone', leaseDurationSeconds: 40, renewTime: '2026-01-01T00:00:02.500000Z' });
    // with its owner in place a sync writes nothing (kubectl's reads compute the renewals)
    expect(c.at(T0 + 3 * S, () => syncNodeLease(c, 'node1', T0 + 3 * S))).toBe(true);
    expect(lease(c, 'node1')).toBe(l);
  });
});
