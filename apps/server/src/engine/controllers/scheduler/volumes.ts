// The VolumeBinding plugin's checks on a pod's PersistentVolumeClaims. A missing, deleting or
// unbound claim with Immediate binding rejects the pod for every node at PreFilter; an unbound
// claim of a WaitForFirstConsumer class passes when some Available volume could take it (the
// PV binder binds it once the pod is on a node).

import { ObjectStore } from '../../api/store';
import { PersistentVolume, PersistentVolumeClaim, Pod } from '../../api/types';
import { claimClass, findMatchingVolume } from '../persistentvolume/matching';

const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

export const REASON_NO_VOLUME = "node(s) didn't find available persistent volumes to bind";

export interface VolumeCheck {
  /** rejects the pod before any node is looked at */
  preFilterMsg?: string;
  /** rejects every node (no volume to bind a delayed claim to) */
  nodeReason?: string;
}

export function claimNames(pod: Pod): string[] {
  const out: string[] = [];
  for (const v of pod.spec.volumes ?? []) if (v.persistentVolumeClaim?.claimName) out.push(v.persistentVolumeClaim.claimName);
  return out;
}

interface StorageClassLike {
  provisioner?: string;
  volumeBindingMode?: string;
}

function storageClassOf(store: ObjectStore, pvc: PersistentVolumeClaim): StorageClassLike | undefined {
  const klass = claimClass(pvc);
  return klass ? (store.get('storageclasses', undefined, klass) as StorageClassLike | undefined) : undefined;
}

export function isDelayedBinding(store: ObjectStore, pvc: PersistentVolumeClaim): boolean {
  return storageClassOf(store, pvc)?.volumeBindingMode === 'WaitForFirstConsumer';
}

export function checkVolumes(store: ObjectStore, pod: Pod): VolumeCheck {
  const names = claimNames(pod);
  if (!names.length) return {};
  const ns = pod.metadata.namespace;
  let unboundImmediate = false;
  let nodeReason: string | undefined;
  for (const name of names) {
    const pvc = store.get('persistentvolumeclaims', ns, name) as PersistentVolumeClaim | undefined;
    if (!pvc) return { preFilterMsg: `persistentvolumeclaim "${name}" not found` };
    if (pvc.metadata.deletionTimestamp) return { preFilterMsg: `persistentvolumeclaim "${name}" is being deleted` };
    if (pvc.spec?.volumeName) continue;
    if (!isDelayedBinding(store, pvc)) unboundImmediate = true;
    else if (storageClassOf(store, pvc)?.provisioner === NO_PROVISIONER && !findMatchingVolume(pvc, store.list('persistentvolumes') as PersistentVolume[])) {
      // a class with a provisioner gets a volume made for the node; a local one must have one waiting
      nodeReason = REASON_NO_VOLUME;
    }
  }
  if (unboundImmediate) return { preFilterMsg: 'pod has unbound immediate PersistentVolumeClaims' };
  return nodeReason ? { nodeReason } : {};
}
