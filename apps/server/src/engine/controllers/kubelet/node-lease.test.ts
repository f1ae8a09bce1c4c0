// A running kubelet's lease controller (its `lease:<node>` key): a Lease found gone or without
// owner is written again at the kubelet's next renewal, every 10 s from its registration.
import { Cluster } from '../../cluster';
import type { KubeObject } from '../../api/types';
import { stopKubelet } from '../../operations/node-operations';

const T0 = Date.UTC(2026, 0, 1); // nodes registered at 23:55:00: renewals at every whole 10 s
const S = 1000;

const lease = (c: Cluster, n = 'node1') => c.store.get('leases', 'kube-node-lease', n);
const ownerOf = (c: Cluster, n = 'node1') => [{ apiVersion: 'v1', kind: 'Node', name: n, uid: c.store.get('nodes', undefined, n)!.metadata.uid! }];

describe("the kubelet's node Lease", () => {
  test('a Lease deleted by hand is back at the next renewal, owned by its Node', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    const old = lease(c)!;
    const node2 = lease(c, 'node2');
    c.at(T0 + 15 * S, () => c.api.delete('leases', 'kube-node-lease', 'node1'));
    c.step(T0 + 20 * S - 1);
    expect(lease(c)).toBeUndefined();
    c.step(T0 + 20 * S);
    const l = lease(c)!;
    expect(l.metadata.uid).not.toBe(old.metadata.uid);
    expect(l.metadata.creationTimestamp).toBe('2026-01-01T00:00:20Z');
    expect(l.metadata.ownerReferences).toEqual(ownerOf(c));
    expect(l.spec).toEqual({ holderIdentity: 'node1', leaseDurationSeconds: 40, renewTime: '2026-01-01T00:00:20.000000Z' });
    expect(c.runtime.machines.node1.leaseDueAt).toBeUndefined();
    // the other nodes' Leases were not touched
    expect(lease(c, 'node2')).toBe(node2);
  });

  test('deleted at a renewal, it comes back at the following one', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + 20 * S, () => c.api.delete('leases', 'kube-node-lease', 'node1'));
    expect(lease(c)).toBeUndefined();
    expect(c.runtime.machines.node1.leaseDueAt).toBe(T0 + 30 * S);
    c.step(T0 + 30 * S - 1);
    expect(lease(c)).toBeUndefined();
    c.step(T0 + 30 * S);
    expect(lease(c)!.metadata.creationTimestamp).toBe('2026-01-01T00:00:30Z');
  });

  test('a Lease without owner gets its Node as owner at the next renewal', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    const bare = { ...lease(c)!, metadata: { ...lease(c)!.metadata } } as KubeObject;
    delete bare.metadata.ownerReferences;
    c.at(T0 + 3 * S, () => c.api.update(bare));
    expect(lease(c)!.metadata.ownerReferences).toBeUndefined();
    c.step(T0 + 10 * S - 1);
    expect(lease(c)!.metadata.ownerReferences).toBeUndefined();
    c.step(T0 + 10 * S);
    expect(lease(c)!.metadata.ownerReferences).toEqual(ownerOf(c));
    expect(lease(c)!.spec.renewTime).toBe('2026-01-01T00:00:10.000000Z');
  });

  test('a stopped kubelet does not write it again', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + 15 * S, () => c.api.delete('leases', 'kube-node-lease', 'node1'));
    c.at(T0 + 16 * S, () => stopKubelet(c, 'node1'));
    c.step(T0 + 600 * S);
    expect(lease(c)).toBeUndefined();
  });

  test('its namespace deleted and created again: the Leases are back at the next renewal', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0 + S, () => c.api.delete('namespaces', undefined, 'kube-node-lease'));
    c.step(T0 + 60 * S);
    expect(c.store.get('namespaces', undefined, 'kube-node-lease')).toBeUndefined();
    expect(c.store.list('leases', 'kube-node-lease')).toEqual([]);
    c.at(T0 + 65 * S, () => c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-node-lease' } } as KubeObject));
    c.step(T0 + 70 * S - 1);
    expect(c.store.list('leases', 'kube-node-lease')).toEqual([]);
    c.step(T0 + 70 * S);
    expect(c.store.list('leases', 'kube-node-lease').map((l) => [l.metadata.name, l.metadata.creationTimestamp, l.metadata.ownerReferences])).toEqual(
      ['master', 'node1', 'node2'].map((n) => [n, '2026-01-01T00:01:10Z', ownerOf(c, n)]),
    );
  });

  test('a renewal pending when the cluster is saved happens after a load, at the same time', () => {
    const run = (reload: boolean): Cluster => {
      let c = Cluster.create({ seed: 1, start: T0 });
      c.at(T0 + 15 * S, () => c.api.delete('leases', 'kube-node-lease', 'node1'));
      c.step(T0 + 16 * S);
      if (reload) {
        const saved = JSON.parse(JSON.stringify(c.serialize())) as ReturnType<Cluster['serialize']>;
        expect(saved.runtime.machines.node1.leaseDueAt).toBe(T0 + 20 * S);
        c = Cluster.load(saved);
      }
      c.step(T0 + 20 * S - 1);
      expect(lease(c)).toBeUndefined();
      c.step(T0 + 30 * S);
      return c;
    };
    const live = run(false);
    const loaded = run(true);
    expect(lease(loaded)!.metadata.creationTimestamp).toBe('2026-01-01T00:00:20Z');
    expect(loaded.serialize()).toEqual(live.serialize());
  });
});
