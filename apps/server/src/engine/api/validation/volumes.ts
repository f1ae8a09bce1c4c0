// Pod volumes (ValidateVolumes): names, exactly one source, the sources' required fields,
// file modes and item paths.

import { FieldError } from '../errors';
import { duplicate, forbidden, invalid, notSupported, required } from './field';
import { dnsLabel } from './pod-common';

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];

export function validateVolumes(volumes: any[] | undefined, path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((v, i) => {
    const p = `${path}[${i}]`;
    const el: FieldError[] = validateVolumeSource(v ?? {}, p);
    if (!v?.name) el.push(required(`${p}.name`));
    else el.push(...dnsLabel(v.name, `${p}.name`));
    if (v?.name && names.has(v.name)) el.push(duplicate(`${p}.name`, v.name));
    if (!el.length) names.add(v.name);
    errs.push(...el);
  });
  return { errs, names };
}

function validateVolumeSource(v: any, path: string): FieldError[] {
  const sources = VOLUME_SOURCES.filter((s) => v[s] !== undefined && v[s] !== null);
  if (!sources.length) return [required(path, 'must specify a volume type')];
  const errs: FieldError[] = [];
  for (const extra of sources.slice(1)) errs.push(forbidden(`${path}.${extra}`, 'may not specify more than 1 volume type'));
  const mode = (m: unknown, p: string): void => {
    if (typeof m === 'number' && (m > 0o777 || m < 0)) errs.push(invalid(p, m, 'must be a number between 0 and 0777 (octal), both inclusive'));
  };
  if (v.hostPath && !v.hostPath.path) errs.push(required(`${path}.hostPath.path`));
  if (v.hostPath?.type !== undefined && v.hostPath.type !== '') {
    const types = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
    if (!types.includes(v.hostPath.type)) errs.push(notSupported(`${path}.hostPath.type`, v.hostPath.type, types));
  }
  if (v.configMap) {
    if (!v.configMap.name) errs.push(required(`${path}.configMap.name`));
    mode(v.configMap.defaultMode, `${path}.configMap.defaultMode`);
    errs.push(...validateKeyToPaths(v.configMap.items, `${path}.configMap.items`));
  }
  if (v.secret) {
    if (!v.secret.secretName) errs.push(required(`${path}.secret.secretName`));
    mode(v.secret.defaultMode, `${path}.secret.defaultMode`);
    errs.push(...validateKeyToPaths(v.secret.items, `${path}.secret.items`));
  }
  if (v.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) errs.push(required(`${path}.persistentVolumeClaim.claimName`));
  if (v.nfs) {
    if (!v.nfs.server) errs.push(required(`${path}.nfs.server`));
    if (!v.nfs.path) errs.push(required(`${path}.nfs.path`));
  }
  return errs;
}

function validateKeyToPaths(items: any[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (items ?? []).forEach((it, i) => {
    const p = `${path}[${i}]`;
    const target = String(it?.path ?? '');
    if (!it?.key) errs.push(required(`${p}.key`));
    if (!target) errs.push(required(`${p}.path`));
    // ValidateLocalNonReservedPath
    errs.push(...localDescendingPath(target, `${p}.path`));
    if (normalizedStartsWithDotDot(target)) errs.push(invalid(`${p}.path`, target, "must not start with '..'"));
    if (typeof it?.mode === 'number' && (it.mode > 0o777 || it.mode < 0)) {
      errs.push(invalid(`${p}.mode`, it.mode, 'must be a number between 0 and 0777 (octal), both inclusive'));
    }
  });
  return errs;
}

/** strings.HasPrefix(path.Clean(p), "..") */
function normalizedStartsWithDotDot(p: string): boolean {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return !p.startsWith('/') && out.join('/').startsWith('..');
}

/** validateLocalDescendingPath: both checks apply, one error each. */
export function localDescendingPath(p: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.startsWith('/')) errs.push(invalid(path, p, 'must be a relative path'));
  if (p.split('/').includes('..')) errs.push(invalid(path, p, "must not contain '..'"));
  return errs;
}


