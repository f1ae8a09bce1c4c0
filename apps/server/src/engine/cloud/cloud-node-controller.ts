// The cloud node controller of the cloud controller manager: a node registered by a kubelet with
// --cloud-provider=external carries the uninitialized taint until this controller gives it the
// provider's details (provider ID, region, zone and instance-type labels, addresses); then the
// taint goes and the scheduler may use the node.

import { clone } from '../api/store';
import type { Node } from '../api/types';
import type { Controller } from '../controllers/controller';
import { INSTANCE_TYPE, REGION, UNINITIALIZED_TAINT, instanceExists, instanceFor, providerID } from './cloud-provider';

export function cloudNodeController(): Controller {
  return {
    name: 'cloud-node',
    watch(ev, enqueue) {
      if (ev.resource !== 'nodes' || ev.type === 'DELETED') return;
      if ((ev.object as Node).spec?.taints?.some((t) => t.key === UNINITIALIZED_TAINT)) enqueue(ev.object.metadata.name!);
    },
    sync(name, ctx) {
      const node = ctx.store.get('nodes', undefined, name) as Node | undefined;
      if (!node || !node.spec?.taints?.some((t) => t.key === UNINITIALIZED_TAINT)) return;
      if (!instanceExists(ctx, name)) return;
      const inst = instanceFor(ctx, name)!;
      const next = clone(node);
      next.metadata.labels = {
        ...next.metadata.labels,
        'beta.kubernetes.io/instance-type': INSTANCE_TYPE,
        'failure-domain.beta.kubernetes.io/region': REGION,
        'failure-domain.beta.kubernetes.io/zone': inst.zone,
        'node.kubernetes.io/instance-type': INSTANCE_TYPE,
        'topology.kubernetes.io/region': REGION,
        'topology.kubernetes.io/zone': inst.zone,
      };
      next.spec.providerID = providerID(name, inst.zone);
      const taints = next.spec.taints!.filter((t) => t.key !== UNINITIALIZED_TAINT);
      if (taints.length) next.spec.taints = taints;
      else delete next.spec.taints;
      const updated = ctx.api.update(next) as Node;
      // the addresses are status: the controller patches them in the same pass
      const withStatus = clone(updated);
      const internal = (withStatus.status?.addresses ?? []).find((a) => a.type === 'InternalIP')?.address ?? ctx.runtime.machines[name]?.ip ?? '';
      withStatus.status = {
        ...withStatus.status,
        addresses: [
          { type: 'InternalIP', address: internal },
          { type: 'ExternalIP', address: inst.externalIP },
          { type: 'Hostname', address: name },
        ],
      };
      ctx.api.updateStatus(withStatus);
    },
  };
}
