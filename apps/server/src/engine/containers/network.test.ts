import { Cluster } from '../cluster';
import { KubeObject, Pod } from '../api/types';
import { Origin, connect, httpRequest, resolveName } from './network';
import { kubeletSection } from '../controllers/kubelet/runtime-state';

const T0 = Date.UTC(2026, 0, 1);

function deployment(name: string, image: string, replicas: number, ports?: { name: string; containerPort: number }[]): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image, ...(ports ? { ports } : {}) }] } } },
  };
}

function service(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: name }, ...spec } };
}

function cluster(mode: 'iptables' | 'ipvs', objects: KubeObject[]): Cluster {
  const c = Cluster.create({ seed: 1, start: T0, options: { kubeProxyMode: mode } });
  c.at(T0, () => objects.forEach((o) => c.api.create(o)));
  c.step(T0 + 30_000);
  return c;
}

const fromMaster = (c: Cluster): Origin => ({ kind: 'host', node: 'master', ip: c.runtime.machines.master.ip });
const podOrigin = (c: Cluster, name: string): Origin => {
  const p = c.api.get('pods', 'default', name) as Pod;
  return { kind: 'pod', namespace: 'default', ip: p.status!.podIP!, node: p.spec.nodeName! };
};
const clusterIP = (c: Cluster, name: string): string => (c.api.get('services', 'default', name) as { spec: { clusterIP: string } }).spec.clusterIP;

function hits(c: Cluster, n: number): string[] {
  const ip = clusterIP(c, 'web');
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const conn = connect(c, fromMaster(c), ip, 80);
    out.push(conn.kind === 'pod' ? conn.pod.metadata.name! : conn.kind);
  }
  return out;
}

describe('kube-proxy', () => {
  it('rotates strictly over the ready endpoints in IPVS mode', () => {
    const c = cluster('ipvs', [deployment('web', 'nginx', 3), service('web', { ports: [{ port: 80 }] })]);
    const seq = hits(c, 6);
    expect(new Set(seq.slice(0, 3)).size).toBe(3);
    expect(seq.slice(3)).toEqual(seq.slice(0, 3));
  });

  it('picks at random per connection in iptables mode, reaching every endpoint', () => {
    const c = cluster('iptables', [deployment('web', 'nginx', 3), service('web', { ports: [{ port: 80 }] })]);
    const seq = hits(c, 60);
    expect(new Set(seq).size).toBe(3);
    // the cluster's seeded source: the same cluster draws the same sequence
    const again = cluster('iptables', [deployment('web', 'nginx', 3), service('web', { ports: [{ port: 80 }] })]);
    expect(hits(again, 60)).toEqual(seq);
  });

  it('refuses a service without endpoints and times out on a port it does not have', () => {
    const c = cluster('iptables', [service('web', { ports: [{ port: 80 }] })]);
    expect(connect(c, fromMaster(c), clusterIP(c, 'web'), 80).kind).toBe('refused');
    expect(connect(c, fromMaster(c), clusterIP(c, 'web'), 81).kind).toBe('timeout');
  });

  it('follows a named targetPort and a NodePort on any node', () => {
    const c = cluster('iptables', [
      deployment('web', 'hashicorp/http-echo', 2, [{ name: 'http', containerPort: 5678 }]),
      service('web', { type: 'NodePort', ports: [{ port: 80, targetPort: 'http', nodePort: 30080 }] }),
    ]);
    const r = httpRequest(c, fromMaster(c), { host: c.runtime.machines.node2.ip, port: 30080, path: '/', method: 'GET', userAgent: 'curl/8.5.0' });
    expect(r).toMatchObject({ kind: 'response', status: 200, body: 'hello-world\n' });
    expect(connect(c, fromMaster(c), c.runtime.machines.node1.ip, 30081).kind).toBe('refused');
  });

  it("a node's localhost:NodePort is masqueraded like any host traffic; a pod's own localhost stays 127.0.0.1", () => {
    const c = cluster('iptables', [deployment('web', 'nginx', 1), service('web', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })]);
    const pod = (c.api.list('pods', { namespace: 'default' }) as Pod[])[0];
    const lastLog = (): string => {
      const extra = c.runtime.sections.kubelet.pods[`default/${pod.metadata.name}`].containers[0].current.extra as [number, string][];
      return extra[extra.length - 1][1];
    };
    const node2 = c.runtime.machines.node2;
    const get = (origin: Origin) => httpRequest(c, origin, { host: 'localhost', port: origin.kind === 'pod' ? 80 : 30080, path: '/', method: 'GET', userAgent: 'curl/8.5.0' });
    expect(get({ kind: 'host', node: 'node2', ip: node2.ip })).toMatchObject({ kind: 'response', status: 200 });
    // the bridge (cni0, .1) when the pod is on that node, its flannel.1 address (.0) otherwise
    const prefix = node2.podCIDR.slice(0, node2.podCIDR.lastIndexOf('.'));
    expect(lastLog().split(' ')[0]).toBe(`${prefix}.${pod.spec.nodeName === 'node2' ? 1 : 0}`);
    expect(get(podOrigin(c, pod.metadata.name!))).toMatchObject({ kind: 'response', status: 200 });
    expect(lastLog().split(' ')[0]).toBe('127.0.0.1');
  });
});

describe('cluster DNS', () => {
  it('answers service names with the search path, headless services with pod IPs, ExternalName as a CNAME', () => {
    const c = cluster('iptables', [
      deployment('web', 'nginx', 2),
      service('web', { ports: [{ port: 80 }] }),
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'default' }, spec: { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80 }] } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'default' }, spec: { type: 'ExternalName', externalName: 'example.com' } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } },
    ]);
    const o = podOrigin(c, 'client');
    const ip = clusterIP(c, 'web');
    for (const name of ['web', 'web.default', 'web.default.svc', 'web.default.svc.cluster.local']) expect(resolveName(c, o, name)).toEqual({ kind: 'a', fqdn: 'web.default.svc.cluster.local', ips: [ip] });
    const podIPs = (c.api.list('pods', { namespace: 'default', labelSelector: 'app=web' }) as Pod[]).map((p) => p.status!.podIP).sort();
    const db = resolveName(c, o, 'db');
    expect(db.kind === 'a' && [...db.ips].sort()).toEqual(podIPs);
    expect(resolveName(c, o, 'ext')).toEqual({ kind: 'cname', fqdn: 'ext.default.svc.cluster.local', target: 'example.com' });
    expect(resolveName(c, o, 'nope').kind).toBe('nxdomain');
    // the hosts do not use the cluster's DNS
    expect(resolveName(c, fromMaster(c), 'web').kind).toBe('nxdomain');
  });

  it('logs each request in the answering nginx container', () => {
    const c = cluster('ipvs', [deployment('web', 'nginx', 1), service('web', { ports: [{ port: 80 }] })]);
    const r = httpRequest(c, fromMaster(c), { host: clusterIP(c, 'web'), port: 80, path: '/', method: 'GET', userAgent: 'curl/8.5.0' });
    expect(r).toMatchObject({ kind: 'response', status: 200 });
    const pod = (c.api.list('pods', { namespace: 'default' }) as Pod[])[0];
    const cidr = c.runtime.machines.master.podCIDR.split('/')[0].replace(/\.0$/, '.0');
    const section = c.runtime.sections.kubelet.pods[`default/${pod.metadata.name}`];
    const extra = section.containers[0].current.extra as [number, string][];
    expect(extra[extra.length - 1][1]).toBe(`${cidr} - - [01/Jan/2026:00:00:30 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"`);
  });

  it('nginx answers a path it does not serve with its built-in 404 page, lines ending in CRLF, and logs its size', () => {
    const c = cluster('ipvs', [deployment('web', 'nginx:1.27', 1), service('web', { ports: [{ port: 80 }] })]);
    const r = httpRequest(c, fromMaster(c), { host: clusterIP(c, 'web'), port: 80, path: '/nope', method: 'GET', userAgent: 'curl/8.5.0' });
    const body = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n';
    expect(r).toMatchObject({ kind: 'response', status: 404, body });
    const pod = (c.api.list('pods', { namespace: 'default' }) as Pod[])[0];
    const extra = c.runtime.sections.kubelet.pods[`default/${pod.metadata.name}`].containers[0].current.extra as [number, string][];
    expect(extra[extra.length - 1][1]).toMatch(new RegExp(`"GET /nope HTTP/1.1" 404 ${body.length} "-" "curl/8.5.0" "-"$`));
    // its error log's line comes first; a second request is its second connection
    const ip = clusterIP(c, 'web');
    const client = extra[extra.length - 1][1].split(' ')[0];
    expect(extra[extra.length - 2][1]).toBe(`2026/01/01 00:00:30 [error] 29#29: *1 open() "/usr/share/nginx/html/nope" failed (2: No such file or directory), client: ${client}, server: localhost, request: "GET /nope HTTP/1.1", host: "${ip}"`);
    httpRequest(c, fromMaster(c), { host: ip, port: 80, path: '/x?y=1', method: 'GET', userAgent: 'curl/8.5.0' });
    expect(extra[extra.length - 2][1]).toMatch(/ \*2 open\(\) "\/usr\/share\/nginx\/html\/x" failed .* request: "GET \/x\?y=1 HTTP\/1.1"/);
  });

  it("the liveness test server answers /healthz with 200 for 10 s, then 500 and the seconds it has run", () => {
    const c = Cluster.create({ seed: 1, start: T0 });
    c.at(T0, () => c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'lv', namespace: 'default' }, spec: { containers: [{ name: 'lv', image: 'registry.k8s.io/liveness', args: ['/server'] }] } } as KubeObject));
    c.step(T0 + 5_000);
    const ip = (c.api.get('pods', 'default', 'lv') as Pod).status!.podIP!;
    const get = () => httpRequest(c, fromMaster(c), { host: ip, port: 8080, path: '/healthz', method: 'GET', userAgent: 'curl/8.5.0' });
    expect(get()).toMatchObject({ kind: 'response', status: 200, body: 'ok' });
    const started = kubeletSection(c.runtime).pods['default/lv'].containers[0].current!.startedAt;
    c.step(started + 12_500);
    expect(get()).toMatchObject({ kind: 'response', status: 500, body: 'error: 12.5' });
  });
});

