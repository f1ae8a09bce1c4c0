// The VolumeBinding plugin against PersistentVolumes tied to nodes (v1.32's messages).

import { Cluster } from '../../cluster';
import { KubeObject, PersistentVolumeClaim, Pod } from '../../api/types';

const T0 = Date.UTC(2026, 0, 1);

const hostnameIn = (...nodes: string[]) => ({ required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: nodes }] }] } });

function pv(name: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: 'manual', hostPath: { path: `/mnt/${name}` }, ...extra } };
}

function pvc(name: string, storageClassName = 'manual'): KubeObject {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName, resources: { requests: { storage: '500Mi' } } } };
}

function pod(name: string, claim: string, extra: Partial<Pod['spec']> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }], containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }], ...extra },
  };
}

const getPod = (c: Cluster, name: string) => c.store.get('pods', 'default', name) as Pod;
const unscheduled = (c: Cluster, name: string) => getPod(c, name).status?.conditions?.find((x) => x.type === 'PodScheduled')?.message;

function clusterWith(...objects: KubeObject[]): Cluster {
  const c = Cluster.create({ seed: 1, start: T0 });
  c.at(T0 + 1000, () => objects.forEach((o) => c.api.create(o)));
  c.step(T0 + 3000);
  return c;
}

describe('VolumeBinding: volumes tied to nodes', () => {
  test.each(['node1', 'node2'])('a claim bound to a volume pinned to %s puts every pod that uses it there', (node) => {
    const c = clusterWith(pv('data-pv', { nodeAffinity: hostnameIn(node) }), pvc('data'));
    c.at(T0 + 4000, () => ['a', 'b', 'c', 'd'].forEach((n) => c.api.create(pod(n, 'data'))));
    expect(['a', 'b', 'c', 'd'].map((n) => getPod(c, n).spec.nodeName)).toEqual([node, node, node, node]);
  });

  test('a pod that must run elsewhere: the other nodes were never looked at (PreFilterResult)', () => {
    const c = clusterWith(pv('data-pv', { nodeAffinity: hostnameIn('node1') }), pvc('data'));
    c.at(T0 + 4000, () => c.api.create(pod('db', 'data', { nodeSelector: { 'kubernetes.io/hostname': 'node2' } })));
    expect(unscheduled(c, 'db')).toBe(
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) didn't satisfy plugin(s) [VolumeBinding]. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  test('a volume pinned by another label: each node is filtered, after the taints', () => {
    const zone = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['eu-west-1a'] }] }] } };
    const c = clusterWith(pv('data-pv', { nodeAffinity: zone }), pvc('data'));
    c.at(T0 + 4000, () => c.api.create(pod('db', 'data')));
    expect(unscheduled(c, 'db')).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  test('a claim whose volume was deleted (its pv-protection finalizer taken off by hand)', () => {
    const c = clusterWith(pv('data-pv'), pvc('data'));
    c.at(T0 + 4000, () => {
      c.api.delete('persistentvolumes', undefined, 'data-pv');
      c.api.removeFinalizer(c.store.get('persistentvolumes', undefined, 'data-pv')!, 'kubernetes.io/pv-protection');
    });
    expect(c.store.get('persistentvolumes', undefined, 'data-pv')).toBeUndefined();
    c.step(T0 + 10_000);
    expect((c.store.get('persistentvolumeclaims', 'default', 'data') as PersistentVolumeClaim).status?.phase).toBe('Lost');
    c.at(T0 + 11_000, () => c.api.create(pod('db', 'data')));
    expect(unscheduled(c, 'db')).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s). preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  test('two claims whose volumes are pinned to different nodes: no node can have both', () => {
    const c = clusterWith(pv('one', { nodeAffinity: hostnameIn('node1') }), pv('two', { nodeAffinity: hostnameIn('node2'), capacity: { storage: '2Gi' } }), pvc('a'), pvc('b'));
    const both = pod('db', 'a');
    (both as Pod).spec.volumes!.push({ name: 'more', persistentVolumeClaim: { claimName: 'b' } });
    c.at(T0 + 4000, () => c.api.create(both));
    expect(unscheduled(c, 'db')).toBe(
      "0/3 nodes are available: node(s) didn't satisfy plugin VolumeBinding. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    );
  });

  test('a local volume waiting for its first consumer: the pod goes where a volume is, and the claim binds to that one', () => {
    const c = clusterWith(
      { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local-storage' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' },
      pv('local-1', { storageClassName: 'local-storage', hostPath: undefined, local: { path: '/mnt/disks/ssd1' }, nodeAffinity: hostnameIn('node2') }),
      pvc('data', 'local-storage'),
    );
    c.at(T0 + 4000, () => c.api.create(pod('db', 'data')));
    c.step(T0 + 8000);
    expect(getPod(c, 'db').spec.nodeName).toBe('node2');
    expect((c.store.get('persistentvolumeclaims', 'default', 'data') as PersistentVolumeClaim).spec.volumeName).toBe('local-1');
  });

  test('a claim waiting for its first consumer with no volume any node can reach', () => {
    const c = clusterWith(
      { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local-storage' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' },
      pv('local-1', { storageClassName: 'local-storage', hostPath: undefined, local: { path: '/mnt/disks/ssd1' }, nodeAffinity: hostnameIn('node3') }),
      pvc('data', 'local-storage'),
    );
    c.at(T0 + 4000, () => c.api.create(pod('db', 'data')));
    expect(unscheduled(c, 'db')).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't find available persistent volumes to bind. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  test("a DaemonSet's pod is looked at on its own node only (NodeAffinity's PreFilterResult)", () => {
    const c = clusterWith();
    const pinned = pod('ds-pod', 'none', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] }] } } }, nodeSelector: { disk: 'ssd' } });
    delete (pinned as Pod).spec.volumes;
    (pinned as Pod).spec.containers[0].volumeMounts = undefined;
    c.at(T0 + 4000, () => c.api.create(pinned));
    expect(unscheduled(c, 'ds-pod')).toBe(
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });
});
