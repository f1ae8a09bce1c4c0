// Records apps/server/src/engine/api/schema/testdata/explain-golden.json: the output of the real
// kubectl v1.32 `explain` for a list of queries, run against a stub API server on 127.0.0.1
// that serves discovery and an OpenAPI v3 document built from fields.json. The golden test then
// checks that our renderer prints what kubectl's own template prints over the same data.
//
// Usage: node -r @swc-node/register tools/record-explain-golden.ts [path/to/kubectl.1.32]

import * as http from 'node:http';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { AddressInfo } from 'node:net';

const KUBECTL = process.argv[2] ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const SCHEMA_DIR = path.join(__dirname, '../apps/server/src/engine/api/schema');
const data = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'fields.json'), 'utf8'));

/** [kind, kubectl argument, recursive] */
const QUERIES: [string, string, boolean][] = [
  ['Pod', 'pods', false],
  ['Pod', 'pods.spec', false],
  ['Pod', 'pods.spec.containers', false],
  ['Pod', 'pods.spec.containers.image', false],
  ['Pod', 'pods.spec.restartPolicy', false],
  ['Pod', 'pods.spec.containers.resources.limits', false],
  ['Pod', 'pods.metadata.creationTimestamp', false],
  ['Pod', 'pods.spec.containers.ports.protocol', false],
  ['Pod', 'pods.spec.volumes.hostPath.type', false],
  ['Pod', 'pods.spec.containers.livenessProbe', true],
  ['Pod', 'pods.status.phase', false],
  ['Deployment', 'deployments', false],
  ['Deployment', 'deployments.spec', false],
  ['Deployment', 'deployments.spec.strategy', true],
  ['Deployment', 'deployments.spec.template.spec.containers.env.valueFrom', true],
  ['Service', 'services.spec', true],
  ['Service', 'services.spec.ports.targetPort', false],
  ['ConfigMap', 'configmaps', false],
  ['Secret', 'secrets.data', false],
  ['PersistentVolumeClaim', 'persistentvolumeclaims.spec', false],
  ['PersistentVolume', 'persistentvolumes.spec.persistentVolumeReclaimPolicy', false],
  ['Node', 'nodes.spec.taints', false],
  ['Namespace', 'namespaces', false],
  ['Event', 'events', false],
  ['StorageClass', 'storageclasses', false],
  ['ClusterRole', 'clusterroles.rules', false],
  ['EndpointSlice', 'endpointslices.endpoints', false],
  ['ReplicaSet', 'replicasets.spec.selector', true],
  ['DaemonSet', 'daemonsets.spec.updateStrategy', false],
  ['Lease', 'leases.spec', false],
  ['Pod', 'pods', true],
];

const RESOURCES: Record<string, [string, boolean]> = {
  Pod: ['pods', true], Namespace: ['namespaces', false], Node: ['nodes', false], Service: ['services', true],
  Endpoints: ['endpoints', true], ServiceAccount: ['serviceaccounts', true], ConfigMap: ['configmaps', true],
  Secret: ['secrets', true], PersistentVolume: ['persistentvolumes', false], PersistentVolumeClaim: ['persistentvolumeclaims', true],
  Event: ['events', true], Deployment: ['deployments', true], ReplicaSet: ['replicasets', true], DaemonSet: ['daemonsets', true],
  EndpointSlice: ['endpointslices', true], StorageClass: ['storageclasses', false], ClusterRole: ['clusterroles', false],
  ClusterRoleBinding: ['clusterrolebindings', false], Role: ['roles', true], RoleBinding: ['rolebindings', true],
  Lease: ['leases', true],
};
const SCALAR_TYPES: Record<string, string | undefined> = { Time: 'string', MicroTime: 'string', FieldsV1: 'object', RawExtension: 'object' };

const schemaName = (id: string): string => `x.${id.replace(/[/:]/g, '.')}`;
const ref = (name: string): object => ({ allOf: [{ $ref: `#/components/schemas/${name}` }] });

function value(f: any, t: string): any {
  if (t.startsWith('[]')) return { type: 'array', items: value(f, t.slice(2)) };
  if (t.startsWith('map[string]')) return { type: 'object', additionalProperties: value(f, t.slice(11)) };
  if (f.s && (t === f.s || (t === 'string' && (f.s === 'Time' || f.s === 'MicroTime')))) return ref(`x.scalar.${f.s}`);
  if (['string', 'integer', 'number', 'boolean'].includes(t)) return f.e ? { type: t, enum: f.e } : { type: t };
  if (f.r) return ref(schemaName(f.r));
  return { type: 'object' };
}

const schemas: Record<string, any> = {};
for (const [id, t] of Object.entries<any>(data.types)) {
  const properties: Record<string, any> = {};
  const required: string[] = [];
  for (const [k, f] of Object.entries<any>(t.f)) {
    properties[k] = { ...value(f, f.t), ...(f.d ? { description: f.d } : {}) };
    if (f.req) required.push(k);
  }
  schemas[schemaName(id)] = { type: 'object', description: t.d, properties, ...(required.length ? { required } : {}) };
}
for (const [s, d] of Object.entries<string>(data.scalars)) schemas[`x.scalar.${s}`] = { description: d, ...(SCALAR_TYPES[s] ? { type: SCALAR_TYPES[s] } : {}) };

const groups = new Map<string, { group: string; version: string; kinds: string[] }>();
for (const [key, id] of Object.entries<string>(data.kinds)) {
  const parts = key.split('/');
  const kind = parts.pop()!;
  const version = parts.pop()!;
  const group = parts.join('/');
  schemas[schemaName(id)]['x-kubernetes-group-version-kind'] = [{ group, kind, version }];
  const docPath = group ? `apis/${group}/${version}` : `api/${version}`;
  if (!groups.has(docPath)) groups.set(docPath, { group, version, kinds: [] });
  groups.get(docPath)!.kinds.push(kind);
}

function route(url: string): unknown {
  const p = url.split('?')[0];
  if (p === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] };
  if (p === '/apis') {
    const list = [...groups.values()].filter((g) => g.group);
    return { kind: 'APIGroupList', apiVersion: 'v1', groups: list.map((g) => ({ name: g.group, versions: [{ groupVersion: `${g.group}/${g.version}`, version: g.version }], preferredVersion: { groupVersion: `${g.group}/${g.version}`, version: g.version } })) };
  }
  if (p === '/openapi/v3') return { paths: Object.fromEntries([...groups.keys()].map((d) => [d, { serverRelativeURL: `/openapi/v3/${d}?hash=1` }])) };
  for (const [docPath, g] of groups) {
    const gv = g.group ? `${g.group}/${g.version}` : g.version;
    if (p === `/${docPath}`) {
      return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources: g.kinds.map((k) => ({ name: RESOURCES[k][0], singularName: k.toLowerCase(), namespaced: RESOURCES[k][1], kind: k, verbs: ['get', 'list'] })) };
    }
    if (p === `/openapi/v3/${docPath}`) {
      const paths: Record<string, unknown> = {};
      for (const k of g.kinds) {
        const gvk = { 'x-kubernetes-group-version-kind': { group: g.group, kind: k, version: g.version } };
        paths[`/${docPath}/${RESOURCES[k][0]}`] = { get: gvk };
        paths[`/${docPath}/namespaces/{namespace}/${RESOURCES[k][0]}`] = { get: gvk };
      }
      return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.0' }, paths, components: { schemas } };
    }
  }
  return undefined;
}

const server = http.createServer((req, res) => {
  const body = route(req.url ?? '/');
  if (body === undefined) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
});

server.listen(0, '127.0.0.1', () => {
  const port = (server.address() as AddressInfo).port;
  // kubectl runs as a child while this process serves it, so it must not block the event loop
  void (async () => {
    const out: unknown[] = [];
    for (const [kind, arg, recursive] of QUERIES) {
      const args = [`--server=http://127.0.0.1:${port}`, 'explain', arg, ...(recursive ? ['--recursive'] : [])];
      const stdout = await new Promise<string>((resolve, reject) => {
        execFile(KUBECTL, args, { env: { ...process.env, KUBECONFIG: '/dev/null' } }, (err: Error | null, so: string) => (err ? reject(err) : resolve(so)));
      });
      const dot = arg.indexOf('.');
      out.push({ kind, path: dot < 0 ? '' : arg.slice(dot + 1), recursive, command: `kubectl explain ${arg}${recursive ? ' --recursive' : ''}`, stdout });
    }
    fs.writeFileSync(path.join(SCHEMA_DIR, 'testdata/explain-golden.json'), `${JSON.stringify(out, null, 1)}\n`);
    console.log(`${out.length} outputs recorded with ${execFileSync(KUBECTL, ['version', '--client'], { encoding: 'utf8' }).split('\n')[0]}`);
    server.close();
  })();
});
