// What a pod asks of a node: resource requests as the scheduler sums them (the larger of the
// containers' sum and the largest init container, plus overhead), the "non-zero" requests the
// scoring plugins use (100m CPU and 200 MiB for a container that requests nothing), host ports.

import { Container, Pod } from '../../api/types';
import { intValue, milliValue } from './quantity';

export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export interface PodResources {
  cpu: number;
  memory: number;
  ephemeral: number;
  /** extended resources (nvidia.com/gpu, hugepages-2Mi ...) */
  scalar: Record<string, number>;
  nonZeroCpu: number;
  nonZeroMemory: number;
}

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

const BASE = new Set(['cpu', 'memory', 'ephemeral-storage']);

/**
 * A container's requests as numbers, remembered per `resources` object: stored objects are
 * immutable, and the equal `resources` of loaded clusters are one shared object (see
 * engine/state/shared-objects.ts), so each is parsed once per process.
 */
function containerResources(c: Container): PodResources {
  const resources = c.resources;
  if (!resources) return NO_REQUESTS;
  let r = byResources.get(resources);
  if (!r) byResources.set(resources, (r = parseRequests(resources.requests ?? {})));
  return r;
}

const byResources = new WeakMap<object, PodResources>();

function parseRequests(req: Record<string, string>): PodResources {
  const out: PodResources = {
    cpu: milliValue(req.cpu),
    memory: intValue(req.memory),
    ephemeral: intValue(req['ephemeral-storage']),
    scalar: {},
    nonZeroCpu: req.cpu === undefined ? DEFAULT_MILLI_CPU_REQUEST : milliValue(req.cpu),
    nonZeroMemory: req.memory === undefined ? DEFAULT_MEMORY_REQUEST : intValue(req.memory),
  };
  for (const [k, v] of Object.entries(req)) if (!BASE.has(k)) out.scalar[k] = intValue(v);
  return out;
}

/** what a container without `resources` asks (read only) */
const NO_REQUESTS: PodResources = parseRequests({});

function empty(): PodResources {
  return { cpu: 0, memory: 0, ephemeral: 0, scalar: {}, nonZeroCpu: 0, nonZeroMemory: 0 };
}

export function podResources(pod: Pod): PodResources {
  const sum = empty();
  for (const c of pod.spec.containers ?? []) {
    const r = containerResources(c);
    sum.cpu += r.cpu;
    sum.memory += r.memory;
    sum.ephemeral += r.ephemeral;
    sum.nonZeroCpu += r.nonZeroCpu;
    sum.nonZeroMemory += r.nonZeroMemory;
    for (const [k, v] of Object.entries(r.scalar)) sum.scalar[k] = (sum.scalar[k] ?? 0) + v;
  }
  for (const c of pod.spec.initContainers ?? []) {
    const r = containerResources(c);
    sum.cpu = Math.max(sum.cpu, r.cpu);
    sum.memory = Math.max(sum.memory, r.memory);
    sum.ephemeral = Math.max(sum.ephemeral, r.ephemeral);
    sum.nonZeroCpu = Math.max(sum.nonZeroCpu, r.nonZeroCpu);
    sum.nonZeroMemory = Math.max(sum.nonZeroMemory, r.nonZeroMemory);
    for (const [k, v] of Object.entries(r.scalar)) sum.scalar[k] = Math.max(sum.scalar[k] ?? 0, v);
  }
  const overhead = (pod.spec.overhead ?? {}) as Record<string, string>;
  if (overhead.cpu) {
    sum.cpu += milliValue(overhead.cpu);
    sum.nonZeroCpu += milliValue(overhead.cpu);
  }
  if (overhead.memory) {
    sum.memory += intValue(overhead.memory);
    sum.nonZeroMemory += intValue(overhead.memory);
  }
  return sum;
}

/**
 * A pod's resources and host ports, remembered per containers list: stored objects are
 * immutable, and a pod's versions share it (a binding copies the spec, not its containers). Init
 * containers and overhead count too, so they are checked to be the same.
 */
export function podDemand(pod: Pod): { res: PodResources; ports: HostPort[] } {
  const containers = pod.spec.containers ?? NO_CONTAINERS;
  // most pods request nothing and open no host port: their demand depends on the number of
  // containers only, one shared answer each (no per-pod cache entry, which the GC pays for)
  if (!pod.spec.initContainers && !pod.spec.overhead && containers.length <= 8 && containers.every(asksNothing)) return defaultDemand(containers.length);
  const d = demands.get(containers);
  if (d && d.init === pod.spec.initContainers && d.overhead === pod.spec.overhead) return d;
  const fresh = { res: podResources(pod), ports: hostPorts(pod), init: pod.spec.initContainers, overhead: pod.spec.overhead };
  demands.set(containers, fresh);
  return fresh;
}

const NO_CONTAINERS: Container[] = [];

function asksNothing(c: Container): boolean {
  return (c.resources === undefined || c.resources.requests === undefined) && (c.ports === undefined || c.ports.every((p) => !p.hostPort));
}

/** the demand of `n` containers that ask nothing: the non-zero defaults, no host ports (read only) */
function defaultDemand(n: number): { res: PodResources; ports: HostPort[] } {
  let d = DEFAULT_DEMANDS[n];
  if (!d) {
    const res = empty();
    res.nonZeroCpu = n * DEFAULT_MILLI_CPU_REQUEST;
    res.nonZeroMemory = n * DEFAULT_MEMORY_REQUEST;
    Object.freeze(res.scalar);
    d = DEFAULT_DEMANDS[n] = Object.freeze({ res: Object.freeze(res), ports: Object.freeze([]) as unknown as HostPort[] });
  }
  return d;
}

const DEFAULT_DEMANDS: { res: PodResources; ports: HostPort[] }[] = [];
const demands = new WeakMap<object, { res: PodResources; ports: HostPort[]; init: unknown; overhead: unknown }>();

export function hostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort) continue;
      out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  }
  return out;
}

/** Two host ports clash when protocol and port match and either IP is the wildcard or they are equal. */
export function portsConflict(a: HostPort, b: HostPort): boolean {
  return a.port === b.port && a.protocol === b.protocol && (a.ip === b.ip || a.ip === '0.0.0.0' || b.ip === '0.0.0.0');
}
