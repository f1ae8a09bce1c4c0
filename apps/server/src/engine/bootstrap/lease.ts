// The Lease a kubelet holds in kube-node-lease and renews every 10 s (its heartbeat). The
// stored renewTime is the registration time; kubectl's reads (kubectl/kubelet-views.ts) compute
// the latest renewal from the machine's state instead of the engine writing every 10 s.

import { KubeObject } from '../api/types';
import { rfc3339 as rfc } from '../time';

export const LEASE_RENEW_INTERVAL_MS = 10_000;

export function microTime(ms: number): string {
  const sec = Math.floor(ms / 1000);
  const micros = String((ms % 1000) * 1000).padStart(6, '0');
  return `${rfc(sec * 1000).slice(0, -1)}.${micros}Z`;
}

export function nodeLease(node: string, now: number): KubeObject {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: node, namespace: 'kube-node-lease' },
    spec: { holderIdentity: node, leaseDurationSeconds: 40, renewTime: microTime(now) },
  };
}

/** The renewal time a running kubelet would have written last, at `now`. */
export function currentRenewTime(registeredAt: number, now: number): number {
  return registeredAt + Math.floor((now - registeredAt) / LEASE_RENEW_INTERVAL_MS) * LEASE_RENEW_INTERVAL_MS;
}
