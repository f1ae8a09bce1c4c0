// apimachinery's field.Error, rendered as its ErrorBody() does: the error type, then the bad
// value (strings with Go's %q, numbers and booleans bare, anything else with %#v), then the detail.

import { FieldError } from '../errors';

/** A Go value for %#v rendering: tagged so that the printer knows its Go type. */
export type GoValue =
  | { go: 'raw'; text: string }
  | string
  | number
  | boolean
  | null
  | undefined;

/** Go's strconv.Quote for the characters a manifest can hold. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c >= 0x80 && c < 0xa0) out += `\\u00${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + '"';
}

/** `map[string]string{"a":"b", "c":"d"}` as Go's %#v prints it (fmt sorts map keys). */
export function goStringMap(m: Record<string, string> | undefined | null): string {
  if (m === undefined || m === null) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`).join(', ')}}`;
}

/** `[]string{"a", "b"}` or `[]string(nil)` */
export function goStringSlice(items: readonly string[] | undefined | null): string {
  if (!items) return '[]string(nil)';
  return `[]string{${items.map((s) => goQuote(String(s))).join(', ')}}`;
}

/** %#v of a metav1.LabelSelector value (ValidateImmutableField dereferences the pointer). */
export function goLabelSelector(sel: any): string {
  if (sel === undefined || sel === null) return 'null';
  const exprs = sel.matchExpressions as any[] | undefined;
  const exprText = exprs
    ? `[]v1.LabelSelectorRequirement{${exprs
        .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(String(e?.key ?? ''))}, Operator:${goQuote(String(e?.operator ?? ''))}, Values:${goStringSlice(e?.values)}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprText}}`;
}

/** %#v of an intstr.IntOrString value */
export function goIntOrString(v: number | string | undefined): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`;
}

export const raw = (text: string): GoValue => ({ go: 'raw', text });

function renderValue(v: GoValue): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v.text;
}

export function invalid(field: string, value: GoValue, detail: string): FieldError {
  return { field, detail: `Invalid value: ${renderValue(value)}${detail ? `: ${detail}` : ''}` };
}

export function required(field: string, detail = ''): FieldError {
  return { field, detail: detail ? `Required value: ${detail}` : 'Required value' };
}

export function duplicate(field: string, value: GoValue): FieldError {
  return { field, detail: `Duplicate value: ${renderValue(value)}` };
}

export function notFound(field: string, value: GoValue): FieldError {
  return { field, detail: `Not found: ${renderValue(value)}` };
}

export function forbidden(field: string, detail: string): FieldError {
  return { field, detail: detail ? `Forbidden: ${detail}` : 'Forbidden' };
}

export function notSupported(field: string, value: GoValue, supported: readonly string[]): FieldError {
  const list = supported.length ? `: supported values: ${supported.map(goQuote).join(', ')}` : '';
  return { field, detail: `Unsupported value: ${renderValue(value)}${list}` };
}

export function tooLong(field: string, maxBytes: number): FieldError {
  return { field, detail: `Too long: may not be more than ${maxBytes} bytes` };
}
