// `-o json` as kubectl prints it: Go's json.MarshalIndent(obj, "", "    ") plus a newline. Objects
// from the server are maps, so keys come out sorted (byte order); Go escapes <, >, & and U+2028/9.

export interface JsonOptions {
  /** sort keys as Go marshals maps (default); false keeps insertion order, as typed Go structs print */
  sortKeys?: boolean;
  /** indentation unit; kubectl uses four spaces */
  indent?: string;
}

/** encoding/json string encoding (HTML-safe, as json.Marshal does by default). */
export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"': out += '\\"'; continue;
      case '\\': out += '\\\\'; continue;
      case '\n': out += '\\n'; continue;
      case '\r': out += '\\r'; continue;
      case '\t': out += '\\t'; continue;
      case '\b': out += '\\b'; continue;
      case '\f': out += '\\f'; continue;
    }
    if (cp < 0x20 || ch === '<' || ch === '>' || ch === '&' || cp === 0x2028 || cp === 0x2029) {
      out += `\\u${cp.toString(16).padStart(4, '0')}`;
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      out += '\\ufffd'; // a lone surrogate is invalid UTF-8 in Go
    } else {
      out += ch;
    }
  }
  return `${out}"`;
}

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function encode(v: unknown, opts: Required<JsonOptions>, prefix: string): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const inner = prefix + opts.indent;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + encode(x === undefined ? null : x, opts, inner)).join(',\n')}\n${prefix}]`;
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && typeof x !== 'function');
    if (opts.sortKeys) entries.sort(([a], [b]) => byteOrder(a, b));
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, x]) => `${inner}${goJsonString(k)}: ${encode(x, opts, inner)}`).join(',\n')}\n${prefix}}`;
  }
  return 'null';
}

/** One value as indented JSON with a trailing newline. */
export function toJson(value: unknown, opts: JsonOptions = {}): string {
  return `${encode(value, { sortKeys: opts.sortKeys ?? true, indent: opts.indent ?? '    ' }, '')}\n`;
}

/** Compact JSON as json.Marshal writes it (jsonpath and custom-columns print maps and lists this way). */
export function toCompactJson(value: unknown, sortKeys = true): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((x) => toCompactJson(x === undefined ? null : x, sortKeys)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (sortKeys) entries.sort(([a], [b]) => byteOrder(a, b));
    return `{${entries.map(([k, x]) => `${goJsonString(k)}:${toCompactJson(x, sortKeys)}`).join(',')}}`;
  }
  return encode(value, { sortKeys, indent: '' }, '');
}
