// The PersistentVolume controller (binder) with the two protection controllers.
//
// Claims bind to the best matching volume (see ./matching.ts) and both sides record it: the
// volume's claimRef, the claim's volumeName, the bind-completed and bound-by-controller
// annotations, phases Bound. A claim whose volume disappears is Lost. A volume whose claim is
// deleted is Released (Retain), deleted (Delete) or scrubbed back to Available (Recycle).
// The API server adds the protection finalizers on create; here they are added on first sight.
// A claim's finalizer goes when no pod uses it, a volume's when it is no longer Bound.
// Dynamic provisioning is not done here: a claim of a class waits as with an absent provisioner.
//
// Keys: `pvc:<namespace>/<name>` and `pv:<name>`.

import { jsonEqual } from '../../api/json-equal';
import { clone } from '../../api/store';
import { Node, PersistentVolume, PersistentVolumeClaim, Pod } from '../../api/types';
import { rfc3339 } from '../../time';
import { Controller, ControllerContext } from '../controller';
import { claimClass, findMatchingVolume, isVolumeBoundToClaim } from './matching';

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';
export const BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';

const SOURCE = { component: 'persistentvolume-controller' };
const NO_CLASS_MESSAGE = 'no persistent volumes available for this claim and no storage class is set';

interface BinderSection {
  /** the last binding problem reported per claim uid (the real controller repeats it every 15 s) */
  reported: Record<string, string>;
}

function section(ctx: ControllerContext): BinderSection {
  const s = (ctx.runtime.sections.persistentvolume ??= {});
  s.reported ??= {};
  return s as BinderSection;
}

function claimKey(pvc: { metadata: { namespace?: string; name?: string } }): string {
  return `pvc:${pvc.metadata.namespace}/${pvc.metadata.name}`;
}

function claimVolumeNames(pod: Pod): string[] {
  return (pod.spec?.volumes ?? []).map((v) => v.persistentVolumeClaim?.claimName).filter((n): n is string => !!n);
}

export function persistentVolumeController(): Controller {
  const enqueueWaitingClaims = (enqueue: (k: string) => void, ctx: ControllerContext): void => {
    for (const c of ctx.store.list('persistentvolumeclaims') as PersistentVolumeClaim[]) if (!c.spec?.volumeName) enqueue(claimKey(c));
  };
  return {
    name: 'persistentvolume',
    resources: ['persistentvolumeclaims', 'persistentvolumes', 'storageclasses', 'pods'],
    watch(ev, enqueue, ctx) {
      switch (ev.resource) {
        case 'persistentvolumeclaims': {
          const pvc = ev.object as PersistentVolumeClaim;
          enqueue(claimKey(pvc));
          const volume = pvc.spec?.volumeName || (ev.old as PersistentVolumeClaim | undefined)?.spec?.volumeName;
          if (volume && ev.type === 'DELETED') enqueue(`pv:${volume}`);
          return;
        }
        case 'persistentvolumes': {
          const pv = ev.object as PersistentVolume;
          if (ev.type !== 'DELETED') enqueue(`pv:${pv.metadata.name}`);
          const ref = pv.spec?.claimRef;
          if (ref?.name) enqueue(`pvc:${ref.namespace}/${ref.name}`);
          // a volume that became available may take a waiting claim
          if (ev.type !== 'DELETED' && pv.status?.phase === 'Available' && (ev.old as PersistentVolume | undefined)?.status?.phase !== 'Available') {
            enqueueWaitingClaims(enqueue, ctx);
          }
          return;
        }
        case 'storageclasses':
          enqueueWaitingClaims(enqueue, ctx);
          return;
        case 'pods': {
          const pod = ev.object as Pod;
          const names = claimVolumeNames(pod);
          if (!names.length) return;
          // a pod going away may release a claim being deleted; a scheduled one binds a delayed claim
          const old = ev.old as Pod | undefined;
          const gone = ev.type === 'DELETED' || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
          const scheduled = !!pod.spec.nodeName && !old?.spec?.nodeName;
          if (gone || scheduled) for (const n of names) enqueue(`pvc:${pod.metadata.namespace}/${n}`);
          return;
        }
      }
    },
    sync(key, ctx) {
      if (key.startsWith('pv:')) syncVolume(ctx, key.slice(3));
      else if (key.startsWith('pvc:')) {
        const rest = key.slice(4);
        const i = rest.indexOf('/');
        syncClaim(ctx, rest.slice(0, i), rest.slice(i + 1));
      }
    },
  };
}

// ---- claims ----------------------------------------------------------------------------------

function claimInUse(ctx: ControllerContext, pvc: PersistentVolumeClaim): boolean {
  for (const pod of ctx.store.list('pods', pvc.metadata.namespace) as Pod[]) {
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    if (claimVolumeNames(pod).includes(pvc.metadata.name!)) return true;
  }
  return false;
}

/** the node of a scheduled pod that uses the claim (the first such pod's), if any */
function consumerNode(ctx: ControllerContext, pvc: PersistentVolumeClaim): Node | undefined {
  for (const pod of ctx.store.list('pods', pvc.metadata.namespace) as Pod[]) {
    if (pod.spec?.nodeName && claimVolumeNames(pod).includes(pvc.metadata.name!)) {
      return (ctx.store.get('nodes', undefined, pod.spec.nodeName) as Node | undefined) ?? ({ apiVersion: 'v1', kind: 'Node', metadata: { name: pod.spec.nodeName, labels: {} } } as Node);
    }
  }
  return undefined;
}

function syncClaim(ctx: ControllerContext, namespace: string, name: string): void {
  let pvc = ctx.store.get('persistentvolumeclaims', namespace, name) as PersistentVolumeClaim | undefined;
  if (!pvc) return;
  if (pvc.metadata.deletionTimestamp) {
    if (!claimInUse(ctx, pvc)) ctx.api.removeFinalizer(pvc, PVC_PROTECTION);
    return;
  }
  if (!(pvc.metadata.finalizers ?? []).includes(PVC_PROTECTION)) {
    const next = clone(pvc);
    next.metadata.finalizers = [...(next.metadata.finalizers ?? []), PVC_PROTECTION];
    pvc = ctx.api.update(next) as PersistentVolumeClaim;
  }
  const volumeName = pvc.spec?.volumeName;
  if (!volumeName) {
    syncUnboundClaim(ctx, pvc);
    return;
  }
  const pv = ctx.store.get('persistentvolumes', undefined, volumeName) as PersistentVolume | undefined;
  if (!pv) {
    if (pvc.status?.phase === 'Bound') {
      setClaimStatus(ctx, pvc, 'Lost');
      ctx.record(pvc, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!', SOURCE);
    }
    return;
  }
  if (!pv.spec?.claimRef) {
    bind(ctx, pv, pvc); // the claim names its volume; the volume learns of it
    return;
  }
  if (isVolumeBoundToClaim(pv, pvc)) {
    if (!pv.spec.claimRef.uid) bind(ctx, pv, pvc);
    else finishClaim(ctx, pvc, pv);
    return;
  }
  // the named volume belongs to another claim: wait
  report(ctx, pvc, 'Warning', 'FailedBinding', `volume "${volumeName}" already bound to a different claim.`);
}

function syncUnboundClaim(ctx: ControllerContext, pvc: PersistentVolumeClaim): void {
  const klass = claimClass(pvc);
  const sc = klass ? (ctx.store.get('storageclasses', undefined, klass) as { provisioner?: string; volumeBindingMode?: string } | undefined) : undefined;
  // a claim that waits for its first consumer binds to a volume the consumer's node can reach
  const consumer = sc?.volumeBindingMode === 'WaitForFirstConsumer' ? consumerNode(ctx, pvc) : undefined;
  if (sc?.volumeBindingMode === 'WaitForFirstConsumer' && !consumer) {
    setClaimStatus(ctx, pvc, 'Pending');
    report(ctx, pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
    return;
  }
  const volume = findMatchingVolume(pvc, ctx.store.list('persistentvolumes') as PersistentVolume[], consumer);
  if (volume) {
    bind(ctx, volume, pvc);
    return;
  }
  setClaimStatus(ctx, pvc, 'Pending');
  if (!klass) report(ctx, pvc, 'Normal', 'FailedBinding', NO_CLASS_MESSAGE);
  else if (!sc) report(ctx, pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${klass}" not found`);
  else {
    report(
      ctx,
      pvc,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    );
  }
}

/** Records a binding problem once per distinct message (not every resync, as the real one). */
function report(ctx: ControllerContext, pvc: PersistentVolumeClaim, type: 'Normal' | 'Warning', reason: string, message: string): void {
  const st = section(ctx);
  const uid = pvc.metadata.uid!;
  if (st.reported[uid] === `${reason}:${message}`) return;
  st.reported[uid] = `${reason}:${message}`;
  ctx.record(pvc, type, reason, message, SOURCE);
}

function setClaimStatus(ctx: ControllerContext, pvc: PersistentVolumeClaim, phase: string, pv?: PersistentVolume): PersistentVolumeClaim {
  const status: NonNullable<PersistentVolumeClaim['status']> = { phase };
  if (pv && phase === 'Bound') {
    if (pv.spec.accessModes) status.accessModes = [...pv.spec.accessModes];
    if (pv.spec.capacity) status.capacity = { ...pv.spec.capacity };
  } else if (phase === 'Lost') {
    if (pvc.status?.accessModes) status.accessModes = pvc.status.accessModes;
    if (pvc.status?.capacity) status.capacity = pvc.status.capacity;
  }
  if (jsonEqual(pvc.status ?? {}, status)) return pvc;
  const next = clone(pvc);
  next.status = status;
  return ctx.api.updateStatus(next) as PersistentVolumeClaim;
}

// ---- binding ---------------------------------------------------------------------------------

/** bindVolumeToClaim, then the volume's phase, then bindClaimToVolume and the claim's phase. */
function bind(ctx: ControllerContext, pv: PersistentVolume, pvc: PersistentVolumeClaim): void {
  let volume = pv;
  const ref = pv.spec.claimRef;
  if (!ref || ref.uid !== pvc.metadata.uid || ref.resourceVersion !== pvc.metadata.resourceVersion) {
    const next = clone(pv);
    next.spec.claimRef = {
      kind: 'PersistentVolumeClaim',
      namespace: pvc.metadata.namespace,
      name: pvc.metadata.name,
      uid: pvc.metadata.uid,
      apiVersion: 'v1',
      resourceVersion: pvc.metadata.resourceVersion,
    };
    if (!ref) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [BOUND_BY_CONTROLLER]: 'yes' };
    volume = ctx.api.update(next) as PersistentVolume;
  }
  volume = setVolumePhase(ctx, volume, 'Bound');
  finishClaim(ctx, pvc, volume);
}

function finishClaim(ctx: ControllerContext, pvc: PersistentVolumeClaim, pv: PersistentVolume): void {
  let claim = pvc;
  const ann = claim.metadata.annotations ?? {};
  if (claim.spec.volumeName !== pv.metadata.name || ann[BIND_COMPLETED] !== 'yes') {
    const next = clone(claim);
    const annotations: Record<string, string> = { ...(next.metadata.annotations ?? {}), [BIND_COMPLETED]: 'yes' };
    if (next.spec.volumeName !== pv.metadata.name) {
      next.spec.volumeName = pv.metadata.name;
      annotations[BOUND_BY_CONTROLLER] = 'yes';
    }
    next.metadata.annotations = annotations;
    claim = ctx.api.update(next) as PersistentVolumeClaim;
  }
  delete section(ctx).reported[claim.metadata.uid!];
  setClaimStatus(ctx, claim, 'Bound', pv);
  if (pv.status?.phase !== 'Bound') setVolumePhase(ctx, pv, 'Bound');
}

// ---- volumes ---------------------------------------------------------------------------------

function setVolumePhase(ctx: ControllerContext, pv: PersistentVolume, phase: string): PersistentVolume {
  if (pv.status?.phase === phase) return pv;
  const next = clone(pv);
  next.status = { phase, lastPhaseTransitionTime: rfc3339(ctx.now) };
  return ctx.api.updateStatus(next) as PersistentVolume;
}

function syncVolume(ctx: ControllerContext, name: string): void {
  let pv = ctx.store.get('persistentvolumes', undefined, name) as PersistentVolume | undefined;
  if (!pv) return;
  if (pv.metadata.deletionTimestamp) {
    if (pv.status?.phase !== 'Bound') ctx.api.removeFinalizer(pv, PV_PROTECTION);
    return;
  }
  if (!(pv.metadata.finalizers ?? []).includes(PV_PROTECTION)) {
    const next = clone(pv);
    next.metadata.finalizers = [...(next.metadata.finalizers ?? []), PV_PROTECTION];
    pv = ctx.api.update(next) as PersistentVolume;
  }
  const ref = pv.spec?.claimRef;
  if (!ref?.name) {
    setVolumePhase(ctx, pv, 'Available');
    return;
  }
  const claim = ctx.store.get('persistentvolumeclaims', ref.namespace, ref.name) as PersistentVolumeClaim | undefined;
  if (!ref.uid) {
    // pre-bound to a claim by name: available to that claim only
    if (pv.status?.phase !== 'Available') setVolumePhase(ctx, pv, 'Available');
    if (claim) ctx.enqueue('persistentvolume', claimKey(claim));
    return;
  }
  if (claim && claim.metadata.uid === ref.uid) {
    if (claim.spec?.volumeName === pv.metadata.name && pv.status?.phase !== 'Bound') setVolumePhase(ctx, pv, 'Bound');
    else if (!claim.spec?.volumeName) ctx.enqueue('persistentvolume', claimKey(claim));
    return;
  }
  // the claim is gone (or replaced by a new one of the same name): reclaim the volume
  reclaim(ctx, pv);
}

function reclaim(ctx: ControllerContext, pv: PersistentVolume): void {
  const policy = pv.spec.persistentVolumeReclaimPolicy ?? 'Retain';
  if (policy === 'Recycle') {
    const next = clone(pv);
    delete next.spec.claimRef;
    if (next.metadata.annotations) delete next.metadata.annotations[BOUND_BY_CONTROLLER];
    setVolumePhase(ctx, ctx.api.update(next) as PersistentVolume, 'Available');
    return;
  }
  const released = setVolumePhase(ctx, pv, 'Released');
  if (policy === 'Delete') {
    // the volume plugin deletes the storage, then the object goes
    try {
      ctx.api.delete('persistentvolumes', undefined, released.metadata.name!);
    } catch {
      // already gone
    }
  }
}
