// Validation as a v1.32 API server runs it after defaulting: ObjectMeta with the kind's name
// rule, then the kind's own checks, then (on update) what may not change. The messages are
// apimachinery's field errors; the API server wraps them into `The Pod "x" is invalid: ...`.

import { FieldError } from '../errors';
import { KubeObject } from '../types';
import { resourceForKind } from '../resources';
import { IMMUTABLE_ERROR, NameValidator, nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, nameIsPathSegment } from './names';
import { invalid } from './field';
import { validateObjectMeta } from './meta';
import { deepEqual, validatePodSpec, validatePodSpecUpdate } from './pod';
import { validateDaemonSet, validateDeployment, validateReplicaSet } from './workloads';
import { validateService } from './service';
import { validateBindingUpdate } from './rbac';
import {
  validateConfigMap,
  validateNode,
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validateSecret,
  validateStorageClass,
} from './config';

type KindValidator = (obj: any, old?: any) => FieldError[];

interface KindRule {
  name: NameValidator;
  validate?: KindValidator;
}

const KINDS: Record<string, KindRule> = {
  Pod: {
    name: nameIsDNSSubdomain,
    validate: (o, old) => [...validatePodSpec(o.spec, 'spec'), ...(old ? validatePodSpecUpdate(o.spec, old.spec) : [])],
  },
  Deployment: { name: nameIsDNSSubdomain, validate: validateDeployment },
  ReplicaSet: { name: nameIsDNSSubdomain, validate: validateReplicaSet },
  DaemonSet: { name: nameIsDNSSubdomain, validate: validateDaemonSet },
  Service: { name: nameIsDNS1035Label, validate: (o) => validateService(o) },
  Namespace: { name: nameIsDNSLabel },
  ConfigMap: { name: nameIsDNSSubdomain, validate: validateConfigMap },
  Secret: { name: nameIsDNSSubdomain, validate: validateSecret },
  PersistentVolume: { name: nameIsDNSSubdomain, validate: (o) => validatePersistentVolume(o) },
  PersistentVolumeClaim: { name: nameIsDNSSubdomain, validate: validatePersistentVolumeClaim },
  StorageClass: { name: nameIsDNSSubdomain, validate: validateStorageClass },
  Node: { name: nameIsDNSSubdomain, validate: (o) => validateNode(o) },
  ClusterRole: { name: nameIsPathSegment },
  ClusterRoleBinding: { name: nameIsPathSegment, validate: validateBindingUpdate },
  Role: { name: nameIsPathSegment },
  RoleBinding: { name: nameIsPathSegment, validate: validateBindingUpdate },
};

/** Kinds whose own validation reads only `spec` (and, for claims, status only on spec changes). */
const SPEC_ONLY = new Set(['Pod', 'Deployment', 'ReplicaSet', 'DaemonSet', 'Service', 'PersistentVolume', 'PersistentVolumeClaim', 'Node']);

/** Field errors for a defaulted object (and, on update, the stored one), in the real order. */
export function validateObject(obj: KubeObject, old?: KubeObject): FieldError[] {
  const info = resourceForKind(obj.apiVersion, obj.kind);
  const rule = KINDS[obj.kind] ?? { name: nameIsDNSSubdomain };
  const errs = validateObjectMeta(obj.metadata, info?.namespaced ?? true, rule.name);
  if (old && obj.metadata?.name !== old.metadata?.name) {
    errs.push(invalid('metadata.name', String(obj.metadata?.name ?? ''), IMMUTABLE_ERROR));
  }
  // an update that leaves the spec as stored (a status or metadata write, the common case for
  // controllers) cannot make a spec-only kind invalid: the stored spec was validated
  if (old && SPEC_ONLY.has(obj.kind) && deepEqual(obj.spec, old.spec)) return errs;
  if (rule.validate) errs.push(...rule.validate(obj, old));
  return errs;
}

export { goStringMap, goQuote, goLabelSelector } from './field';
export { isDNS1123Label, isDNS1123Subdomain, isDNS1035Label, isQualifiedName, isValidLabelValue } from './names';
export { parseQuantity, quantityValue } from './quantity';
