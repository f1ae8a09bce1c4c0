/* eslint-disable */ // a Node dev tool that regenerates the goldens, not engine code
// Minimal fake kube-apiserver serving objects from a fixture JSON, so the real kubectl 1.32
// can `describe` them and we capture golden output. Usage: node server.js fixture.json port
const http = require('http');
const fs = require('fs');

const objects = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')).objects;
const port = +process.argv[3];

const R = (name, kind, namespaced, group, version, shortNames = []) => ({ name, kind, namespaced, group, version, shortNames });
const resources = [
  R('pods', 'Pod', true, '', 'v1', ['po']),
  R('nodes', 'Node', false, '', 'v1', ['no']),
  R('services', 'Service', true, '', 'v1', ['svc']),
  R('endpoints', 'Endpoints', true, '', 'v1', ['ep']),
  R('namespaces', 'Namespace', false, '', 'v1', ['ns']),
  R('configmaps', 'ConfigMap', true, '', 'v1', ['cm']),
  R('secrets', 'Secret', true, '', 'v1'),
  R('serviceaccounts', 'ServiceAccount', true, '', 'v1', ['sa']),
  R('persistentvolumes', 'PersistentVolume', false, '', 'v1', ['pv']),
  R('persistentvolumeclaims', 'PersistentVolumeClaim', true, '', 'v1', ['pvc']),
  R('events', 'Event', true, '', 'v1', ['ev']),
  R('resourcequotas', 'ResourceQuota', true, '', 'v1', ['quota']),
  R('limitranges', 'LimitRange', true, '', 'v1', ['limits']),
  R('deployments', 'Deployment', true, 'apps', 'v1', ['deploy']),
  R('replicasets', 'ReplicaSet', true, 'apps', 'v1', ['rs']),
  R('daemonsets', 'DaemonSet', true, 'apps', 'v1', ['ds']),
  R('endpointslices', 'EndpointSlice', true, 'discovery.k8s.io', 'v1'),
  R('roles', 'Role', true, 'rbac.authorization.k8s.io', 'v1'),
  R('rolebindings', 'RoleBinding', true, 'rbac.authorization.k8s.io', 'v1'),
  R('clusterroles', 'ClusterRole', false, 'rbac.authorization.k8s.io', 'v1'),
  R('clusterrolebindings', 'ClusterRoleBinding', false, 'rbac.authorization.k8s.io', 'v1'),
  R('storageclasses', 'StorageClass', false, 'storage.k8s.io', 'v1', ['sc']),
  R('leases', 'Lease', true, 'coordination.k8s.io', 'v1'),
];
const groups = [...new Set(resources.map((r) => r.group).filter(Boolean))];

function send(res, code, body) {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}
function notFound(res, r, name) {
  send(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `${r.name}${r.group ? '.' + r.group : ''} "${name}" not found`, reason: 'NotFound', details: { name, group: r.group, kind: r.name }, code: 404 });
}
function apiResourceList(gv, rs) {
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources: rs.map((r) => ({ name: r.name, singularName: r.kind.toLowerCase(), namespaced: r.namespaced, kind: r.kind, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames: r.shortNames })) };
}
function get(obj, path) {
  let v = obj;
  for (const p of path.split('.')) v = v == null ? undefined : v[p];
  return v;
}
function matchField(obj, sel) {
  if (!sel) return true;
  return sel.split(',').every((term) => {
    const neq = term.includes('!=');
    const [k, v] = neq ? term.split('!=') : term.split(/==?/);
    const actual = String(get(obj, k) ?? '');
    return neq ? actual !== v : actual === v;
  });
}
function matchLabels(obj, sel) {
  if (!sel) return true;
  const labels = obj.metadata.labels || {};
  return sel.split(',').every((term) => {
    const [k, v] = term.split('=');
    return labels[k] === v;
  });
}

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const p = url.pathname;
  fs.appendFileSync('./requests.log', `${req.method} ${req.url}\n`);
  if (p === '/api') return send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${port}` }] });
  if (p === '/apis') return send(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => ({ name: g, versions: [{ groupVersion: `${g}/v1`, version: 'v1' }], preferredVersion: { groupVersion: `${g}/v1`, version: 'v1' } })) });
  if (p === '/api/v1') return send(res, 200, apiResourceList('v1', resources.filter((r) => !r.group)));
  const gm = /^\/apis\/([^/]+)\/v1$/.exec(p);
  if (gm) return send(res, 200, apiResourceList(`${gm[1]}/v1`, resources.filter((r) => r.group === gm[1])));
  const m = /^\/(?:api\/v1|apis\/([^/]+)\/v1)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(p);
  if (!m) return send(res, 404, { kind: 'Status', status: 'Failure', code: 404, message: 'the server could not find the requested resource', reason: 'NotFound' });
  let [, group = '', ns, resName, name] = m;
  const r = resources.find((x) => x.name === resName && x.group === group);
  if (!r) return send(res, 404, { kind: 'Status', status: 'Failure', code: 404, reason: 'NotFound', message: 'not found' });
  const pool = objects.filter((o) => o.kind === r.kind && (!r.namespaced || !ns || o.metadata.namespace === ns));
  if (name) {
    const o = pool.find((x) => x.metadata.name === name);
    return o ? send(res, 200, o) : notFound(res, r, name);
  }
  const items = pool.filter((o) => matchField(o, url.searchParams.get('fieldSelector')) && matchLabels(o, url.searchParams.get('labelSelector')));
  return send(res, 200, { kind: `${r.kind}List`, apiVersion: r.group ? `${r.group}/v1` : 'v1', metadata: { resourceVersion: '100' }, items });
}).listen(port, '127.0.0.1');
