// Pod spec validation in the order of pkg/apis/core/validation ValidatePodSpec: volumes, then
// containers, init containers, restart and DNS policy, node selector, affinity, service account,
// and the scalar fields; and ValidatePodUpdate's rule of what may change.

import { FieldError } from '../errors';
import { forbidden, invalid, required } from './field';
import { validateLabels, validateAnnotations } from './meta';
import { inclusiveRangeError, isDNS1123Subdomain } from './names';
import { validateAffinity } from './affinity';
import { dnsLabel, nonNegative, validateEnum } from './pod-common';
import { validateVolumes } from './volumes';
import { validateContainers, validateInitContainers } from './containers';
import { validateToleration } from './tolerations';

export { validatePortNumOrName } from './containers';
export { TAINT_EFFECTS, validateTaintEffect } from './tolerations';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];

export function validatePodSpec(spec: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  spec ??= {};
  const { errs: volErrs, names: volumes } = validateVolumes(spec.volumes, `${path}.volumes`);
  errs.push(...volErrs);
  errs.push(...validateContainers(spec.containers, volumes, `${path}.containers`));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, volumes, `${path}.initContainers`));
  errs.push(...validateEnum(spec.restartPolicy, RESTART_POLICIES, `${path}.restartPolicy`));
  errs.push(...validateEnum(spec.dnsPolicy, DNS_POLICIES, `${path}.dnsPolicy`));
  if (spec.dnsPolicy === 'None' && !spec.dnsConfig) errs.push(required(`${path}.dnsConfig`, "must provide `dnsConfig` when `dnsPolicy` is None"));
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  errs.push(...validateAffinity(spec.affinity, `${path}.affinity`));
  if (spec.serviceAccountName) {
    for (const m of isDNS1123Subdomain(spec.serviceAccountName)) errs.push(invalid(`${path}.serviceAccountName`, spec.serviceAccountName, m));
  }
  if (spec.nodeName) for (const m of isDNS1123Subdomain(spec.nodeName)) errs.push(invalid(`${path}.nodeName`, spec.nodeName, m));
  if (typeof spec.activeDeadlineSeconds === 'number' && (spec.activeDeadlineSeconds < 1 || spec.activeDeadlineSeconds > 2147483647)) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, inclusiveRangeError(1, 2147483647)));
  }
  if (spec.hostname) errs.push(...dnsLabel(spec.hostname, `${path}.hostname`));
  if (spec.subdomain) errs.push(...dnsLabel(spec.subdomain, `${path}.subdomain`));
  (spec.tolerations ?? []).forEach((t: any, i: number) => errs.push(...validateToleration(t, `${path}.tolerations[${i}]`)));
  errs.push(...nonNegative(spec.terminationGracePeriodSeconds, `${path}.terminationGracePeriodSeconds`));
  return errs;
}

export function validatePodTemplateSpec(template: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateLabels(template?.metadata?.labels, `${path}.metadata.labels`));
  errs.push(...validateAnnotations(template?.metadata?.annotations, `${path}.metadata.annotations`));
  errs.push(...validatePodSpec(template?.spec, `${path}.spec`));
  if (template?.spec?.ephemeralContainers?.length) errs.push(forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  return errs;
}


export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** ValidatePodUpdate's spec half: only images, deadlines and added tolerations may change. */
export function validatePodSpecUpdate(spec: any, old: any): FieldError[] {
  const errs: FieldError[] = [];
  const cs = spec?.containers ?? [];
  const oldCs = old?.containers ?? [];
  if (cs.length !== oldCs.length) return [forbidden('spec.containers', 'pod updates may not add or remove containers')];
  const inits = spec?.initContainers ?? [];
  const oldInits = old?.initContainers ?? [];
  if (inits.length !== oldInits.length) return [forbidden('spec.initContainers', 'pod updates may not add or remove containers')];
  const oldTols: any[] = old?.tolerations ?? [];
  const newTols: any[] = spec?.tolerations ?? [];
  for (const o of oldTols) {
    const kept = newTols.some((n) => n?.key === o.key && n?.operator === o.operator && n?.value === o.value && n?.effect === o.effect);
    if (!kept) {
      errs.push(forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));
      break;
    }
  }
  // the real code copies the updatable fields from the old pod into the new spec and compares;
  // comparing around them gives the same answer without the copy
  const UPDATABLE = new Set(['containers', 'initContainers', 'activeDeadlineSeconds', 'tolerations', 'terminationGracePeriodSeconds']);
  const sameBesides = (a: any, b: any, skip: (k: string) => boolean): boolean => {
    for (const k of new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])) if (!skip(k) && !deepEqual(a?.[k], b?.[k])) return false;
    return true;
  };
  const sameContainers = (x: any[], y: any[]): boolean => x.every((c, i) => sameBesides(c, y[i], (k) => k === 'image'));
  const graceOk =
    deepEqual(spec?.terminationGracePeriodSeconds, old?.terminationGracePeriodSeconds) ||
    (old?.terminationGracePeriodSeconds < 0 && spec?.terminationGracePeriodSeconds === 1);
  const same =
    sameBesides(spec, old, (k) => UPDATABLE.has(k)) &&
    sameContainers(cs, oldCs) &&
    sameContainers(inits, oldInits) &&
    graceOk;
  if (!same) errs.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
  return errs;
}

/** JSON equality that ignores key order and treats a missing key as undefined. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!deepEqual(ao[k], bo[k])) return false;
  return true;
}
