// The Endpoints controller: for every Service with a selector, an Endpoints object of the same
// name listing the selected pods that have an IP (Ready ones in addresses, the others in
// notReadyAddresses), with the ports each pod resolves (named target ports per pod), packed
// into subsets as endpoints.RepackSubsets packs them. Deleted with its Service.
//
// Order: addresses by IP then uid, as the real controller sorts them. The real one orders ports
// and subsets by an object hash; here ports go by number, then protocol, then name (which gives
// kube-dns the real dns-tcp, dns, metrics) and subsets by their first address.

import { clone } from '../../api/store';
import { EndpointAddress, EndpointSubset, Endpoints, Pod, Service } from '../../api/types';
import { rfc3339 } from '../../time';
import { Controller, ControllerContext, splitKey } from '../controller';
import {
  TRIGGER_TIME_ANNOTATION,
  endpointLabels,
  findPort,
  isHeadless,
  isPodReady,
  isTerminal,
  managesEndpoints,
  podHostname,
  podIP,
  podsFor,
  sameJson,
  servicesFor,
} from './service-pods';

type Port = { name?: string; port: number; protocol: string; appProtocol?: string };

export function endpointsController(): Controller {
  return {
    name: 'endpoints',
    resources: ['services', 'endpoints', 'pods'],
    watch(ev, enqueue, ctx) {
      if (ev.resource === 'services' || ev.resource === 'endpoints') {
        enqueue(`${ev.object.metadata.namespace}/${ev.object.metadata.name}`);
      } else if (ev.resource === 'pods') {
        for (const key of servicesFor(ctx.store, ev.old as Pod | undefined, ev.object as Pod)) enqueue(key);
      }
    },
    sync(key, ctx) {
      const { namespace, name } = splitKey(key);
      if (namespace === 'default' && name === 'kubernetes') return; // the API server's own
      const svc = ctx.store.get('services', namespace, name) as Service | undefined;
      const current = ctx.store.get('endpoints', namespace, name) as Endpoints | undefined;
      if (!svc) {
        if (current) ctx.api.delete('endpoints', namespace, name);
        return;
      }
      if (!managesEndpoints(svc)) return;
      const subsets = desiredSubsets(svc, podsFor(ctx.store, svc));
      const labels = endpointLabels(svc);
      if (current && sameJson(current.subsets ?? [], subsets) && sameJson(current.metadata.labels ?? {}, labels)) return;
      const annotations = { ...(current?.metadata.annotations ?? {}), [TRIGGER_TIME_ANNOTATION]: rfc3339(ctx.now) };
      if (!current) {
        write(ctx, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace, labels, annotations }, ...(subsets.length ? { subsets } : {}) }, false);
        return;
      }
      const next = clone(current);
      next.metadata.labels = labels;
      next.metadata.annotations = annotations;
      if (subsets.length) next.subsets = subsets;
      else delete next.subsets;
      write(ctx, next, true);
    },
  };
}

function write(ctx: ControllerContext, obj: Endpoints, update: boolean): void {
  try {
    if (update) ctx.api.update(obj);
    else ctx.api.create(obj, { internal: true });
  } catch {
    // the namespace is going away: its content is being deleted anyway
  }
}

function addressFor(pod: Pod, svc: Service, ip: string): EndpointAddress {
  const addr: EndpointAddress = { ip };
  const hostname = podHostname(pod, svc);
  if (hostname) addr.hostname = hostname;
  if (pod.spec.nodeName) addr.nodeName = pod.spec.nodeName;
  addr.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name!, uid: pod.metadata.uid };
  return addr;
}

export function desiredSubsets(svc: Service, pods: Pod[]): EndpointSubset[] {
  const tolerateUnready = !!svc.spec.publishNotReadyAddresses;
  const ports = svc.spec.ports ?? [];
  // port -> addresses offering it, with readiness (RepackSubsets' first step)
  const byPort = new Map<string, { port: Port | undefined; addrs: Map<string, { addr: EndpointAddress; ready: boolean }> }>();
  const add = (port: Port | undefined, addr: EndpointAddress, ready: boolean): void => {
    const k = port ? `${port.name ?? ''}\u0000${port.port}\u0000${port.protocol}\u0000${port.appProtocol ?? ''}` : '';
    let entry = byPort.get(k);
    if (!entry) byPort.set(k, (entry = { port, addrs: new Map() }));
    entry.addrs.set(`${addr.ip}\u0000${addr.targetRef?.uid ?? ''}`, { addr, ready });
  };
  for (const pod of pods) {
    const ip = podIP(pod);
    if (!ip || isTerminal(pod)) continue;
    if (pod.metadata.deletionTimestamp && !tolerateUnready) continue;
    const addr = addressFor(pod, svc, ip);
    const ready = tolerateUnready || isPodReady(pod);
    if (!ports.length) {
      if (isHeadless(svc)) add(undefined, addr, ready);
      continue;
    }
    for (const sp of ports) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const p: Port = { port, protocol: sp.protocol || 'TCP' };
      if (sp.name) p.name = sp.name;
      if (sp.appProtocol) p.appProtocol = sp.appProtocol;
      add(p, addr, ready);
    }
  }
  // address set -> the ports it offers
  const groups = new Map<string, { addrs: { addr: EndpointAddress; ready: boolean }[]; ports: Port[] }>();
  for (const { port, addrs } of byPort.values()) {
    const list = [...addrs.values()];
    const sig = list
      .map((a) => `${a.addr.ip}/${a.addr.targetRef?.uid}/${a.ready}`)
      .sort()
      .join(',');
    let g = groups.get(sig);
    if (!g) groups.set(sig, (g = { addrs: list, ports: [] }));
    if (port) g.ports.push(port);
  }
  const subsets: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const ready = g.addrs.filter((a) => a.ready).map((a) => a.addr).sort(compareAddresses);
    const notReady = g.addrs.filter((a) => !a.ready).map((a) => a.addr).sort(compareAddresses);
    const subset: EndpointSubset = {};
    if (ready.length) subset.addresses = ready;
    if (notReady.length) subset.notReadyAddresses = notReady;
    if (g.ports.length) subset.ports = [...g.ports].sort(comparePorts);
    subsets.push(subset);
  }
  return subsets.sort((a, b) => compareAddresses((a.addresses ?? a.notReadyAddresses)![0], (b.addresses ?? b.notReadyAddresses)![0]));
}

function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid ?? '';
  const ub = b.targetRef?.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

function comparePorts(a: Port, b: Port): number {
  if (a.port !== b.port) return a.port - b.port;
  if (a.protocol !== b.protocol) return a.protocol < b.protocol ? -1 : 1;
  const na = a.name ?? '';
  const nb = b.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}
