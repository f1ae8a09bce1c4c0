// Faults on a node's machine, as `sudo systemctl stop|start kubelet` on the host and the
// instructor's drills cause them. They change the machine (runtime state, not an API object)
// and wake the controllers that watch machines: the kubelet and the node lifecycle controller.
// Call them inside `cluster.at(now, ...)` so the controllers settle afterwards.

import type { Cluster } from '../cluster';
import type { MachineState } from '../cluster-state';

function machine(cluster: Cluster, node: string): MachineState {
  const m = cluster.runtime.machines[node];
  if (!m) throw new Error(`no machine ${node}`);
  return m;
}

/** Wakes the controllers that read machines (the kubelet's key for a machine is `machine:<name>`). */
function wake(cluster: Cluster, node: string): void {
  cluster.enqueue('kubelet', `machine:${node}`);
  cluster.enqueue('node-lifecycle', node);
}

/** `systemctl stop kubelet`: the node stops posting status; containers keep running. */
export function stopKubelet(cluster: Cluster, node: string): void {
  const m = machine(cluster, node);
  if (!m.kubeletRunning) return;
  m.kubeletRunning = false;
  if (m.poweredOn) m.kubeletStoppedAt = cluster.now;
  wake(cluster, node);
}

/** `systemctl start kubelet`: the node posts status again. */
export function startKubelet(cluster: Cluster, node: string): void {
  const m = machine(cluster, node);
  if (m.kubeletRunning) return;
  m.kubeletRunning = true;
  if (m.poweredOn) delete m.kubeletStoppedAt;
  wake(cluster, node);
}

/** The machine loses power: kubelet and containers are gone until it boots again. */
export function powerOff(cluster: Cluster, node: string): void {
  const m = machine(cluster, node);
  if (!m.poweredOn) return;
  m.poweredOn = false;
  // the last status post was when the machine went down, or earlier if the kubelet was stopped
  if (m.kubeletRunning || m.kubeletStoppedAt === undefined) m.kubeletStoppedAt = cluster.now;
  wake(cluster, node);
}

/** The machine boots: the kubelet is enabled in systemd, so it starts with it. */
export function powerOn(cluster: Cluster, node: string): void {
  const m = machine(cluster, node);
  if (m.poweredOn) return;
  m.poweredOn = true;
  m.kubeletRunning = true;
  delete m.kubeletStoppedAt;
  wake(cluster, node);
}
