// Fault operations an instructor's drill applies to a cluster, each showing what a real cluster
// would show: a container killed (exit 137, the kubelet restarts it and counts it), an image or
// tag gone from the registry (pulls fail with ErrImagePull), a node whose pulls are slow, a cloud
// instance deleted. Call them inside `cluster.at(now, ...)` so the controllers settle afterwards.
// (Filling a volume is left out: volume contents have no capacity model yet.)

import type { Cluster } from '../cluster';
import { kubeletSection } from '../controllers/kubelet/runtime-state';
import { powerOff } from './node-operations';

/** The main process of a running container is killed (SIGKILL): it ends with 137 now. */
export function killContainer(cluster: Cluster, namespace: string, pod: string, container?: string): void {
  const key = `${namespace}/${pod}`;
  const prt = kubeletSection(cluster.runtime).pods[key];
  if (!prt) throw new Error(`pod ${key} has no containers running`);
  const c = container ? prt.containers.find((x) => x.name === container && !x.init) : prt.containers.find((x) => !x.init);
  if (!c) throw new Error(`container ${container} not found in pod ${key}`);
  if (c.stage !== 'running' || !c.current) throw new Error(`container ${c.name} of pod ${key} is not running`);
  c.current.plan = { ...c.current.plan, exitAfterMs: Math.max(0, cluster.now - c.current.startedAt), exitCode: 137 };
  c.nextAt = cluster.now;
  cluster.enqueue('kubelet', key);
}

/** `repo` or `repo:tag` can no longer be pulled from its registry. */
export function makeImageUnavailable(cluster: Cluster, image: string): void {
  if (!cluster.runtime.unavailableImages.includes(image)) cluster.runtime.unavailableImages.push(image);
}

export function makeImageAvailable(cluster: Cluster, image: string): void {
  cluster.runtime.unavailableImages = cluster.runtime.unavailableImages.filter((i) => i !== image);
}

/** Every pull on `node` takes `delayMs` longer (0 restores it). */
export function slowPulls(cluster: Cluster, node: string, delayMs: number): void {
  const m = cluster.runtime.machines[node];
  if (!m) throw new Error(`no machine ${node}`);
  if (delayMs > 0) m.pullDelayMs = delayMs;
  else delete m.pullDelayMs;
}

/** The node's instance is deleted in the cloud: the machine is gone (on a `cloud` cluster the cloud controller manager then deletes the Node). */
export function deleteInstance(cluster: Cluster, node: string): void {
  powerOff(cluster, node);
  cluster.enqueue('cloud-node-lifecycle', node);
}
