// Volumes of one compose service as kompose turns them into pod volumes: a PersistentVolumeClaim
// per volume by default, or emptyDir, hostPath or ConfigMap volumes (--volumes, the
// kompose.volume.type label), tmpfs as memory-backed emptyDirs (kompose ConfigVolumes).

import { KubeObject } from '../api/types';
import { basename } from '../shell/filesystem';
import { KomposeFs, ServiceConfig } from './compose-types';
import { KomposeFatal, KomposeLog } from './logrus';
import { QUANTITY_REGEX_TEXT, canonicalQuantity } from './quantity';
import { selectorLabels } from './transform-meta';

export type VolumesMode = 'persistentVolumeClaim' | 'emptyDir' | 'hostPath' | 'configMap';

export interface VolumeOptions {
  mode: VolumesMode;
  pvcRequestSize: string;
  workingDir: string;
  fs: KomposeFs;
  log: KomposeLog;
}

export interface ServiceVolumes {
  mounts: Record<string, unknown>[];
  volumes: Record<string, unknown>[];
  /** PersistentVolumeClaims, then ConfigMaps, the volumes need */
  objects: KubeObject[];
}

/**
 * In the default (claim) mode kompose looks at the host side of each volume: a file or a directory
 * with files becomes a ConfigMap; what it cannot stat (a named volume: it stats ":<target>") is
 * reported and gets a claim.
 */
function hostContent(host: string, container: string, fs: KomposeFs, log: KomposeLog): 'configMap' | 'claim' {
  const path = host || `${host}:${container}`;
  if (fs.isDir(path)) return fs.list(path).some((f) => !fs.isDir(`${path}/${f}`)) ? 'configMap' : 'claim';
  if (fs.read(path) !== undefined) return 'configMap';
  log.warn(`File don't exist or failed to check if the directory is empty: stat ${path}: no such file or directory`);
  return 'claim';
}

const REPLACEMENT: Record<VolumesMode, string> = { persistentVolumeClaim: 'claim', emptyDir: 'empty', hostPath: 'hostpath', configMap: 'cm' };

export function serviceVolumes(name: string, svc: ServiceConfig, opts: VolumeOptions): ServiceVolumes {
  const out: ServiceVolumes = { mounts: [], volumes: [], objects: [] };
  const configMaps: KubeObject[] = [];
  const label = svc.labels['kompose.volume.type'] as VolumesMode | undefined;
  const chosen: VolumesMode = label && label in REPLACEMENT ? label : opts.mode;
  for (const v of svc.volumes) {
    const mode: VolumesMode = chosen === 'persistentVolumeClaim' && hostContent(v.host, v.container, opts.fs, opts.log) === 'configMap' ? 'configMap' : chosen;
    const readOnly = v.mode === 'ro';
    const volName = v.volumeName || v.pvcName.replace('claim', REPLACEMENT[mode]);
    const mount: Record<string, unknown> = { name: volName, mountPath: v.container };
    if (readOnly) mount.readOnly = true;
    let source: Record<string, unknown>;
    if (mode === 'emptyDir') source = { emptyDir: {} };
    else if (mode === 'hostPath') source = { hostPath: { path: v.host || opts.workingDir } };
    else if (mode === 'configMap') {
      const cm = configMapFromPath(name, volName, v.host, opts.fs);
      configMaps.push(cm);
      const ref: Record<string, unknown> = { name: volName };
      if (cm.metadata.annotations?.['use-subpath'] === 'true') {
        const key = Object.keys(cm.data as Record<string, string>)[0];
        const path = basename(v.container);
        ref.items = [{ key, path }];
        mount.subPath = path;
      }
      source = { configMap: ref };
    } else {
      const claim: Record<string, unknown> = { claimName: volName };
      if (readOnly) claim.readOnly = true;
      source = { persistentVolumeClaim: claim };
      out.objects.push(pvc(volName, v.mode, v.pvcSize || opts.pvcRequestSize || '100Mi', v.selector, v.storageClass));
    }
    if (svc.volumeSubPath) mount.subPath = svc.volumeSubPath;
    out.mounts.push(mount);
    out.volumes.push({ name: volName, ...source });
    if (v.host && mode !== 'hostPath' && mode !== 'configMap') opts.log.warn(`Volume mount on the host "${v.host}" isn't supported - ignoring path on the host`);
  }
  svc.tmpfs.forEach((t, i) => {
    const volName = `${name}-tmpfs${i}`;
    out.mounts.push({ name: volName, mountPath: t.split(':')[0] });
    out.volumes.push({ name: volName, emptyDir: { medium: 'Memory' } });
  });
  out.objects.push(...configMaps);
  return out;
}

function pvc(name: string, mode: string, size: string, selector: string, storageClass: string): KubeObject {
  const storage = canonicalQuantity(size);
  if (storage === undefined) {
    throw new KomposeFatal(`Error transforming Kubernetes objects: resource.ParseQuantity failed, Error parsing size: quantities must match the regular expression ${QUANTITY_REGEX_TEXT}`);
  }
  const spec: Record<string, unknown> = {
    accessModes: [mode === 'ro' ? 'ReadOnlyMany' : 'ReadWriteOnce'],
    resources: { requests: { storage } },
  };
  if (selector) spec.selector = { matchLabels: selectorLabels(selector) };
  if (storageClass) spec.storageClassName = storageClass;
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, labels: selectorLabels(name) }, spec };
}

/** a ConfigMap holding a bind-mounted directory's files, or one file (then mounted by subPath) */
function configMapFromPath(service: string, cmName: string, path: string, fs: KomposeFs): KubeObject {
  const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: cmName, labels: selectorLabels(service) } };
  if (path && fs.isDir(path)) {
    const data: Record<string, string> = {};
    for (const f of fs.list(path)) {
      const content = fs.isDir(`${path}/${f}`) ? undefined : fs.read(`${path}/${f}`);
      if (content !== undefined) data[f] = content;
    }
    cm.data = data;
    return cm;
  }
  const content = path ? fs.read(path) : undefined;
  if (content === undefined) throw new KomposeFatal(`Error transforming Kubernetes objects: stat ${path}: no such file or directory`);
  cm.data = { [basename(path)]: content };
  cm.metadata.annotations = { 'use-subpath': 'true' };
  return cm;
}
