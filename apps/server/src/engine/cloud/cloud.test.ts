import { Cluster } from '../cluster';
import { Sandbox, VirtualClock } from '../sandbox';
import type { KubeEvent, Node, PersistentVolumeClaim, Pod, Service } from '../api/types';
import { deleteInstance } from '../operations/faults';
import { powerOn, stopKubelet } from '../operations/node-operations';

const T0 = Date.UTC(2026, 0, 1);
const S = 1000;

const node = (c: Cluster, n: string) => c.store.get('nodes', undefined, n) as Node;

/** the Events about an object, as `type reason xcount (first..last) message` */
function eventsOf(c: Cluster, kind: string, name: string): string[] {
  return (c.store.list('events', 'default') as KubeEvent[])
    .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name)
    .sort((a, b) => (a.firstTimestamp! < b.firstTimestamp! ? -1 : a.firstTimestamp! > b.firstTimestamp! ? 1 : 0))
    .map((e) => `${e.type} ${e.reason} x${e.count} (${e.firstTimestamp!.slice(11, 19)}..${e.lastTimestamp!.slice(11, 19)}) ${e.message}`);
}

const lbService = (name = 'web'): Service =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { type: 'LoadBalancer', selector: { app: name }, ports: [{ port: 80 }] } }) as Service;

async function sandbox(): Promise<{ s: Sandbox; run: (line: string) => Promise<string> }> {
  const s = Sandbox.create({ seed: 1, start: T0, shape: 'cloud' }, new VirtualClock(T0));
  const run = async (line: string): Promise<string> => {
    const r = await s.run(s.newSession(), line, undefined, { isTTY: false });
    return r.result.stdout + r.result.stderr;
  };
  return { s, run };
}

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
    expect(eventsOf(c, 'Service', 'web')).toEqual([
      'Normal EnsuringLoadBalancer x1 (00:00:00..00:00:00) Ensuring load balancer',
      'Normal EnsuredLoadBalancer x1 (00:00:03..00:00:03) Ensured load balancer',
      'Normal DeletingLoadBalancer x1 (00:00:04..00:00:04) Deleting load balancer',
      'Normal DeletedLoadBalancer x1 (00:00:04..00:00:04) Deleted load balancer',
    ]);
  });

  test('a change of its ports ensures the load balancer again (its address stays); a label does not, an annotation does', async () => {
    const { run } = await sandbox();
    await run('kubectl create deployment web --image=nginx');
    await run('kubectl expose deployment web --type=LoadBalancer --port=80');
    expect(await run('sleep 10; kubectl get svc web')).toBe(
      'NAME   TYPE           CLUSTER-IP      EXTERNAL-IP   PORT(S)        AGE\nweb    LoadBalancer   10.111.163.93   34.80.56.7    80:30552/TCP   10s\n',
    );
    await run(`kubectl patch svc web --type=json -p '[{"op":"replace","path":"/spec/ports/0/port","value":8080}]'`);
    expect(await run('sleep 1; kubectl describe svc web | tail -4')).toBe(
      [
        '  Type    Reason                Age               From                Message',
        '  ----    ------                ----              ----                -------',
        '  Normal  EnsuredLoadBalancer   8s                service-controller  Ensured load balancer',
        '  Normal  EnsuringLoadBalancer  1s (x2 over 11s)  service-controller  Ensuring load balancer',
        '',
      ].join('\n'),
    );
    await run('sleep 5; kubectl label svc web tier=front');
    expect(await run('sleep 5; kubectl get svc web; kubectl describe svc web | tail -2')).toBe(
      [
        'NAME   TYPE           CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE',
        'web    LoadBalancer   10.111.163.93   34.80.56.7    8080:30552/TCP   21s',
        '  Normal  EnsuringLoadBalancer  11s (x2 over 21s)  service-controller  Ensuring load balancer',
        '  Normal  EnsuredLoadBalancer   8s (x2 over 18s)   service-controller  Ensured load balancer',
        '',
      ].join('\n'),
    );
    await run('kubectl annotate svc web note=x');
    expect(await run('sleep 5; kubectl describe svc web | tail -2')).toBe(
      ['  Normal  EnsuringLoadBalancer  5s (x3 over 26s)  service-controller  Ensuring load balancer', '  Normal  EnsuredLoadBalancer   2s (x3 over 23s)  service-controller  Ensured load balancer', ''].join('\n'),
    );
  });

  test('a change of type away from LoadBalancer deletes the load balancer, clears the status and drops the finalizer', async () => {
    const { s, run } = await sandbox();
    await run('kubectl create deployment web --image=nginx');
    await run('kubectl expose deployment web --type=LoadBalancer --port=80');
    await run('sleep 10');
    expect(await run(`kubectl patch svc web -p '{"spec":{"type":"ClusterIP"}}'`)).toBe('service/web patched\n');
    const svc = s.cluster.store.get('services', 'default', 'web') as Service;
    expect(svc.status).toEqual({ loadBalancer: {} });
    expect(svc.metadata.finalizers).toBeUndefined();
    expect(await run('kubectl get svc web; kubectl describe svc web | tail -6')).toBe(
      [
        'NAME   TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)   AGE',
        'web    ClusterIP   10.111.163.93   <none>        80/TCP    10s',
        '  Type    Reason                Age   From                Message',
        '  ----    ------                ----  ----                -------',
        '  Normal  EnsuringLoadBalancer  10s   service-controller  Ensuring load balancer',
        '  Normal  EnsuredLoadBalancer   7s    service-controller  Ensured load balancer',
        '  Normal  DeletingLoadBalancer  0s    service-controller  Deleting load balancer',
        '  Normal  DeletedLoadBalancer   0s    service-controller  Deleted load balancer',
        '',
      ].join('\n'),
    );
    // back to LoadBalancer: a new one, with a new address
    await run(`kubectl patch svc web -p '{"spec":{"type":"LoadBalancer"}}'`);
    expect(await run('sleep 3; kubectl get svc web -o jsonpath={.status.loadBalancer.ingress[0].ip}')).toMatch(/^34\.\d+\.\d+\.\d+$/);
    expect(await run('kubectl describe svc web | tail -2')).toBe(
      ['  Normal  DeletedLoadBalancer   3s                service-controller  Deleted load balancer', '  Normal  EnsuredLoadBalancer   0s (x2 over 10s)  service-controller  Ensured load balancer', ''].join('\n'),
    );
  });

  test('nodes that come and go update the load balancer\'s hosts; a NotReady node does not', () => {
    const c = Cluster.create({ seed: 1, start: T0, shape: 'cloud' });
    c.at(T0, () => c.api.create(lbService()));
    c.step(T0 + 10 * S);
    // a NotReady node stays behind the load balancer (the stable node set)
    c.at(T0 + 10 * S, () => stopKubelet(c, 'node1'));
    c.step(T0 + 100 * S);
    expect(node(c, 'node1').status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('Unknown');
    expect(eventsOf(c, 'Service', 'web')).toEqual(['Normal EnsuringLoadBalancer x1 (00:00:00..00:00:00) Ensuring load balancer', 'Normal EnsuredLoadBalancer x1 (00:00:03..00:00:03) Ensured load balancer']);
    // node removed: its instance is deleted, the cloud node lifecycle controller deletes the Node
    c.at(T0 + 100 * S, () => deleteInstance(c, 'node2'));
    c.step(T0 + 200 * S);
    expect(node(c, 'node2')).toBeUndefined();
    expect(eventsOf(c, 'Service', 'web').slice(2)).toEqual(['Normal UpdatedLoadBalancer x1 (00:02:30..00:02:30) Updated load balancer with new hosts']);
    // node added: the instance is created again and its kubelet registers the Node (without a
    // provider ID: one update), then the cloud node controller gives it one (a second)
    c.at(T0 + 300 * S, () => powerOn(c, 'node2'));
    c.step(T0 + 310 * S);
    expect(eventsOf(c, 'Service', 'web').slice(2)).toEqual(['Normal UpdatedLoadBalancer x3 (00:02:30..00:05:01) Updated load balancer with new hosts']);
  });

  test('an excluded node leaves the load balancer; one tainted ToBeDeletedByClusterAutoscaler leaves at the next sync; none left: UnAvailableLoadBalancer', () => {
    const c = Cluster.create({ seed: 1, start: T0, shape: 'cloud' });
    const label = (n: string, value: string) => {
      const next = structuredClone(node(c, n));
      next.metadata.labels = { ...next.metadata.labels, 'node.kubernetes.io/exclude-from-external-load-balancers': value };
      c.api.update(next);
    };
    c.at(T0, () => c.api.create(lbService()));
    // "false" keeps a node in
    c.at(T0 + 10 * S, () => label('node1', 'false'));
    expect(eventsOf(c, 'Service', 'web')).toHaveLength(2);
    c.at(T0 + 20 * S, () => label('node1', 'true'));
    // the taint alone updates nothing (the node sync does not look at taints)...
    c.at(T0 + 30 * S, () => {
      const next = structuredClone(node(c, 'node2'));
      next.spec.taints = [{ key: 'ToBeDeletedByClusterAutoscaler', value: '1767225630', effect: 'NoSchedule' }];
      c.api.update(next);
    });
    expect(eventsOf(c, 'Service', 'web').slice(2)).toEqual(['Normal UpdatedLoadBalancer x1 (00:00:20..00:00:20) Updated load balancer with new hosts']);
    // ...but a load balancer ensured now does not get the node
    c.at(T0 + 40 * S, () => c.api.create(lbService('api')));
    c.step(T0 + 45 * S);
    expect(eventsOf(c, 'Service', 'api')).toEqual([
      'Normal EnsuringLoadBalancer x1 (00:00:40..00:00:40) Ensuring load balancer',
      'Warning UnAvailableLoadBalancer x1 (00:00:40..00:00:40) There are no available nodes for LoadBalancer',
      'Normal EnsuredLoadBalancer x1 (00:00:43..00:00:43) Ensured load balancer',
    ]);
    // an empty value excludes too (it does not parse as a boolean): the next node sync leaves
    // web with no node, api had none already
    c.at(T0 + 50 * S, () => label('node2', ''));
    expect(eventsOf(c, 'Service', 'web').slice(2)).toEqual([
      'Normal UpdatedLoadBalancer x1 (00:00:20..00:00:20) Updated load balancer with new hosts',
      'Warning UnAvailableLoadBalancer x1 (00:00:50..00:00:50) There are no available nodes for LoadBalancer',
    ]);
    expect(eventsOf(c, 'Service', 'api')).toHaveLength(3);
  });

  test('a node registered by a kubelet with --cloud-provider=external is tainted until the cloud node controller initializes it', () => {
    const c = Cluster.create({ seed: 1, start: T0, shape: 'cloud' });
    c.at(T0, () => deleteInstance(c, 'node2'));
    c.step(T0 + 100 * S);
    expect(node(c, 'node2')).toBeUndefined();
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pinned', namespace: 'default' }, spec: { nodeSelector: { 'kubernetes.io/hostname': 'node2' }, containers: [{ name: 'main', image: 'nginx' }] } } as Pod;
    c.at(T0 + 100 * S, () => c.api.create(pod));
    // the instance is created again: its kubelet registers the Node at once
    c.at(T0 + 200 * S, () => powerOn(c, 'node2'));
    const registered = node(c, 'node2');
    // with the not-ready taint the API server's admission adds to every new Node (the kubelet posts Ready a second later)
    expect(registered.spec).toEqual({
      podCIDR: '10.244.2.0/24',
      podCIDRs: ['10.244.2.0/24'],
      taints: [
        { key: 'node.cloudprovider.kubernetes.io/uninitialized', value: 'true', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
      ],
    });
    expect(registered.metadata.labels).toEqual({ 'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': 'node2', 'kubernetes.io/os': 'linux' });
    expect(registered.status?.addresses).toEqual([{ type: 'InternalIP', address: '192.168.56.12' }, { type: 'Hostname', address: 'node2' }]);
    expect((c.store.get('pods', 'default', 'pinned') as Pod).spec.nodeName).toBeUndefined();
    // a second later the cloud has described the instance
    c.step(T0 + 201 * S);
    const n = node(c, 'node2');
    expect(n.spec).toEqual({ podCIDR: '10.244.2.0/24', podCIDRs: ['10.244.2.0/24'], providerID: 'gce://kubeaula-classroom/europe-west1-d/node2' });
    expect(n.metadata.labels).toMatchObject({
      'beta.kubernetes.io/instance-type': 'e2-medium',
      'failure-domain.beta.kubernetes.io/region': 'europe-west1',
      'failure-domain.beta.kubernetes.io/zone': 'europe-west1-d',
      'node.kubernetes.io/instance-type': 'e2-medium',
      'topology.kubernetes.io/region': 'europe-west1',
      'topology.kubernetes.io/zone': 'europe-west1-d',
    });
    expect(n.status?.addresses).toEqual([
      { type: 'InternalIP', address: '192.168.56.12' },
      { type: 'ExternalIP', address: c.runtime.sections.cloud.instances.node2.externalIP },
      { type: 'Hostname', address: 'node2' },
    ]);
    c.step(T0 + 210 * S);
    expect((c.store.get('pods', 'default', 'pinned') as Pod).spec.nodeName).toBe('node2');
    expect(eventsOf(c, 'Node', 'node2')).toEqual([
      'Normal NodeNotReady x1 (00:00:50..00:00:50) Node node2 status is now: NodeNotReady',
      'Normal DeletingNode x1 (00:00:50..00:00:50) Deleting node node2 because it does not exist in the cloud provider',
      'Normal RemovingNode x1 (00:00:50..00:00:50) Node node2 event: Removing Node node2 from Controller',
      'Normal RegisteredNode x1 (00:03:20..00:03:20) Node node2 event: Registered Node node2 in Controller',
      'Normal Synced x1 (00:03:21..00:03:21) Node synced successfully',
      'Normal NodeReady x1 (00:03:21..00:03:21) Node node2 status is now: NodeReady',
    ]);
    expect(eventsOf(c, 'Pod', 'pinned').slice(0, 3)).toEqual([
      'Warning FailedScheduling x1 (00:01:40..00:01:40) 0/2 nodes are available: 1 node(s) didn\'t match Pod\'s node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
      'Warning FailedScheduling x1 (00:03:20..00:03:20) 0/3 nodes are available: 1 node(s) didn\'t match Pod\'s node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had untolerated taint {node.cloudprovider.kubernetes.io/uninitialized: true}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      'Normal Scheduled x1 (00:03:22..00:03:22) Successfully assigned default/pinned to node2',
    ]);
  });

  test('load balancer and node initialization timers: any split of time gives the same cluster', () => {
    const play = (stepMs: number) => {
      const c = Cluster.create({ seed: 3, start: T0, shape: 'cloud' });
      c.at(T0, () => c.api.create(lbService()));
      c.at(T0 + S, () => deleteInstance(c, 'node2'));
      for (let t = T0 + S; t < T0 + 120 * S; t += stepMs) c.step(t);
      c.at(T0 + 120 * S, () => powerOn(c, 'node2'));
      c.at(T0 + 120 * S, () => c.api.create(lbService('api')));
      for (let t = T0 + 120 * S; t < T0 + 130 * S; t += stepMs) c.step(t);
      c.step(T0 + 130 * S);
      return JSON.stringify(c.serialize());
    };
    expect(play(250)).toBe(play(60 * S));
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
