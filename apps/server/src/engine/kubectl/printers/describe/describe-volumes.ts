// describeVolumes and the per-source blocks (describe.go print*VolumeSource), shared by pods,
// pod templates and PersistentVolume sources.
import type { Volume } from '../../../api/types';
import { canonicalQuantity, parseQuantity } from './describe-quantity';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter } from './describe-writer';

export function describeVolumes(w: PrefixWriter, volumes: readonly Volume[] | undefined, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  const nameIndent = space ? ' ' : '';
  for (const v of volumes) {
    w.write(LEVEL_1, `${nameIndent}${v.name}:\n`);
    describeVolumeSource(w, v as Record<string, any>, false);
  }
}

/** The block for one volume source; `pv` selects the PersistentVolumeSource variants. */
export function describeVolumeSource(w: PrefixWriter, src: Record<string, any>, pv: boolean): void {
  if (src.hostPath) return hostPath(w, src.hostPath);
  if (src.emptyDir && !pv) return emptyDir(w, src.emptyDir);
  if (src.gcePersistentDisk) return gcePersistentDisk(w, src.gcePersistentDisk);
  if (src.awsElasticBlockStore) return awsElasticBlockStore(w, src.awsElasticBlockStore);
  if (src.secret && !pv) return secret(w, src.secret);
  if (src.configMap && !pv) return configMap(w, src.configMap);
  if (src.nfs) return nfs(w, src.nfs);
  if (src.persistentVolumeClaim && !pv) return pvc(w, src.persistentVolumeClaim);
  if (src.downwardAPI && !pv) return downwardAPI(w, src.downwardAPI);
  if (src.projected && !pv) return projected(w, src.projected);
  if (src.azureDisk) return azureDisk(w, src.azureDisk);
  if (src.vsphereVolume) return vsphereVolume(w, src.vsphereVolume);
  if (src.local && pv) return local(w, src.local);
  if (src.csi) return pv ? csiPersistent(w, src.csi) : csiInline(w, src.csi);
  w.write(LEVEL_1, '<unknown>\n');
}

function gcePersistentDisk(w: PrefixWriter, d: { pdName?: string; fsType?: string; partition?: number; readOnly?: boolean }): void {
  w.write(
    LEVEL_2,
    `Type:\tGCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)\n    PDName:\t${d.pdName ?? ''}\n    FSType:\t${d.fsType ?? ''}\n    Partition:\t${d.partition ?? 0}\n    ReadOnly:\t${d.readOnly === true}\n`,
  );
}

function awsElasticBlockStore(w: PrefixWriter, d: { volumeID?: string; fsType?: string; partition?: number; readOnly?: boolean }): void {
  w.write(
    LEVEL_2,
    `Type:\tAWSElasticBlockStore (a Persistent Disk resource in AWS)\n    VolumeID:\t${d.volumeID ?? ''}\n    FSType:\t${d.fsType ?? ''}\n    Partition:\t${d.partition ?? 0}\n    ReadOnly:\t${d.readOnly === true}\n`,
  );
}

/** the API server defaults kind, fsType, cachingMode and readOnly (SetDefaults_AzureDiskVolumeSource) */
function azureDisk(w: PrefixWriter, d: { diskName?: string; diskURI?: string; kind?: string; fsType?: string; cachingMode?: string; readOnly?: boolean }): void {
  w.write(
    LEVEL_2,
    `Type:\tAzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)\n    DiskName:\t${d.diskName ?? ''}\n    DiskURI:\t${d.diskURI ?? ''}\n    Kind: \t${d.kind ?? 'Shared'}\n    FSType:\t${d.fsType ?? 'ext4'}\n    CachingMode:\t${d.cachingMode ?? 'ReadWrite'}\n    ReadOnly:\t${d.readOnly === true}\n`,
  );
}

function vsphereVolume(w: PrefixWriter, d: { volumePath?: string; fsType?: string; storagePolicyName?: string }): void {
  w.write(LEVEL_2, `Type:\tvSphereVolume (a Persistent Disk resource in vSphere)\n    VolumePath:\t${d.volumePath ?? ''}\n    FSType:\t${d.fsType ?? ''}\n    StoragePolicyName:\t${d.storagePolicyName ?? ''}\n`);
}

function hostPath(w: PrefixWriter, hp: { path: string; type?: string }): void {
  const type = hp.type === undefined || hp.type === null ? '<none>' : hp.type;
  w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${hp.path}\n    HostPathType:\t${type}\n`);
}

function emptyDir(w: PrefixWriter, ed: { medium?: string; sizeLimit?: string }): void {
  const q = parseQuantity(ed.sizeLimit);
  const sizeLimit = q && q.nano > 0n ? canonicalQuantity(ed.sizeLimit) : '<unset>';
  w.write(
    LEVEL_2,
    `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${ed.medium ?? ''}\n    SizeLimit:\t${sizeLimit}\n`,
  );
}

function secret(w: PrefixWriter, s: { secretName?: string; optional?: boolean }): void {
  w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${s.secretName ?? ''}\n    Optional:\t${s.optional === true}\n`);
}

function configMap(w: PrefixWriter, c: { name?: string; optional?: boolean }): void {
  w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${c.name ?? ''}\n    Optional:\t${c.optional === true}\n`);
}

function pvc(w: PrefixWriter, c: { claimName: string; readOnly?: boolean }): void {
  w.write(
    LEVEL_2,
    `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${c.claimName}\n    ReadOnly:\t${c.readOnly === true}\n`,
  );
}

function nfs(w: PrefixWriter, n: { server: string; path: string; readOnly?: boolean }): void {
  w.write(
    LEVEL_2,
    `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${n.server}\n    Path:\t${n.path}\n    ReadOnly:\t${n.readOnly === true}\n`,
  );
}

function local(w: PrefixWriter, l: { path: string }): void {
  w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${l.path}\n`);
}

function downwardAPI(w: PrefixWriter, d: { items?: any[] }): void {
  w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
  for (const item of d.items ?? []) {
    if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
    if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
  }
}

// %v of a *bool: kubectl 1.32 prints the pointer itself; unset prints <nil>. A set pointer prints a
// memory address in Go, which we cannot reproduce: we print its value instead.
const optionalPtr = (v: boolean | undefined): string => (v === undefined || v === null ? '<nil>' : String(v));

function projected(w: PrefixWriter, p: { sources?: any[] }): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const s of p.sources ?? []) {
    if (s.secret) {
      w.write(LEVEL_2, `SecretName:\t${s.secret.name ?? ''}\n    SecretOptionalName:\t${optionalPtr(s.secret.optional)}\n`);
    } else if (s.downwardAPI) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (s.configMap) {
      w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    ConfigMapOptional:\t${optionalPtr(s.configMap.optional)}\n`);
    } else if (s.serviceAccountToken) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`);
    }
  }
}

function csiInline(w: PrefixWriter, c: { driver: string; fsType?: string; readOnly?: boolean; volumeAttributes?: Record<string, string> }): void {
  w.write(
    LEVEL_2,
    `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${c.driver}\n    FSType:\t${c.fsType ?? ''}\n    ReadOnly:\t${c.readOnly === true}\n`,
  );
  csiAttributes(w, c.volumeAttributes);
}

function csiPersistent(
  w: PrefixWriter,
  c: { driver: string; fsType?: string; volumeHandle: string; readOnly?: boolean; volumeAttributes?: Record<string, string> },
): void {
  w.write(
    LEVEL_2,
    `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${c.driver}\n    FSType:\t${c.fsType ?? ''}\n    VolumeHandle:\t${c.volumeHandle}\n    ReadOnly:\t${c.readOnly === true}\n`,
  );
  csiAttributes(w, c.volumeAttributes);
}

function csiAttributes(w: PrefixWriter, attrs: Record<string, string> | undefined): void {
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  const keys = Object.keys(attrs ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) {
      // Go writes the (empty) initial indent and the inner indent with a level prefix each
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${k}=${attrs![k]}`;
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}
