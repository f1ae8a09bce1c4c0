// Which of a pod's volumes keep their files on the pod's node: an inline hostPath, and a
// PersistentVolume of the hostPath or local kind the pod's claim is bound to. Such a volume's data
// is the node's own directory (`ssh node1 ls /mnt/data` lists it), so a pod created again on
// another node finds none of it, as on a real cluster; the PV's nodeAffinity is what keeps its
// pods on the node that has it.
//
// Before engine 0.12.0 every PersistentVolume's files were kept apart from the nodes, shared by
// all of them; a stored cluster whose hostPath PV already has files that way keeps reading them
// there (nothing a student wrote is lost in the move).

import type { PersistentVolume, PersistentVolumeClaim, Pod, Volume } from '../api/types';
import type { ClusterView } from './cluster-view';
import type { ObjectStore } from '../api/store';

/** the PersistentVolume a pod volume's claim is bound to, if any (the kubelet's, the containers' and the capacity's lookup) */
export function boundVolume(store: Pick<ObjectStore, 'get'>, pod: Pod, v: Volume): PersistentVolume | undefined {
  if (!v.persistentVolumeClaim) return undefined;
  const pvc = store.get('persistentvolumeclaims', pod.metadata.namespace ?? 'default', v.persistentVolumeClaim.claimName) as PersistentVolumeClaim | undefined;
  const name = pvc?.spec?.volumeName;
  return name ? (store.get('persistentvolumes', undefined, name) as PersistentVolume | undefined) : undefined;
}

/** where a PersistentVolume's files are on a node, for the kinds whose storage is the node's disk */
export function persistentVolumeNodePath(pv: PersistentVolume): string | undefined {
  const local = pv.spec.local as { path?: string } | undefined;
  return pv.spec.hostPath?.path ?? local?.path;
}

/** a PV whose files a cluster stored before 0.12.0 kept apart from the nodes */
function keptApart(cluster: Pick<ClusterView, 'runtime'>, pv: PersistentVolume): boolean {
  const data = (cluster.runtime.sections.volumes as { data?: Record<string, Record<string, unknown>> } | undefined)?.data;
  const tree = data && Object.hasOwn(data, `pv/${pv.metadata.name}`) ? data[`pv/${pv.metadata.name}`] : undefined;
  return !!tree && Object.keys(tree).some((k) => k !== '');
}

/** The directory (or file) on the pod's node that holds the volume's files, or undefined. */
export function nodePathOf(cluster: Pick<ClusterView, 'store' | 'runtime'>, pod: Pod, v: Volume): string | undefined {
  if (v.hostPath) return v.hostPath.path;
  const pv = boundVolume(cluster.store, pod, v);
  if (!pv || keptApart(cluster, pv)) return undefined;
  return persistentVolumeNodePath(pv);
}
