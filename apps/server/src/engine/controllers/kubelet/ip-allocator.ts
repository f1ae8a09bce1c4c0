// Pod IPs from the node's pod CIDR as the host-local IPAM plugin hands them out: .1 is the
// bridge (cni0), then .2, .3 ... onwards from the last one given, wrapping round, skipping used.

import type { MachineState } from '../../cluster-state';
import { KubeletSection } from './runtime-state';

/** a pod CIDR as its first address (a number) and size; the few CIDRs of a cluster are parsed once */
const ranges = new Map<string, { first: number; size: number }>();

function rangeOf(cidr: string): { first: number; size: number } {
  let r = ranges.get(cidr);
  if (!r) {
    const [base, bits] = cidr.split('/');
    const octets = base.split('.').map(Number);
    r = { first: ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3], size: 2 ** (32 - Number(bits || 24)) };
    if (ranges.size >= 4096) ranges.clear();
    ranges.set(cidr, r);
  }
  return r;
}

export function allocatePodIP(section: KubeletSection, machine: MachineState, podKey: string): string | undefined {
  const { first, size } = rangeOf(machine.podCIDR);
  const state = (section.ipam[machine.name] ??= { last: 1, used: {} });
  const count = size - 3; // hosts .2 .. broadcast-1
  for (let i = 1; i <= count; i++) {
    const host = 2 + ((((state.last - 2 + i) % count) + count) % count);
    const n = first + host;
    const ip = `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
    if (state.used[ip]) continue;
    state.used[ip] = podKey;
    state.last = host;
    return ip;
  }
  return undefined;
}

export function releasePodIP(section: KubeletSection, node: string, ip: string | undefined, podKey: string): void {
  if (!ip) return;
  const state = section.ipam[node];
  if (state && state.used[ip] === podKey) delete state.used[ip];
}
