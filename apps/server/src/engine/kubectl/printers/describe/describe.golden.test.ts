// Golden tests: testdata/cluster.json is a cluster snapshot; each testdata/<case>.txt is what the
// real kubectl v1.32.5 printed for `kubectl describe <args>` against a fake API server serving
// that snapshot (TZ=UTC), at the snapshot's `base` time. Where Go prints map keys in random order
// (ConfigMap and Secret data) the golden was captured until the keys came out sorted.
import { readFileSync } from 'fs';
import { join } from 'path';
import type { KubeObject } from '../../../api/types';
import { contextFromObjects, describe as describeObject, describeAll } from './describe';

const snapshot = JSON.parse(readFileSync(join(__dirname, 'testdata', 'cluster.json'), 'utf8')) as {
  base: number;
  objects: KubeObject[];
};
const nowByCase = JSON.parse(readFileSync(join(__dirname, 'testdata', 'now.json'), 'utf8')) as Record<string, number>;
const golden = (file: string): string => readFileSync(join(__dirname, 'testdata', `${file}.txt`), 'utf8');

// case file → [kind, namespace (undefined for cluster-scoped), name]
const CASES: [string, string, string | undefined, string][] = [
  ['pod-nginx', 'Pod', 'default', 'nginx-6d4cf56db6-abcde'],
  ['pod-web', 'Pod', 'shop', 'web'],
  ['pod-pending', 'Pod', 'default', 'pending'],
  ['pod-dying', 'Pod', 'default', 'dying'],
  ['pod-proxy', 'Pod', 'kube-system', 'kube-proxy-m9d4k'],
  ['deploy-nginx', 'Deployment', 'default', 'nginx'],
  ['rs-nginx', 'ReplicaSet', 'default', 'nginx-6d4cf56db6'],
  ['rs-old', 'ReplicaSet', 'default', 'nginx-7c5ddbdf54'],
  ['ds-proxy', 'DaemonSet', 'kube-system', 'kube-proxy'],
  ['svc-nginx', 'Service', 'default', 'nginx'],
  ['svc-api', 'Service', 'default', 'api'],
  ['svc-lb', 'Service', 'default', 'lb'],
  ['svc-ext', 'Service', 'default', 'ext'],
  ['ep-nginx', 'Endpoints', 'default', 'nginx'],
  ['ep-api', 'Endpoints', 'default', 'api'],
  ['ep-empty', 'Endpoints', 'default', 'empty'],
  ['eps-nginx', 'EndpointSlice', 'default', 'nginx-8x2kq'],
  ['eps-api', 'EndpointSlice', 'default', 'api-abcde'],
  ['node-node1', 'Node', undefined, 'node1'],
  ['node-master', 'Node', undefined, 'master'],
  ['ns-shop', 'Namespace', undefined, 'shop'],
  ['ns-old', 'Namespace', undefined, 'old'],
  ['cm-web', 'ConfigMap', 'shop', 'web-config'],
  ['cm-bin', 'ConfigMap', 'shop', 'bin'],
  ['secret-web', 'Secret', 'shop', 'web-secret'],
  ['secret-token', 'Secret', 'shop', 'web-sa-token'],
  ['sa-web', 'ServiceAccount', 'shop', 'web-sa'],
  ['sa-default', 'ServiceAccount', 'shop', 'default'],
  ['pv-data', 'PersistentVolume', undefined, 'pv-data'],
  ['pv-free', 'PersistentVolume', undefined, 'pv-free'],
  ['pvc-data', 'PersistentVolumeClaim', 'shop', 'data-pvc'],
  ['pvc-wait', 'PersistentVolumeClaim', 'shop', 'wait-pvc'],
  ['sc-standard', 'StorageClass', undefined, 'standard'],
  ['sc-fast', 'StorageClass', undefined, 'fast'],
  ['role', 'Role', 'shop', 'pod-reader'],
  ['clusterrole', 'ClusterRole', undefined, 'viewer'],
  ['rolebinding', 'RoleBinding', 'shop', 'read-pods'],
  ['clusterrolebinding', 'ClusterRoleBinding', undefined, 'view-all'],
  ['event-web', 'Event', 'shop', 'web.0000000000000013'],
  ['pod-creating', 'Pod', 'default', 'creating'],
  ['pod-badimg', 'Pod', 'default', 'badimg'],
  ['pod-once', 'Pod', 'default', 'once'],
  ['deploy-api', 'Deployment', 'shop', 'api'],
  ['deploy-lonely', 'Deployment', 'shop', 'lonely'],
  ['node-node2', 'Node', undefined, 'node2'],
  ['svc-db', 'Service', 'shop', 'db'],
  ['eps-db', 'EndpointSlice', 'shop', 'db-xyz12'],
  ['eps-empty', 'EndpointSlice', 'shop', 'empty-abc'],
  ['pod-secure', 'Pod', 'shop', 'secure'],
  ['deploy-web2', 'Deployment', 'shop', 'web2'],
  ['rs-web2', 'ReplicaSet', 'shop', 'web2-old'],
  ['pvc-clone', 'PersistentVolumeClaim', 'shop', 'clone'],
  ['pv-csi', 'PersistentVolume', undefined, 'pv-csi'],
  ['sc-zonal', 'StorageClass', undefined, 'zonal'],
  ['svc-edge', 'Service', 'shop', 'edge'],
];

describe('kubectl describe matches kubectl v1.32 byte for byte', () => {
  test.each(CASES)('%s', (file, kind, namespace, name) => {
    const ctx = contextFromObjects(snapshot.objects, nowByCase[file]);
    const obj = ctx.get(kind, namespace ?? '', name);
    expect(obj).toBeDefined();
    expect(describeObject(obj!, ctx)).toBe(golden(file));
  });

  test('--show-events=false prints no Events section', () => {
    const ctx = contextFromObjects(snapshot.objects, nowByCase['pod-once-noevents'], false);
    expect(describeObject(ctx.get('Pod', 'default', 'once')!, ctx)).toBe(golden('pod-once-noevents'));
  });

  test('several objects are separated by two blank lines (kubectl describe rs)', () => {
    const ctx = contextFromObjects(snapshot.objects, nowByCase['multi-rs']);
    expect(describeAll(ctx.list('ReplicaSet', 'default'), ctx)).toBe(golden('multi-rs'));
  });
});

describe('describers tolerate objects with only metadata', () => {
  const kinds: [string, string][] = [
    ['v1', 'Pod'], ['v1', 'Node'], ['v1', 'Service'], ['v1', 'Endpoints'], ['v1', 'Namespace'], ['v1', 'ConfigMap'],
    ['v1', 'Secret'], ['v1', 'ServiceAccount'], ['v1', 'PersistentVolume'], ['v1', 'PersistentVolumeClaim'], ['v1', 'Event'],
    ['apps/v1', 'Deployment'], ['apps/v1', 'ReplicaSet'], ['apps/v1', 'DaemonSet'], ['discovery.k8s.io/v1', 'EndpointSlice'],
    ['storage.k8s.io/v1', 'StorageClass'], ['rbac.authorization.k8s.io/v1', 'Role'], ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
    ['rbac.authorization.k8s.io/v1', 'RoleBinding'], ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'],
  ];
  test.each(kinds)('%s %s', (apiVersion, kind) => {
    const ctx = contextFromObjects([], 0);
    const text = describeObject({ apiVersion, kind, metadata: { name: 'x', namespace: 'default' } }, ctx);
    expect(text.startsWith('Name:')).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
  });
});
