// Storage on a `cloud` cluster: a default StorageClass backed by the provider's persistent disk
// CSI driver, the retroactive default class assignment of claims created without a class, and
// the external provisioner that creates a volume `pvc-<claim uid>` for each claim of the class.

import { clone } from '../api/store';
import type { KubeObject, PersistentVolumeClaim } from '../api/types';
import type { Controller, ControllerContext } from '../controllers/controller';
import { PROJECT, ZONES, cloudSection } from './cloud-provider';

export const PD_DRIVER = 'pd.csi.storage.gke.io';
export const DEFAULT_CLASS = 'standard';
const DEFAULT_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
/** how long the cloud takes to create a disk */
export const PROVISION_MS = 4_000;
const SOURCE = { component: `${PD_DRIVER}_csi-gce-pd-controller-0_6f7e1c2b-3d4a-4b5c-9e8f-0a1b2c3d4e5f` };

export function defaultStorageClass(): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: DEFAULT_CLASS, annotations: { [DEFAULT_ANNOTATION]: 'true' }, labels: { 'addonmanager.kubernetes.io/mode': 'EnsureExists' } },
    provisioner: PD_DRIVER,
    parameters: { type: 'pd-balanced' },
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
    allowVolumeExpansion: true,
  } as KubeObject;
}

function defaultClassName(ctx: ControllerContext): string | undefined {
  const classes = ctx.store.list('storageclasses').filter((c) => c.metadata.annotations?.[DEFAULT_ANNOTATION] === 'true');
  return classes.sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''))[0]?.metadata.name;
}

function classOf(ctx: ControllerContext, name: string | undefined): { provisioner?: string; reclaimPolicy?: string } | undefined {
  return name ? (ctx.store.get('storageclasses', undefined, name) as { provisioner?: string; reclaimPolicy?: string } | undefined) : undefined;
}

export function cloudVolumeController(): Controller {
  return {
    name: 'cloud-volume',
    watch(ev, enqueue) {
      if (ev.resource === 'persistentvolumeclaims' && ev.type !== 'DELETED') enqueue(`${ev.object.metadata.namespace}/${ev.object.metadata.name}`);
    },
    sync(key, ctx) {
      const [namespace, name] = key.split('/');
      let pvc = ctx.store.get('persistentvolumeclaims', namespace, name) as PersistentVolumeClaim | undefined;
      if (!pvc || pvc.spec?.volumeName || pvc.metadata.deletionTimestamp) return;
      // a claim without a class gets the default one (a class of "" asks for none)
      if (pvc.spec?.storageClassName === undefined || pvc.spec.storageClassName === null) {
        const def = defaultClassName(ctx);
        if (!def) return;
        const next = clone(pvc);
        next.spec = { ...next.spec, storageClassName: def };
        try {
          pvc = ctx.api.update(next) as PersistentVolumeClaim;
        } catch {
          return; // changed meanwhile: the next event brings it back
        }
      }
      const sc = classOf(ctx, pvc.spec?.storageClassName);
      if (sc?.provisioner !== PD_DRIVER) return;
      const disks = cloudSection(ctx).disks;
      const pvName = `pvc-${pvc.metadata.uid}`;
      if (ctx.store.get('persistentvolumes', undefined, pvName)) return;
      const st = cloudSection(ctx) as unknown as { provisioning?: Record<string, number> };
      st.provisioning ??= {};
      if (st.provisioning[key] === undefined) {
        st.provisioning[key] = ctx.now + PROVISION_MS;
        ctx.record(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${key}"`, SOURCE);
      }
      if (ctx.now < st.provisioning[key]) {
        ctx.schedule(st.provisioning[key], key);
        return;
      }
      delete st.provisioning[key];
      const zone = ZONES[0];
      disks[pvName] = `projects/${PROJECT}/zones/${zone}/disks/${pvName}`;
      ctx.api.create(
        {
          apiVersion: 'v1',
          kind: 'PersistentVolume',
          metadata: { name: pvName, annotations: { 'pv.kubernetes.io/provisioned-by': PD_DRIVER, 'volume.kubernetes.io/provisioner-deletion-secret-name': '', 'volume.kubernetes.io/provisioner-deletion-secret-namespace': '' } },
          spec: {
            accessModes: [...(pvc.spec?.accessModes ?? ['ReadWriteOnce'])],
            capacity: { storage: pvc.spec?.resources?.requests?.storage ?? '1Gi' },
            claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, uid: pvc.metadata.uid, resourceVersion: pvc.metadata.resourceVersion },
            csi: { driver: PD_DRIVER, fsType: 'ext4', volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': '1767225600000-8081-pd.csi.storage.gke.io' }, volumeHandle: disks[pvName] },
            nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.gke.io/zone', operator: 'In', values: [zone] }] }] } },
            persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
            storageClassName: pvc.spec!.storageClassName,
            volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
          },
        } as KubeObject,
        { internal: true },
      );
      ctx.record(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`, SOURCE);
    },
  };
}
