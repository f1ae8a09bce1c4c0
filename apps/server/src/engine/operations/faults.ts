// Fault operations an instructor's drill applies to a cluster, each showing what a real cluster
// would show: a container killed (exit 137, the kubelet restarts it and counts it), an image or
// tag gone from the registry (pulls fail with ErrImagePull), a node whose pulls are slow, a cloud
// instance deleted, a pod's volume filled to its capacity (writes then fail with ENOSPC; an
// emptyDir past its sizeLimit gets the pod evicted). Call them inside `cluster.at(now, ...)` so
// the controllers settle afterwards.

import type { Cluster } from '../cluster';
import { kubeletSection } from '../controllers/kubelet/runtime-state';
import { endMainProcess } from '../controllers/kubelet/signal-process';
import { powerOff } from './node-operations';
import type { Pod, Volume } from '../api/types';
import { checkEmptyDirLimits, volumeIdentity, volumeUsage, volumesSection } from '../containers/container-fs';
import { volumeCapacity } from '../containers/volume-capacity';

/** The main process of a running container is killed (SIGKILL): it ends with 137 now. */
export function killContainer(cluster: Cluster, namespace: string, pod: string, container?: string): void {
  const key = `${namespace}/${pod}`;
  const prt = kubeletSection(cluster.runtime).pods[key];
  if (!prt) throw new Error(`pod ${key} has no containers running`);
  const c = container ? prt.containers.find((x) => x.name === container && !x.init) : prt.containers.find((x) => !x.init);
  if (!c) throw new Error(`container ${container} not found in pod ${key}`);
  if (c.stage !== 'running' || !c.current) throw new Error(`container ${c.name} of pod ${key} is not running`);
  endMainProcess(cluster, key, c.name, 137);
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

/**
 * The node's instance is deleted in the cloud: the machine is gone (on a `cloud` cluster the cloud
 * controller manager then deletes the Node). `powerOn` creates it again: its kubelet registers
 * the Node anew, uninitialized until the cloud node controller has described it.
 */
export function deleteInstance(cluster: Cluster, node: string): void {
  powerOff(cluster, node);
  cluster.enqueue('cloud-node-lifecycle', node);
}

function podVolume(cluster: Cluster, namespace: string, pod: string, volume: string): { p: Pod; v: Volume; id: string } {
  const p = cluster.store.get('pods', namespace, pod) as Pod | undefined;
  if (!p) throw new Error(`pod ${namespace}/${pod} not found`);
  const v = (p.spec.volumes ?? []).find((x) => x.name === volume);
  if (!v) throw new Error(`pod ${namespace}/${pod} has no volume ${volume}`);
  if (!p.spec.nodeName) throw new Error(`pod ${namespace}/${pod} is not on a node yet`);
  const id = volumeIdentity(cluster, p, v);
  if (!id) throw new Error(`volume ${volume} of pod ${namespace}/${pod} is not one data can be written to`);
  return { p, v, id };
}

/**
 * Something fills the pod's volume `volume` (a runaway log, another writer): what is left of its
 * capacity is taken, so the next write in it fails with `No space left on device`. An emptyDir
 * on the node's disk fills past its sizeLimit: the kubelet evicts the pod.
 */
export function fillVolume(cluster: Cluster, namespace: string, pod: string, volume: string): void {
  const { p, v, id } = podVolume(cluster, namespace, pod, volume);
  const section = volumesSection(cluster);
  const filled = (section.filled ??= {});
  const files = volumeUsage(section, id) - (filled[id] ?? 0);
  filled[id] = Math.max(0, volumeCapacity(cluster, p, v).capacity - files);
  checkEmptyDirLimits(cluster, p);
}

/** The filler is deleted: the volume has its free space back (an eviction already made stands). */
export function freeVolume(cluster: Cluster, namespace: string, pod: string, volume: string): void {
  const { id } = podVolume(cluster, namespace, pod, volume);
  const section = volumesSection(cluster);
  if (section.filled) delete section.filled[id];
}
