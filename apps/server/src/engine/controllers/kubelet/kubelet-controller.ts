// The kubelet of every machine, as one controller: pods bound to a machine whose kubelet runs
// are synced by key `namespace/name`; `machine:<node>` keeps that machine's static pods' mirror
// pods and resumes its pods (enqueue it after changing a machine's kubeletRunning/poweredOn);
// `lease:<node>` is its lease controller's renewal of a node Lease found gone or without owner.

import { jsonEqual } from '../../api/json-equal';
import { Node, Pod } from '../../api/types';
import { NODE_LEASE_NAMESPACE, nextRenewTime, syncNodeLease } from '../../bootstrap/lease';
import { parseTime } from '../../time';
import { Controller, ControllerContext, keyOf } from '../controller';
import { MIRROR_ANNOTATION, ownStatusWrite, syncPod } from './pod-sync';
import { kubeletSection } from './runtime-state';
import { syncMachine } from './static-pods';

export const KUBELET = 'kubelet';

export function machineKey(node: string): string {
  return `machine:${node}`;
}

function leaseKey(node: string): string {
  return `lease:${node}`;
}

function statusOnly(a: Pod, b: Pod): boolean {
  return (
    // a binding changes only nodeName: seen before comparing the whole spec
    (a.spec === b.spec || (a.spec.nodeName === b.spec.nodeName && jsonEqual(a.spec, b.spec))) &&
    a.metadata.deletionTimestamp === b.metadata.deletionTimestamp &&
    a.metadata.uid === b.metadata.uid &&
    jsonEqual(a.metadata.annotations, b.metadata.annotations)
  );
}

export function kubeletController(): Controller {
  return {
    name: KUBELET,
    resources: ['pods', 'nodes', 'configmaps', 'secrets', 'leases', 'namespaces'],
    watch(ev, enqueue, ctx) {
      if (ev.resource === 'pods') {
        const pod = ev.object as Pod;
        // the kubelet's own status writes need no new sync
        if (ev.type === 'MODIFIED' && (ownStatusWrite.active || (ev.old && statusOnly(ev.old as Pod, pod)))) return;
        const node = pod.spec?.nodeName ?? (ev.old as Pod | undefined)?.spec?.nodeName;
        if (node || kubeletSection(ctx.runtime).pods[keyOf(pod)]) enqueue(keyOf(pod));
        if (ev.type === 'DELETED' && node && pod.metadata.annotations?.[MIRROR_ANNOTATION]) enqueue(machineKey(node));
        return;
      }
      if (ev.resource === 'nodes') {
        if (ev.type !== 'DELETED') enqueue(machineKey(ev.object.metadata.name!));
        // a Node created by hand under a running kubelet's name: it can own that kubelet's Lease
        if (ev.type === 'ADDED' && ctx.runtime.machines[ev.object.metadata.name!]) enqueue(leaseKey(ev.object.metadata.name!));
        return;
      }
      if (ev.resource === 'leases') {
        // a node's Lease deleted (with its Node, by the garbage collector) or left without owner
        const { namespace, name } = ev.object.metadata;
        if (namespace === NODE_LEASE_NAMESPACE && ctx.runtime.machines[name!] && (ev.type === 'DELETED' || !ev.object.metadata.ownerReferences?.length)) enqueue(leaseKey(name!));
        return;
      }
      if (ev.resource === 'namespaces') {
        if (ev.type === 'ADDED' && ev.object.metadata.name === NODE_LEASE_NAMESPACE) for (const m of Object.keys(ctx.runtime.machines)) enqueue(leaseKey(m));
        return;
      }
      if (ev.resource === 'configmaps' || ev.resource === 'secrets') {
        // containers waiting on a missing ConfigMap or Secret retry when one appears or changes
        const prefix = `${ev.object.metadata.namespace}/`;
        for (const [key, prt] of Object.entries(kubeletSection(ctx.runtime).pods)) {
          if (key.startsWith(prefix) && prt.containers.some((c) => c.stage === 'configError')) {
            for (const c of prt.containers) if (c.stage === 'configError' && c.nextAt === undefined) c.nextAt = ctx.now;
            enqueue(key);
          }
        }
      }
    },
    sync(key, ctx) {
      if (key.startsWith('machine:')) syncMachine(ctx, key.slice('machine:'.length));
      else if (key.startsWith('lease:')) renewNodeLease(ctx, key.slice('lease:'.length));
      else syncPod(ctx, key);
    },
  };
}

/**
 * A running kubelet's lease controller, for a Lease found gone or without owner: at its next
 * renewal (every 10 s from its registration, as kubectl's reads count them) it creates the Lease,
 * owned by its Node, or sets the Node as the owner (bootstrap/lease.ts `syncNodeLease`). Without a
 * Node it cannot, and tries again at each renewal: modelled as a wait for a Node (its ADDED event),
 * for the namespace (ADDED) or for a start of the kubelet (operations/node-operations.ts), the
 * only changes that can make such a renewal succeed. A stopped kubelet or a machine powered off
 * renews nothing.
 */
function renewNodeLease(ctx: ControllerContext, nodeName: string): void {
  const machine = ctx.runtime.machines[nodeName];
  if (!machine?.poweredOn || !machine.kubeletRunning || !ctx.runtime.apiServerUp) return;
  const lease = ctx.store.get('leases', NODE_LEASE_NAMESPACE, nodeName);
  const node = ctx.store.get('nodes', undefined, nodeName) as Node | undefined;
  if (lease?.metadata.ownerReferences?.length || !node) {
    delete machine.leaseDueAt;
    return;
  }
  const registered = parseTime(node.metadata.creationTimestamp);
  // a renewal due while it could not happen (no Node then, or the kubelet stopped) is the next one
  let due = machine.leaseDueAt;
  if (due === undefined) due = nextRenewTime(registered, ctx.now);
  else if (due < ctx.now) due = nextRenewTime(registered, ctx.now, true);
  if (ctx.now < due) {
    machine.leaseDueAt = due;
    ctx.schedule(due, leaseKey(nodeName));
    return;
  }
  delete machine.leaseDueAt;
  syncNodeLease(ctx, nodeName, ctx.now);
}
