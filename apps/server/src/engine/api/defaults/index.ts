// Defaulting as a v1.32 API server applies it on every create and update: the SetDefaults_*
// functions of pkg/apis/*/v1 plus the few registry strategies that fill fields on write
// (Namespace finalizers, Service IP families, Secret stringData). ClusterIP and NodePort
// allocation are the service allocator's; ServiceAccount and toleration admission are in
// ./admission.ts.

import { KubeObject, Pod, PodTemplateSpec, Secret, Service } from '../types';
import { defaultPod, defaultPodSpec } from './pod';
import { encodeBase64 } from './base64';
import { canonicalizeQuantities } from '../schema/decode';

export { admitPod, admitServiceAccount, admitDefaultTolerations, missingPriorityClass, missingServiceAccount, SERVICE_ACCOUNT_MOUNT_PATH } from './admission';
export { SYSTEM_PRIORITY_CLASSES, imageTag, qosClass } from './pod';

type Defaulter = (obj: any) => void;

const DEFAULTERS: Record<string, Defaulter> = {
  'v1/Pod': (o: Pod) => defaultPod(o),
  'apps/v1/Deployment': defaultDeployment,
  'apps/v1/ReplicaSet': (o) => {
    o.spec ??= {};
    o.spec.replicas ??= 1;
    defaultTemplate(o.spec);
  },
  'apps/v1/DaemonSet': defaultDaemonSet,
  'v1/Service': (o: Service) => defaultService(o),
  'v1/Endpoints': (o) => {
    for (const s of o.subsets ?? []) for (const p of s?.ports ?? []) p.protocol ||= 'TCP';
  },
  'discovery.k8s.io/v1/EndpointSlice': (o) => {
    for (const p of o.ports ?? []) {
      p.name ??= '';
      p.protocol ??= 'TCP';
    }
  },
  'v1/PersistentVolume': (o) => {
    o.spec ??= {};
    o.spec.persistentVolumeReclaimPolicy ||= 'Retain';
    o.spec.volumeMode ||= 'Filesystem';
    if (o.spec.hostPath) o.spec.hostPath.type ??= '';
    o.status ??= {};
    o.status.phase ||= 'Pending';
  },
  'v1/PersistentVolumeClaim': (o) => {
    o.spec ??= {};
    o.spec.volumeMode ||= 'Filesystem';
    o.status ??= {};
    o.status.phase ||= 'Pending';
  },
  'v1/Secret': (o: Secret) => defaultSecret(o),
  'v1/Namespace': (o) => {
    // NamespaceDefaultLabelName: the name is always a label, so selectors can pick namespaces
    if (o.metadata?.name) o.metadata.labels = { ...(o.metadata.labels ?? {}), 'kubernetes.io/metadata.name': o.metadata.name };
    o.spec ??= {};
    if (!o.spec.finalizers?.includes('kubernetes')) o.spec.finalizers = [...(o.spec.finalizers ?? []), 'kubernetes'];
    o.status ??= {};
    o.status.phase ||= 'Active';
  },
  'v1/Node': (o) => {
    if (o.status?.capacity && !o.status.allocatable) o.status.allocatable = { ...o.status.capacity };
  },
  'storage.k8s.io/v1/StorageClass': (o) => {
    o.reclaimPolicy ||= 'Delete';
    o.volumeBindingMode ||= 'Immediate';
  },
  'rbac.authorization.k8s.io/v1/RoleBinding': defaultBinding,
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': defaultBinding,
};

/** Fills in what the API server's defaulting adds. Mutates `obj`, which must be a fresh copy. */
export function applyDefaults(obj: KubeObject): void {
  obj.metadata ??= {};
  DEFAULTERS[`${obj.apiVersion}/${obj.kind}`]?.(obj);
  // the decode/encode round trip stores quantities in canonical form (after requests are
  // copied from limits, so both are canonical)
  canonicalizeQuantities(obj);
}

function defaultTemplate(spec: { template?: PodTemplateSpec }): void {
  spec.template ??= { spec: { containers: [] } };
  const t = spec.template;
  // a template's ObjectMeta is a struct with a non-pointer Time: v1.32 prints it as null
  t.metadata ??= {};
  if (t.metadata.creationTimestamp === undefined) t.metadata.creationTimestamp = null;
  t.spec ??= { containers: [] };
  defaultPodSpec(t.spec);
}

function defaultDeployment(o: any): void {
  o.spec ??= {};
  const spec = o.spec;
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ||= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(spec);
}

function defaultDaemonSet(o: any): void {
  o.spec ??= {};
  const spec = o.spec;
  spec.updateStrategy ??= {};
  spec.updateStrategy.type ||= 'RollingUpdate';
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {};
    spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultTemplate(spec);
}

function defaultService(svc: Service): void {
  svc.spec ??= {};
  const spec = svc.spec;
  spec.type ||= 'ClusterIP';
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = ((spec.sessionAffinityConfig as any) ??= {});
    cfg.clientIP ??= {};
    cfg.clientIP.timeoutSeconds ??= 10800;
  }
  for (const p of spec.ports ?? []) {
    p.protocol ||= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ||= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  // the registry's IP family logic, for this single-stack IPv4 cluster
  if (spec.type === 'ExternalName') {
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
  } else {
    const headlessWithoutSelector = spec.clusterIP === 'None' && !Object.keys(spec.selector ?? {}).length;
    spec.ipFamilyPolicy ||= headlessWithoutSelector ? 'RequireDualStack' : 'SingleStack';
    if (!spec.ipFamilies?.length) spec.ipFamilies = ['IPv4'];
  }
  svc.status ??= {};
  svc.status.loadBalancer ??= {};
}

function defaultSecret(s: Secret): void {
  s.type ||= 'Opaque';
  // stringData is write-only: the registry merges it into data, stringData wins
  if (s.stringData && typeof s.stringData === 'object') {
    const data = { ...(s.data ?? {}) };
    for (const [k, v] of Object.entries(s.stringData)) data[k] = encodeBase64(String(v));
    s.data = data;
  }
  delete s.stringData;
}

/**
 * SetDefaults_RoleBinding (roleRef.apiGroup) and SetDefaults_Subject; a ServiceAccount's group
 * stays "", which the subject's `apiGroup,omitempty` leaves out of what the API server returns.
 */
function defaultBinding(o: any): void {
  if (o.roleRef && typeof o.roleRef === 'object' && !o.roleRef.apiGroup) o.roleRef.apiGroup = 'rbac.authorization.k8s.io';
  for (const s of o.subjects ?? []) {
    if (!s || (s.apiGroup !== undefined && s.apiGroup !== '')) continue;
    if (s.kind === 'User' || s.kind === 'Group') s.apiGroup = 'rbac.authorization.k8s.io';
    else delete s.apiGroup;
  }
}
