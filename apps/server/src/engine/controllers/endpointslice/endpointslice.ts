// The EndpointSlice controller: for every Service with a selector, EndpointSlices named
// `<service>-<5 random>` (at most 100 endpoints each, one set per port mapping), owned by the
// Service so they go with it, each endpoint with its ready/serving/terminating conditions,
// node and pod. A service without backing pods keeps one empty placeholder slice.
//
// Endpoints in a slice are ordered by IP (the real reconciler keeps insertion order, which
// follows its informer's map iteration).

import { clone } from '../../api/store';
import { KubeObject, Node, Pod, Service } from '../../api/types';
import { rfc3339 } from '../../time';
import { Controller, ControllerContext, splitKey } from '../controller';
import {
  TRIGGER_TIME_ANNOTATION,
  endpointLabels,
  findPort,
  isPodReady,
  isTerminal,
  managesEndpoints,
  podHostname,
  podIP,
  podsFor,
  sameJson,
  servicesFor,
} from '../endpoints/service-pods';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
export const MAX_ENDPOINTS_PER_SLICE = 100;

interface SlicePort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

interface SliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  nodeName?: string;
  targetRef: { kind: string; namespace?: string; name: string; uid?: string };
  zone?: string;
}

export interface EndpointSlice extends KubeObject {
  addressType: string;
  endpoints: SliceEndpoint[] | null;
  ports: SlicePort[] | null;
}

export function endpointSliceController(): Controller {
  return {
    name: 'endpointslice',
    resources: ['services', 'pods', 'endpointslices'],
    watch(ev, enqueue, ctx) {
      if (ev.resource === 'services') enqueue(`${ev.object.metadata.namespace}/${ev.object.metadata.name}`);
      else if (ev.resource === 'pods') for (const key of servicesFor(ctx.store, ev.old as Pod | undefined, ev.object as Pod)) enqueue(key);
      else if (ev.resource === 'endpointslices') {
        const svcName = ev.object.metadata.labels?.[SERVICE_NAME_LABEL];
        if (svcName && ev.object.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY) enqueue(`${ev.object.metadata.namespace}/${svcName}`);
      }
    },
    sync(key, ctx) {
      const { namespace, name } = splitKey(key);
      const svc = ctx.store.get('services', namespace, name) as Service | undefined;
      const existing = (ctx.store.list('endpointslices', namespace) as EndpointSlice[]).filter(
        (s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY && !s.metadata.deletionTimestamp,
      );
      if (!svc || !managesEndpoints(svc)) {
        // a deleted service's slices are the garbage collector's (they are owned); removing them
        // here too keeps a cluster without it tidy, and a service that stops selecting loses them
        for (const s of existing) {
          try {
            ctx.api.delete('endpointslices', namespace, s.metadata.name!);
          } catch {
            // already collected
          }
        }
        return;
      }
      reconcile(ctx, svc, existing);
    },
  };
}

interface DesiredSlice {
  ports: SlicePort[];
  endpoints: SliceEndpoint[];
}

function desiredSlices(ctx: ControllerContext, svc: Service): DesiredSlice[] {
  const groups = new Map<string, DesiredSlice>();
  const nodes = new Map<string, Node | undefined>();
  const nodeOf = (nodeName: string): Node | undefined => {
    if (!nodes.has(nodeName)) nodes.set(nodeName, ctx.store.get('nodes', undefined, nodeName) as Node | undefined);
    return nodes.get(nodeName);
  };
  for (const pod of podsFor(ctx.store, svc)) {
    const ip = podIP(pod);
    if (!ip || isTerminal(pod)) continue;
    // a pod whose Node is gone is left out (reconciler.go: "skipping Pod for Service, Node not
    // found"; the pod GC removes the pod later), unless the Service publishes not-ready addresses
    if (pod.spec.nodeName && !nodeOf(pod.spec.nodeName) && !svc.spec.publishNotReadyAddresses) continue;
    const ports: SlicePort[] = [];
    for (const sp of svc.spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const p: SlicePort = { name: sp.name ?? '', port, protocol: sp.protocol || 'TCP' };
      if (sp.appProtocol) p.appProtocol = sp.appProtocol;
      ports.push(p);
    }
    const terminating = !!pod.metadata.deletionTimestamp;
    const serving = isPodReady(pod) || !!svc.spec.publishNotReadyAddresses;
    const ep: SliceEndpoint = {
      addresses: [ip],
      conditions: { ready: serving && !terminating, serving, terminating },
      targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name!, uid: pod.metadata.uid },
    };
    const hostname = podHostname(pod, svc);
    if (hostname) ep.hostname = hostname;
    if (pod.spec.nodeName) {
      ep.nodeName = pod.spec.nodeName;
      const zone = nodeOf(pod.spec.nodeName)?.metadata.labels?.['topology.kubernetes.io/zone'];
      if (zone) ep.zone = zone;
    }
    const sig = JSON.stringify(ports);
    let g = groups.get(sig);
    if (!g) groups.set(sig, (g = { ports, endpoints: [] }));
    g.endpoints.push(ep);
  }
  const out: DesiredSlice[] = [];
  for (const g of groups.values()) {
    g.endpoints.sort((a, b) => (a.addresses[0] < b.addresses[0] ? -1 : a.addresses[0] > b.addresses[0] ? 1 : 0));
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
      out.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
    }
  }
  return out;
}

function reconcile(ctx: ControllerContext, svc: Service, existing: EndpointSlice[]): void {
  const ns = svc.metadata.namespace!;
  const name = svc.metadata.name!;
  const desired = desiredSlices(ctx, svc);
  const labels = { ...endpointLabels(svc), [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: MANAGED_BY };
  const ownerReferences = [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }];
  const now = rfc3339(ctx.now);
  // pair desired slices with existing ones of the same ports, in name order
  const pool = [...existing];
  const write = (d: DesiredSlice | undefined): void => {
    const ports = d ? (d.ports.length ? d.ports : null) : null;
    const endpoints = d && d.endpoints.length ? d.endpoints : null;
    let i = pool.findIndex((s) => sameJson(s.ports ?? null, ports));
    if (i < 0 && pool.length) i = 0;
    const cur = i >= 0 ? pool.splice(i, 1)[0] : undefined;
    if (cur) {
      if (sameJson(cur.ports ?? null, ports) && sameJson(cur.endpoints ?? null, endpoints) && sameJson(cur.metadata.labels, labels)) return;
      const next = clone(cur);
      next.ports = ports;
      next.endpoints = endpoints;
      next.metadata.labels = labels;
      next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [TRIGGER_TIME_ANNOTATION]: now };
      ctx.api.update(next);
      return;
    }
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { generateName: `${name}-`, namespace: ns, labels, annotations: { [TRIGGER_TIME_ANNOTATION]: now }, ownerReferences },
      addressType: 'IPv4',
      endpoints,
      ports,
    };
    try {
      ctx.api.create(slice, { internal: true });
    } catch {
      // the namespace is terminating
    }
  };
  if (!desired.length) write(undefined);
  else for (const d of desired) write(d);
  for (const s of pool) ctx.api.delete('endpointslices', ns, s.metadata.name!);
}
