import { Cluster } from '../cluster';
import type { Node, PersistentVolumeClaim, Service } from '../api/types';

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;

const node = (c: Cluster, n: string) => c.store.get('nodes', undefined, n) as Node;

describe('the cloud controller manager of a `cloud` cluster', () => {
  test('nodes are initialized: provider ID, labels, addresses, no uninitialized taint, routes', () => {
    const c = Cluster.create({ seed: 1, start: T0, shape: 'cloud' });
    const n = node(c, 'node1');
    expect(n.spec.providerID).toBe('gce://kubeaula-classroom/europe-west1-c/node1');
    expect(n.spec.taints ?? []).toEqual([]);
    expect(n.metadata.labels).toMatchObject({ 'topology.kubernetes.io/region': 'europe-west1', 'topology.kubernetes.io/zone': 'europe-west1-c', 'node.kubernetes.io/instance-type': 'e2-medium' });
    expect(n.status?.addresses?.map((a) => a.type)).toEqual(['InternalIP', 'ExternalIP', 'Hostname']);
    expect(n.status?.conditions?.find((x) => x.type === 'NetworkUnavailable')).toMatchObject({ status: 'False', reason: 'RouteCreated', message: 'RouteController created a route' });
  });

  test('a kubeadm cluster has none of it', () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    expect(node(c, 'node1').spec.providerID).toBeUndefined();
    expect(c.store.list('storageclasses')).toEqual([]);
  });

  test('a LoadBalancer service gets an address after the cloud answers, and releases it', () => {
    const c = Cluster.create({ seed: 1, start: T0, shape: 'cloud' });
    c.at(T0, () => c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] } }));
    const svc = () => c.store.get('services', 'default', 'web') as Service | undefined;
    expect(svc()!.status?.loadBalancer?.ingress).toBeUndefined();
    expect(svc()!.metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup']);
    c.step(T0 + 3 * S);
    expect(svc()!.status?.loadBalancer?.ingress).toEqual([{ ip: expect.stringMatching(/^34\.\d+\.\d+\.\d+$/), ipMode: 'VIP' }]);
    c.at(T0 + 4 * S, () => c.api.delete('services', 'default', 'web'));
    expect(svc()).toBeUndefined();
    const reasons = c.store.list('events', 'default').filter((e: any) => e.involvedObject.kind === 'Service').map((e: any) => e.reason);
    expect(reasons).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer', 'DeletingLoadBalancer', 'DeletedLoadBalancer']);
  });

  test('a claim without a class gets the default one and a provisioned volume pvc-<uid> (Delete)', () => {
    const c = Cluster.create({ seed: 1, start: T0, shape: 'cloud' });
    c.at(T0, () => c.api.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } } }));
    const pvc = () => c.store.get('persistentvolumeclaims', 'default', 'data') as PersistentVolumeClaim | undefined;
    expect(pvc()!.spec.storageClassName).toBe('standard');
    c.step(T0 + 5 * S);
    const name = `pvc-${pvc()!.metadata.uid}`;
    expect(pvc()!.status?.phase).toBe('Bound');
    expect(pvc()!.spec.volumeName).toBe(name);
    expect(c.store.get('persistentvolumes', undefined, name)).toMatchObject({ spec: { persistentVolumeReclaimPolicy: 'Delete', capacity: { storage: '5Gi' }, storageClassName: 'standard' } });
    c.at(T0 + 6 * S, () => c.api.delete('persistentvolumeclaims', 'default', 'data'));
    c.step(T0 + 10 * S);
    expect(c.store.get('persistentvolumes', undefined, name)).toBeUndefined();
  });
});
