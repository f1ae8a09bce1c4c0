// ObjectMeta, labels, annotations and label selectors (apimachinery's ValidateObjectMeta,
// v1validation.ValidateLabels and ValidateLabelSelector).

import { FieldError } from '../errors';
import { forbidden, invalid, required } from './field';
import { NameValidator, NEGATIVE_ERROR, isDNS1123Label, isQualifiedName, isValidLabelValue } from './names';

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

export function validateObjectMeta(meta: any, namespaced: boolean, nameFn: NameValidator, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  meta ??= {};
  if (typeof meta.generateName === 'string' && meta.generateName) {
    for (const m of nameFn(meta.generateName, true)) errs.push(invalid(`${path}.generateName`, meta.generateName, m));
  }
  if (!meta.name) errs.push(required(`${path}.name`, 'name or generateName is required'));
  else for (const m of nameFn(String(meta.name), false)) errs.push(invalid(`${path}.name`, String(meta.name), m));
  if (namespaced) {
    if (!meta.namespace) errs.push(required(`${path}.namespace`));
    else for (const m of isDNS1123Label(String(meta.namespace))) errs.push(invalid(`${path}.namespace`, String(meta.namespace), m));
  } else if (meta.namespace) {
    errs.push(forbidden(`${path}.namespace`, 'not allowed on this type'));
  }
  if (typeof meta.generation === 'number' && meta.generation < 0) errs.push(invalid(`${path}.generation`, meta.generation, NEGATIVE_ERROR));
  errs.push(...validateLabels(meta.labels, `${path}.labels`));
  errs.push(...validateAnnotations(meta.annotations, `${path}.annotations`));
  errs.push(...validateOwnerReferences(meta.ownerReferences, `${path}.ownerReferences`));
  return errs;
}

/** Keys then values, key by key (sorted: Go's map order is random, ours is stable). */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(labels ?? {}).sort()) {
    for (const m of isQualifiedName(k)) errs.push(invalid(path, k, m));
    const v = String(labels![k] ?? '');
    for (const m of isValidLabelValue(v)) errs.push(invalid(path, v, m));
  }
  return errs;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const k of Object.keys(annotations ?? {}).sort()) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, m));
    size += k.length + String(annotations![k] ?? '').length;
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push({ field: path, detail: `Too long: may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes` });
  return errs;
}

function validateOwnerReferences(refs: any[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let controllers = 0;
  (refs ?? []).forEach((r) => {
    if (!r?.apiVersion) errs.push(invalid(`${path}.apiVersion`, r?.apiVersion ?? '', 'version must not be empty'));
    if (!r?.kind) errs.push(invalid(`${path}.kind`, r?.kind ?? '', 'kind must not be empty'));
    if (!r?.name) errs.push(invalid(`${path}.name`, r?.name ?? '', 'name must not be empty'));
    if (!r?.uid) errs.push(invalid(`${path}.uid`, r?.uid ?? '', 'uid must not be empty'));
    if (r?.controller) controllers++;
  });
  if (controllers > 1) errs.push(invalid(path, { go: 'raw', text: '[]v1.OwnerReference{...}' }, 'Only one reference can have Controller set to true'));
  return errs;
}

export function validateLabelSelector(sel: any, path: string): FieldError[] {
  if (!sel) return [];
  const errs: FieldError[] = validateLabels(sel.matchLabels, `${path}.matchLabels`);
  (sel.matchExpressions ?? []).forEach((e: any, i: number) => {
    const p = `${path}.matchExpressions[${i}]`;
    const op = e?.operator;
    if (op === 'In' || op === 'NotIn') {
      if (!e.values?.length) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (e.values?.length) errs.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalid(`${p}.operator`, String(op ?? ''), 'not a valid selector operator'));
    }
    for (const m of isQualifiedName(String(e?.key ?? ''))) errs.push(invalid(`${p}.key`, String(e?.key ?? ''), m));
    (e?.values ?? []).forEach((v: unknown, j: number) => {
      for (const m of isValidLabelValue(String(v))) errs.push(invalid(`${p}.values[${j}]`, String(v), m));
    });
  });
  return errs;
}

/** Whether labels satisfy a LabelSelector (nil selects nothing, empty selects everything). */
export function selectorMatches(sel: any, labels: Record<string, string> | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const values: string[] = e.values ?? [];
    if (e.operator === 'In' && !(has && values.includes(l[e.key]))) return false;
    if (e.operator === 'NotIn' && has && values.includes(l[e.key])) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

export function isSelectorEmpty(sel: any): boolean {
  return !!sel && !Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length;
}
