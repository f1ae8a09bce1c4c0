// Pod and pod-template defaulting, as k8s.io/kubernetes pkg/apis/core/v1/defaults.go does it
// (SetDefaults_PodSpec, _Container, _Probe, _HTTPGetAction, _Volume and the volume sources).
// Pod-only defaults (enableServiceLinks, requests from limits, priority) live in defaultPod:
// a Deployment's template never shows them.

import { Container, Pod, PodSpec, Probe, Volume } from '../types';

/** The PriorityClasses every cluster has. */
export const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

/** Mode 0644, as the API writes it: the JSON has no octal. */
const DEFAULT_MODE = 420;

export function defaultPod(pod: Pod): void {
  pod.spec ??= { containers: [] };
  const spec = pod.spec;
  // requests default to limits (SetDefaults_Pod), before the spec defaults
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits || !Object.keys(limits).length) continue;
    const requests = (c.resources!.requests ??= {});
    for (const [k, v] of Object.entries(limits)) if (requests[k] === undefined) requests[k] = v;
  }
  spec.enableServiceLinks ??= true;
  if (spec.hostNetwork) {
    // defaultHostNetworkPorts: a host-network pod's ports are host ports
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const p of c.ports ?? []) if (p.hostPort === undefined || p.hostPort === 0) p.hostPort = p.containerPort;
    }
  }
  defaultPodSpec(spec);
  // the Priority admission plugin: the built-in classes, or 0 when none is named (a kubeadm
  // cluster has no global default class)
  const classPriority = spec.priorityClassName ? SYSTEM_PRIORITY_CLASSES[spec.priorityClassName] : 0;
  if (classPriority !== undefined) spec.priority ??= classPriority;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  // the registry's PrepareForCreate; a stored pod's status is kept on update
  if (!pod.status || !pod.status.phase) pod.status = { ...(pod.status ?? {}), phase: 'Pending', qosClass: qosClass(spec) };
}

// the empty objects nearly every pod is defaulted with: one frozen object each for all pods
// (stored objects are never changed in place; a command that edits one edits its own copy)
const NO_SECURITY_CONTEXT = Object.freeze({});
const NO_RESOURCES = Object.freeze({});

export function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  spec.securityContext ??= NO_SECURITY_CONTEXT;
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ||= 'default-scheduler';
  // the v1 conversion: serviceAccount, the deprecated alias, is read when serviceAccountName is
  // empty and always written back equal to it (so a template shows both)
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  else if (spec.serviceAccount !== undefined) delete spec.serviceAccount;
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of (spec.ephemeralContainers as Container[] | undefined) ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

export function defaultContainer(c: Container): void {
  // an unparsable or empty image has no tag: IfNotPresent (validation reports the image)
  c.imagePullPolicy ||= imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  c.resources ??= NO_RESOURCES;
  for (const p of c.ports ?? []) p.protocol ||= 'TCP';
  for (const e of c.env ?? []) {
    if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ||= 'v1';
    if (e.valueFrom?.resourceFieldRef) e.valueFrom.resourceFieldRef.divisor ??= '0';
  }
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe) defaultProbe(probe);
  const lifecycle = c.lifecycle as { postStart?: Probe; preStop?: Probe } | undefined;
  for (const h of [lifecycle?.postStart, lifecycle?.preStop]) if (h?.httpGet) defaultHttpGet(h.httpGet);
}

/**
 * The tag as the kubelet's image parser sees it: `latest` when none is given and there is no
 * digest; `` for a digest-only reference (which then pulls IfNotPresent).
 */
export function imageTag(image: string): string {
  if (!image) return '';
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash) return name.slice(colon + 1);
  return at >= 0 ? '' : 'latest';
}

function defaultProbe(p: Probe): void {
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (p.httpGet) defaultHttpGet(p.httpGet);
}

function defaultHttpGet(h: NonNullable<Probe['httpGet']>): void {
  h.path ||= '/';
  h.scheme ||= 'HTTP';
}

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];

export function defaultVolume(v: Volume): void {
  if (!VOLUME_SOURCES.some((s) => v[s] !== undefined && v[s] !== null)) v.emptyDir = {};
  if (v.hostPath) v.hostPath.type ??= '';
  if (v.secret) v.secret.defaultMode ??= DEFAULT_MODE;
  if (v.configMap) v.configMap.defaultMode ??= DEFAULT_MODE;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= DEFAULT_MODE;
    for (const item of v.downwardAPI.items ?? []) defaultDownwardItem(item);
  }
  if (v.projected) {
    v.projected.defaultMode ??= DEFAULT_MODE;
    for (const src of v.projected.sources ?? []) {
      if (src?.serviceAccountToken) src.serviceAccountToken.expirationSeconds ??= 3600;
      for (const item of src?.downwardAPI?.items ?? []) defaultDownwardItem(item);
    }
  }
  const iscsi = v.iscsi as { iscsiInterface?: string } | undefined;
  if (iscsi) iscsi.iscsiInterface ||= 'default';
}

function defaultDownwardItem(item: { fieldRef?: { apiVersion?: string }; resourceFieldRef?: { divisor?: string } }): void {
  if (item?.fieldRef) item.fieldRef.apiVersion ||= 'v1';
  if (item?.resourceFieldRef) item.resourceFieldRef.divisor ??= '0';
}

/** pkg/apis/core/helper/qos: Guaranteed, Burstable or BestEffort from requests and limits. */
export function qosClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  const tracked = (k: string): boolean => k === 'cpu' || k === 'memory';
  const requests: Record<string, boolean> = {};
  const limits: Record<string, boolean> = {};
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const [k, v] of Object.entries(req)) if (tracked(k) && !isZero(v)) requests[k] = true;
    const present = new Set<string>();
    for (const [k, v] of Object.entries(lim)) {
      if (!tracked(k) || isZero(v)) continue;
      limits[k] = true;
      present.add(k);
    }
    if (!present.has('cpu') || !present.has('memory')) guaranteed = false;
    for (const k of ['cpu', 'memory']) if (req[k] !== undefined && lim[k] !== undefined && req[k] !== lim[k]) guaranteed = false;
  }
  if (!Object.keys(requests).length && !Object.keys(limits).length) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function isZero(q: string | number): boolean {
  return /^[+-]?0*(\.0*)?([a-zA-Z]+|[eE][+-]?\d+)?$/.test(String(q));
}
