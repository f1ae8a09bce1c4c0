// The in-tree cloud volume types a v1.32 cluster still accepts in its API (awsElasticBlockStore,
// azureDisk, gcePersistentDisk, vsphereVolume) but no longer has code for: CSI migration is locked
// on for all four, so they are translated to the provider's CSI driver (csi-translation-lib), and
// where that driver is not installed nothing ever attaches the disk.

import type { ClusterConfig } from '../../cluster-state';
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../../api/types';
import type { ObjectStore } from '../../api/store';
import { PD_DRIVER } from '../../cloud/storage';

export interface CloudVolume {
  /** the volume's name in the attach-detach controller's messages: the pod's volume, or the PV */
  name: string;
  /** the CSI driver the source is translated to */
  driver: string;
  /** the CSI volume handle the translation makes */
  handle: string;
}

type Source = Record<string, any>;

/** The CSI translation of an in-tree cloud source (inline or of a PV), or undefined for other sources. */
export function translateCloudSource(src: Source, zone?: string): Omit<CloudVolume, 'name'> | undefined {
  if (src.awsElasticBlockStore) {
    // aws://us-east-1a/vol-0123 and vol-0123 both become vol-0123
    const id = String(src.awsElasticBlockStore.volumeID ?? '');
    return { driver: 'ebs.csi.aws.com', handle: id.startsWith('aws://') ? id.slice(id.lastIndexOf('/') + 1) : id };
  }
  if (src.gcePersistentDisk) {
    return { driver: PD_DRIVER, handle: `projects/UNSPECIFIED/zones/${zone ?? 'UNSPECIFIED'}/disks/${src.gcePersistentDisk.pdName ?? ''}` };
  }
  if (src.azureDisk) return { driver: 'disk.csi.azure.com', handle: String(src.azureDisk.diskURI ?? '') };
  if (src.vsphereVolume) return { driver: 'csi.vsphere.vmware.com', handle: String(src.vsphereVolume.volumePath ?? '') };
  return undefined;
}

/** the CSI drivers the cluster has: the `cloud` shape's provider ships its persistent disk driver */
export function installedDrivers(config: ClusterConfig): string[] {
  return config.shape === 'cloud' ? [PD_DRIVER] : [];
}

/** The pod's volumes (inline, or PVs through bound claims) that need a CSI driver the cluster lacks. */
export function unattachableVolumes(store: ObjectStore, config: ClusterConfig, pod: Pod): CloudVolume[] {
  const drivers = installedDrivers(config);
  const out: CloudVolume[] = [];
  for (const v of pod.spec.volumes ?? []) {
    let t: Omit<CloudVolume, 'name'> | undefined;
    let name = v.name;
    if (v.persistentVolumeClaim) {
      const pvc = store.get('persistentvolumeclaims', pod.metadata.namespace ?? 'default', v.persistentVolumeClaim.claimName) as PersistentVolumeClaim | undefined;
      const pv = pvc?.spec.volumeName ? (store.get('persistentvolumes', undefined, pvc.spec.volumeName) as PersistentVolume | undefined) : undefined;
      if (!pv) continue;
      t = translateCloudSource(pv.spec as Source, pv.metadata.labels?.['topology.kubernetes.io/zone']);
      name = pv.metadata.name!;
    } else t = translateCloudSource(v as Source);
    if (t && !drivers.includes(t.driver)) out.push({ name, ...t });
  }
  return out;
}
