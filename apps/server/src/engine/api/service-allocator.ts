// ClusterIP and NodePort allocation, as the service registry does it (registry/core/service/
// storage/alloc.go with the bitmap allocators of v1.32): kubeadm's service subnet 10.96.0.0/12,
// dynamic addresses from above the first 256 (so they look like 10.103.47.211), and the node
// port range 30000-32767, dynamic ports from above the first 86. What is in use is read from the
// stored Services, so deleting a Service releases what it held. The first failure is the error,
// as the registry stops at it: `spec.ports[0].nodePort: Invalid value: 30080: provided port is
// already allocated`.

import { ApiError, FieldError } from './errors';
import { ObjectStore } from './store';
import { KubeObject, Service, ServicePort } from './types';
import { Random } from '../random';
import { goStringSlice, invalid, raw } from './validation/field';

const SUBNET_BASE = ipToInt('10.96.0.0');
const SUBNET_SIZE = 1 << 20; // /12
const SERVICE_CIDR = '10.96.0.0/12';
/** usable offsets from the network address + 1: neither the network nor the broadcast address */
const IP_MAX = SUBNET_SIZE - 2;
/** ipallocator calculateRangeOffset: min(max(16, size/16), 256), the static band */
const IP_OFFSET = 256;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
const PORT_SIZE = NODE_PORT_MAX - NODE_PORT_MIN + 1;
/** portallocator calculateRangeOffset: min(max(16, size/32), 128) = 86 for 2768 ports */
const PORT_OFFSET = Math.min(Math.max(16, Math.floor(PORT_SIZE / 32)), 128);

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function ipToInt(ip: string): number {
  const p = ip.split('.').map(Number);
  return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
}

export function intToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function isIPv4(s: string): boolean {
  const m = IPV4.exec(s);
  return !!m && m.slice(1).every((o) => Number(o) <= 255);
}

/** net.ParseIP accepts IPv6 too; this cluster has no IPv6 range */
function isIPv6(s: string): boolean {
  return s.includes(':') && /^[0-9A-Fa-f:.]+$/.test(s) && (s.match(/::/g) ?? []).length <= 1;
}

const needsClusterIP = (s: Service): boolean => (s.spec.type ?? 'ClusterIP') !== 'ExternalName';
const needsNodePort = (s: Service): boolean => s.spec.type === 'NodePort' || s.spec.type === 'LoadBalancer';
const needsHealthCheck = (s: Service): boolean => s.spec.type === 'LoadBalancer' && s.spec.externalTrafficPolicy === 'Local';
const shouldAllocateNodePorts = (s: Service): boolean => s.spec.type === 'NodePort' || (s.spec.type === 'LoadBalancer' && s.spec.allocateLoadBalancerNodePorts !== false);
const healthCheckPort = (s: Service): number => Number(s.spec.healthCheckNodePort ?? 0);
const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean => (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => x === b![i]);

/** The node ports one allocation operation hands out (portallocator.PortAllocationOperation). */
class PortOperation {
  private readonly allocated: number[] = [];

  constructor(
    private readonly used: Set<number>,
    private readonly rng: Random,
    private readonly dryRun: boolean,
  ) {}

  /** an error text (ErrNotInRange, ErrAllocated) or undefined */
  allocate(port: number): string | undefined {
    const inRange = port >= NODE_PORT_MIN && port <= NODE_PORT_MAX;
    if (this.dryRun) {
      // a dry run asks only Has(): an out-of-range port is not "allocated", so it passes
      if ((inRange && this.used.has(port)) || this.allocated.includes(port)) return 'provided port is already allocated';
      this.allocated.push(port);
      return undefined;
    }
    if (!inRange) return `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`;
    if (this.used.has(port) || this.allocated.includes(port)) return 'provided port is already allocated';
    this.allocated.push(port);
    return undefined;
  }

  /** a free port, or undefined when the range is full */
  allocateNext(): number | undefined {
    if (this.dryRun) {
      // the dry run's dummy value: one past the highest port of this operation, or 32769
      const last = this.allocated.length ? Math.max(...this.allocated) : 32768;
      this.allocated.push(last + 1);
      return last + 1;
    }
    // randomScanStrategyWithOffset: a random start in the upper band, scanning forward, then the
    // static band below it
    const taken = (p: number): boolean => this.used.has(p) || this.allocated.includes(p);
    const upper = PORT_SIZE - PORT_OFFSET;
    let start = this.rng.int(upper);
    for (let i = 0; i < upper; i++) {
      const p = NODE_PORT_MIN + PORT_OFFSET + ((start + i) % upper);
      if (!taken(p)) return this.take(p);
    }
    start = this.rng.int(PORT_OFFSET);
    for (let i = 0; i < PORT_OFFSET; i++) {
      const p = NODE_PORT_MIN + ((start + i) % PORT_OFFSET);
      if (!taken(p)) return this.take(p);
    }
    return undefined;
  }

  private take(p: number): number {
    this.allocated.push(p);
    return p;
  }
}

export class ServiceAllocator {
  constructor(
    private readonly store: ObjectStore,
    private readonly rng: Random,
  ) {}

  /**
   * Fills clusterIP(s), nodePorts and healthCheckNodePort of a new Service (`old` undefined) or an
   * updated one, or throws the registry's error. An update first keeps what was allocated for
   * fields the request left out and drops what the new type does not use (the strategy's
   * patchAllocatedValues and dropTypeDependentFields).
   */
  allocate(obj: KubeObject, old: KubeObject | undefined, dryRun: boolean): void {
    const svc = obj as Service;
    const prev = old as Service | undefined;
    const spec = svc.spec;
    const name = svc.metadata.name!;
    if (prev) {
      patchAllocatedValues(svc, prev);
      normalizeClusterIPs(svc, prev);
      dropTypeDependentFields(svc, prev);
    } else if (spec.clusterIP && !spec.clusterIPs?.length) {
      spec.clusterIPs = [spec.clusterIP];
    }
    const fail = (e: FieldError): never => {
      throw ApiError.invalid('Service', name, [e]);
    };

    // ClusterIPs
    if (needsClusterIP(svc)) {
      const pre = validateClusterIPs(svc, prev);
      if (pre.length) throw ApiError.invalid('Service', name, pre);
      // a new Service, or one that had no address (ExternalName, or stored without one)
      const fresh = !prev || !needsClusterIP(prev) || !prev.spec.clusterIPs?.length;
      if (fresh && spec.clusterIPs?.[0] !== 'None') {
        const ip = this.allocateIP(svc, dryRun);
        if (typeof ip !== 'string') fail(ip);
        else {
          spec.clusterIP = ip;
          spec.clusterIPs = [ip];
        }
      }
    }

    // NodePorts and the health check port
    const ports = new PortOperation(this.usedNodePorts(svc), this.rng, dryRun);
    if (needsNodePort(svc)) {
      const err = prev ? updateNodePorts(svc, prev, ports) : initNodePorts(svc, ports);
      if (err) fail(err);
    }
    if (needsHealthCheck(svc) && !(prev && needsHealthCheck(prev))) {
      const want = healthCheckPort(svc);
      if (want) {
        const why = ports.allocate(want);
        if (why) throw new ApiError('InternalError', `Internal error occurred: failed to allocate requested HealthCheck NodePort ${want}: ${why}`);
      } else {
        const port = ports.allocateNext();
        if (port === undefined) throw new ApiError('InternalError', 'Internal error occurred: failed to allocate a HealthCheck NodePort 0: range is full');
        spec.healthCheckNodePort = port;
      }
    }
  }

  /** The address for a new ClusterIP (given or chosen), or the error for it. */
  private allocateIP(svc: Service, dryRun: boolean): string | FieldError {
    const spec = svc.spec;
    const ip = spec.clusterIPs?.[0] ?? '';
    if (!ip) {
      // a dry run does not look for a free address: it answers the network's own
      if (dryRun) return intToIp(SUBNET_BASE);
      const found = this.nextIp(this.usedIps(svc));
      if (found === undefined) throw new ApiError('InternalError', 'Internal error occurred: failed to allocate a serviceIP: range is full');
      return found;
    }
    const offset = ipToInt(ip) - SUBNET_BASE - 1;
    const failed = (why: string): FieldError => invalid('spec.clusterIPs', raw(goStringSlice(spec.clusterIPs)), `failed to allocate IP ${ip}: ${why}`);
    if (offset < 0 || offset >= IP_MAX) return failed(`the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`);
    if (!dryRun && this.usedIps(svc).has(ip)) return failed('provided IP is already allocated');
    return ip;
  }

  /** randomScanStrategyWithOffset over the /12: the upper band first, scanning on from a random start */
  private nextIp(used: Set<string>): string | undefined {
    const upper = IP_MAX - IP_OFFSET;
    const first = SUBNET_BASE + 1;
    // one draw over upper + 1 values, the first of which wraps to the last address: the addresses
    // the engine has always drawn (10.96.1.0 + draw), so existing sandboxes keep theirs
    let start = (this.rng.int(upper + 1) + upper - 1) % upper;
    for (let i = 0; i < upper; i++) {
      const ip = intToIp(first + IP_OFFSET + ((start + i) % upper));
      if (!used.has(ip)) return ip;
    }
    start = this.rng.int(IP_OFFSET);
    for (let i = 0; i < IP_OFFSET; i++) {
      const ip = intToIp(first + ((start + i) % IP_OFFSET));
      if (!used.has(ip)) return ip;
    }
    return undefined;
  }

  private usedIps(self: Service): Set<string> {
    const out = new Set<string>();
    for (const s of this.store.list('services') as Service[]) {
      if (s.metadata.name === self.metadata.name && s.metadata.namespace === self.metadata.namespace) continue;
      if (s.spec.clusterIP && s.spec.clusterIP !== 'None' && needsClusterIP(s)) out.add(s.spec.clusterIP);
    }
    return out;
  }

  /** node ports held by the other Services (their ports' and their health checks') */
  private usedNodePorts(self: Service): Set<number> {
    const out = new Set<number>();
    for (const s of this.store.list('services') as Service[]) {
      if (s.metadata.name === self.metadata.name && s.metadata.namespace === self.metadata.namespace) continue;
      for (const p of s.spec.ports ?? []) if (p.nodePort) out.add(p.nodePort);
      if (needsHealthCheck(s) && healthCheckPort(s)) out.add(healthCheckPort(s));
    }
    return out;
  }
}

const nodePortError = (i: number, port: number, why: string): FieldError => invalid(`spec.ports[${i}].nodePort`, port, why);

/** Node ports of a new Service: ports with the same number share one (initNodePorts). */
function initNodePorts(svc: Service, op: PortOperation): FieldError | undefined {
  const ports = svc.spec.ports ?? [];
  const byPort = new Map<number, number>();
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i];
    if (!p.nodePort && !shouldAllocateNodePorts(svc)) continue;
    const shared = byPort.get(p.port);
    if (shared === undefined) {
      // a node port asked for on any port with this number (this one or a later one)
      const requested = ports.find((q) => q.port === p.port && q.nodePort)?.nodePort;
      if (requested) {
        const why = op.allocate(requested);
        if (why) return nodePortError(i, requested, why);
        p.nodePort = requested;
        byPort.set(p.port, requested);
      } else {
        const port = op.allocateNext();
        if (port === undefined) throw new ApiError('InternalError', 'Internal error occurred: failed to allocate a nodePort: range is full');
        p.nodePort = port;
        byPort.set(p.port, port);
      }
    } else if (p.nodePort !== shared) {
      if (!p.nodePort) p.nodePort = shared;
      else {
        const why = op.allocate(p.nodePort);
        if (why) return nodePortError(i, p.nodePort, why);
      }
    }
  }
  return undefined;
}

/** Node ports of an updated Service: its old ones are kept, new ones allocated (updateNodePorts). */
function updateNodePorts(svc: Service, prev: Service, op: PortOperation): FieldError | undefined {
  const old = new Set((prev.spec.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n));
  const allocated = new Set<number>();
  const ports = svc.spec.ports ?? [];
  for (let i = 0; i < ports.length; i++) {
    const p = ports[i];
    if (!p.nodePort && !shouldAllocateNodePorts(svc)) continue;
    if (p.nodePort) {
      if (old.has(p.nodePort) || allocated.has(p.nodePort)) continue;
      const why = op.allocate(p.nodePort);
      if (why) return nodePortError(i, p.nodePort, why);
      allocated.add(p.nodePort);
    } else {
      const port = op.allocateNext();
      if (port === undefined) throw new ApiError('InternalError', 'Internal error occurred: failed to allocate a nodePort: range is full');
      p.nodePort = port;
    }
  }
  return undefined;
}

/** The strategy's patchAllocatedValues: what the request left out keeps its allocated value. */
function patchAllocatedValues(svc: Service, prev: Service): void {
  const spec = svc.spec;
  if (needsClusterIP(prev) && needsClusterIP(svc)) {
    if (!spec.clusterIP && prev.spec.clusterIP) spec.clusterIP = prev.spec.clusterIP;
    if (!spec.clusterIPs?.length && prev.spec.clusterIPs?.length) spec.clusterIPs = [...prev.spec.clusterIPs];
  }
  if (needsNodePort(prev) && needsNodePort(svc)) {
    // by port name: the number or protocol of a port may have changed
    const byName = new Map<string, number>();
    for (const p of prev.spec.ports ?? []) byName.set(p.name ?? '', p.nodePort ?? 0);
    for (const p of spec.ports ?? []) {
      if (!p.nodePort && byName.get(p.name ?? '')) p.nodePort = byName.get(p.name ?? '');
    }
  }
  if (needsHealthCheck(prev) && needsHealthCheck(svc) && !healthCheckPort(svc) && healthCheckPort(prev)) spec.healthCheckNodePort = healthCheckPort(prev);
}

/** NormalizeClusterIPs on update: clusterIPs follow a changed clusterIP. */
function normalizeClusterIPs(svc: Service, prev: Service): void {
  const spec = svc.spec;
  if (prev.spec.clusterIPs?.length && !spec.clusterIPs?.length && prev.spec.clusterIP === spec.clusterIP) spec.clusterIPs = [...prev.spec.clusterIPs];
  if ((prev.spec.clusterIP ?? '') !== (spec.clusterIP ?? '') && sameList(prev.spec.clusterIPs, spec.clusterIPs)) {
    if (prev.spec.clusterIP && !spec.clusterIP) delete spec.clusterIPs;
    else spec.clusterIPs = [spec.clusterIP!];
  }
}

/** dropTypeDependentFields: a type that no longer uses a value the user did not change loses it. */
function dropTypeDependentFields(svc: Service, prev: Service): void {
  const spec = svc.spec;
  if (needsClusterIP(prev) && !needsClusterIP(svc)) {
    if ((prev.spec.clusterIP ?? '') === (spec.clusterIP ?? '') && sameList(prev.spec.clusterIPs, spec.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameList(prev.spec.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
    if (prev.spec.ipFamilyPolicy === spec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(prev) && !needsNodePort(svc)) {
    const old = new Set((prev.spec.ports ?? []).map((p) => p.nodePort).filter((n) => n));
    const ports: ServicePort[] = spec.ports ?? [];
    // users may add, remove or change ports, as long as no node port is new
    if (ports.every((p) => !p.nodePort || old.has(p.nodePort))) for (const p of ports) delete p.nodePort;
  }
  if (needsHealthCheck(prev) && !needsHealthCheck(svc) && healthCheckPort(prev) === healthCheckPort(svc)) delete spec.healthCheckNodePort;
  if (prev.spec.type === 'LoadBalancer' && spec.type !== 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== undefined && prev.spec.allocateLoadBalancerNodePorts === spec.allocateLoadBalancerNodePorts) {
    delete spec.allocateLoadBalancerNodePorts;
  }
  if (prev.spec.type === 'LoadBalancer' && spec.type !== 'LoadBalancer' && spec.loadBalancerClass !== undefined && prev.spec.loadBalancerClass === spec.loadBalancerClass) {
    delete spec.loadBalancerClass;
  }
  if (externallyAccessible(prev) && !externallyAccessible(svc) && prev.spec.externalTrafficPolicy === spec.externalTrafficPolicy) {
    delete spec.externalTrafficPolicy;
  }
  // a load balancer's address goes with the type (the status may be the stored one: replaced, not edited)
  if (spec.type !== 'LoadBalancer' && svc.status?.loadBalancer?.ingress) svc.status = { ...svc.status, loadBalancer: {} };
}

function externallyAccessible(s: Service): boolean {
  return needsNodePort(s) || ((s.spec.type ?? 'ClusterIP') === 'ClusterIP' && !!s.spec.externalIPs?.length);
}

/**
 * The checks the allocator runs before allocating (ValidateServiceClusterIPsRelatedFields for this
 * single-stack IPv4 cluster) and, on update, that the primary address does not change.
 */
function validateClusterIPs(svc: Service, prev: Service | undefined): FieldError[] {
  const spec = svc.spec;
  const ips = spec.clusterIPs ?? [];
  const value = raw(goStringSlice(ips));
  const errs: FieldError[] = [];
  if (spec.clusterIP) {
    if (!ips.length) errs.push({ field: 'spec.clusterIPs', detail: 'Required value' });
    else if (ips[0] !== spec.clusterIP) errs.push(invalid('spec.clusterIPs', value, 'first value must match `clusterIP`'));
  } else if (ips.length) {
    errs.push(invalid('spec.clusterIPs', value, 'must be empty when `clusterIP` is not specified'));
  }
  let badIp = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        badIp = true;
        errs.push(invalid('spec.clusterIPs', value, "'None' must be the first and only value"));
      }
      return;
    }
    if (!isIPv4(ip) && !isIPv6(ip)) {
      badIp = true;
      errs.push(invalid(`spec.clusterIPs[${i}]`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
    }
  });
  if (ips.length > 2) errs.push(invalid('spec.clusterIPs', value, 'may only hold up to 2 values'));
  if (errs.length || badIp) return errs;
  if (ips.length > 1) return [invalid('spec.clusterIPs', value, 'may specify no more than one IP for each IP family')];
  if (ips.length === 1 && isIPv6(ips[0])) return [invalid('spec.clusterIPs[0]', value, 'IPv6 is not configured on this cluster')];
  if (prev && needsClusterIP(prev)) {
    const oldIps = prev.spec.clusterIPs ?? [];
    const headless = (l: string[]): boolean => l.length === 1 && l[0] === 'None';
    if (!(headless(oldIps) && headless(ips))) {
      if (oldIps.length === ips.length) {
        oldIps.forEach((ip, i) => {
          if (ip !== ips[i]) errs.push(invalid(`spec.clusterIPs[${i}]`, value, 'may not change once set'));
        });
      } else if (oldIps.length > ips.length && !ips.length) {
        errs.push(invalid('spec.clusterIPs[0]', value, 'primary clusterIP can not be unset'));
      }
    }
  }
  return errs;
}
