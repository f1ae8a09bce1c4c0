// The cloud node controller of the cloud controller manager: a node registered by a kubelet with
// --cloud-provider=external carries the uninitialized taint until this controller gives it the
// provider's details (provider ID, region, zone and instance-type labels, addresses); then the
// taint goes, the Synced event says so, and the scheduler may use the node. The controller acts
// as soon as it sees the node; what takes time is the cloud's answer about the instance (for
// a node registered after the cluster was handed over: the installation's nodes are initialized
// at once, as nothing there shows when, and the cluster's seeded values stay what they were).

import { clone } from '../api/store';
import type { Node } from '../api/types';
import type { Controller, ControllerContext } from '../controllers/controller';
import { INSTANCE_TYPE, REGION, UNINITIALIZED_TAINT, cloudSection, instanceExists, instanceFor, providerID } from './cloud-provider';

/** how long the cloud's instances API takes to describe a new node's instance */
export const INSTANCE_METADATA_MS = 1_000;
const SOURCE = { component: 'cloud-node-controller' };

/** nodes whose instance metadata was asked for: when the cloud answers, by node */
function pending(ctx: ControllerContext): Record<string, number> {
  const s = cloudSection(ctx) as unknown as { nodeInitPending?: Record<string, number> };
  return (s.nodeInitPending ??= {});
}

export function cloudNodeController(): Controller {
  return {
    name: 'cloud-node',
    resources: ['nodes'],
    watch(ev, enqueue) {
      if (ev.type === 'DELETED') {
        enqueue(ev.object.metadata.name!);
        return;
      }
      if ((ev.object as Node).spec?.taints?.some((t) => t.key === UNINITIALIZED_TAINT)) enqueue(ev.object.metadata.name!);
    },
    sync(name, ctx) {
      const due = pending(ctx);
      const node = ctx.store.get('nodes', undefined, name) as Node | undefined;
      if (!node || !node.spec?.taints?.some((t) => t.key === UNINITIALIZED_TAINT) || !instanceExists(ctx, name)) {
        delete due[name];
        return;
      }
      due[name] ??= ctx.now + (ctx.now < ctx.config.start ? 0 : INSTANCE_METADATA_MS);
      if (ctx.now < due[name]) {
        ctx.schedule(due[name], name);
        return;
      }
      delete due[name];
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
      ctx.record(node, 'Normal', 'Synced', 'Node synced successfully', SOURCE);
    },
  };
}
