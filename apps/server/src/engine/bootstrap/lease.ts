// The Lease a kubelet holds in kube-node-lease and renews every 10 s (its heartbeat), owned by its
// Node (v1.32's SetNodeOwnerFunc): the garbage collector deletes it with the Node. The stored
// renewTime is the time the kubelet wrote it (at registration, or when it recreated it); kubectl's
// reads (kubectl/kubelet-views.ts) compute the latest renewal from the machine's state instead of
// the engine writing every 10 s.

import type { ApiServer } from '../api/api-server';
import type { ObjectStore } from '../api/store';
import { ApiError } from '../api/errors';
import { clone } from '../api/store';
import { KubeObject, OwnerReference } from '../api/types';
import { rfc3339 as rfc } from '../time';

export const LEASE_RENEW_INTERVAL_MS = 10_000;
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** the kubelet's nodeLeaseDurationSeconds */
export const NODE_LEASE_DURATION_SECONDS = 40;

export function microTime(ms: number): string {
  const sec = Math.floor(ms / 1000);
  const micros = String((ms % 1000) * 1000).padStart(6, '0');
  return `${rfc(sec * 1000).slice(0, -1)}.${micros}Z`;
}

/** The reference the kubelet sets on its Lease: to the Node it read, without controller/blockOwnerDeletion. */
export function nodeOwnerReference(node: KubeObject): OwnerReference {
  return { apiVersion: 'v1', kind: 'Node', name: node.metadata.name!, uid: node.metadata.uid! };
}

/** The Lease as the kubelet creates it; it creates none without its Node (it needs the Node's uid). */
export function nodeLease(node: KubeObject, now: number): KubeObject {
  const name = node.metadata.name!;
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name, namespace: NODE_LEASE_NAMESPACE, ownerReferences: [nodeOwnerReference(node)] },
    spec: { holderIdentity: name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: microTime(now) },
  };
}

/** The renewal time a running kubelet would have written last, at `now`. */
export function currentRenewTime(registeredAt: number, now: number): number {
  return registeredAt + Math.floor((now - registeredAt) / LEASE_RENEW_INTERVAL_MS) * LEASE_RENEW_INTERVAL_MS;
}

/**
 * The kubelet's next renewal on its 10 s rhythm: the first after `now` (`atOrAfter`: `now` itself
 * when it falls on the rhythm).
 */
export function nextRenewTime(registeredAt: number, now: number, atOrAfter = false): number {
  const last = currentRenewTime(registeredAt, now);
  return atOrAfter && last === now ? now : last + LEASE_RENEW_INTERVAL_MS;
}

/**
 * One sync of a kubelet's lease controller at `now` (v1.32 ensureLease, then an update through
 * SetNodeOwnerFunc): a missing Lease is created, owned by the Node; one without ownerReferences
 * gets the Node as its owner. Without its Node the kubelet can set no owner, and then it neither
 * creates the Lease nor renews one without owner ("we simply not create it this time - we will
 * retry in the next iteration"). A Lease that has its owner needs no write: its renewals are
 * computed by kubectl's reads. Returns whether the Lease is there with an owner.
 */
export function syncNodeLease(c: { readonly api: ApiServer; readonly store: ObjectStore }, nodeName: string, now: number): boolean {
  const node = c.store.get('nodes', undefined, nodeName);
  const lease = c.store.get('leases', NODE_LEASE_NAMESPACE, nodeName);
  if (lease?.metadata.ownerReferences?.length) return true;
  if (!node) return false;
  try {
    if (!lease) {
      c.api.create(nodeLease(node, now), { internal: true });
    } else {
      const next = clone(lease);
      next.metadata.ownerReferences = [nodeOwnerReference(node)];
      next.spec = { ...next.spec, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: microTime(now) };
      c.api.update(next, { internal: true });
    }
    return true;
  } catch (e) {
    // the namespace is gone or terminating: the kubelet retries at its next renewals
    if (e instanceof ApiError) return false;
    throw e;
  }
}
