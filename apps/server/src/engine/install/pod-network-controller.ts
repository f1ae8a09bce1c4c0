// The container runtime's network readiness on a `bare` cluster: a node registered by kubeadm is
// NotReady (NetworkPluginNotReady, `cni plugin not initialized`) until the pod network add-on
// has put its CNI configuration on it, which flannel's DaemonSet pod does when it starts there.
// The kubelet then posts Ready and the node lifecycle controller lifts the not-ready taints.
// On every shape, flanneld annotates its node when its pod runs there and finds the node without
// its annotations (a node registered again after `kubectl delete node`).

import { clone } from '../api/store';
import { nodeReference } from '../api/node-reference';
import type { Node, Pod } from '../api/types';
import { parseTime, rfc3339 } from '../time';
import type { Controller, ControllerContext } from '../controllers/controller';
import { networkNotReady } from './control-plane';
import { flannelAnnotations } from '../bootstrap/machines';
import './flannel-process';

export const POD_NETWORK = 'pod-network';
const CNI_NAMESPACES = new Set(['kube-flannel']);

/** When the network add-on's daemon last started on the node (undefined: it does not run there). */
function cniStartedOn(ctx: ControllerContext, nodeName: string): number | undefined {
  let last: number | undefined;
  for (const ns of CNI_NAMESPACES) {
    for (const p of ctx.store.list('pods', ns) as Pod[]) {
      if (p.spec?.nodeName !== nodeName || p.metadata.deletionTimestamp) continue;
      for (const c of p.status?.containerStatuses ?? []) {
        if (c.state?.running) last = Math.max(last ?? -Infinity, parseTime(c.state.running.startedAt));
      }
    }
  }
  return last;
}

export function podNetworkController(): Controller {
  return {
    name: POD_NETWORK,
    resources: ['pods', 'nodes'],
    watch(ev, enqueue) {
      if (ev.resource === 'pods' && CNI_NAMESPACES.has(ev.object.metadata.namespace ?? '')) {
        const node = (ev.object as Pod).spec?.nodeName;
        if (node) enqueue(node);
      } else if (ev.resource === 'nodes' && ev.type !== 'DELETED') {
        enqueue(ev.object.metadata.name!);
      }
    },
    sync(name, ctx) {
      const node = ctx.store.get('nodes', undefined, name) as Node | undefined;
      const machine = ctx.runtime.machines[name];
      if (!node || !machine?.kubeletRunning || !machine.poweredOn) return;
      // flanneld takes its subnet from the node's pod CIDR, then annotates the node, once, when it
      // starts: one that kept running while its Node was deleted and registered again does not
      const unannotated = !!node.spec?.podCIDR && !node.metadata.annotations?.['flannel.alpha.coreos.com/backend-type'];
      const notReady = networkNotReady(node);
      if (!unannotated && !notReady) return;
      const started = cniStartedOn(ctx, name);
      if (started === undefined) return;
      if (unannotated && started >= parseTime(node.metadata.creationTimestamp)) {
        const annotated = clone(node);
        annotated.metadata.annotations = sortedKeys({ ...(annotated.metadata.annotations ?? {}), ...flannelAnnotations(machine) });
        ctx.api.update(annotated);
      }
      if (!notReady) return;
      const next = clone(ctx.store.get('nodes', undefined, name) as Node);
      const at = rfc3339(ctx.now);
      next.status!.conditions = next.status!.conditions!.map((c) =>
        c.type === 'Ready' ? { type: 'Ready', status: 'True', lastHeartbeatTime: at, lastTransitionTime: at, reason: 'KubeletReady', message: 'kubelet is posting ready status' } : c,
      );
      ctx.api.updateStatus(next);
      ctx.record(nodeReference(name, 'kubelet'), 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`, { component: 'kubelet', host: name });
    },
  };
}

function sortedKeys(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k];
  return out;
}
