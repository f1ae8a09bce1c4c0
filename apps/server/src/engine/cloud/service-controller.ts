// The service controller of the cloud controller manager (k8s.io/cloud-provider's
// controllers/service, v1.32): a LoadBalancer Service gets a cloud load balancer (a forwarding
// rule with a public address), shown in status.loadBalancer, with the EnsuringLoadBalancer /
// EnsuredLoadBalancer events; a change the load balancer depends on (ports, session affinity,
// source ranges, annotations, traffic policy ...) ensures it again; a Service that no longer
// wants one (its type changed, or it is being deleted) has it deleted (DeletingLoadBalancer /
// DeletedLoadBalancer), its status cleared and the cleanup finalizer removed, which deletion
// waits for.
//
// Its node sync keeps every load balancer's backends the set of nodes that may serve it: all
// nodes but those being deleted, those labelled node.kubernetes.io/exclude-from-external-load-
// balancers (kubeadm's control plane) and those tainted ToBeDeletedByClusterAutoscaler. A node
// added or deleted, one whose exclusion or provider ID changed, updates them (UpdatedLoadBalancer,
// or UnAvailableLoadBalancer when no node is left). Readiness is not part of it: with the
// stable load balancer node set (StableLoadBalancerNodeSet, on since v1.27, GA in v1.30), a
// NotReady node stays behind the load balancer.

import { jsonEqual } from '../api/json-equal';
import { clone } from '../api/store';
import type { KubeObject, Node, Service } from '../api/types';
import type { Controller, ControllerContext } from '../controllers/controller';
import { cloudSection, publicIP } from './cloud-provider';

export const LB_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';
export const EXCLUDE_FROM_LB_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';
export const TO_BE_DELETED_TAINT = 'ToBeDeletedByClusterAutoscaler';
const SOURCE = { component: 'service-controller' };
/** how long the cloud takes to answer an EnsureLoadBalancer call (create or update the forwarding rule) */
export const LB_PROVISION_MS = 3_000;
/** the key of the node sync (service keys are `namespace/name`) */
const NODE_SYNC = 'nodes';

/** The Service fields the load balancer depends on (needsUpdate compares them). */
interface LbFields {
  wants: boolean;
  loadBalancerSourceRanges: unknown;
  ports: unknown[];
  sessionAffinity: unknown;
  sessionAffinityConfig: unknown;
  loadBalancerIP: unknown;
  externalIPs: unknown[];
  annotations: [string, string][];
  externalTrafficPolicy: unknown;
  healthCheckNodePort: unknown;
  ipFamilies: number;
}

/** the controller's cache entry of a service it handles (what it last processed) */
interface CachedService {
  uid: string;
  fields: LbFields;
}

interface ServiceSection {
  /** the controller's service cache, by key */
  lbServices: Record<string, CachedService>;
  /** an EnsureLoadBalancer call in flight: when the cloud answers, by key */
  lbPending: Record<string, number>;
  /** the nodes each load balancer was last given ([name, provider ID]), by key (lastSyncedNodes) */
  lbNodes: Record<string, [string, string][]>;
}

function section(ctx: ControllerContext): ServiceSection {
  const s = cloudSection(ctx) as unknown as Partial<ServiceSection>;
  s.lbServices ??= {};
  s.lbPending ??= {};
  s.lbNodes ??= {};
  return s as ServiceSection;
}

function wantsLoadBalancer(svc: Service): boolean {
  return svc.spec?.type === 'LoadBalancer' && svc.spec.loadBalancerClass === undefined;
}

function hasFinalizer(svc: Service): boolean {
  return (svc.metadata.finalizers ?? []).includes(LB_FINALIZER);
}

/** the load balancer must go: the service is being deleted or is no longer of type LoadBalancer */
function needsCleanup(svc: Service): boolean {
  return hasFinalizer(svc) && (!!svc.metadata.deletionTimestamp || svc.spec?.type !== 'LoadBalancer');
}

function lbFields(svc: Service): LbFields {
  const s = svc.spec ?? {};
  return {
    wants: wantsLoadBalancer(svc),
    loadBalancerSourceRanges: s.loadBalancerSourceRanges ?? null,
    ports: (s.ports ?? []).map((p) => [p.name ?? '', p.protocol ?? 'TCP', p.port, p.nodePort ?? 0, p.targetPort ?? null, p.appProtocol ?? null]),
    sessionAffinity: s.sessionAffinity ?? '',
    sessionAffinityConfig: s.sessionAffinityConfig ?? null,
    loadBalancerIP: s.loadBalancerIP ?? '',
    externalIPs: s.externalIPs ?? [],
    annotations: Object.entries(svc.metadata.annotations ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    externalTrafficPolicy: s.externalTrafficPolicy ?? '',
    healthCheckNodePort: s.healthCheckNodePort ?? 0,
    ipFamilies: (s.ipFamilies ?? []).length,
  };
}

/** needsUpdate: whether the change from `old` to `cur` concerns the load balancer */
function needsUpdate(old: LbFields, cur: LbFields): boolean {
  if (!old.wants && !cur.wants) return false;
  return !jsonEqual(old, cur);
}

/** The node may back a load balancer (nodeIncludedPredicate): not labelled for exclusion ("false" keeps it). */
function nodeIncluded(node: Node): boolean {
  const v = node.metadata.labels?.[EXCLUDE_FROM_LB_LABEL];
  if (v === undefined) return true;
  const parsed = parseBool(v);
  return parsed === undefined ? false : !parsed;
}

/** strconv.ParseBool */
function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/** stableNodeSetPredicates: not being deleted, included, not tainted for deletion by the cluster autoscaler */
function stableNodes(ctx: ControllerContext): [string, string][] {
  return (ctx.store.list('nodes') as Node[])
    .filter((n) => !n.metadata.deletionTimestamp && nodeIncluded(n) && !(n.spec?.taints ?? []).some((t) => t.key === TO_BE_DELETED_TAINT))
    .map((n): [string, string] => [n.metadata.name!, n.spec?.providerID ?? '']);
}

/** nodesSufficientlyEqual: the same names with the same provider IDs */
function sameNodes(a: [string, string][], b: [string, string][]): boolean {
  if (a.length !== b.length) return false;
  const m = new Map(a);
  return b.every(([name, id]) => m.has(name) && m.get(name) === id);
}

/** what an Event about a service the controller only has in its cache refers to */
function serviceRef(key: string, uid: string): KubeObject {
  const [namespace, name] = key.split('/');
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, uid } };
}

export function serviceController(): Controller {
  return {
    name: 'service',
    resources: ['services', 'nodes'],
    watch(ev, enqueue) {
      if (ev.resource === 'services') {
        enqueue(`${ev.object.metadata.namespace}/${ev.object.metadata.name}`);
        return;
      }
      // shouldSyncUpdatedNode: an update matters when it changes the node's exclusion or provider ID
      if (ev.type === 'MODIFIED' && ev.old) {
        const a = ev.old as Node;
        const b = ev.object as Node;
        if (nodeIncluded(a) === nodeIncluded(b) && (a.spec?.providerID ?? '') === (b.spec?.providerID ?? '')) return;
      }
      enqueue(NODE_SYNC);
    },
    sync(key, ctx) {
      if (key === NODE_SYNC) syncNodes(ctx);
      else syncService(key, ctx);
    },
  };
}

function syncService(key: string, ctx: ControllerContext): void {
  const [namespace, name] = key.split('/');
  const st = section(ctx);
  const lbs = cloudSection(ctx).loadBalancers;
  let svc = ctx.store.get('services', namespace, name) as Service | undefined;
  // an EnsureLoadBalancer call in flight ends first (its worker holds the key until then)
  const due = st.lbPending[key];
  if (due !== undefined) {
    if (svc && ctx.now < due) {
      ctx.schedule(due, key);
      return;
    }
    delete st.lbPending[key];
    if (svc) svc = ensured(ctx, svc, key);
  }
  const cached = st.lbServices[key];
  if (!svc) {
    // deleted without the finalizer (someone removed it): the cached service's load balancer goes
    if (cached) {
      if (cached.fields.wants) deleteLoadBalancer(ctx, serviceRef(key, cached.uid), key);
      forget(st, key);
    }
    delete lbs[key];
    return;
  }
  if (cached && cached.uid !== svc.metadata.uid) {
    // deleted and created again under the same name before the controller saw it go
    if (cached.fields.wants) deleteLoadBalancer(ctx, serviceRef(key, cached.uid), key);
    forget(st, key);
  }
  const prev = st.lbServices[key];
  const fields = lbFields(svc);
  // the informer's handlers: a new service that wants a load balancer (or holds the finalizer),
  // or an update that concerns it
  const triggered = prev ? needsUpdate(prev.fields, fields) || needsCleanup(svc) : fields.wants || needsCleanup(svc);
  if (!triggered) return;
  st.lbServices[key] = { uid: svc.metadata.uid!, fields };
  if (!fields.wants || needsCleanup(svc)) {
    const previous = svc.status?.loadBalancer;
    deleteLoadBalancer(ctx, svc, key);
    forget(st, key);
    const cur = ctx.api.removeFinalizer(svc, LB_FINALIZER) as Service | undefined;
    ctx.record(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer', SOURCE);
    if (cur && previous?.ingress?.length) {
      const next = clone(cur);
      next.status = { ...next.status, loadBalancer: {} };
      ctx.api.updateStatus(next);
    }
    return;
  }
  ctx.record(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', SOURCE);
  let cur = svc;
  if (!hasFinalizer(svc)) {
    const next = clone(svc);
    next.metadata.finalizers = [...(next.metadata.finalizers ?? []), LB_FINALIZER];
    cur = ctx.api.update(next) as Service;
  }
  const nodes = stableNodes(ctx);
  if (!nodes.length) ctx.record(cur, 'Warning', 'UnAvailableLoadBalancer', 'There are no available nodes for LoadBalancer', SOURCE);
  st.lbNodes[key] = nodes;
  st.lbPending[key] = ctx.now + LB_PROVISION_MS;
  ctx.schedule(st.lbPending[key], key);
}

/** The cloud answered EnsureLoadBalancer: the forwarding rule has its address, shown in the status. */
function ensured(ctx: ControllerContext, svc: Service, key: string): Service {
  const lbs = cloudSection(ctx).loadBalancers;
  lbs[key] ??= publicIP(ctx);
  ctx.record(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', SOURCE);
  const status = { ingress: [{ ip: lbs[key], ipMode: 'VIP' }] };
  if (jsonEqual(svc.status?.loadBalancer, status)) return svc;
  const next = clone(svc);
  next.status = { ...next.status, loadBalancer: status };
  return ctx.api.updateStatus(next) as Service;
}

/** EnsureLoadBalancerDeleted: announced only when there is a load balancer to delete */
function deleteLoadBalancer(ctx: ControllerContext, svc: KubeObject, key: string): void {
  const lbs = cloudSection(ctx).loadBalancers;
  if (lbs[key] === undefined) return;
  ctx.record(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer', SOURCE);
  delete lbs[key];
}

function forget(st: ServiceSection, key: string): void {
  delete st.lbServices[key];
  delete st.lbNodes[key];
  delete st.lbPending[key];
}

/** The node sync: every load balancer whose set of nodes changed gets the new one (UpdateLoadBalancer). */
function syncNodes(ctx: ControllerContext): void {
  const st = section(ctx);
  const lbs = cloudSection(ctx).loadBalancers;
  const nodes = stableNodes(ctx);
  for (const key of Object.keys(st.lbServices)) {
    const [namespace, name] = key.split('/');
    const svc = ctx.store.get('services', namespace, name) as Service | undefined;
    if (!svc || !wantsLoadBalancer(svc)) continue;
    const old = st.lbNodes[key] ?? [];
    st.lbNodes[key] = nodes;
    if (sameNodes(old, nodes)) continue;
    // a load balancer the cloud has not made yet cannot be updated, which is no error
    if (lbs[key] === undefined) continue;
    if (nodes.length) ctx.record(svc, 'Normal', 'UpdatedLoadBalancer', 'Updated load balancer with new hosts', SOURCE);
    else ctx.record(svc, 'Warning', 'UnAvailableLoadBalancer', 'There are no available nodes for LoadBalancer', SOURCE);
  }
}
