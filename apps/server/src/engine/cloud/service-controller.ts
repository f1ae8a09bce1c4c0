// The service controller of the cloud controller manager: a LoadBalancer Service gets a cloud
// load balancer (a forwarding rule with a public address), shown in status.loadBalancer, with
// the EnsuringLoadBalancer / EnsuredLoadBalancer events; the cleanup finalizer makes deletion
// (or a change of type) wait until the load balancer is gone.

import { clone } from '../api/store';
import type { Service } from '../api/types';
import type { Controller, ControllerContext } from '../controllers/controller';
import { cloudSection, publicIP } from './cloud-provider';

export const LB_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';
const SOURCE = { component: 'service-controller' };
/** how long the cloud takes to answer with the forwarding rule's address */
export const LB_PROVISION_MS = 3_000;

interface Pending {
  /** service key → when its load balancer is ready */
  due: Record<string, number>;
}

function pending(ctx: ControllerContext): Pending {
  const s = cloudSection(ctx) as unknown as { lbPending?: Record<string, number> };
  s.lbPending ??= {};
  return { due: s.lbPending };
}

export function serviceController(): Controller {
  return {
    name: 'service',
    watch(ev, enqueue) {
      if (ev.resource === 'services') enqueue(`${ev.object.metadata.namespace}/${ev.object.metadata.name}`);
    },
    sync(key, ctx) {
      const [namespace, name] = key.split('/');
      const svc = ctx.store.get('services', namespace, name) as Service | undefined;
      const lbs = cloudSection(ctx).loadBalancers;
      const due = pending(ctx).due;
      if (!svc) {
        delete lbs[key];
        delete due[key];
        return;
      }
      const wants = svc.spec?.type === 'LoadBalancer' && !svc.metadata.deletionTimestamp;
      const hasFinalizer = (svc.metadata.finalizers ?? []).includes(LB_FINALIZER);
      if (!wants) {
        delete due[key];
        if (!hasFinalizer && !lbs[key]) return;
        ctx.record(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer', SOURCE);
        delete lbs[key];
        let cur: Service | undefined = svc;
        if (svc.status?.loadBalancer?.ingress?.length) {
          const next = clone(svc);
          next.status = { ...next.status, loadBalancer: {} };
          cur = ctx.api.updateStatus(next) as Service;
        }
        ctx.record(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer', SOURCE);
        if (hasFinalizer && cur) ctx.api.removeFinalizer(cur, LB_FINALIZER);
        return;
      }
      let cur = svc;
      if (!hasFinalizer) {
        const next = clone(svc);
        next.metadata.finalizers = [...(next.metadata.finalizers ?? []), LB_FINALIZER];
        cur = ctx.api.update(next) as Service;
      }
      if (lbs[key] && cur.status?.loadBalancer?.ingress?.[0]?.ip === lbs[key]) return;
      if (!lbs[key]) {
        if (due[key] === undefined) {
          due[key] = ctx.now + LB_PROVISION_MS;
          ctx.record(cur, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', SOURCE);
        }
        if (ctx.now < due[key]) {
          ctx.schedule(due[key], key);
          return;
        }
        delete due[key];
        lbs[key] = publicIP(ctx);
      }
      const next = clone(cur);
      next.status = { ...next.status, loadBalancer: { ingress: [{ ip: lbs[key], ipMode: 'VIP' }] } };
      ctx.api.updateStatus(next);
      ctx.record(cur, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', SOURCE);
    },
  };
}
