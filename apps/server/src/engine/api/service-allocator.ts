// ClusterIP and NodePort allocation, as the service registry does it: kubeadm's service subnet
// 10.96.0.0/12 (dynamic addresses from above the static band, so they look like 10.103.47.211)
// and the node port range 30000-32767. What is in use is read from the stored Services.

import { ApiError, FieldError } from './errors';
import { ObjectStore } from './store';
import { KubeObject, Service } from './types';
import { Random } from '../random';

const SUBNET_BASE = ipToInt('10.96.0.0');
const SUBNET_SIZE = 1 << 20; // /12
const STATIC_BAND = 256;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

export function ipToInt(ip: string): number {
  const p = ip.split('.').map(Number);
  return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
}

export function intToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export class ServiceAllocator {
  constructor(
    private readonly store: ObjectStore,
    private readonly rng: Random,
  ) {}

  /** Fills clusterIP(s) and nodePorts of a new or updated Service, or throws Invalid. */
  allocate(obj: KubeObject, old: KubeObject | undefined, dryRun: boolean): void {
    void dryRun;
    const svc = obj as Service;
    const prev = old as Service | undefined;
    const spec = svc.spec;
    const name = svc.metadata.name!;
    const type = spec.type ?? 'ClusterIP';
    const errors: FieldError[] = [];

    if (type === 'ExternalName') {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    } else if (prev?.spec.clusterIP && prev.spec.type !== 'ExternalName') {
      if (spec.clusterIP && spec.clusterIP !== prev.spec.clusterIP) {
        errors.push({ field: 'spec.clusterIPs[0]', detail: `Invalid value: []string{"${spec.clusterIP}"}: may not change once set` });
      }
      spec.clusterIP = prev.spec.clusterIP;
      spec.clusterIPs = [prev.spec.clusterIP];
    } else if (spec.clusterIP === 'None') {
      spec.clusterIPs = ['None'];
    } else if (spec.clusterIP) {
      const ip = spec.clusterIP;
      const n = /^\d+\.\d+\.\d+\.\d+$/.test(ip) ? ipToInt(ip) : NaN;
      if (!(n >= SUBNET_BASE && n < SUBNET_BASE + SUBNET_SIZE)) {
        errors.push({ field: 'spec.clusterIPs', detail: `Invalid value: []string{"${ip}"}: failed to allocate IP ${ip}: the provided network does not match the current range` });
      } else if (this.usedIps(name, svc.metadata.namespace).has(ip)) {
        errors.push({ field: 'spec.clusterIPs', detail: `Invalid value: []string{"${ip}"}: failed to allocate IP ${ip}: provided IP is already allocated` });
      }
      spec.clusterIPs = [ip];
    } else {
      const used = this.usedIps(name, svc.metadata.namespace);
      let ip = '';
      for (let i = 0; i < 64 && !ip; i++) {
        const candidate = intToIp(SUBNET_BASE + STATIC_BAND + this.rng.int(SUBNET_SIZE - STATIC_BAND - 1));
        if (!used.has(candidate)) ip = candidate;
      }
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
    }

    const wantsNodePorts = type === 'NodePort' || (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
    if (wantsNodePorts) {
      const used = this.usedNodePorts(name, svc.metadata.namespace);
      (spec.ports ?? []).forEach((p, i) => {
        const before = prev?.spec.ports?.find((q) => q.port === p.port && (q.protocol ?? 'TCP') === (p.protocol ?? 'TCP'))?.nodePort;
        if (p.nodePort) {
          if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
            errors.push({ field: `spec.ports[${i}].nodePort`, detail: `Invalid value: ${p.nodePort}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}` });
          } else if (used.has(p.nodePort)) {
            errors.push({ field: `spec.ports[${i}].nodePort`, detail: `Invalid value: ${p.nodePort}: provided port is already allocated` });
          }
          used.add(p.nodePort);
          return;
        }
        if (before) {
          p.nodePort = before;
          used.add(before);
          return;
        }
        for (let k = 0; k < 256; k++) {
          const port = NODE_PORT_MIN + this.rng.int(NODE_PORT_MAX - NODE_PORT_MIN + 1);
          if (!used.has(port)) {
            p.nodePort = port;
            used.add(port);
            break;
          }
        }
      });
    } else if (type === 'ClusterIP' || type === 'ExternalName') {
      (spec.ports ?? []).forEach((p, i) => {
        if (p.nodePort) {
          const changed = prev && (prev.spec.type === 'NodePort' || prev.spec.type === 'LoadBalancer');
          if (changed) delete p.nodePort;
          else errors.push({ field: `spec.ports[${i}].nodePort`, detail: `Forbidden: may not be used when \`type\` is '${type}'` });
        }
      });
    }
    if (errors.length) throw ApiError.invalid('Service', name, errors);
  }

  private usedIps(exceptName: string, exceptNs: string | undefined): Set<string> {
    const out = new Set<string>();
    for (const s of this.store.list('services') as Service[]) {
      if (s.metadata.name === exceptName && s.metadata.namespace === exceptNs) continue;
      if (s.spec.clusterIP && s.spec.clusterIP !== 'None') out.add(s.spec.clusterIP);
    }
    return out;
  }

  private usedNodePorts(exceptName: string, exceptNs: string | undefined): Set<number> {
    const out = new Set<number>();
    for (const s of this.store.list('services') as Service[]) {
      if (s.metadata.name === exceptName && s.metadata.namespace === exceptNs) continue;
      for (const p of s.spec.ports ?? []) if (p.nodePort) out.add(p.nodePort);
    }
    return out;
  }
}
