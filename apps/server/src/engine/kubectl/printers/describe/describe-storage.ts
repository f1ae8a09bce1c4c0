// PersistentVolume, PersistentVolumeClaim and StorageClass describers (describe.go).
import type { KubeObject, PersistentVolume, PersistentVolumeClaim, Pod } from '../../../api/types';
import type { DescribeContext } from './describe-context';
import {
  describeEvents,
  formatLabels,
  formatTime,
  goSlice,
  printAnnotationsMultiline,
  printLabelsMultiline,
  since,
} from './describe-format';
import { canonicalQuantity } from './describe-quantity';
import { describeVolumeSource } from './describe-volumes';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './describe-writer';

const BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** storageutil.GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order, each once. */
export function accessModesString(modes: readonly string[] | undefined): string {
  const list = modes ?? [];
  const out: string[] = [];
  const has = (m: string): boolean => list.includes(m);
  if (has('ReadWriteOnce')) out.push('RWO');
  if (has('ReadOnlyMany')) out.push('ROX');
  if (has('ReadWriteMany')) out.push('RWX');
  if (has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** GetPersistentVolume(Claim)Class: the beta annotation wins over spec.storageClassName. */
function storageClassOf(obj: KubeObject, specClass: string | undefined): string {
  const beta = obj.metadata.annotations?.[BETA_STORAGE_CLASS];
  return beta !== undefined ? beta : (specClass ?? '');
}

export function describePersistentVolume(pv: PersistentVolume, ctx: DescribeContext): string {
  const events = ctx.eventsFor(pv);
  return tabbedString((w) => {
    const spec = pv.spec ?? {};
    w.write(LEVEL_0, `Name:\t${pv.metadata.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', pv.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goSlice(pv.metadata.finalizers)}\n`);
    w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pv, spec.storageClassName)}\n`);
    if (pv.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pv.metadata.deletionTimestamp, ctx.now)})\n`);
    else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`);
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
    w.write(LEVEL_0, `Claim:\t${claim}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesString(spec.accessModes)}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${canonicalQuantity(spec.capacity?.storage ?? '0')}\n`);
    w.write(LEVEL_0, 'Node Affinity:\t');
    const required = spec.nodeAffinity?.required;
    if (!required) {
      w.writeLine('<none>');
    } else {
      w.writeLine('');
      w.write(LEVEL_1, 'Required Terms:\t');
      const terms: any[] = required.nodeSelectorTerms ?? [];
      if (terms.length === 0) {
        w.writeLine('<none>');
      } else {
        w.writeLine('');
        terms.forEach((term, i) => {
          w.write(LEVEL_2, `Term ${i}:\t`);
          const reqs: any[] = term.matchExpressions ?? [];
          if (reqs.length === 0) {
            w.writeLine('<none>');
            return;
          }
          reqs.forEach((r, j) => {
            if (j !== 0) w.write(LEVEL_2, '\t');
            let expr = `${r.key} ${String(r.operator).toLowerCase()}`;
            if (r.values && r.values.length > 0) expr += ` [${r.values.join(', ')}]`;
            w.write(LEVEL_0, `${expr}\n`);
          });
        });
      }
    }
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
    w.write(LEVEL_0, 'Source:\n');
    describeVolumeSource(w, spec, true);
    describeEvents(w, events, ctx.now);
  });
}

export function describePersistentVolumeClaim(pvc: PersistentVolumeClaim, ctx: DescribeContext): string {
  const events = ctx.eventsFor(pvc);
  const usedBy = podsUsingClaim(pvc, ctx.list('Pod', pvc.metadata.namespace ?? '') as Pod[]);
  return tabbedString((w) => {
    const spec = pvc.spec ?? {};
    w.write(LEVEL_0, `Name:\t${pvc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pvc, spec.storageClassName)}\n`);
    if (pvc.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pvc.metadata.deletionTimestamp, ctx.now)})\n`);
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`);
    w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goSlice(pvc.metadata.finalizers)}\n`);
    let capacity = '';
    let accessModes = '';
    if (spec.volumeName) {
      accessModes = accessModesString(pvc.status?.accessModes);
      capacity = canonicalQuantity(pvc.status?.capacity?.storage ?? '0');
    }
    w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModes}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    const ds = (spec as { dataSource?: { apiGroup?: string; kind: string; name: string } }).dataSource;
    if (ds) {
      w.write(LEVEL_0, 'DataSource:\n');
      if (ds.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${ds.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${ds.kind}\n`);
      w.write(LEVEL_1, `Name:\t${ds.name}\n`);
    }
    w.write(LEVEL_0, 'Used By:\t');
    if (usedBy.length === 0) {
      w.writeLine('<none>');
    } else {
      usedBy.forEach((p, i) => {
        if (i !== 0) w.write(LEVEL_0, '\t');
        w.write(LEVEL_0, `${p.metadata.name}\n`);
      });
    }
    const conditions = (pvc.status as { conditions?: any[] } | undefined)?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${formatTime(c.lastProbeTime)} \t${formatTime(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }
    describeEvents(w, events, ctx.now);
  });
}

// getPodsForPVC: pods mounting the claim (once per mounting volume), then pods owning it; sorted by name
function podsUsingClaim(pvc: PersistentVolumeClaim, pods: readonly Pod[]): Pod[] {
  const out: Pod[] = [];
  for (const p of pods) {
    for (const v of p.spec?.volumes ?? []) {
      if (v.persistentVolumeClaim?.claimName === pvc.metadata.name) out.push(p);
    }
  }
  for (const ref of pvc.metadata.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = pods.find((p) => p.metadata.uid === ref.uid);
    if (owner && !out.some((p) => p.metadata.uid === owner.metadata.uid)) out.push(owner);
  }
  return out.sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0));
}

interface StorageClass extends KubeObject {
  provisioner?: string;
  parameters?: Record<string, string>;
  reclaimPolicy?: string;
  volumeBindingMode?: string;
  allowVolumeExpansion?: boolean;
  mountOptions?: string[];
  allowedTopologies?: { matchLabelExpressions?: { key: string; values?: string[] }[] }[];
}

const IS_DEFAULT = 'storageclass.kubernetes.io/is-default-class';
const BETA_IS_DEFAULT = 'storageclass.beta.kubernetes.io/is-default-class';

export function describeStorageClass(sc: StorageClass, ctx: DescribeContext): string {
  const events = ctx.eventsFor(sc);
  return tabbedString((w) => {
    const ann = sc.metadata.annotations ?? {};
    const isDefault = ann[IS_DEFAULT] === 'true' || ann[BETA_IS_DEFAULT] === 'true';
    w.write(LEVEL_0, `Name:\t${sc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner ?? ''}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    const ave = sc.allowVolumeExpansion;
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${ave === undefined || ave === null ? '<unset>' : ave ? 'True' : 'False'}\n`);
    const opts = sc.mountOptions ?? [];
    if (opts.length === 0) {
      w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    } else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const o of opts) w.write(LEVEL_1, `${o}\n`);
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    if (sc.allowedTopologies) {
      w.write(LEVEL_0, 'AllowedTopologies:\t');
      if (sc.allowedTopologies.length === 0) {
        w.writeLine('<none>');
      } else {
        w.writeLine('');
        sc.allowedTopologies.forEach((term, i) => {
          w.write(LEVEL_1, `Term ${i}:\t`);
          const reqs = term.matchLabelExpressions ?? [];
          if (reqs.length === 0) {
            w.writeLine('<none>');
            return;
          }
          reqs.forEach((r, j) => {
            if (j !== 0) w.write(LEVEL_1, '\t');
            let expr = `${r.key} in`;
            if (r.values && r.values.length > 0) expr += ` [${r.values.join(', ')}]`;
            w.write(LEVEL_0, `${expr}\n`);
          });
        });
      }
    }
    describeEvents(w, events, ctx.now);
  });
}
