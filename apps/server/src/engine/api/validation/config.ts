// ConfigMap, Secret, storage (PV, PVC, StorageClass) and Node validation, with the update
// rules students meet: immutable ConfigMaps and Secrets, a Secret's type, a claim's spec.

import { FieldError } from '../errors';
import { duplicate, forbidden, goQuote, invalid, notSupported, raw, required, tooLong } from './field';
import { IMMUTABLE_ERROR, isConfigMapKey, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from './names';
import { validateLabelSelector } from './meta';
import { deepEqual } from './pod';
import { validateTaintEffect } from './tolerations';
import { parseQuantity, quantityValue } from './quantity';

const MAX_DATA_SIZE = 1024 * 1024;
const IMMUTABLE_SET = 'field is immutable when `immutable` is set';
const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const VOLUME_MODES = ['Block', 'Filesystem'];

function validateDataKeys(bag: Record<string, unknown> | undefined, name: string, other?: Record<string, unknown>, otherName?: string): { errs: FieldError[]; size: number } {
  const errs: FieldError[] = [];
  let size = 0;
  for (const key of Object.keys(bag ?? {}).sort()) {
    const path = `${name}[${key}]`;
    for (const m of isConfigMapKey(key)) errs.push(invalid(path, key, m));
    if (other && key in other) errs.push(invalid(path, key, `duplicate of key present in ${otherName}`));
    size += String(bag![key] ?? '').length;
  }
  return { errs, size };
}

export function validateConfigMap(obj: any, old?: any): FieldError[] {
  const errs: FieldError[] = [];
  if (old?.immutable === true) {
    if (obj.immutable !== true) errs.push(forbidden('immutable', IMMUTABLE_SET));
    if (!deepEqual(obj.data ?? null, old.data ?? null)) errs.push(forbidden('data', IMMUTABLE_SET));
    if (!deepEqual(obj.binaryData ?? null, old.binaryData ?? null)) errs.push(forbidden('binaryData', IMMUTABLE_SET));
  }
  const data = validateDataKeys(obj.data, 'data', obj.binaryData, 'binaryData');
  const binary = validateDataKeys(obj.binaryData, 'binaryData', obj.data, 'data');
  errs.push(...data.errs, ...binary.errs);
  if (data.size + binary.size > MAX_DATA_SIZE) errs.push(tooLong('[]', MAX_DATA_SIZE));
  return errs;
}

/** Keys each Secret type requires (ValidateSecret). */
const SECRET_REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/basic-auth': [],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

export function validateSecret(obj: any, old?: any): FieldError[] {
  const errs: FieldError[] = [];
  if (old) {
    if (old.type !== obj.type) errs.push(invalid('type', String(obj.type ?? ''), IMMUTABLE_ERROR));
    if (old.immutable === true) {
      if (obj.immutable !== true) errs.push(forbidden('immutable', IMMUTABLE_SET));
      if (!deepEqual(obj.data ?? null, old.data ?? null)) errs.push(forbidden('data', IMMUTABLE_SET));
    }
  }
  const { errs: keyErrs, size } = validateDataKeys(obj.data, 'data');
  errs.push(...keyErrs);
  if (size > MAX_DATA_SIZE) errs.push(tooLong('data', MAX_DATA_SIZE));
  const data = obj.data ?? {};
  const type = obj.type ?? 'Opaque';
  if (type === 'kubernetes.io/service-account-token') {
    if (!obj.metadata?.annotations?.['kubernetes.io/service-account.name']) {
      errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
    }
  } else if (type === 'kubernetes.io/basic-auth') {
    if (!('username' in data) && !('password' in data)) errs.push(required('data[username]'), required('data[password]'));
  } else {
    for (const key of SECRET_REQUIRED_KEYS[type] ?? []) if (!(key in data)) errs.push(required(`data[${key}]`));
  }
  return errs;
}

function validateAccessModes(modes: unknown, path: string, requiredDetail: string): FieldError[] {
  const errs: FieldError[] = [];
  const list = Array.isArray(modes) ? modes : [];
  if (!list.length) errs.push(required(path, requiredDetail));
  for (const m of list) if (!ACCESS_MODES.includes(m)) errs.push(notSupported(path, String(m), ACCESS_MODES));
  if (list.includes('ReadWriteOncePod') && list.length > 1) errs.push(forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

const PV_SOURCES = ['gcePersistentDisk', 'awsElasticBlockStore', 'hostPath', 'glusterfs', 'nfs', 'rbd', 'quobyte', 'iscsi', 'cinder', 'cephfs', 'fc', 'flocker', 'flexVolume', 'azureFile', 'vsphereVolume', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'local', 'storageos', 'csi'];

export function validatePersistentVolume(obj: any): FieldError[] {
  const spec = obj.spec ?? {};
  const errs: FieldError[] = [];
  errs.push(...validateAccessModes(spec.accessModes, 'spec.accessModes', ''));
  const capacity = spec.capacity ?? {};
  if (!Object.keys(capacity).length) errs.push(required('spec.capacity'));
  else {
    if (capacity.storage === undefined || Object.keys(capacity).length > 1) errs.push(notSupported('spec.capacity', Object.keys(capacity).join(','), ['storage']));
    else if (!(quantityValue(capacity.storage) > 0)) errs.push(invalid('spec.capacity[storage]', String(capacity.storage), 'must be greater than zero'));
  }
  if (spec.persistentVolumeReclaimPolicy && !RECLAIM_POLICIES.includes(spec.persistentVolumeReclaimPolicy)) {
    errs.push(notSupported('spec.persistentVolumeReclaimPolicy', spec.persistentVolumeReclaimPolicy, RECLAIM_POLICIES));
  }
  if (spec.storageClassName) for (const m of isDNS1123Subdomain(spec.storageClassName)) errs.push(invalid('spec.storageClassName', spec.storageClassName, m));
  if (spec.volumeMode && !VOLUME_MODES.includes(spec.volumeMode)) errs.push(notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  const sources = PV_SOURCES.filter((s) => spec[s] !== undefined && spec[s] !== null);
  if (!sources.length) errs.push(required('spec', 'must specify a volume type'));
  for (const extra of sources.slice(1)) errs.push(forbidden(`spec.${extra}`, 'may not specify more than 1 volume type'));
  if (spec.hostPath && !spec.hostPath.path) errs.push(required('spec.hostPath.path'));
  if (spec.local && !spec.nodeAffinity) errs.push(required('spec.nodeAffinity', 'Local volume requires node affinity'));
  return errs;
}

export function validatePersistentVolumeClaim(obj: any, old?: any): FieldError[] {
  const spec = obj.spec ?? {};
  const errs: FieldError[] = [];
  errs.push(...validateAccessModes(spec.accessModes, 'spec.accessModes', 'at least 1 access mode is required'));
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) errs.push(required('spec.resources[storage]'));
  else {
    const parsed = parseQuantity(storage);
    if (!('value' in parsed) || parsed.value <= 0) errs.push(invalid('spec.resources[storage]', String(storage), 'must be greater than zero'));
  }
  if (spec.storageClassName) for (const m of isDNS1123Subdomain(spec.storageClassName)) errs.push(invalid('spec.storageClassName', spec.storageClassName, m));
  if (spec.volumeMode && !VOLUME_MODES.includes(spec.volumeMode)) errs.push(notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  if (old) {
    const bound = old.status?.phase === 'Bound';
    const newSpec = JSON.parse(JSON.stringify(spec));
    const oldSpec = JSON.parse(JSON.stringify(old.spec ?? {}));
    // the binder may set volumeName once; a bound claim may grow its storage request
    if (!oldSpec.volumeName) oldSpec.volumeName = newSpec.volumeName;
    // RetroactiveDefaultStorageClass (GA in 1.28): a claim created without a class may get one once
    if (oldSpec.storageClassName === undefined || oldSpec.storageClassName === null) oldSpec.storageClassName = newSpec.storageClassName;
    if (bound) {
      newSpec.resources = { ...(newSpec.resources ?? {}), requests: { ...(newSpec.resources?.requests ?? {}), storage: oldSpec.resources?.requests?.storage } };
      const before = quantityValue(oldSpec.resources?.requests?.storage);
      if (quantityValue(storage) < before) errs.push(forbidden('spec.resources.requests.storage', 'field can not be less than previous value'));
    }
    if (!deepEqual(newSpec, oldSpec)) errs.push(forbidden('spec', 'spec is immutable after creation except resources.requests for bound claims'));
  }
  return errs;
}

export function validateStorageClass(obj: any, old?: any): FieldError[] {
  const errs: FieldError[] = [];
  if (!obj.provisioner) errs.push(required('provisioner'));
  else for (const m of isQualifiedName(String(obj.provisioner).toLowerCase())) errs.push(invalid('provisioner', String(obj.provisioner).toLowerCase(), m));
  if (obj.reclaimPolicy && !['Delete', 'Retain'].includes(obj.reclaimPolicy)) errs.push(notSupported('reclaimPolicy', obj.reclaimPolicy, ['Delete', 'Retain']));
  if (obj.volumeBindingMode && !['Immediate', 'WaitForFirstConsumer'].includes(obj.volumeBindingMode)) {
    errs.push(notSupported('volumeBindingMode', obj.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']));
  }
  if (old) {
    if (!deepEqual(obj.parameters ?? null, old.parameters ?? null)) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
    if (obj.provisioner !== old.provisioner) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
    if (obj.reclaimPolicy !== old.reclaimPolicy) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
    if (obj.volumeBindingMode !== old.volumeBindingMode) errs.push(invalid('volumeBindingMode', String(obj.volumeBindingMode ?? ''), IMMUTABLE_ERROR));
  }
  return errs;
}

export function validateNode(obj: any): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (obj.spec?.taints ?? []).forEach((t: any, i: number) => {
    const path = `spec.taints[${i}]`;
    for (const m of isQualifiedName(String(t?.key ?? ''))) errs.push(invalid(`${path}.key`, String(t?.key ?? ''), m));
    const valueErrs = isValidLabelValue(String(t?.value ?? ''));
    if (valueErrs.length) errs.push(invalid(`${path}.value`, String(t?.value ?? ''), valueErrs.join(';')));
    if (!t?.effect) errs.push(required(`${path}.effect`));
    else errs.push(...validateTaintEffect(t.effect, `${path}.effect`));
    const key = `${t?.key}/${t?.effect}`;
    if (seen.has(key)) {
      const value = `core.Taint{Key:${goQuote(String(t?.key ?? ''))}, Value:${goQuote(String(t?.value ?? ''))}, Effect:${goQuote(String(t?.effect ?? ''))}, TimeAdded:(*v1.Time)(nil)}`;
      errs.push({ field: path, detail: `${duplicate(path, raw(value)).detail}: taints must be unique by key and effect pair` });
    }
    seen.add(key);
  });
  return errs;
}
