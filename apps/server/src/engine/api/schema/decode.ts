// What the API server's JSON decoder refuses. kubectl sends objects with their keys sorted (it
// marshals a map), so both walks visit keys in sorted order, which is the order of the errors.
//
// - unknownFields: `fieldValidation=Strict` (kubectl's default `--validate=strict`) reports
//   every field the schema does not define, as `spec.template.spec.containers[0].imagee`.
// - typeErrors: a value of the wrong JSON type, as encoding/json reports it:
//   `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`;
//   a bad quantity or Secret base64. The decoder stops at the first; it wins over unknown fields.

import { SCHEMA, SchemaField, SchemaType, rootType, shortName } from './data';
import { canonicalQuantity, parseQuantity } from '../validation/quantity';

/** Paths of the fields `obj` has that its kind's schema does not define, in decode order. */
export function unknownFields(obj: unknown): string[] {
  if (!isObject(obj)) return [];
  const root = rootType(String(obj.apiVersion ?? ''), String(obj.kind ?? ''));
  if (!root) return [];
  const out: string[] = [];
  walkUnknown(obj, root, '', out);
  return out;
}

function walkUnknown(value: Record<string, unknown>, type: SchemaType, path: string, out: string[]): void {
  for (const key of Object.keys(value).sort()) {
    const field = type.f[key];
    const p = path ? `${path}.${key}` : key;
    if (!field) {
      out.push(p);
      continue;
    }
    const v = value[key];
    if (!field.r || v === null || v === undefined) continue;
    const sub = SCHEMA.types[field.r];
    if (field.t.startsWith('[]')) {
      if (Array.isArray(v)) v.forEach((item, i) => isObject(item) && walkUnknown(item, sub, `${p}[${i}]`, out));
    } else if (field.t.startsWith('map[string]')) {
      if (isObject(v)) for (const k of Object.keys(v).sort()) if (isObject(v[k])) walkUnknown(v[k] as Record<string, unknown>, sub, `${p}[${k}]`, out);
    } else if (isObject(v)) {
      walkUnknown(v, sub, p, out);
    }
  }
}

/** The decoder's errors for `obj`, first one first (the API server reports only that one). */
export function typeErrors(obj: unknown): string[] {
  if (!isObject(obj)) return [];
  const kind = String(obj.kind ?? '');
  const root = rootType(String(obj.apiVersion ?? ''), kind);
  if (!root) return [];
  const out: string[] = [];
  // a Secret's data is []byte: base64, decoded as the first key after apiVersion
  if (kind === 'Secret' && isObject(obj.data)) {
    for (const k of Object.keys(obj.data).sort()) {
      const bad = base64Error(obj.data[k]);
      if (bad) out.push(bad);
    }
  }
  walkTypes(obj, root, kind, [], out);
  return out;
}

function walkTypes(value: Record<string, unknown>, type: SchemaType, structName: string, stack: string[], out: string[]): void {
  for (const key of Object.keys(value).sort()) {
    const field = type.f[key];
    if (!field || key === 'apiVersion' || key === 'kind') continue;
    checkValue(value[key], field, field.t, structName, [...stack, key], out);
  }
}

function checkValue(v: unknown, field: SchemaField, t: string, structName: string, stack: string[], out: string[]): void {
  if (v === null || v === undefined) return;
  const fail = (what: string): void => {
    out.push(`json: cannot unmarshal ${what} into Go struct field ${structName}.${stack.join('.')} of type ${goType(field, t)}`);
  };
  if (t.startsWith('[]')) {
    if (!Array.isArray(v)) return fail(jsonKind(v));
    for (const item of v) checkValue(item, field, t.slice(2), structName, stack, out);
    return;
  }
  if (t.startsWith('map[string]')) {
    if (!isObject(v)) return fail(jsonKind(v));
    const inner = t.slice('map[string]'.length);
    for (const k of Object.keys(v).sort()) checkValue(v[k], field, inner, structName, stack, out);
    return;
  }
  switch (t) {
    case 'string':
      if (typeof v !== 'string') fail(jsonKind(v));
      return;
    case 'boolean':
      if (typeof v !== 'boolean') fail(jsonKind(v));
      return;
    case 'integer': {
      if (typeof v !== 'number') return fail(jsonKind(v));
      const bits = field.g === 'int32' ? 31 : 63;
      if (!Number.isInteger(v) || Math.abs(v) > 2 ** bits) fail(`number ${String(v)}`);
      return;
    }
    case 'number':
      if (typeof v !== 'number') fail(jsonKind(v));
      return;
    case 'Quantity': {
      // resource.Quantity's own UnmarshalJSON parses any non-string as a bare quantity; its
      // error is the whole message
      const q = parseQuantity(typeof v === 'string' || typeof v === 'number' ? v : JSON.stringify(v));
      if ('error' in q) out.push(q.error);
      return;
    }
    case 'IntOrString':
      if (typeof v === 'string') return;
      if (typeof v !== 'number') out.push(`json: cannot unmarshal ${jsonKind(v)} into Go value of type int32`);
      else if (!Number.isInteger(v) || Math.abs(v) > 2 ** 31) out.push(`json: cannot unmarshal number ${String(v)} into Go value of type int32`);
      return;
    default:
      if (!field.r) return; // opaque (RawExtension, FieldsV1)
      if (!isObject(v)) return fail(jsonKind(v));
      walkTypes(v, SCHEMA.types[field.r], t, stack, out);
  }
}

/** The Go type encoding/json names: int32, []v1.Container, map[string]string, v1.PodSpec */
function goType(field: SchemaField, t: string): string {
  if (t.startsWith('[]')) return `[]${goType(field, t.slice(2))}`;
  if (t.startsWith('map[string]')) return `map[string]${goType(field, t.slice('map[string]'.length))}`;
  switch (t) {
    case 'string':
      return field.s === 'Time' || field.s === 'MicroTime' ? `v1.${field.s}` : 'string';
    case 'boolean':
      return 'bool';
    case 'integer':
    case 'number':
      return field.g ?? 'int64';
    case 'Quantity':
      return 'resource.Quantity';
    case 'IntOrString':
      return 'intstr.IntOrString';
    default:
      return field.r ? `v1.${shortName(field.r)}` : `runtime.${t}`;
  }
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return 'object';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Go's base64.StdEncoding errors, as a Secret's []byte data decodes them. */
function base64Error(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const alphabet = /[A-Za-z0-9+/]/;
  let i = 0;
  for (; i < v.length; i++) {
    const ch = v[i];
    if (ch === '\r' || ch === '\n') continue;
    if (!alphabet.test(ch)) break;
  }
  if (i === v.length) {
    const clean = v.replace(/[\r\n]/g, '');
    return clean.length % 4 === 0 ? undefined : `illegal base64 data at input byte ${clean.length - (clean.length % 4)}`;
  }
  if (v[i] !== '=') return `illegal base64 data at input byte ${i}`;
  // padding must end the quantum
  const clean = v.replace(/[\r\n]/g, '');
  const pad = clean.length - clean.replace(/=+$/, '').length;
  const body = clean.slice(0, clean.length - pad);
  if (/[^A-Za-z0-9+/]/.test(body) || clean.length % 4 !== 0 || pad > 2) return `illegal base64 data at input byte ${i}`;
  return undefined;
}

/**
 * Rewrites every Quantity in `obj` (resources, capacity, sizeLimit, divisor...) to the canonical
 * form the API server stores, as its decode and encode round trip does: `cpu: 0.5` is kept as
 * `500m`, `memory: 1024Mi` as `1Gi`, a number as a string. Mutates `obj`.
 */
export function canonicalizeQuantities(obj: unknown): void {
  if (!isObject(obj)) return;
  const root = rootType(String(obj.apiVersion ?? ''), String(obj.kind ?? ''));
  if (root) walkQuantities(obj, root);
}

/** Whether a type holds a Quantity anywhere below it: the walk skips the subtrees that do not. */
const quantityTypes = new Map<string, boolean>();

function holdsQuantity(typeId: string): boolean {
  const known = quantityTypes.get(typeId);
  if (known !== undefined) return known;
  quantityTypes.set(typeId, false); // a cycle holds nothing new
  const t = SCHEMA.types[typeId];
  const result = !!t && Object.values(t.f).some((f) => f.s === 'Quantity' || (f.r !== undefined && holdsQuantity(f.r)));
  quantityTypes.set(typeId, result);
  return result;
}

function walkQuantities(value: Record<string, unknown>, type: SchemaType): void {
  for (const key in value) {
    const field = type.f[key];
    if (!field || (field.s !== 'Quantity' && (field.r === undefined || !holdsQuantity(field.r)))) continue;
    const v = value[key];
    if (v === null || v === undefined) continue;
    if (field.s === 'Quantity') {
      value[key] = mapQuantities(v, field.t);
    } else if (field.r) {
      const sub = SCHEMA.types[field.r];
      if (field.t.startsWith('[]') && Array.isArray(v)) v.forEach((item) => isObject(item) && walkQuantities(item, sub));
      else if (field.t.startsWith('map[string]') && isObject(v)) Object.values(v).forEach((item) => isObject(item) && walkQuantities(item, sub));
      else if (isObject(v)) walkQuantities(v, sub);
    }
  }
}

function mapQuantities(v: unknown, t: string): unknown {
  if (t.startsWith('[]')) return Array.isArray(v) ? v.map((x) => mapQuantities(x, t.slice(2))) : v;
  if (t.startsWith('map[string]')) {
    if (!isObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = mapQuantities(x, t.slice('map[string]'.length));
    return out;
  }
  return typeof v === 'string' || typeof v === 'number' ? canonicalQuantity(v) : v;
}
