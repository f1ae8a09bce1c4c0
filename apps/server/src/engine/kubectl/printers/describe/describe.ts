// `kubectl describe` output for one object: the describer registry (describe.go describerMap) and
// the entry point the describe verb calls. Each describer is a pure function of the object and
// what DescribeContext lets it look up.
import type {
  ConfigMap,
  DaemonSet,
  Deployment,
  Endpoints,
  KubeObject,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  ReplicaSet,
  Secret,
  Service,
} from '../../../api/types';
import { describeConfigMap, describeNamespace, describeSecret, describeServiceAccount } from './describe-config';
import type { DescribeContext } from './describe-context';
import { describeGeneric } from './describe-generic';
import { describeEndpoints, describeEndpointSlice, describeService, EndpointSlice } from './describe-network';
import { describeNode } from './describe-node';
import { describePod } from './describe-pod';
import { describeBindingObject, describeRoleObject } from './describe-rbac';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './describe-storage';
import { describeDaemonSet, describeDeployment, describeReplicaSet } from './describe-workloads';

export type { DescribeContext } from './describe-context';
export { contextFromObjects, eventsMatching } from './describe-context';

type Describer = (obj: KubeObject, ctx: DescribeContext) => string;

// keyed by `group/Kind` ('' for the core group), as kubectl's describerMap is by GroupKind
const DESCRIBERS: Readonly<Record<string, Describer>> = {
  '/Pod': (o, c) => describePod(o as Pod, c),
  '/Node': (o, c) => describeNode(o as Node, c),
  '/Service': (o, c) => describeService(o as Service, c),
  '/Endpoints': (o, c) => describeEndpoints(o as Endpoints, c),
  '/Namespace': (o, c) => describeNamespace(o as Namespace, c),
  '/ConfigMap': (o, c) => describeConfigMap(o as ConfigMap, c),
  '/Secret': (o, c) => describeSecret(o as Secret, c),
  '/ServiceAccount': (o, c) => describeServiceAccount(o, c),
  '/PersistentVolume': (o, c) => describePersistentVolume(o as PersistentVolume, c),
  '/PersistentVolumeClaim': (o, c) => describePersistentVolumeClaim(o as PersistentVolumeClaim, c),
  'apps/Deployment': (o, c) => describeDeployment(o as Deployment, c),
  'apps/ReplicaSet': (o, c) => describeReplicaSet(o as ReplicaSet, c),
  'apps/DaemonSet': (o, c) => describeDaemonSet(o as DaemonSet, c),
  'discovery.k8s.io/EndpointSlice': (o, c) => describeEndpointSlice(o as EndpointSlice, c),
  'storage.k8s.io/StorageClass': describeStorageClass,
  'rbac.authorization.k8s.io/Role': describeRoleObject,
  'rbac.authorization.k8s.io/ClusterRole': describeRoleObject,
  'rbac.authorization.k8s.io/RoleBinding': describeBindingObject,
  'rbac.authorization.k8s.io/ClusterRoleBinding': describeBindingObject,
};

function groupOf(apiVersion: string | undefined): string {
  const v = apiVersion ?? '';
  const i = v.indexOf('/');
  return i < 0 ? '' : v.slice(0, i);
}

/** True when kubectl has a typed describer for the object's kind (others use the generic one). */
export function hasTypedDescriber(obj: KubeObject): boolean {
  return `${groupOf(obj.apiVersion)}/${obj.kind}` in DESCRIBERS;
}

/**
 * The text `kubectl describe` prints for one object (ending in a newline). Kinds without a typed
 * describer (Event, Lease, …) get kubectl's generic describer. The verb separates several objects
 * with a blank line, as kubectl does.
 */
export function describe(obj: KubeObject, ctx: DescribeContext): string {
  const fn = DESCRIBERS[`${groupOf(obj.apiVersion)}/${obj.kind}`];
  return fn ? fn(obj, ctx) : describeGeneric(obj, ctx);
}

/** Several objects as one `kubectl describe` prints them: each text, separated by a blank line pair. */
export function describeAll(objs: readonly KubeObject[], ctx: DescribeContext): string {
  return objs.map((o) => describe(o, ctx)).join('\n\n');
}
