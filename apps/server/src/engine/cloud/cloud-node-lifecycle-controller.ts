// The cloud node lifecycle controller: a node that stops reporting Ready is checked against the
// cloud; if its instance no longer exists, the Node object is deleted (its pods then go as
// orphans).

import type { Node } from '../api/types';
import { nodeReference } from '../api/node-reference';
import type { Controller } from '../controllers/controller';
import { instanceExists } from './cloud-provider';

export function cloudNodeLifecycleController(): Controller {
  return {
    name: 'cloud-node-lifecycle',
    watch(ev, enqueue) {
      if (ev.resource === 'nodes' && ev.type === 'MODIFIED') enqueue(ev.object.metadata.name!);
    },
    sync(name, ctx) {
      const node = ctx.store.get('nodes', undefined, name) as Node | undefined;
      if (!node || node.metadata.deletionTimestamp) return;
      const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
      if (ready === 'True' || instanceExists(ctx, name)) return;
      ctx.record(nodeReference(name, 'controller', node.metadata.uid), 'Normal', 'DeletingNode', `Deleting node ${name} because it does not exist in the cloud provider`, { component: 'cloud-node-lifecycle-controller' });
      ctx.api.delete('nodes', undefined, name);
    },
  };
}
