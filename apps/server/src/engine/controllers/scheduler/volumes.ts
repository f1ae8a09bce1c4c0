// The VolumeBinding plugin's checks on a pod's PersistentVolumeClaims (v1.32).
// PreFilter: a missing, deleting or unbound claim with Immediate binding rejects the pod for every
// node; the bound claims' volumes pinned to nodes by `kubernetes.io/hostname In [...]` narrow the
// nodes looked at (PreFilterResult). Filter, node by node (FindPodVolumes): a bound claim's volume
// must exist and its nodeAffinity match the node's labels; an unbound claim of a
// WaitForFirstConsumer class needs an Available volume the node can reach (the PV binder binds it
// once the pod is on a node), or a provisioner whose allowedTopologies take the node.

import { ObjectStore } from '../../api/store';
import { Node, PersistentVolume, PersistentVolumeClaim, Pod } from '../../api/types';
import { claimClass, findMatchingVolume, volumeNodeAffinityMatches } from '../persistentvolume/matching';
import { BIND_COMPLETED } from '../persistentvolume/persistentvolume';
import { intersect } from './filters';

const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
const HOSTNAME_LABEL = 'kubernetes.io/hostname';

export const REASON_NO_VOLUME = "node(s) didn't find available persistent volumes to bind";
export const REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';

export interface VolumeCheck {
  /** rejects the pod before any node is looked at */
  preFilterMsg?: string;
  /** PreFilterResult: the only nodes the bound claims' volumes allow (undefined: all nodes) */
  eligibleNodes?: Set<string>;
  /** the Filter's reasons against one node (undefined: it fits) */
  nodeReasons?: (node: Node) => string[] | undefined;
}

export function claimNames(pod: Pod): string[] {
  const out: string[] = [];
  for (const v of pod.spec.volumes ?? []) if (v.persistentVolumeClaim?.claimName) out.push(v.persistentVolumeClaim.claimName);
  return out;
}

interface StorageClassLike {
  provisioner?: string;
  volumeBindingMode?: string;
  allowedTopologies?: { matchLabelExpressions?: { key: string; values?: string[] }[] }[];
}

function storageClassOf(store: ObjectStore, pvc: PersistentVolumeClaim): StorageClassLike | undefined {
  const klass = claimClass(pvc);
  return klass ? (store.get('storageclasses', undefined, klass) as StorageClassLike | undefined) : undefined;
}

export function isDelayedBinding(store: ObjectStore, pvc: PersistentVolumeClaim): boolean {
  return storageClassOf(store, pvc)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** util.GetLocalPersistentVolumeNodeNames: the node names a volume's `kubernetes.io/hostname In` terms allow */
function hostnameNodes(pv: PersistentVolume): Set<string> | undefined {
  const terms: { matchExpressions?: { key: string; operator: string; values?: string[] }[] }[] = pv.spec.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  let result: Set<string> | undefined;
  for (const term of terms) {
    let names: Set<string> | undefined;
    for (const e of term.matchExpressions ?? []) {
      if (e.key !== HOSTNAME_LABEL || e.operator !== 'In') continue;
      const values = new Set(e.values ?? []);
      names = intersect(names, values);
    }
    if (names) result = new Set([...(result ?? []), ...names]);
  }
  return result?.size ? result : undefined;
}

/** v1helper.MatchTopologySelectorTerms: no terms take every node */
function topologyAllows(sc: StorageClassLike | undefined, node: Node): boolean {
  const terms = sc?.allowedTopologies ?? [];
  if (!terms.length) return true;
  const labels = node.metadata.labels ?? {};
  return terms.some((t) => (t.matchLabelExpressions ?? []).every((e) => labels[e.key] !== undefined && (e.values ?? []).includes(labels[e.key])));
}

export function checkVolumes(store: ObjectStore, pod: Pod): VolumeCheck {
  const names = claimNames(pod);
  if (!names.length) return {};
  const ns = pod.metadata.namespace;
  const bound: PersistentVolumeClaim[] = [];
  const delayed: PersistentVolumeClaim[] = [];
  let unboundImmediate = false;
  for (const name of names) {
    const pvc = store.get('persistentvolumeclaims', ns, name) as PersistentVolumeClaim | undefined;
    if (!pvc) return { preFilterMsg: `persistentvolumeclaim "${name}" not found` };
    if (pvc.metadata.deletionTimestamp) return { preFilterMsg: `persistentvolumeclaim "${name}" is being deleted` };
    // fully bound: the binder has finished with it (isPVCFullyBound)
    if (pvc.spec?.volumeName && pvc.metadata.annotations?.[BIND_COMPLETED] !== undefined) bound.push(pvc);
    else if (isDelayedBinding(store, pvc)) delayed.push(pvc);
    else unboundImmediate = true;
  }
  if (unboundImmediate) return { preFilterMsg: 'pod has unbound immediate PersistentVolumeClaims' };
  const volumes = bound.map((pvc) => store.get('persistentvolumes', undefined, pvc.spec.volumeName!) as PersistentVolume | undefined);
  let eligibleNodes: Set<string> | undefined;
  for (const pv of volumes) {
    const pinned = pv && hostnameNodes(pv);
    if (pinned) eligibleNodes = intersect(eligibleNodes, pinned);
  }
  // looked up once for the pod, then matched against each node
  const missing = volumes.some((pv) => !pv);
  const waiting = delayed.map((pvc) => ({ pvc, sc: storageClassOf(store, pvc) }));
  const all = waiting.length ? (store.list('persistentvolumes') as PersistentVolume[]) : [];
  const nodeReasons = (node: Node): string[] | undefined => {
    const conflict = volumes.some((pv) => pv && !volumeNodeAffinityMatches(pv, node));
    // no volume waiting: a class with a provisioner makes one where its topology allows
    const noVolume = waiting.some(({ pvc, sc }) => !findMatchingVolume(pvc, all, node) && (!sc?.provisioner || sc.provisioner === NO_PROVISIONER || !topologyAllows(sc, node)));
    const reasons = [...(conflict ? [REASON_NODE_CONFLICT] : []), ...(noVolume ? [REASON_NO_VOLUME] : []), ...(missing ? [REASON_PV_NOT_EXIST] : [])];
    return reasons.length ? reasons : undefined;
  };
  return { ...(eligibleNodes ? { eligibleNodes } : {}), nodeReasons };
}
