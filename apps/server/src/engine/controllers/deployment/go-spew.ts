// The text hashutil.DeepHashObject feeds to the hasher for a pod template: go-spew's `%#v`
// (ConfigState{Indent: " ", SortKeys: true, DisableMethods: true, SpewKeys: true}) of the Go
// value v1.PodTemplateSpec that kube-controller-manager decoded from the API server. Every field
// of every struct is printed in declaration order with its Go type, nil pointers, slices and maps
// as `<nil>`, so the text depends on the Go types (go-types.ts), not only on the JSON.
//
// From JSON to that Go value, as the controller sees it after the API server stored the object
// (protobuf in etcd and on the wire): an absent or empty list or map is nil, an absent pointer is
// nil and a present one points at the value (`{}` at a zero struct), an absent scalar is its
// zero value, an IntOrString is {Type, IntVal, StrVal}, and a Quantity is what ParseQuantity
// makes of its stored (canonical) text: int64Amount{value, scale}, or an inf.Dec when the fast
// path does not apply, and the text itself kept in `s` when it is in canonical form.
//
// Not modelled: a non-null time inside a template (metadata.creationTimestamp and the like;
// the controller's copy points at the process's time.Location, which spew prints field by
// field). Templates carry none; such a time is printed as the zero time.

import { INT64_MAX, int64FastPath, interpretSuffix, splitQuantity } from '../../api/quantity';
import { GO_TYPES } from './go-types';

type Def =
  | { kind: 'bool' | 'int' | 'uint' | 'string' }
  | { kind: 'ptr' | 'slice'; elem: string }
  | { kind: 'map'; key: string; elem: string }
  | { kind: 'struct'; fields: Field[] };

interface Field {
  /** the Go field name spew prints (the type's name for an embedded field) */
  name: string;
  type: string;
  /** the JSON key, or undefined when the field has no JSON tag of its own */
  json?: string;
  /** `json:",inline"`: the field's fields sit in the parent's JSON object */
  inline: boolean;
}

/** A Go value: nil is null, a pointer is its target, a struct or map an object, a slice an array. */
export type GoValue = null | boolean | number | bigint | string | GoValue[] | { [k: string]: GoValue };

const defs = new Map<string, Def>();

function def(type: string): Def {
  let d = defs.get(type);
  if (d) return d;
  d = parseDef(type);
  defs.set(type, d);
  return d;
}

function parseDef(type: string): Def {
  if (type.startsWith('*')) return { kind: 'ptr', elem: type.slice(1) };
  if (type.startsWith('[]')) return { kind: 'slice', elem: type.slice(2) };
  if (type.startsWith('map[')) {
    let depth = 0;
    for (let i = 3; i < type.length; i++) {
      if (type[i] === '[') depth++;
      else if (type[i] === ']' && --depth === 0) return { kind: 'map', key: type.slice(4, i), elem: type.slice(i + 1) };
    }
  }
  const t = GO_TYPES[type];
  if (t === undefined) throw new Error(`go-spew: unknown Go type ${type}`);
  if (typeof t !== 'string') {
    return {
      kind: 'struct',
      fields: t.map((f) => {
        const [name, ftype, tag] = f.split(' ');
        const key = tag.split(',')[0];
        return { name, type: ftype, json: tag === '-' ? undefined : key || undefined, inline: tag === ',inline' };
      }),
    };
  }
  const [kind, a, b] = t.split(' ');
  if (kind === 'ptr' || kind === 'slice') return { kind, elem: a };
  if (kind === 'map') return { kind, key: a, elem: b };
  if (kind === 'bool' || kind === 'string') return { kind };
  return { kind: kind.startsWith('uint') ? 'uint' : 'int' };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---- JSON to Go value ----

/** The Go value a JSON value of the given Go type decodes to, after the API server's round trip. */
export function toGo(type: string, j: unknown): GoValue {
  const special = SPECIAL[type];
  if (special) return special(j);
  const d = def(type);
  switch (d.kind) {
    case 'bool':
      return j === true;
    case 'int':
    case 'uint':
      return typeof j === 'number' && Number.isFinite(j) ? Math.trunc(j) : 0;
    case 'string':
      return typeof j === 'string' ? j : '';
    case 'ptr':
      return j === undefined || j === null ? null : toGo(d.elem, j);
    case 'slice':
      return Array.isArray(j) && j.length ? j.map((x) => toGo(d.elem, x)) : null;
    case 'map': {
      if (!isObject(j)) return null;
      const keys = Object.keys(j).filter((k) => j[k] !== undefined);
      if (!keys.length) return null;
      const m: Record<string, GoValue> = {};
      for (const k of keys) m[k] = toGo(d.elem, j[k]);
      return m;
    }
    case 'struct': {
      const o = isObject(j) ? j : {};
      const s: Record<string, GoValue> = {};
      for (const f of d.fields) s[f.name] = toGo(f.type, f.inline ? o : f.json === undefined ? undefined : o[f.json]);
      return s;
    }
  }
}

const ZERO_TIME: GoValue = { Time: { wall: 0, ext: 0, loc: null } };

const SPECIAL: Record<string, (j: unknown) => GoValue> = {
  'intstr.IntOrString': (j) =>
    typeof j === 'string' ? { Type: 1, IntVal: 0, StrVal: j } : { Type: 0, IntVal: typeof j === 'number' ? Math.trunc(j) : 0, StrVal: '' },
  // a zero Quantity is stored as "0" and read back as ParseQuantity("0")
  'resource.Quantity': (j) => parseQuantity(typeof j === 'string' || typeof j === 'number' ? String(j) : '0'),
  'v1.Time': () => ZERO_TIME,
};

// ---- resource.ParseQuantity ----

function quantity(value: bigint, scale: number, dec: GoValue, s: string, format: string): GoValue {
  return { i: { value, scale }, d: { Dec: dec }, s, Format: format };
}

/**
 * resource.ParseQuantity as a Go value (the zero Quantity for a text it rejects, which the API
 * server never stores).
 */
export function parseQuantity(str: string): GoValue {
  const zero = quantity(0n, 0, null, '', '');
  if (str === '') return zero;
  if (str === '0') return quantity(0n, 0, null, '0', 'DecimalSI');
  const p = splitQuantity(str);
  if (!p) return zero;
  const suffix = interpretSuffix(p.suffix);
  if (!suffix) return zero;
  const { exponent } = suffix;
  let format: string = suffix.format;
  const { positive } = p;
  const fast = int64FastPath(p, suffix);
  if (fast) return quantity(fast.value, fast.scale, null, fast.kept ? str : '', format);

  // inf.Dec: SetString(value), the suffix folded in, rounded up to nano, capped
  const digits = p.value.replace(/^[+-]/, '');
  const dot = digits.indexOf('.');
  if (!/\d/.test(digits)) return zero;
  let unscaled = BigInt(dot < 0 ? digits : digits.slice(0, dot) + digits.slice(dot + 1));
  let decScale = dot < 0 ? 0 : digits.length - dot - 1;
  if (format !== 'BinarySI') decScale -= exponent;
  else unscaled <<= BigInt(exponent);
  const negative = !positive && unscaled !== 0n;
  if (unscaled !== 0n) {
    if (decScale < 9) unscaled *= 10n ** BigInt(9 - decScale);
    else if (decScale > 9) {
      const d = 10n ** BigInt(decScale - 9);
      unscaled = (unscaled + d - 1n) / d;
    }
    decScale = 9;
  }
  const pow = 10n ** BigInt(Math.max(decScale, 0));
  if (format === 'BinarySI' && unscaled > INT64_MAX * pow) {
    unscaled = INT64_MAX;
    decScale = 0;
  }
  if (format === 'BinarySI' && unscaled > 0n && unscaled < 10n ** BigInt(Math.max(decScale, 0))) format = 'DecimalSI';
  return quantity(0n, 0, { unscaled: { neg: negative, abs: words(unscaled) }, scale: decScale }, '', format);
}

/** A big.nat: the 64-bit words of a non-negative integer, least significant first. */
function words(n: bigint): GoValue {
  const out: bigint[] = [];
  for (let x = n; x > 0n; x >>= 64n) out.push(x & 0xffffffffffffffffn);
  return out.length ? out : null;
}

// ---- spew ----

/** Orders strings as Go does (by bytes of UTF-8, i.e. by code point). */
function goStringLess(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

class Formatter {
  readonly out: string[] = [];
  private ignoreNextType = false;

  format(type: string, v: GoValue): void {
    const d = def(type);
    if (d.kind === 'ptr') {
      this.formatPtr(type, d.elem, v);
      return;
    }
    if (!this.ignoreNextType) this.out.push(`(${type})`);
    this.ignoreNextType = false;
    switch (d.kind) {
      case 'bool':
        this.out.push(v === true ? 'true' : 'false');
        return;
      case 'int':
      case 'uint':
        this.out.push(String(v ?? 0));
        return;
      case 'string':
        this.out.push(typeof v === 'string' ? v : '');
        return;
      case 'slice': {
        if (!Array.isArray(v)) {
          this.out.push('<nil>');
          return;
        }
        this.out.push('[');
        v.forEach((x, i) => {
          if (i > 0) this.out.push(' ');
          this.ignoreNextType = true;
          this.format(d.elem, x);
        });
        this.out.push(']');
        return;
      }
      case 'map': {
        if (!isObject(v)) {
          this.out.push('<nil>');
          return;
        }
        this.out.push('map[');
        Object.keys(v)
          .sort(goStringLess)
          .forEach((k, i) => {
            if (i > 0) this.out.push(' ');
            this.ignoreNextType = true;
            this.format(d.key, k);
            this.out.push(':');
            this.ignoreNextType = true;
            this.format(d.elem, v[k]);
          });
        this.out.push(']');
        return;
      }
      case 'struct': {
        const o = isObject(v) ? v : {};
        this.out.push('{');
        d.fields.forEach((f, i) => {
          if (i > 0) this.out.push(' ');
          this.out.push(f.name, ':');
          this.format(f.type, o[f.name] ?? zeroOf(f.type));
        });
        this.out.push('}');
        return;
      }
    }
  }

  /** formatPtr: `(*T)value`, `(*T)<nil>`, or `<*>value` / `<nil>` where types are not shown. */
  private formatPtr(type: string, elem: string, v: GoValue): void {
    if (v === null || v === undefined) {
      if (!this.ignoreNextType) this.out.push(`(${type})`);
      this.out.push('<nil>');
      return;
    }
    let indirects = 1;
    let target = elem;
    for (let d = def(target); d.kind === 'ptr'; d = def(target)) {
      indirects++;
      target = d.elem;
    }
    this.out.push(this.ignoreNextType ? `<${'*'.repeat(indirects)}>` : `(${'*'.repeat(indirects)}${target})`);
    this.ignoreNextType = true;
    this.format(target, v);
  }
}

function zeroOf(type: string): GoValue {
  return toGo(type, undefined);
}

/** spew's `%#v` of a Go value of the given type. */
export function spewValue(type: string, v: GoValue): string {
  const f = new Formatter();
  f.format(type, v);
  return f.out.join('');
}

/** spew's `%#v` of the v1.PodTemplateSpec a JSON pod template decodes to. */
export function spewPodTemplate(template: unknown): string {
  return spewValue('v1.PodTemplateSpec', toGo('v1.PodTemplateSpec', template ?? {}));
}
