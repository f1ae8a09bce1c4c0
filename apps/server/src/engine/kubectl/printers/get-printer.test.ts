import { parseTime, rfc3339 } from '../../time';
import type { KubeObject } from '../../api/types';
import { printName, printTable, printTables, type KindInfo } from './get-printer';

const NOW = parseTime('2026-01-10T12:00:00Z');
const ago = (s: number): string => rfc3339(NOW - s * 1000);
const SEC = 1;
const MIN = 60;
const HOUR = 3600;
const DAY = 86400;

const info = (kind: string, group = '', namespaced = true): KindInfo => ({ kind, group, namespaced });
const POD = info('Pod');

function pod(name: string, created: number, extra: { spec?: any; status?: any; metadata?: any } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: ago(created), ...extra.metadata },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...extra.spec },
    status: extra.status ?? {},
  };
}

const running = (restartCount = 0, lastFinished?: number) => ({
  name: 'c',
  ready: true,
  restartCount,
  image: 'nginx',
  imageID: '',
  state: { running: { startedAt: ago(10) } },
  lastState: lastFinished === undefined ? {} : { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(lastFinished) } },
});
const waiting = (reason: string) => ({ name: 'c', ready: false, restartCount: 0, image: 'nginx', imageID: '', state: { waiting: { reason } }, lastState: {} });

const runningPod = (name: string, created: number, cs = running(), more: any = {}) =>
  pod(name, created, {
    ...more,
    status: { phase: 'Running', podIPs: [{ ip: '10.244.1.5' }], conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [cs], ...more.status },
  });

describe('printTable: reference §1.3 samples', () => {
  it('pods', () => {
    const out = printTable(
      [
        runningPod('nginx-7c5ddbdf54-2xkqn', 45 * SEC),
        pod('nginx-7c5ddbdf54-8wq4d', 3 * SEC, { status: { phase: 'Pending', containerStatuses: [waiting('ContainerCreating')] } }),
        runningPod('web', 2 * DAY + 3 * HOUR, running(2, 3 * MIN + 12)),
      ],
      { resource: POD, now: NOW },
    );
    expect(out).toBe(
      'NAME                     READY   STATUS              RESTARTS        AGE\n' +
        'nginx-7c5ddbdf54-2xkqn   1/1     Running             0               45s\n' +
        'nginx-7c5ddbdf54-8wq4d   0/1     ContainerCreating   0               3s\n' +
        'web                      1/1     Running             2 (3m12s ago)   2d3h\n',
    );
  });

  it('pods -o wide', () => {
    const out = printTable(
      [
        runningPod('nginx-7c5ddbdf54-2xkqn', 45, running(), { spec: { nodeName: 'worker-1' } }),
        pod('pending-pod', 5, { status: { phase: 'Pending' } }),
      ],
      { resource: POD, now: NOW, wide: true },
    );
    expect(out).toBe(
      'NAME                     READY   STATUS    RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES\n' +
        'nginx-7c5ddbdf54-2xkqn   1/1     Running   0          45s   10.244.1.5   worker-1   <none>           <none>\n' +
        'pending-pod              0/1     Pending   0          5s    <none>       <none>     <none>           <none>\n',
    );
  });

  it('rs -o wide', () => {
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'nginx-7c5ddbdf54', creationTimestamp: ago(5 * MIN) },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'nginx', 'pod-template-hash': '7c5ddbdf54' } },
        template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
      },
      status: { replicas: 3, readyReplicas: 3 },
    };
    expect(printTable([rs], { resource: info('ReplicaSet', 'apps'), now: NOW, wide: true })).toBe(
      'NAME               DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR\n' +
        'nginx-7c5ddbdf54   3         3         3       5m    nginx        nginx:1.27   app=nginx,pod-template-hash=7c5ddbdf54\n',
    );
  });

  it('deployments', () => {
    const d: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'nginx', creationTimestamp: ago(5 * MIN) },
      spec: { replicas: 3, selector: { matchLabels: { app: 'nginx' } }, template: { spec: { containers: [] } } },
      status: { readyReplicas: 3, updatedReplicas: 3, availableReplicas: 3 },
    };
    expect(printTable([d], { resource: info('Deployment', 'apps'), now: NOW })).toBe(
      'NAME    READY   UP-TO-DATE   AVAILABLE   AGE\nnginx   3/3     3            3           5m\n',
    );
  });

  it('services', () => {
    const svc = (name: string, created: number, spec: any, status: any = {}): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, creationTimestamp: ago(created) },
      spec,
      status,
    });
    const out = printTable(
      [
        svc('kubernetes', 10 * DAY, { type: 'ClusterIP', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP' }] }),
        svc('nginx', 12, { type: 'NodePort', clusterIPs: ['10.103.47.211'], ports: [{ port: 80, nodePort: 31380, protocol: 'TCP' }] }),
        svc('lb', 8, { type: 'LoadBalancer', clusterIPs: ['10.98.12.7'], ports: [{ port: 80, nodePort: 30512, protocol: 'TCP' }] }, { loadBalancer: {} }),
        svc('extdb', 3, { type: 'ExternalName', externalName: 'db.example.com' }),
      ],
      { resource: info('Service'), now: NOW },
    );
    expect(out).toBe(
      'NAME         TYPE           CLUSTER-IP      EXTERNAL-IP      PORT(S)        AGE\n' +
        'kubernetes   ClusterIP      10.96.0.1       <none>           443/TCP        10d\n' +
        'nginx        NodePort       10.103.47.211   <none>           80:31380/TCP   12s\n' +
        'lb           LoadBalancer   10.98.12.7      <pending>        80:30512/TCP   8s\n' +
        'extdb        ExternalName   <none>          db.example.com   <none>         3s\n',
    );
  });

  it('endpoints', () => {
    const ep = (name: string, created: number, subsets?: any[]): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, creationTimestamp: ago(created) },
      subsets,
    });
    const addrs = (...ips: string[]) => ips.map((ip) => ({ ip }));
    const out = printTable(
      [
        ep('kubernetes', 10 * DAY, [{ addresses: addrs('192.168.56.10'), ports: [{ port: 6443 }] }]),
        ep('nginx', 12, [{ addresses: addrs('10.244.1.5', '10.244.2.3', '10.244.2.4', '10.244.1.9'), notReadyAddresses: addrs('10.0.0.1'), ports: [{ port: 80 }] }]),
        ep('empty', 4),
      ],
      { resource: info('Endpoints'), now: NOW },
    );
    expect(out).toBe(
      'NAME         ENDPOINTS                                               AGE\n' +
        'kubernetes   192.168.56.10:6443                                      10d\n' +
        'nginx        10.244.1.5:80,10.244.2.3:80,10.244.2.4:80 + 1 more...   12s\n' +
        'empty        <none>                                                  4s\n',
    );
  });

  it('namespaces', () => {
    const ns = ['default', 'kube-node-lease', 'kube-public', 'kube-system'].map(
      (name): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, creationTimestamp: ago(10 * DAY) }, status: { phase: 'Active' } }),
    );
    expect(printTable(ns, { resource: info('Namespace', '', false), now: NOW, withNamespace: true })).toBe(
      'NAME              STATUS   AGE\n' +
        'default           Active   10d\n' +
        'kube-node-lease   Active   10d\n' +
        'kube-public       Active   10d\n' +
        'kube-system       Active   10d\n',
    );
  });

  it('pv and pvc', () => {
    const pv = (name: string, created: number, spec: any, phase: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name, creationTimestamp: ago(created) },
      spec,
      status: { phase },
    });
    expect(
      printTable(
        [
          pv('pv-data', 2 * MIN, { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', claimRef: { namespace: 'default', name: 'data-claim' } }, 'Bound'),
          pv('pv-free', 30, { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'manual' }, 'Available'),
        ],
        { resource: info('PersistentVolume', '', false), now: NOW },
      ),
    ).toBe(
      'NAME      CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM                STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n' +
        'pv-data   1Gi        RWO            Retain           Bound       default/data-claim                  <unset>                          2m\n' +
        'pv-free   5Gi        RWO,RWX        Delete           Available                        manual         <unset>                          30s\n',
    );
    const pvc = (name: string, created: number, spec: any, status: any): KubeObject => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name, creationTimestamp: ago(created) },
      spec,
      status,
    });
    expect(
      printTable(
        [
          pvc('data-claim', 2 * MIN, { volumeName: 'pv-data', resources: { requests: { storage: '500Mi' } } }, { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] }),
          pvc('web-claim0', 5, { accessModes: ['ReadWriteOnce'] }, { phase: 'Pending' }),
        ],
        { resource: info('PersistentVolumeClaim'), now: NOW },
      ),
    ).toBe(
      'NAME         STATUS    VOLUME    CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n' +
        'data-claim   Bound     pv-data   1Gi        RWO                           <unset>                 2m\n' +
        'web-claim0   Pending                                                      <unset>                 5s\n',
    );
  });

  it('configmaps', () => {
    const cm = (name: string, created: number, data: any): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, creationTimestamp: ago(created) }, data });
    expect(printTable([cm('kube-root-ca.crt', 10 * DAY, { 'ca.crt': 'x' }), cm('app-config', 7, { a: '1', b: '2' })], { resource: info('ConfigMap'), now: NOW })).toBe(
      'NAME               DATA   AGE\nkube-root-ca.crt   1      10d\napp-config         2      7s\n',
    );
  });

  it('events, plain and wide', () => {
    const ev = (name: string, s: number, reason: string, message: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: 'default', creationTimestamp: ago(s) },
      involvedObject: { kind: 'Pod', name: 'nginx', namespace: 'default' },
      reason,
      message,
      type: 'Normal',
      source: { component: 'default-scheduler' },
      firstTimestamp: ago(s),
      lastTimestamp: ago(s),
      count: 1,
    });
    const items = [ev('nginx.1', 45, 'Scheduled', 'Successfully assigned default/nginx to node01'), ev('nginx.2', 44, 'Pulling', 'Pulling image "nginx"\n')];
    expect(printTable(items, { resource: info('Event'), now: NOW })).toBe(
      'LAST SEEN   TYPE     REASON      OBJECT      MESSAGE\n' +
        '45s         Normal   Scheduled   pod/nginx   Successfully assigned default/nginx to node01\n' +
        '44s         Normal   Pulling     pod/nginx   Pulling image "nginx"\n',
    );
    expect(printTable(items.slice(0, 1), { resource: info('Event'), now: NOW, wide: true })).toBe(
      'LAST SEEN   TYPE     REASON      OBJECT      SUBOBJECT   SOURCE              MESSAGE                                         FIRST SEEN   COUNT   NAME\n' +
        '45s         Normal   Scheduled   pod/nginx               default-scheduler   Successfully assigned default/nginx to node01   45s          1       nginx.1\n',
    );
  });

  it('pods -A', () => {
    const p2 = runningPod('coredns-6f6b679f8f-4xk2p', 10 * DAY);
    p2.metadata.namespace = 'kube-system';
    expect(printTable([runningPod('nginx', 45), p2], { resource: POD, now: NOW, withNamespace: true })).toBe(
      'NAMESPACE     NAME                       READY   STATUS    RESTARTS   AGE\n' +
        'default       nginx                      1/1     Running   0          45s\n' +
        'kube-system   coredns-6f6b679f8f-4xk2p   1/1     Running   0          10d\n',
    );
  });

  it('pods --show-labels and -L', () => {
    const a = runningPod('nginx', 45, running(), { metadata: { labels: { run: 'nginx' } } });
    const b = runningPod('web-5d8f9c7b6-x7tzq', 2 * MIN, running(), { metadata: { labels: { 'pod-template-hash': '5d8f9c7b6', app: 'web' } } });
    expect(printTable([a, b], { resource: POD, now: NOW, showLabels: true })).toBe(
      'NAME                  READY   STATUS    RESTARTS   AGE   LABELS\n' +
        'nginx                 1/1     Running   0          45s   run=nginx\n' +
        'web-5d8f9c7b6-x7tzq   1/1     Running   0          2m    app=web,pod-template-hash=5d8f9c7b6\n',
    );
    expect(printTable([a, b], { resource: POD, now: NOW, labelColumns: ['app', 'app.kubernetes.io/run'] })).toBe(
      'NAME                  READY   STATUS    RESTARTS   AGE   APP   RUN\n' +
        'nginx                 1/1     Running   0          45s         \n' +
        'web-5d8f9c7b6-x7tzq   1/1     Running   0          2m    web   \n',
    );
  });

  it('prints nothing, not even a header, for zero rows', () => {
    expect(printTable([], { resource: POD, now: NOW })).toBe('');
  });

  it('--no-headers', () => {
    expect(printTable([runningPod('nginx', 45)], { resource: POD, now: NOW, noHeaders: true })).toBe('nginx   1/1   Running   0     45s\n');
  });

  it('cuts a multi-line cell at the first newline', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a\nb', creationTimestamp: ago(1) } };
    expect(printTable([cm], { resource: info('ConfigMap'), now: NOW })).toBe('NAME   DATA   AGE\na...   0      1s\n');
  });
});

describe('several kinds', () => {
  it('prefixes names with kind.group and separates blocks by a blank line', () => {
    const d: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'nginx', creationTimestamp: ago(5 * MIN) },
      spec: { replicas: 1, selector: {}, template: { spec: { containers: [] } } },
      status: { readyReplicas: 1, updatedReplicas: 1, availableReplicas: 1 },
    };
    const out = printTables(
      [
        { resource: POD, items: [runningPod('nginx-1', 45)] },
        { resource: info('Service'), items: [] },
        { resource: info('Deployment', 'apps'), items: [d] },
      ],
      { now: NOW },
    );
    expect(out).toBe(
      'NAME          READY   STATUS    RESTARTS   AGE\n' +
        'pod/nginx-1   1/1     Running   0          45s\n' +
        '\n' +
        'NAME                    READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'deployment.apps/nginx   1/1     1            1           5m\n',
    );
  });
});

describe('printName', () => {
  it.each([
    [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx' } }, undefined, 'pod/nginx\n'],
    [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }, 'created', 'deployment.apps/web created\n'],
    [{ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'x' } }, undefined, 'endpoints/x\n'],
    [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } }, 'deleted', 'clusterrole.rbac.authorization.k8s.io/r deleted\n'],
  ])('%j %s', (obj, op, expected) => {
    expect(printName(obj as KubeObject, op)).toBe(expected);
  });
});
