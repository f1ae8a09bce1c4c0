import { Cluster } from '../../cluster';
import { Deployment, KubeObject, Pod, ReplicaSet } from '../../api/types';
import { T0, deployment, get, newCluster, podsOf, replicaSet } from '../replicaset/test-fixtures';

const S = 1000;

function runningDeployment(c: Cluster, name: string, replicas: number): Deployment {
  const d = deployment(name, replicas);
  d.spec.template.spec = { containers: [{ name: 'app', image: 'nginx:1.27' }] };
  const created = c.at(T0, () => c.api.create(d)) as Deployment;
  c.step(T0 + 60 * S);
  return created;
}

function pods(c: Cluster): Pod[] {
  return c.store.list('pods', 'default') as Pod[];
}

describe('garbage collector', () => {
  test('background: deleting a ReplicaSet deletes its pods', () => {
    const c = newCluster();
    const rs = c.at(T0, () => c.api.create(replicaSet('web', 3))) as ReplicaSet;
    expect(podsOf(c, rs)).toHaveLength(3);
    c.at(T0 + S, () => c.api.delete('replicasets', 'default', 'web'));
    expect(c.store.get('replicasets', 'default', 'web')).toBeUndefined();
    expect(pods(c)).toHaveLength(0); // unscheduled pods go at once
  });

  test('background: deleting a Deployment takes its ReplicaSets and, gracefully, their pods', () => {
    const c = newCluster();
    runningDeployment(c, 'web', 2);
    c.at(T0 + 61 * S, () => c.api.delete('deployments', 'default', 'web'));
    expect(c.store.list('replicasets', 'default')).toHaveLength(0);
    expect(pods(c).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    c.step(T0 + 120 * S);
    expect(pods(c)).toHaveLength(0);
  });

  test('orphan: the ReplicaSet goes, its pods stay without an owner', () => {
    const c = newCluster();
    c.at(T0, () => c.api.create(replicaSet('web', 2)));
    c.at(T0 + S, () => c.api.delete('replicasets', 'default', 'web', { propagationPolicy: 'Orphan' }));
    expect(c.store.get('replicasets', 'default', 'web')).toBeUndefined();
    expect(pods(c)).toHaveLength(2);
    expect(pods(c).every((p) => p.metadata.ownerReferences === undefined)).toBe(true);
    // a new ReplicaSet with the same selector adopts them instead of creating pods
    const rs = c.at(T0 + 2 * S, () => c.api.create(replicaSet('web2', 2, { app: 'web' }))) as ReplicaSet;
    expect(podsOf(c, rs)).toHaveLength(2);
    expect(pods(c)).toHaveLength(2);
  });

  test('foreground: the Deployment stays (with its finalizer) until its ReplicaSets and pods are gone', () => {
    const c = newCluster();
    runningDeployment(c, 'web', 2);
    c.at(T0 + 61 * S, () => c.api.delete('deployments', 'default', 'web', { propagationPolicy: 'Foreground' }));
    const d = get<Deployment>(c, 'deployments', 'web');
    expect(d.metadata.deletionTimestamp).toBeTruthy();
    expect(d.metadata.finalizers).toEqual(['foregroundDeletion']);
    const [rs] = c.store.list('replicasets', 'default') as ReplicaSet[];
    expect(rs.metadata.deletionTimestamp).toBeTruthy();
    expect(rs.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(pods(c)).toHaveLength(2);
    expect(pods(c).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    c.step(T0 + 120 * S);
    expect(pods(c)).toHaveLength(0);
    expect(c.store.list('replicasets', 'default')).toHaveLength(0);
    expect(c.store.get('deployments', 'default', 'web')).toBeUndefined();
  });

  test('an object whose owner never existed is collected', () => {
    const c = newCluster();
    c.at(T0, () =>
      c.api.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'cm', namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'ghost', uid: '00000000-0000-4000-8000-000000000000' }] },
        data: {},
      } as KubeObject),
    );
    expect(c.store.get('configmaps', 'default', 'cm')).toBeUndefined();
  });

  test('a dependent with another live owner only loses the dangling reference', () => {
    const c = newCluster();
    const a = c.at(T0, () => c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' }, data: {} } as KubeObject));
    const b = c.at(T0, () => c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'default' }, data: {} } as KubeObject));
    const ref = (o: KubeObject) => ({ apiVersion: 'v1', kind: 'ConfigMap', name: o.metadata.name!, uid: o.metadata.uid! });
    c.at(T0 + S, () => c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dep', namespace: 'default', ownerReferences: [ref(a), ref(b)] }, data: {} } as KubeObject));
    c.at(T0 + 2 * S, () => c.api.delete('configmaps', 'default', 'a'));
    expect(c.store.get('configmaps', 'default', 'dep')?.metadata.ownerReferences).toEqual([ref(b)]);
    c.at(T0 + 3 * S, () => c.api.delete('configmaps', 'default', 'b'));
    expect(c.store.get('configmaps', 'default', 'dep')).toBeUndefined();
  });

  test('a cluster-scoped owner of a namespaced dependent: a Node owns its Lease in kube-node-lease', () => {
    const c = newCluster();
    const lease = (name: string) => c.store.get('leases', 'kube-node-lease', name);
    const nodeRef = (n: KubeObject) => ({ apiVersion: 'v1', kind: 'Node', name: n.metadata.name!, uid: n.metadata.uid! });
    // a Node no kubelet runs (nothing recreates its Lease), and a Lease owned by it
    const extra = c.at(T0, () => c.api.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'extra' } } as KubeObject));
    const holder = (name: string, refs: ReturnType<typeof nodeRef>[]) =>
      ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace: 'kube-node-lease', ownerReferences: refs }, spec: { holderIdentity: name } }) as KubeObject;
    c.at(T0 + S, () => c.api.create(holder('extra', [nodeRef(extra)])));
    // owned by a Node of that name but another uid (an earlier Node): collected at once
    c.at(T0 + S, () => c.api.create(holder('stale', [{ ...nodeRef(extra), uid: '00000000-0000-4000-8000-000000000000' }])));
    expect(lease('extra')?.metadata.ownerReferences).toEqual([nodeRef(extra)]);
    expect(lease('stale')).toBeUndefined();
    c.step(T0 + 60 * S);
    expect(lease('extra')).toBeDefined();
    c.at(T0 + 61 * S, () => c.api.delete('nodes', undefined, 'extra'));
    expect(lease('extra')).toBeUndefined();
    // the kubelets' own Leases: node2's goes with its Node, the others stay
    c.at(T0 + 62 * S, () => c.api.delete('nodes', undefined, 'node2'));
    expect(c.store.list('leases', 'kube-node-lease').map((l) => l.metadata.name)).toEqual(['master', 'node1']);
  });

  test('the owner index is rebuilt after a serialized cluster is loaded', () => {
    const c = newCluster();
    c.at(T0, () => c.api.create(replicaSet('web', 2)));
    const loaded = Cluster.load(c.serialize());
    loaded.at(T0 + S, () => loaded.api.delete('replicasets', 'default', 'web'));
    expect(loaded.store.list('pods', 'default')).toHaveLength(0);
  });
});
