// How many bytes a pod's volume holds, as the file system under it would have them: an emptyDir
// on the node's disk (its sizeLimit is not a file system limit: the kubelet evicts the pod that
// passes it), a memory-backed emptyDir (a tmpfs sized to its sizeLimit, or to the node's memory),
// a hostPath or a local/hostPath PersistentVolume on the node's disk (a PV's capacity is not
// enforced there), and any other PersistentVolume (a cloud disk, NFS) with the size it declares.

import type { ClusterView } from './cluster-view';
import { Node, Pod, Volume } from '../api/types';
import { boundVolume } from './node-volume';
import { quantityValue } from '../api/validation/quantity';
import { DEFAULT_FREE_BYTES } from '../shell/filesystem';

export interface VolumeCapacity {
  /** bytes the file system under the mount holds */
  capacity: number;
  /** an emptyDir's sizeLimit on the node's disk: passing it gets the pod evicted */
  evictAbove?: number;
}

/** the node's disk as its containers' volumes see it: what df shows free on a fresh host */
export const NODE_DISK_FREE_BYTES = DEFAULT_FREE_BYTES;

export function volumeCapacity(cluster: ClusterView, pod: Pod, v: Volume): VolumeCapacity {
  if (v.emptyDir) {
    const limit = v.emptyDir.sizeLimit !== undefined ? quantityValue(v.emptyDir.sizeLimit) : NaN;
    if (v.emptyDir.medium === 'Memory') {
      const node = cluster.store.get('nodes', undefined, pod.spec.nodeName ?? '') as Node | undefined;
      const memory = quantityValue(node?.status?.allocatable?.memory ?? '');
      return { capacity: Number.isFinite(limit) && limit > 0 ? limit : Number.isFinite(memory) ? memory : NODE_DISK_FREE_BYTES };
    }
    return { capacity: NODE_DISK_FREE_BYTES, ...(Number.isFinite(limit) && limit > 0 ? { evictAbove: limit } : {}) };
  }
  if (v.persistentVolumeClaim) {
    const pv = boundVolume(cluster.store, pod, v);
    const spec = pv?.spec as Record<string, unknown> | undefined;
    if (!spec || spec.hostPath || spec.local) return { capacity: NODE_DISK_FREE_BYTES };
    const size = quantityValue(pv?.spec.capacity?.storage ?? '');
    return { capacity: Number.isFinite(size) && size > 0 ? size : NODE_DISK_FREE_BYTES };
  }
  return { capacity: NODE_DISK_FREE_BYTES };
}
