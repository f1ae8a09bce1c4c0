// apps/v1 validation (pkg/apis/apps/validation): Deployment, ReplicaSet, DaemonSet specs, their
// templates against their selectors, and the selector's immutability on update.

import { FieldError } from '../errors';
import { forbidden, goIntOrString, goLabelSelector, goStringMap, invalid, notSupported, raw, required } from './field';
import { isSelectorEmpty, selectorMatches, validateLabelSelector } from './meta';
import { IMMUTABLE_ERROR, NEGATIVE_ERROR, isPercent } from './names';
import { deepEqual, validatePodTemplateSpec } from './pod';

const nonNegative = (value: unknown, path: string): FieldError[] =>
  typeof value === 'number' && value < 0 ? [invalid(path, value, NEGATIVE_ERROR)] : [];

/** Deployment and ReplicaSet: selector, template for a replica set, restart policy Always. */
function validateReplicatedSpec(spec: any, what: 'deployment'): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec.selector) {
    errs.push(required('spec.selector'));
  } else {
    errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
    if (isSelectorEmpty(spec.selector)) errs.push(invalid('spec.selector', raw(goLabelSelector(spec.selector)), `empty selector is invalid for ${what}`));
  }
  errs.push(...validateTemplateForReplicaSet(spec, 'spec.template', 'ReplicaSet'));
  return errs;
}

function validateTemplateForReplicaSet(spec: any, path: string, owner: string): FieldError[] {
  const errs: FieldError[] = [];
  const template = spec.template;
  if (!template) return [required(path)];
  const labels = template.metadata?.labels;
  // an empty selector selects everything; a missing one selects nothing
  if (!isSelectorEmpty(spec.selector) && !selectorMatches(spec.selector, labels)) {
    errs.push(invalid(`${path}.metadata.labels`, raw(goStringMap(labels)), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, path));
  const restart = template.spec?.restartPolicy;
  if (restart !== 'Always') errs.push(notSupported(`${path}.spec.restartPolicy`, String(restart ?? ''), ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(invalid(`${path}.spec.activeDeadlineSeconds`, template.spec.activeDeadlineSeconds, `activeDeadlineSeconds in ${owner} is not Supported`));
  }
  return errs;
}

export function validateDeployment(obj: any, old?: any): FieldError[] {
  const spec = obj.spec ?? {};
  const errs: FieldError[] = [...nonNegative(spec.replicas, 'spec.replicas')];
  errs.push(...validateReplicatedSpec(spec, 'deployment'));
  errs.push(...validateStrategy(spec.strategy ?? {}, 'spec.strategy'));
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (typeof spec.progressDeadlineSeconds === 'number') {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  if (old) errs.push(...immutableSelector(spec, old.spec));
  return errs;
}

export function validateReplicaSet(obj: any, old?: any): FieldError[] {
  const spec = obj.spec ?? {};
  const errs: FieldError[] = [...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds')];
  // the real code says "deployment" here too
  errs.push(...validateReplicatedSpec(spec, 'deployment'));
  if (old) errs.push(...immutableSelector(spec, old.spec));
  return errs;
}

export function validateDaemonSet(obj: any, old?: any): FieldError[] {
  const spec = obj.spec ?? {};
  // unlike Deployments, a missing DaemonSet selector is only reported as a mismatch
  const errs: FieldError[] = [...validateLabelSelector(spec.selector, 'spec.selector')];
  const labels = spec.template?.metadata?.labels;
  if (!isSelectorEmpty(spec.selector) && !selectorMatches(spec.selector, labels)) {
    errs.push(invalid('spec.template.metadata.labels', raw(goStringMap(labels)), '`selector` does not match template `labels`'));
  }
  if (spec.selector && isSelectorEmpty(spec.selector)) errs.push(invalid('spec.selector', raw(goLabelSelector(spec.selector)), 'empty selector is invalid for daemonset'));
  errs.push(...validatePodTemplateSpec(spec.template ?? {}, 'spec.template'));
  const restart = spec.template?.spec?.restartPolicy;
  if (restart !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', String(restart ?? ''), ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(invalid('spec.template.spec.activeDeadlineSeconds', spec.template.spec.activeDeadlineSeconds, 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...validateDaemonSetStrategy(spec.updateStrategy ?? {}, 'spec.updateStrategy'));
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (old) errs.push(...immutableSelector(spec, old.spec));
  return errs;
}

function immutableSelector(spec: any, oldSpec: any): FieldError[] {
  if (deepEqual(spec?.selector ?? null, oldSpec?.selector ?? null)) return [];
  return [invalid('spec.selector', raw(goLabelSelector(spec?.selector)), IMMUTABLE_ERROR)];
}

function validateStrategy(strategy: any, path: string): FieldError[] {
  switch (strategy.type) {
    case 'Recreate':
      return strategy.rollingUpdate ? [forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate':
      if (!strategy.rollingUpdate) return [required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
      return validateRollingUpdate(strategy.rollingUpdate, `${path}.rollingUpdate`);
    default: {
      const text = `apps.DeploymentStrategy{Type:${JSON.stringify(String(strategy.type ?? ''))}, RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`;
      return [notSupported(path, raw(text), ['Recreate', 'RollingUpdate'])];
    }
  }
}

function validateDaemonSetStrategy(strategy: any, path: string): FieldError[] {
  switch (strategy.type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate':
      if (!strategy.rollingUpdate) return [required(`${path}.rollingUpdate`)];
      return validateRollingUpdate(strategy.rollingUpdate, `${path}.rollingUpdate`);
    default:
      return [notSupported(`${path}.type`, String(strategy.type ?? ''), ['OnDelete', 'RollingUpdate'])];
  }
}

function intOrPercent(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.endsWith('%')) return Number(v.slice(0, -1));
  return NaN;
}

function validatePositiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') return isPercent(v).map((m) => invalid(path, v, m));
  return nonNegative(v, path);
}

function validateRollingUpdate(ru: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`));
  errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${path}.maxSurge`));
  const unavailable = intOrPercent(ru.maxUnavailable ?? 0);
  const surge = intOrPercent(ru.maxSurge ?? 0);
  if (unavailable === 0 && surge === 0) {
    errs.push(invalid(`${path}.maxUnavailable`, raw(goIntOrString(ru.maxUnavailable)), 'may not be 0 when `maxSurge` is 0'));
  }
  if (typeof ru.maxUnavailable === 'string' && intOrPercent(ru.maxUnavailable) > 100) {
    errs.push(invalid(`${path}.maxUnavailable`, ru.maxUnavailable, 'must not be greater than 100%'));
  }
  return errs;
}
