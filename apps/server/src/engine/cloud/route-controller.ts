// The route controller: one cloud route per node to its pod CIDR, so that pods on different
// nodes reach each other; the node's NetworkUnavailable condition says so (False, RouteCreated).

import { clone } from '../api/store';
import type { Node } from '../api/types';
import { rfc3339 } from '../time';
import type { Controller } from '../controllers/controller';
import { cloudSection, instanceExists } from './cloud-provider';

export function routeController(): Controller {
  return {
    name: 'route',
    watch(ev, enqueue) {
      if (ev.resource === 'nodes') enqueue(ev.object.metadata.name!);
    },
    sync(name, ctx) {
      const routes = cloudSection(ctx).routes;
      const node = ctx.store.get('nodes', undefined, name) as Node | undefined;
      if (!node || !instanceExists(ctx, name)) {
        delete routes[name];
        return;
      }
      const cidr = node.spec?.podCIDR;
      if (!cidr) return;
      routes[name] = cidr;
      const cond = node.status?.conditions?.find((c) => c.type === 'NetworkUnavailable');
      if (cond?.status === 'False' && cond.reason === 'RouteCreated') return;
      const at = rfc3339(ctx.now);
      const next = clone(node);
      const created = { type: 'NetworkUnavailable', status: 'False' as const, reason: 'RouteCreated', message: 'RouteController created a route', lastHeartbeatTime: at, lastTransitionTime: at };
      next.status = { ...next.status, conditions: [created, ...(next.status?.conditions ?? []).filter((c) => c.type !== 'NetworkUnavailable')] };
      ctx.api.updateStatus(next);
    },
  };
}
