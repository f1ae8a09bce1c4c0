import { parseTime, rfc3339 } from '../../../time';
import type { Cell } from '../table';
import { columnsFor } from './index';

const NOW = parseTime('2026-01-10T12:00:00Z');
const ago = (s: number): string => rfc3339(NOW - s * 1000);
const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, namespace: 'default', creationTimestamp: ago(60), ...extra });

/** [description, group, kind, object, expected cells (all of them: the server sends wide cells too)] */
const cases: [string, string, string, any, Cell[]][] = [
  [
    'node ready control plane',
    '', 'Node',
    {
      metadata: meta('master', { labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'worker', 'node-role.kubernetes.io/': 'x' } }),
      spec: {},
      status: {
        conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: 'True' }],
        nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Ubuntu 22.04.4 LTS', kernelVersion: '5.15.0-116-generic', containerRuntimeVersion: 'containerd://1.7.12' },
        addresses: [{ type: 'Hostname', address: 'master' }, { type: 'InternalIP', address: '192.168.56.10' }],
      },
    },
    ['master', 'Ready', 'control-plane,worker', '60s', 'v1.32.0', '192.168.56.10', '<none>', 'Ubuntu 22.04.4 LTS', '5.15.0-116-generic', 'containerd://1.7.12'],
  ],
  [
    'node not ready (Unknown), cordoned, no roles',
    '', 'Node',
    { metadata: meta('node1'), spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } },
    ['node1', 'NotReady,SchedulingDisabled', '<none>', '60s', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>'],
  ],
  ['node without a Ready condition', '', 'Node', { metadata: meta('n'), spec: {} }, ['n', 'Unknown', '<none>', '60s', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']],
  ['node lease', 'coordination.k8s.io', 'Lease', { metadata: meta('node1', { namespace: 'kube-node-lease' }), spec: { holderIdentity: 'node1', leaseDurationSeconds: 40 } }, ['node1', 'node1', '60s']],
  ['lease without a holder', 'coordination.k8s.io', 'Lease', { metadata: meta('free'), spec: {} }, ['free', '', '60s']],
  ['namespace terminating', '', 'Namespace', { metadata: meta('dev'), status: { phase: 'Terminating' } }, ['dev', 'Terminating', '60s']],
  [
    'headless service',
    '', 'Service',
    { metadata: meta('db'), spec: { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 5432, protocol: 'TCP' }], selector: { b: '2', a: '1' } } },
    ['db', 'ClusterIP', 'None', '<none>', '5432/TCP', '60s', 'a=1,b=2'],
  ],
  [
    'service with external IPs, several ports, no selector',
    '', 'Service',
    { metadata: meta('web'), spec: { type: 'NodePort', clusterIPs: ['10.96.5.5'], externalIPs: ['1.2.3.4', '5.6.7.8'], ports: [{ port: 80, nodePort: 31380, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] } },
    ['web', 'NodePort', '10.96.5.5', '1.2.3.4,5.6.7.8', '80:31380/TCP,53/UDP', '60s', '<none>'],
  ],
  [
    'load balancer with ingress and external IPs',
    '', 'Service',
    {
      metadata: meta('lb'),
      spec: { type: 'LoadBalancer', clusterIPs: ['10.96.0.9'], externalIPs: ['9.9.9.9'], ports: [] },
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.7' }, { hostname: 'lb.example.com' }, { ip: '203.0.113.7' }] } },
    },
    ['lb', 'LoadBalancer', '10.96.0.9', '203.0.113.7,lb.example.com,9.9.9.9', '<none>', '60s', '<none>'],
  ],
  [
    'endpoints: IPv6, headless without ports, several subsets',
    '', 'Endpoints',
    { metadata: meta('e'), subsets: [{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }, { port: 443 }] }, { addresses: [{ ip: '10.0.0.9' }] }] },
    ['e', '[fd00::1]:80,[fd00::1]:443,10.0.0.9', '60s'],
  ],
  [
    'endpoints: not-ready addresses are not listed',
    '', 'Endpoints',
    { metadata: meta('e'), subsets: [{ notReadyAddresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }] },
    ['e', '', '60s'],
  ],
  [
    'endpointslice',
    'discovery.k8s.io', 'EndpointSlice',
    {
      metadata: meta('web-abcde'),
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 80 }, { name: 'named' }, {}, { port: 9 }],
      endpoints: [{ addresses: ['10.0.0.1', '10.0.0.2'] }, { addresses: ['10.0.0.3'] }, { addresses: ['10.0.0.4'] }],
    },
    ['web-abcde', 'IPv4', '80,named,* + 1 more...', '10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...', '60s'],
  ],
  ['empty endpointslice', 'discovery.k8s.io', 'EndpointSlice', { metadata: meta('x'), addressType: 'IPv4', endpoints: null }, ['x', 'IPv4', '<unset>', '<unset>', '60s']],
  ['secret', '', 'Secret', { metadata: meta('s'), type: 'kubernetes.io/tls', data: { 'tls.crt': 'x', 'tls.key': 'y' } }, ['s', 'kubernetes.io/tls', 2, '60s']],
  ['configmap with binary data', '', 'ConfigMap', { metadata: meta('c'), data: { a: '1' }, binaryData: { b: 'AA==' } }, ['c', 2, '60s']],
  ['service account', '', 'ServiceAccount', { metadata: meta('default') }, ['default', 0, '60s']],
  [
    'event from the new API: eventTime, series, reporting controller',
    '', 'Event',
    {
      metadata: meta('x.1'),
      involvedObject: { kind: 'Node', name: '' },
      reason: 'Starting',
      message: '  Starting kubelet.  ',
      type: 'Normal',
      eventTime: ago(600),
      series: { count: 4, lastObservedTime: ago(30) },
      reportingComponent: 'kubelet',
      reportingInstance: 'node1',
    },
    ['30s', 'Normal', 'Starting', 'node', '', 'kubelet, node1', 'Starting kubelet.', '10m', 4, 'x.1'],
  ],
  [
    'event without last timestamp',
    '', 'Event',
    { metadata: meta('y'), involvedObject: { kind: 'Pod', name: 'p', fieldPath: 'spec.containers{c}' }, reason: 'Pulled', message: 'ok', type: 'Normal', firstTimestamp: ago(90), count: 0 },
    ['90s', 'Normal', 'Pulled', 'pod/p', 'spec.containers{c}', '', 'ok', '90s', 1, 'y'],
  ],
  [
    'pv being deleted, class from the beta annotation, block mode',
    '', 'PersistentVolume',
    {
      metadata: meta('pv', { namespace: undefined, deletionTimestamp: ago(1), annotations: { 'volume.beta.kubernetes.io/storage-class': 'slow' } }),
      spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOncePod', 'ReadOnlyMany', 'ReadOnlyMany'], persistentVolumeReclaimPolicy: 'Recycle', storageClassName: 'fast', volumeMode: 'Block' },
      status: { phase: 'Released', reason: 'x' },
    },
    ['pv', '10Gi', 'ROX,RWOP', 'Recycle', 'Terminating', '', 'slow', '<unset>', 'x', '60s', 'Block'],
  ],
  [
    'pvc naming a volume but without status capacity',
    '', 'PersistentVolumeClaim',
    { metadata: meta('c'), spec: { volumeName: 'pv', storageClassName: 'manual', volumeMode: 'Filesystem' }, status: { phase: 'Bound' } },
    ['c', 'Bound', 'pv', '0', '', 'manual', '<unset>', '60s', 'Filesystem'],
  ],
  [
    'default storage class',
    'storage.k8s.io', 'StorageClass',
    { metadata: meta('standard', { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }), provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' },
    ['standard (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', false, '60s'],
  ],
  [
    'cluster role binding',
    'rbac.authorization.k8s.io', 'ClusterRoleBinding',
    {
      metadata: meta('b'),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [{ kind: 'User', name: 'alice' }, { kind: 'Group', name: 'devs' }, { kind: 'ServiceAccount', name: 'ci', namespace: 'tools' }, { kind: 'User', name: 'bob' }],
    },
    ['b', 'ClusterRole/view', '60s', 'alice, bob', 'devs', 'tools/ci'],
  ],
  ['cluster role (no printer: default table)', 'rbac.authorization.k8s.io', 'ClusterRole', { metadata: meta('admin') }, ['admin', ago(60)]],
  ['role (no printer: default table)', 'rbac.authorization.k8s.io', 'Role', { metadata: meta('r', { creationTimestamp: '2024-09-02T10:15:03Z' }) }, ['r', '2024-09-02T10:15:03Z']],
  [
    'daemonset',
    'apps', 'DaemonSet',
    {
      metadata: meta('kube-proxy'),
      spec: { selector: { matchLabels: { 'k8s-app': 'kube-proxy' } }, template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.32.0' }] } } },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2, numberMisscheduled: 0 },
    },
    ['kube-proxy', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '60s', 'kube-proxy', 'registry.k8s.io/kube-proxy:v1.32.0', 'k8s-app=kube-proxy'],
  ],
  [
    'deployment with set-based selector and two containers, no status yet',
    'apps', 'Deployment',
    {
      metadata: meta('web'),
      spec: {
        replicas: 3,
        selector: { matchLabels: { tier: 'fe' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }, { key: 'canary', operator: 'DoesNotExist' }, { key: 'app', operator: 'Exists' }] },
        template: { spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox' }] } },
      },
    },
    ['web', '0/3', 0, 0, '60s', 'a,b', 'nginx,busybox', 'app,!canary,env in (dev,prod),tier=fe'],
  ],
  [
    'replicaset without a selector prints <none>',
    'apps', 'ReplicaSet',
    { metadata: meta('rs'), spec: { replicas: 0, template: { spec: { containers: [] } } } },
    ['rs', 0, 0, 0, '60s', '', '', '<none>'],
  ],
];

describe('server-side table rows', () => {
  it.each(cases)('%s', (_name, group, kind, obj, expected) => {
    const set = columnsFor(group, kind);
    const row = set.row({ apiVersion: group ? `${group}/v1` : 'v1', kind, ...obj }, NOW);
    expect(row).toEqual(expected);
    expect(row).toHaveLength(set.columns.length);
  });
});
