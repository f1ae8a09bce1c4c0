// `kubectl explain` as v1.32 prints it: kubectl renders its plaintext template
// (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl) over the server's
// OpenAPI v3 document. This builds that document's shape from fields.json and follows the
// template step by step: the same traversal, type guesses, enum lines and word wrapping.

import { SCHEMA, SchemaField } from './data';
import { apiVersionOf, resolveResourceArg } from '../resources';

/** The slice of OpenAPI v3 schema the template looks at. */
interface Schema {
  type?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema;
  allOf?: Schema[];
  $ref?: string;
  enum?: string[];
}

/**
 * kubectl's failure: `stderr` is its exact line (exit code 1), `stdout` what it had already
 * printed (the KIND/VERSION header, for an unknown field).
 */
export class ExplainError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
    readonly stdout = '',
  ) {
    super(message);
  }
}

const PRIMITIVES = new Set(['string', 'integer', 'number', 'boolean']);
const SCALAR_TYPES: Record<string, string | undefined> = {
  Quantity: undefined,
  IntOrString: undefined,
  Time: 'string',
  MicroTime: 'string',
  FieldsV1: 'object',
  RawExtension: 'object',
};

const typeCache = new Map<string, Schema>();

function resolveRef(ref: string | undefined): Schema | undefined {
  if (!ref) return undefined;
  if (ref.startsWith('scalar/')) {
    const name = ref.slice('scalar/'.length);
    return { type: SCALAR_TYPES[name], description: SCHEMA.scalars[name] };
  }
  const cached = typeCache.get(ref);
  if (cached) return cached;
  const t = SCHEMA.types[ref];
  if (!t) return undefined;
  const schema: Schema = { type: 'object', description: t.d, properties: {}, required: [] };
  typeCache.set(ref, schema);
  for (const [name, f] of Object.entries(t.f)) {
    schema.properties![name] = propertySchema(f, f.t);
    if (f.req) schema.required!.push(name);
  }
  return schema;
}

/** A property as the v3 document writes it: refs wrapped in allOf next to the description. */
function propertySchema(f: SchemaField, t: string): Schema {
  const s = valueSchema(f, t);
  if (f.d) s.description = f.d;
  return s;
}

function valueSchema(f: SchemaField, t: string): Schema {
  if (t.startsWith('[]')) return { type: 'array', items: valueSchema(f, t.slice(2)) };
  if (t.startsWith('map[string]')) return { type: 'object', additionalProperties: valueSchema(f, t.slice('map[string]'.length)) };
  if (f.s && (t === f.s || (t === 'string' && (f.s === 'Time' || f.s === 'MicroTime')))) return { allOf: [{ $ref: `scalar/${f.s}` }] };
  if (PRIMITIVES.has(t)) return f.e ? { type: t, enum: f.e } : { type: t };
  if (f.r) return { allOf: [{ $ref: f.r }] };
  return { type: 'object' };
}

// ---- template functions -----------------------------------------------------------------------

/** kubectl's `indent`: pads the first line and every line after a newline. */
function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount);
  return pad + s.split('\n').join(`\n${pad}`);
}

/** kubectl's `wrap` in v1.32: go-wordwrap's WrapString, which keeps the text's own line breaks. */
export function wrap(limit: number, text: string): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  const len = (s: string): number => [...s].length;
  for (const ch of text) {
    if (ch === '\n') {
      if (!word.length) {
        if (current + len(space) <= limit) out += space;
      } else {
        out += space + word;
      }
      space = '';
      word = '';
      out += ch;
      current = 0;
    } else if (/\s/u.test(ch) && ch !== '\u00a0') {
      if (!space.length || word.length) {
        current += len(space) + len(word);
        out += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      if (current + len(space) + len(word) > limit && len(word) < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (!word.length) {
    if (current + len(space) <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}

function typeGuess(s: Schema): string {
  if (s.items) return `[]${typeGuess(s.items)}`;
  if (s.additionalProperties) return `map[string]${typeGuess(s.additionalProperties)}`;
  if (s.allOf && !s.properties && s.allOf.length === 1) return typeGuess(s.allOf[0]);
  if (s.$ref) {
    const target = resolveRef(s.$ref);
    if (!target || !target.type || target.type === 'object') {
      const name = s.$ref.slice(s.$ref.lastIndexOf('/') + 1);
      return name.slice(name.lastIndexOf('.') + 1) || 'Object';
    }
    return target.type;
  }
  if (s.type === 'object') return 'Object';
  return s.type || 'Object';
}

function extractEnum(s: Schema, longView: boolean, limit: number, indentAmount = 0): string {
  if (!s.enum?.length) return '';
  let out = longView ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
  for (let i = 0; i < s.enum.length; i++) {
    if (limit > -1 && i >= limit) {
      out += ', ....';
      break;
    }
    if (i > 0 && !longView) out += ', ';
    else if (longView) out += '\n    ';
    out += s.enum[i] === '' ? '""' : s.enum[i];
  }
  return out;
}

function description(s: Schema): string {
  const r = resolveRef(s.$ref) ?? s;
  let out = r.description ? `${r.description}\n` : '';
  for (const sub of r.allOf ?? []) out += description(sub);
  if (r.items) out += description(r.items);
  if (r.additionalProperties) out += description(r.additionalProperties);
  return out;
}

function fieldDetail(name: string, parent: Schema, short: boolean, level: number): string {
  const indentAmount = level * 2;
  const f = parent.properties![name];
  let out = `${indent(indentAmount, name)}\t<${typeGuess(f)}>`;
  if (parent.required?.includes(name)) out += ' -required-';
  out += extractEnum(f, false, 4, indentAmount);
  out += '\n';
  if (!short) out += `${indent(indentAmount + 2, wrap(78 - indentAmount, f.description || '<no description>'))}\n\n`;
  return out;
}

function fieldList(s: Schema, level: number, recursive: boolean, history: ReadonlySet<string>): string {
  const ref = s.$ref ?? '';
  if (ref && history.has(ref)) return '';
  const next = new Set(history).add(ref);
  const r = resolveRef(ref) ?? s;
  let out = '';
  for (const k of Object.keys(r.properties ?? {}).sort()) {
    out += fieldDetail(k, r, recursive, level);
    if (recursive) out += fieldList(r.properties![k], level + 1, recursive, next);
  }
  for (const sub of r.allOf ?? []) out += fieldList(sub, level, recursive, next);
  if (r.items) out += fieldList(r.items, level, recursive, next);
  if (r.additionalProperties) out += fieldList(r.additionalProperties, level, recursive, next);
  return out;
}

function output(s: Schema, path: string[], recursive: boolean): string {
  const r = resolveRef(s.$ref) ?? s;
  if (!path.length) {
    let out = `DESCRIPTION:\n${indent(4, wrap(76, description(r) || '<empty>'))}\n`;
    const fields = fieldList(r, 1, recursive, new Set());
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  const sub = r.properties?.[path[0]];
  if (sub) {
    let out = '';
    if (path.length === 1) out += `FIELD: ${path[0]} <${typeGuess(sub)}>\n${extractEnum(sub, true, -1)}\n\n`;
    return out + output(sub, path.slice(1), recursive);
  }
  if (r.items) return output(r.items, path, recursive);
  if (r.additionalProperties) return output(r.additionalProperties, path, recursive);
  for (const alt of r.allOf ?? []) {
    const out = output(alt, path, recursive);
    if (out) return out;
  }
  return '';
}

/**
 * The text of `kubectl explain KIND[.FIELD...] [--recursive]` for a served kind, given as
 * `Pod` or `apps/v1/Deployment`. Throws ExplainError(`field "x" does not exist`) as kubectl does.
 */
export function explain(resourceKind: string, fieldPath: string | readonly string[] = [], recursive = false): string {
  const key = SCHEMA.kinds[resourceKind] ? resourceKind : Object.keys(SCHEMA.kinds).find((k) => k.endsWith(`/${resourceKind}`));
  if (!key) throw new ExplainError(`couldn't find resource for "${resourceKind}"`, `error: couldn't find resource for "${resourceKind}"`);
  const parts = key.split('/');
  const kind = parts.pop()!;
  const version = parts.pop()!;
  const group = parts.join('/');
  const path = typeof fieldPath === 'string' ? fieldPath.split('.').filter(Boolean) : [...fieldPath];
  const header = `${group ? `GROUP:      ${group}\n` : ''}KIND:       ${kind}\nVERSION:    ${version}\n\n`;
  const body = output({ $ref: SCHEMA.kinds[key] }, path, recursive);
  if (!body) {
    const message = `field "${path[path.length - 1]}" does not exist`;
    throw new ExplainError(message, `error: ${message}`, header);
  }
  return `${header}${body}\n`;
}

/**
 * `kubectl explain ARG [--recursive]` from its argument as typed: `po`, `deploy.spec.template`,
 * `svc.spec.ports`. The first dotted part names the resource as kubectl's RESTMapper resolves it.
 */
export function explainArgument(arg: string, recursive = false): string {
  const [resource, ...path] = arg.split('.');
  const info = resolveResourceArg(resource);
  if (!info) {
    // kubectl's handler for an unmatched resource prints this line without `error: `
    const message = `the server doesn't have a resource type "${resource}"`;
    throw new ExplainError(message, message);
  }
  return explain(`${apiVersionOf(info)}/${info.kind}`, path, recursive);
}
