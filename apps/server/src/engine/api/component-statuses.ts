// ComponentStatus (`kubectl get cs`): never stored. The API server's componentstatus registry
// answers each read by probing the control plane (pkg/registry/core/componentstatus): the
// controller manager's and the scheduler's /healthz on 127.0.0.1 and each etcd server, in the
// order of a Go map (random; here a fixed one). The simulated control plane has no way to stop,
// so every probe answers "ok", as on a healthy kubeadm cluster.

import { ApiError } from './errors';
import type { ComponentStatus } from './types';

const COMPONENTS = ['scheduler', 'controller-manager', 'etcd-0'];

function status(name: string): ComponentStatus {
  return {
    apiVersion: 'v1',
    kind: 'ComponentStatus',
    // a computed object has no creation time: metav1.Time's zero value marshals as null
    metadata: { name, creationTimestamp: null },
    conditions: [{ type: 'Healthy', status: 'True', message: 'ok' }],
  };
}

export function listComponentStatuses(): ComponentStatus[] {
  return COMPONENTS.map(status);
}

export function findComponentStatus(name: string): ComponentStatus | undefined {
  return COMPONENTS.includes(name) ? status(name) : undefined;
}

/** The registry's Get returns a plain error for an unknown name: a 500 with no reason. */
export function getComponentStatus(name: string): ComponentStatus {
  const found = findComponentStatus(name);
  if (!found) throw new ApiError('', `Component not found: ${name}`);
  return found;
}
