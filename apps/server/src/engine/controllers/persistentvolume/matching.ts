// Which PersistentVolume a claim binds to, as the PV controller's findMatchingVolume decides:
// a volume pre-bound to the claim wins; otherwise the smallest Available volume of the claim's
// class (an empty class matches only an empty class) whose access modes include the claim's,
// with enough capacity, the same volumeMode, and labels matching the claim's selector.

import { Node, PersistentVolume, PersistentVolumeClaim } from '../../api/types';
import { NodeSelectorTerm, matchNodeSelectorTerm } from '../scheduler/filters';
import { fromLabelSelector, matches } from '../../api/selectors';
import { intValue } from '../scheduler/quantity';

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

export function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.metadata.annotations?.[BETA_CLASS_ANNOTATION] ?? pvc.spec?.storageClassName ?? '';
}

export function volumeClass(pv: PersistentVolume): string {
  return pv.metadata.annotations?.[BETA_CLASS_ANNOTATION] ?? pv.spec?.storageClassName ?? '';
}

/** The claimRef names this claim (and its uid, when the reference has one). */
export function isVolumeBoundToClaim(pv: PersistentVolume, pvc: PersistentVolumeClaim): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref) return false;
  if (ref.name !== pvc.metadata.name || (ref.namespace ?? '') !== (pvc.metadata.namespace ?? '')) return false;
  return !ref.uid || ref.uid === pvc.metadata.uid;
}

/**
 * CheckNodeAffinity: the volume's required nodeAffinity against the node's labels (only its labels:
 * a term on `metadata.name` matches no node).
 */
export function volumeNodeAffinityMatches(pv: PersistentVolume, node: Node): boolean {
  const terms: NodeSelectorTerm[] | undefined = pv.spec.nodeAffinity?.required?.nodeSelectorTerms;
  if (!pv.spec.nodeAffinity?.required) return true;
  const labelsOnly = { apiVersion: 'v1', kind: 'Node', metadata: { labels: node.metadata.labels ?? {} } } as Node;
  return (terms ?? []).some((t) => matchNodeSelectorTerm(t, labelsOnly));
}

/**
 * The volume for a claim; `node` (the scheduler's path, and the binder's for a claim that waited
 * for its first consumer) takes only volumes whose nodeAffinity the node matches, and a volume
 * pre-bound to the claim that it does not match means none.
 */
export function findMatchingVolume(pvc: PersistentVolumeClaim, volumes: readonly PersistentVolume[], node?: Node): PersistentVolume | undefined {
  const requested = intValue(pvc.spec?.resources?.requests?.storage);
  const modes = pvc.spec?.accessModes ?? [];
  const claimMode = pvc.spec?.volumeMode || 'Filesystem';
  const selector = pvc.spec?.selector ? fromLabelSelector(pvc.spec.selector) : undefined;
  const klass = claimClass(pvc);
  let best: PersistentVolume | undefined;
  let bestSize = Infinity;
  for (const pv of volumes) {
    if (pv.metadata.deletionTimestamp) continue;
    const size = intValue(pv.spec?.capacity?.storage);
    if (size < requested) continue;
    if ((pv.spec?.volumeMode || 'Filesystem') !== claimMode) continue;
    const pvModes = pv.spec?.accessModes ?? [];
    if (!modes.every((m) => pvModes.includes(m))) continue;
    const reachable = !node || volumeNodeAffinityMatches(pv, node);
    if (isVolumeBoundToClaim(pv, pvc)) return reachable ? pv : undefined;
    if (!reachable) continue;
    if (pv.status?.phase !== 'Available' || pv.spec?.claimRef) continue;
    if (selector && !matches(selector, pv.metadata.labels)) continue;
    if (volumeClass(pv) !== klass) continue;
    if (size < bestSize) {
      best = pv;
      bestSize = size;
    }
  }
  return best;
}
