// The cluster network as a client sees it: CoreDNS answering service names, kube-proxy sending a
// connection to a Service's ClusterIP or NodePort on to one ready endpoint (at random in
// iptables mode, in strict rotation in IPVS mode), and the answering container replying as its
// image does, with the request in its access log.

import type { ClusterView } from './cluster-view';
import type { HostState } from '../shell/types';
import { served } from './document-root';
import { Endpoints, Pod, Service } from '../api/types';
import { appendContainerLog } from '../controllers/kubelet/logs';
import { kubeletSection } from '../controllers/kubelet/runtime-state';
import { lookupImage } from '../images/catalog';
import type { ProcessPlan } from '../controllers/kubelet/process-model';
import { civil } from '../time';
import { formatTime } from '../controllers/kubelet/log-template';

export const CLUSTER_DOMAIN = 'cluster.local';
export const DNS_SERVICE_IP = '10.96.0.10';

/** Where a client runs: a pod (cluster DNS, its namespace's search path) or a host (no cluster DNS). */
export type Origin = ({ kind: 'pod'; namespace: string; ip: string; node: string } | { kind: 'host'; node: string; ip: string }) & {
  /** the sandbox's machines: a web server's hostPath document root is on its node */
  hosts?: Record<string, HostState>;
};

export type DnsAnswer =
  | { kind: 'a'; fqdn: string; ips: string[] }
  /** ExternalName: a CNAME to a name outside the cluster, which the sandbox cannot resolve */
  | { kind: 'cname'; fqdn: string; target: string }
  | { kind: 'nxdomain'; tried: string[] };

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function isIp(s: string): boolean {
  return IPV4.test(s);
}

/** The search path a pod's resolv.conf gives it. */
export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** What CoreDNS answers for an absolute name (no search path), or undefined when it has none. */
export function lookupFqdn(cluster: ClusterView, fqdn: string): DnsAnswer | undefined {
  const name = fqdn.replace(/\.$/, '');
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!name.endsWith(suffix)) return undefined;
  const parts = name.slice(0, -suffix.length).split('.');
  // <svc>.<ns>.svc.cluster.local, or <pod-hostname>.<svc>.<ns>.svc.cluster.local (headless)
  if (parts.length === 2) {
    const [svcName, ns] = parts;
    const svc = cluster.api.tryGet('services', ns, svcName) as Service | undefined;
    if (!svc) return undefined;
    if (svc.spec.type === 'ExternalName') return { kind: 'cname', fqdn: name, target: svc.spec.externalName ?? '' };
    if (svc.spec.clusterIP && svc.spec.clusterIP !== 'None') return { kind: 'a', fqdn: name, ips: [svc.spec.clusterIP] };
    const ips = readyAddresses(cluster, ns, svcName).map((a) => a.ip);
    return ips.length ? { kind: 'a', fqdn: name, ips } : undefined;
  }
  if (parts.length === 3) {
    const [host, svcName, ns] = parts;
    const addr = readyAddresses(cluster, ns, svcName).find((a) => a.hostname === host);
    return addr ? { kind: 'a', fqdn: name, ips: [addr.ip] } : undefined;
  }
  return undefined;
}

/** Resolves a name as the client's resolver would (search path and ndots:5 inside a pod). */
export function resolveName(cluster: ClusterView, origin: Origin, name: string): DnsAnswer {
  if (isIp(name)) return { kind: 'a', fqdn: name, ips: [name] };
  if (origin.kind === 'host') return { kind: 'nxdomain', tried: [name] };
  const tried: string[] = [];
  const candidates = name.endsWith('.') ? [name.slice(0, -1)] : [...searchPath(origin.namespace).map((d) => `${name}.${d}`), name];
  for (const c of candidates) {
    tried.push(c);
    const a = lookupFqdn(cluster, c);
    if (a) return a;
  }
  return { kind: 'nxdomain', tried };
}

interface Address {
  ip: string;
  hostname?: string;
  pod?: { namespace: string; name: string };
}

function readyAddresses(cluster: ClusterView, ns: string, svc: string): Address[] {
  const ep = cluster.api.tryGet('endpoints', ns, svc) as Endpoints | undefined;
  const out: Address[] = [];
  for (const s of ep?.subsets ?? []) {
    for (const a of s.addresses ?? []) out.push({ ip: a.ip, hostname: a.hostname, pod: a.targetRef?.kind === 'Pod' ? { namespace: a.targetRef.namespace ?? ns, name: a.targetRef.name } : undefined });
  }
  return out;
}

export type Connection =
  | { kind: 'pod'; pod: Pod; port: number; ip: string; via?: Service }
  | { kind: 'refused' }
  /** nothing answers at that address (no route, dropped): the client times out */
  | { kind: 'timeout' };

interface ProxySection {
  /** IPVS round-robin position per service port */
  rr: Record<string, number>;
}

function proxySection(cluster: ClusterView): ProxySection {
  const s = (cluster.runtime.sections['kube-proxy'] ??= { rr: {} }) as ProxySection;
  s.rr ??= {};
  return s;
}

/** Opens a TCP connection to ip:port from `origin`, through kube-proxy's rules. */
export function connect(cluster: ClusterView, origin: Origin, ip: string, port: number): Connection {
  const services = cluster.api.list('services', {}) as Service[];
  const byClusterIP = services.find((s) => s.spec.clusterIP === ip && s.spec.clusterIP !== 'None');
  if (byClusterIP) {
    const sp = (byClusterIP.spec.ports ?? []).find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
    if (!sp) return { kind: 'timeout' };
    return toEndpoint(cluster, byClusterIP, sp.name, port);
  }
  const machine = Object.values(cluster.runtime.machines).find((m) => m.ip === ip);
  if (machine) {
    const np = services.find((s) => (s.spec.type === 'NodePort' || s.spec.type === 'LoadBalancer') && (s.spec.ports ?? []).some((p) => p.nodePort === port));
    if (np && machine.poweredOn) {
      const sp = np.spec.ports!.find((p) => p.nodePort === port)!;
      return toEndpoint(cluster, np, sp.name, sp.port);
    }
    return machine.poweredOn ? { kind: 'refused' } : { kind: 'timeout' };
  }
  const pod = (cluster.api.list('pods', {}) as Pod[]).find((p) => p.status?.podIP === ip && !p.spec.hostNetwork);
  if (pod) return { kind: 'pod', pod, port, ip };
  return { kind: 'timeout' };
}

interface Backend {
  ip: string;
  port: number;
  pod?: { namespace: string; name: string };
}

/** kube-proxy's rules for one Endpoints object: stored objects are immutable, so keyed by identity */
const RULES = new WeakMap<Endpoints, Map<string, Backend[]>>();

function backendsOf(ep: Endpoints | undefined, ns: string, portName: string | undefined): Backend[] {
  if (!ep) return [];
  let byPort = RULES.get(ep);
  if (!byPort) {
    byPort = new Map();
    RULES.set(ep, byPort);
  }
  const key = portName ?? '';
  let backends = byPort.get(key);
  if (!backends) {
    backends = [];
    for (const s of ep.subsets ?? []) {
      const p = (s.ports ?? []).find((x) => (x.name ?? '') === key) ?? (s.ports?.length === 1 ? s.ports[0] : undefined);
      if (!p) continue;
      for (const a of s.addresses ?? []) backends.push({ ip: a.ip, port: p.port, pod: a.targetRef?.kind === 'Pod' ? { namespace: a.targetRef.namespace ?? ns, name: a.targetRef.name } : undefined });
    }
    byPort.set(key, backends);
  }
  return backends;
}

function toEndpoint(cluster: ClusterView, svc: Service, portName: string | undefined, svcPort: number): Connection {
  const ns = svc.metadata.namespace ?? 'default';
  const backends = backendsOf(cluster.api.tryGet('endpoints', ns, svc.metadata.name!) as Endpoints | undefined, ns, portName);
  // a service without endpoints: kube-proxy installs a REJECT rule
  if (!backends.length) return { kind: 'refused' };
  let chosen;
  if (cluster.config.kubeProxyMode === 'ipvs') {
    const key = `${ns}/${svc.metadata.name}:${svcPort}`;
    const rr = proxySection(cluster).rr;
    const k = rr[key] ?? 0;
    chosen = backends[k % backends.length];
    rr[key] = (k + 1) % backends.length;
  } else {
    chosen = backends[cluster.rng.int(backends.length)];
  }
  const pod = chosen.pod ? (cluster.api.tryGet('pods', chosen.pod.namespace, chosen.pod.name) as Pod | undefined) : undefined;
  if (!pod) return { kind: 'refused' };
  return { kind: 'pod', pod, port: chosen.port, ip: chosen.ip, via: svc };
}

export interface HttpRequest {
  host: string;
  port: number;
  path: string;
  method: 'GET' | 'HEAD';
  userAgent: string;
}

export type HttpResult =
  | { kind: 'dns'; answer: DnsAnswer & { kind: 'nxdomain' | 'cname' } }
  | { kind: 'refused'; ip: string }
  | { kind: 'timeout'; ip: string }
  /** a server of another protocol closed the connection without a byte (Redis, PostgreSQL) */
  | { kind: 'closed'; ip: string }
  /**
   * a server of another protocol spoke first, in its own protocol: MySQL's and MariaDB's greeting,
   * with the server version it carries, then closed the connection on the HTTP request
   */
  | { kind: 'not-http'; ip: string; version: string; bytes: string }
  | { kind: 'response'; ip: string; status: number; body: string; headers(): [string, string][] };

const REASONS: Record<number, string> = { 200: 'OK', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' };
export const reasonPhrase = (status: number): string => REASONS[status] ?? '';

/** An HTTP request from `origin`: resolve, connect through kube-proxy, ask the container. */
export function httpRequest(cluster: ClusterView, origin: Origin, req: HttpRequest): HttpResult {
  // localhost is the client's own network namespace: the pod itself, or the host
  const local = req.host === 'localhost' || req.host.startsWith('127.');
  const answer = local ? ({ kind: 'a', fqdn: req.host, ips: [origin.ip] } as const) : resolveName(cluster, origin, req.host);
  if (answer.kind !== 'a') return { kind: 'dns', answer };
  const ip = answer.ips[0];
  const conn = connect(cluster, origin, ip, req.port);
  if (conn.kind === 'refused') return { kind: 'refused', ip };
  if (conn.kind === 'timeout') return { kind: 'timeout', ip };
  const ns = conn.pod.metadata.namespace ?? 'default';
  const name = conn.pod.metadata.name!;
  const listening = listener(cluster, conn.pod, conn.port);
  if (!listening) return { kind: 'refused', ip };
  const wire = wireOf(listening.image);
  if (wire) {
    // localhost stays 127.0.0.1 inside a pod (see the access logs below)
    const peer = local && !conn.via ? '127.0.0.1' : clientIpSeenBy(cluster, origin, conn.pod);
    return otherProtocol(cluster, wire, { namespace: ns, pod: name, container: listening.container }, peer, ip);
  }
  let outcome = httpAnswer(listening.http, req.path, cluster.now - listening.startedAt);
  const kind = serverKind(listening.image);
  const server: ServerInfo = { kind: kind.kind, header: kind.header, container: listening.container };
  // a web server serves the files in its document root (a volume, or files written by exec)
  if (server.kind !== 'other') outcome = served(cluster, conn.pod, server.container, server.kind, req.path, origin.hosts ?? {}) ?? outcome;
  const body = req.method === 'HEAD' ? '' : outcome.body;
  const now = cluster.now;
  const start = cluster.config.start;
  const status = outcome.status;
  const length = outcome.body.length;
  // built only when a client shows them (curl -I, -i, -v)
  const headers = (): [string, string][] => {
    const h: [string, string][] = [];
    if (server.header) h.push(['Server', server.header]);
    h.push(['Date', httpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(length)]);
    if (server.kind === 'nginx' && status === 200) h.push(['Last-Modified', httpDate(start - 86_400_000 * 60)], ['Connection', 'keep-alive'], ['ETag', '"674f1f5c-267"'], ['Accept-Ranges', 'bytes']);
    else h.push(['Connection', 'keep-alive']);
    return h;
  };
  // the answering container logs the request as its server does
  // localhost stays 127.0.0.1 inside a pod; a host's localhost:NodePort goes through kube-proxy,
  // which masquerades it as it does any host's traffic
  const client = local && !conn.via ? '127.0.0.1' : clientIpSeenBy(cluster, origin, conn.pod);
  const stamp = `[${accessTime(now)}]`;
  const line = `${req.method} ${req.path} HTTP/1.1`;
  if (server.kind === 'nginx') {
    const error = nginxError(outcome.status, req.path);
    if (error) {
      const host = req.port === 80 ? req.host : `${req.host}:${req.port}`;
      const connection = nginxConnections(cluster, ns, name, server.container) + 1;
      appendContainerLog(cluster.runtime, ns, name, server.container, now, `${formatTime('nginx', now)} [error] 29#29: *${connection} ${error}, client: ${client}, server: localhost, request: "${line}", host: "${host}"`);
    }
    appendContainerLog(cluster.runtime, ns, name, server.container, now, `${client} - - ${stamp} "${line}" ${outcome.status} ${body.length} "-" "${req.userAgent}" "-"`);
  }
  if (server.kind === 'httpd') appendContainerLog(cluster.runtime, ns, name, server.container, now, `${client} - - ${stamp} "${line}" ${outcome.status} ${body.length}`);
  return { kind: 'response', ip, status: outcome.status, body, headers };
}

const NGINX_ROOT = '/usr/share/nginx/html';

/** what nginx's error log says of a request its document root could not answer */
function nginxError(status: number, path: string): string | undefined {
  const file = `${NGINX_ROOT}${path.split('?')[0]}`;
  if (status === 404) return `open() "${file}" failed (2: No such file or directory)`;
  if (status === 403) return `directory index of "${file.endsWith('/') ? file : `${file}/`}" is forbidden`;
  return undefined;
}

/** the connections nginx has taken so far in this run: one per request it logged (curl's are one each) */
function nginxConnections(cluster: ClusterView, ns: string, pod: string, container: string): number {
  const run = kubeletSection(cluster.runtime).pods[`${ns}/${pod}`]?.containers.find((c) => c.name === container)?.current;
  let n = 0;
  for (const [, text] of run?.extra ?? []) if (/^[\d.]+ - - \[/.test(text)) n++;
  return n;
}

export type TcpOpen =
  | { kind: 'nxdomain' }
  | { kind: 'refused' | 'timeout'; ip: string }
  /** a container listening: its image, the protocol it speaks when not HTTP, the client's address as it sees it */
  | { kind: 'open'; ip: string; pod: Pod; container: string; image: string; protocol?: Wire['protocol']; peer: string };

/** Opens a TCP connection to host:port from `origin` (a name the cluster's DNS resolves, or an address). */
export function openTcp(cluster: ClusterView, origin: Origin, host: string, port: number): TcpOpen {
  let ip = host;
  if (!isIp(host)) {
    const answer = resolveName(cluster, origin, host);
    if (answer.kind !== 'a') return { kind: 'nxdomain' };
    ip = answer.ips[0];
  }
  const conn = connect(cluster, origin, ip, port);
  if (conn.kind !== 'pod') return { kind: conn.kind, ip };
  const l = listener(cluster, conn.pod, conn.port);
  if (!l) return { kind: 'refused', ip };
  return { kind: 'open', ip, pod: conn.pod, container: l.container, image: l.image, protocol: wireOf(l.image)?.protocol, peer: clientIpSeenBy(cluster, origin, conn.pod) };
}

/** A server that does not speak HTTP, and its version (what it logs or sends depends on it). */
interface Wire {
  protocol: 'redis' | 'mysql' | 'postgres';
  repo: string;
  version: string;
}

const WIRES = new Map<string, Wire | null>();
const REDIS_REPOS = new Set(['redis', 'us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower']);

function wireOf(image: string): Wire | undefined {
  let hit = WIRES.get(image);
  if (hit === undefined) {
    const found = lookupImage(image);
    const repo = found.ok ? found.info.repo : '';
    const version = found.ok ? found.info.vars?.version ?? '' : '';
    const protocol = REDIS_REPOS.has(repo) ? 'redis' : repo === 'mysql' || repo === 'mariadb' ? 'mysql' : repo === 'postgres' ? 'postgres' : undefined;
    hit = protocol ? { protocol, repo, version } : null;
    WIRES.set(image, hit);
  }
  return hit ?? undefined;
}

/** Redis logs the warning at most once a minute (securityWarningCommand's static logged_time). */
const SECURITY_WARNING = 'Possible SECURITY ATTACK detected. It looks like somebody is sending POST or Host: commands to Redis. This is likely due to an attacker attempting to use Cross Protocol Scripting to compromise your Redis instance.';
const STARTUP_PACKET = 'LOG:  invalid length of startup packet';

/**
 * An HTTP request to a server of another protocol. Redis reads `GET / HTTP/1.1` as an inline
 * command (wrong number of arguments), then `Host:` as a cross-protocol attack: it logs a warning
 * and closes the connection before writing the error reply. PostgreSQL reads the first 4 bytes,
 * `GET `, as the startup packet's length, logs it as invalid and closes. MySQL and MariaDB send
 * their handshake first: the client gets bytes that are not an HTTP status line.
 */
function otherProtocol(cluster: ClusterView, wire: Wire, at: { namespace: string; pod: string; container: string }, peer: string, ip: string): HttpResult {
  const now = cluster.now;
  const log = (text: string): void => appendContainerLog(cluster.runtime, at.namespace, at.pod, at.container, now, text);
  const previous = (marker: string): [number, string][] =>
    (kubeletSection(cluster.runtime).pods[`${at.namespace}/${at.pod}`]?.containers.find((c) => c.name === at.container)?.current?.extra ?? []).filter(([, t]) => t.includes(marker));
  switch (wire.protocol) {
    case 'redis': {
      const last = previous(SECURITY_WARNING).pop();
      if (!last || Math.floor(now / 1000) - Math.floor(last[0] / 1000) > 60) {
        // the peer's address since Redis 7.2; its port is the client's ephemeral one
        const [major, minor] = wire.version.split('.').map(Number);
        const tail = major > 7 || (major === 7 && minor >= 2) ? `Connection from ${peer}:${32768 + cluster.rng.int(28232)} aborted.` : 'Connection aborted.';
        log(`1:M ${formatTime('redis', now)} # ${SECURITY_WARNING} ${tail}`);
      }
      return { kind: 'closed', ip };
    }
    case 'postgres':
      // a new backend process for each connection
      log(`${formatTime('pg', now)} UTC [${64 + previous(STARTUP_PACKET).length}] ${STARTUP_PACKET}`);
      return { kind: 'closed', ip };
    case 'mysql':
      // the HTTP request is then read as the handshake response, out of order: the server closes
      return { kind: 'not-http', ip, ...mysqlGreeting(wire) };
  }
}

/**
 * The protocol 10 handshake packet (the thread id and the scramble, random on a real server, are
 * fixed here). MariaDB 10 announces itself as `5.5.5-<version>`, a replication hack 11 dropped.
 */
function mysqlGreeting(wire: Wire): { version: string; bytes: string } {
  const maria = wire.repo === 'mariadb';
  const version = maria ? `${Number(wire.version.split('.')[0]) >= 11 ? '' : '5.5.5-'}${wire.version}-MariaDB-ubu2404` : wire.version;
  const plugin = !maria && !/^5\./.test(wire.version) ? 'caching_sha2_password' : 'mysql_native_password';
  const c = (...codes: number[]): string => String.fromCharCode(...codes);
  const payload =
    `\n${version}\0` + c(8, 0, 0, 0) + 'Kb7;x%Q!' + c(0, 0xff, 0xff, maria ? 0x2d : 0xff, 2, 0) + c(0xff, 0xdf, 21) + c(...Array<number>(10).fill(0)) + '4Z&m+uZ-{l9V' + c(0) + `${plugin}\0`;
  return { version, bytes: c(payload.length, 0, 0, 0) + payload };
}

interface ServerInfo {
  kind: 'nginx' | 'httpd' | 'other';
  container: string;
  header?: string;
}

/**
 * The pod's first running container listening on `port` (as the kubelet's podHttpGet finds it,
 * read straight from the kubelet's runtime: this is the hot path of every request).
 */
function listener(cluster: ClusterView, pod: Pod, port: number): { container: string; image: string; http: ProcessPlan['http']; startedAt: number } | undefined {
  const prt = kubeletSection(cluster.runtime).pods[`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`];
  if (!prt) return undefined;
  for (const c of pod.spec.containers) {
    const rt = prt.containers.find((x) => x.name === c.name && !x.init);
    if (rt?.stage !== 'running' || !rt.current || !rt.current.plan.ports.includes(port)) continue;
    return { container: c.name, image: c.image ?? '', http: rt.current.plan.http, startedAt: rt.current.startedAt };
  }
  return undefined;
}

/** what the process answers on `path`, `elapsedMs` after it started (runtime-query's podHttpGet rule) */
function httpAnswer(http: ProcessPlan['http'], path: string, elapsedMs: number): { status: number; body: string } {
  if (!http) return { status: 200, body: '' };
  if (http.paths && !http.paths.includes(path.split('?')[0])) return { status: 404, body: http.notFound ?? '404 page not found\n' };
  // the liveness test server: `error: <seconds since start>` once it has turned unhealthy
  const fail = http.failAfter;
  if (fail && elapsedMs > fail.ms && fail.paths.includes(path.split('?')[0])) return { status: fail.status, body: `error: ${elapsedMs / 1000}` };
  return { status: 200, body: http.body };
}

/** catalog data per image reference (immutable: cached) */
const SERVER_KINDS = new Map<string, Omit<ServerInfo, 'container'>>();

function serverKind(image: string): Omit<ServerInfo, 'container'> {
  let hit = SERVER_KINDS.get(image);
  if (!hit) {
    const found = lookupImage(image);
    const repo = found.ok ? found.info.repo : '';
    const version = found.ok ? found.info.vars?.version ?? '' : '';
    hit = repo === 'nginx' || repo === 'gcr.io/google-samples/hello-frontend' ? { kind: 'nginx', header: `nginx/${version}` } : repo === 'httpd' ? { kind: 'httpd', header: `Apache/${version} (Unix)` } : { kind: 'other' };
    SERVER_KINDS.set(image, hit);
  }
  return hit;
}

/**
 * The source address the backend sees: a pod's own IP (no SNAT inside the pod network); from a
 * host, the node's bridge (same node) or flannel.1 address (another node), after masquerade.
 */
function clientIpSeenBy(cluster: ClusterView, origin: Origin, backend: Pod): string {
  if (origin.kind === 'pod') return origin.ip;
  const dest = backend.spec.nodeName ?? '';
  const cidr = cluster.runtime.machines[origin.node === dest ? dest : origin.node]?.podCIDR ?? '10.244.0.0/24';
  const prefix = cidr.slice(0, cidr.lastIndexOf('.', cidr.indexOf('/')));
  return `${prefix}.${origin.node === dest ? 1 : 0}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const p2 = (n: number): string => String(n).padStart(2, '0');

/** the last time formatted (many requests share one instant) */
const lastAccess = { ms: NaN, text: '' };
const lastDate = { ms: NaN, text: '' };

/** `01/Jan/2026:00:01:02 +0000` (the access log's time) */
function accessTime(ms: number): string {
  if (lastAccess.ms === ms) return lastAccess.text;
  lastAccess.ms = ms;
  lastAccess.text = accessTimeText(ms);
  return lastAccess.text;
}

function accessTimeText(ms: number): string {
  const d = civil(ms);
  return `${p2(d.day)}/${MONTHS[d.month - 1]}/${d.year}:${p2(d.hour)}:${p2(d.minute)}:${p2(d.second)} +0000`;
}

/** `Thu, 01 Jan 2026 00:01:02 GMT` */
export function httpDate(ms: number): string {
  if (lastDate.ms !== ms) {
    lastDate.ms = ms;
    lastDate.text = httpDateText(ms);
  }
  return lastDate.text;
}

function httpDateText(ms: number): string {
  const d = civil(ms);
  return `${DAYS[d.weekday]}, ${p2(d.day)} ${MONTHS[d.month - 1]} ${d.year} ${p2(d.hour)}:${p2(d.minute)}:${p2(d.second)} GMT`;
}

/** The client's view of its own machine: a pod (by its IP) or a host. */
export function podOrigin(pod: Pod): Origin {
  return { kind: 'pod', namespace: pod.metadata.namespace ?? 'default', ip: pod.status?.podIP ?? '', node: pod.spec.nodeName ?? '' };
}
