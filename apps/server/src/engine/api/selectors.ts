// Label selectors (equality and set-based) and field selectors, as apimachinery parses them.

import { ApiError } from './errors';
import { KubeObject, LabelSelector, Labels } from './types';

export type Operator = 'in' | 'notin' | 'exists' | '!' | '=' | '==' | '!=' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

export type Selector = Requirement[];

export function matches(selector: Selector, labels: Labels | undefined): boolean {
  const l = labels ?? {};
  for (const req of selector) {
    const has = Object.prototype.hasOwnProperty.call(l, req.key);
    const v = l[req.key];
    switch (req.op) {
      case '=':
      case '==':
      case 'in':
        if (!has || !req.values.includes(v)) return false;
        break;
      case '!=':
      case 'notin':
        if (has && req.values.includes(v)) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
      case 'gt':
      case 'lt': {
        if (!has) return false;
        const n = Number(v);
        if (!Number.isFinite(n)) return false;
        if (req.op === 'gt' ? !(n > Number(req.values[0])) : !(n < Number(req.values[0]))) return false;
        break;
      }
    }
  }
  return true;
}

/** A metav1.LabelSelector as a Selector. An empty selector matches everything. */
export function fromLabelSelector(ls: LabelSelector | undefined | null): Selector {
  const out: Selector = [];
  if (!ls) return out;
  for (const key of Object.keys(ls.matchLabels ?? {}).sort()) out.push({ key, op: '=', values: [ls.matchLabels![key]] });
  for (const e of ls.matchExpressions ?? []) {
    const op: Operator = e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator === 'Exists' ? 'exists' : '!';
    out.push({ key: e.key, op, values: [...(e.values ?? [])].sort() });
  }
  return out;
}

export function fromLabels(labels: Labels | undefined): Selector {
  return Object.keys(labels ?? {})
    .sort()
    .map((key) => ({ key, op: '=' as Operator, values: [labels![key]] }));
}

/** `app=web,tier in (a,b)`: the string form kubectl prints (metav1.FormatLabelSelector). */
export function formatSelector(sel: Selector): string {
  if (sel.length === 0) return '<none>';
  return sel
    .map((r) => {
      switch (r.op) {
        case 'in':
        case 'notin':
          return `${r.key} ${r.op} (${r.values.join(',')})`;
        case 'exists':
          return r.key;
        case '!':
          return `!${r.key}`;
        case 'gt':
          return `${r.key}>${r.values[0]}`;
        case 'lt':
          return `${r.key}<${r.values[0]}`;
        default:
          return `${r.key}${r.op === '==' ? '=' : r.op}${r.values[0]}`;
      }
    })
    .join(',');
}

export function formatLabelSelector(ls: LabelSelector | undefined): string {
  return formatSelector(fromLabelSelector(ls));
}

/**
 * Parses `-l`: `app=web`, `app==web`, `app!=web`, `tier in (a,b)`, `tier notin (a)`, `app`, `!app`,
 * comma-separated (AND). Errors are the API server's `unable to parse requirement` messages.
 */
export function parseSelector(text: string): Selector {
  const p = new Lexer(text);
  const out: Selector = [];
  p.skipSpace();
  if (p.done()) return out;
  for (;;) {
    out.push(parseRequirement(p));
    p.skipSpace();
    if (p.done()) break;
    if (p.peek() !== ',') throw selectorError(`found '${p.rest()[0]}', expected: ',' or 'end of string'`);
    p.next();
    p.skipSpace();
  }
  return out;
}

function parseRequirement(p: Lexer): Requirement {
  p.skipSpace();
  if (p.peek() === '!') {
    p.next();
    p.skipSpace();
    const key = p.identifier();
    if (!key) throw selectorError(`found '${p.rest()[0] ?? ''}', expected: identifier`);
    checkKey(key);
    return { key, op: '!', values: [] };
  }
  const key = p.identifier();
  if (!key) throw selectorError(`found '${p.rest()[0] ?? ''}', expected: !, identifier, or 'end of string'`);
  checkKey(key);
  p.skipSpace();
  if (p.done() || p.peek() === ',') return { key, op: 'exists', values: [] };
  const rest = p.rest();
  let op: Operator;
  if (rest.startsWith('==')) op = '==';
  else if (rest.startsWith('!=')) op = '!=';
  else if (rest.startsWith('=')) op = '=';
  else if (rest.startsWith('>')) op = 'gt';
  else if (rest.startsWith('<')) op = 'lt';
  else if (/^in[\s(]/.test(rest)) op = 'in';
  else if (/^notin[\s(]/.test(rest)) op = 'notin';
  else throw selectorError(`found '${p.identifier() || rest[0]}', expected: in, notin, =, ==, !=, gt, lt`);
  p.advance(op === 'gt' || op === 'lt' ? 1 : op.length);
  p.skipSpace();
  if (op === 'in' || op === 'notin') {
    if (p.peek() !== '(') throw selectorError(`found '${p.rest()[0] ?? ''}', expected: '('`);
    p.next();
    const values: string[] = [];
    for (;;) {
      p.skipSpace();
      const v = p.identifier();
      values.push(v);
      p.skipSpace();
      const c = p.next();
      if (c === ')') break;
      if (c !== ',') throw selectorError(`found '${c ?? ''}', expected: ',', ')' or identifier`);
    }
    for (const v of values) checkValue(v);
    return { key, op, values: values.sort() };
  }
  const value = p.identifier();
  checkValue(value);
  return { key, op, values: [value] };
}

class Lexer {
  private i = 0;
  constructor(private readonly s: string) {}
  done(): boolean {
    return this.i >= this.s.length;
  }
  peek(): string {
    return this.s[this.i];
  }
  next(): string | undefined {
    return this.s[this.i++];
  }
  advance(n: number): void {
    this.i += n;
  }
  rest(): string {
    return this.s.slice(this.i);
  }
  skipSpace(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }
  identifier(): string {
    const start = this.i;
    while (this.i < this.s.length && !/[\s,()=!<>]/.test(this.s[this.i])) this.i++;
    return this.s.slice(start, this.i);
  }
}

function selectorError(why: string): ApiError {
  return new ApiError('BadRequest', `unable to parse requirement: ${why}`);
}

const QUALIFIED_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function checkKey(key: string): void {
  const slash = key.indexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefix = slash >= 0 ? key.slice(0, slash) : '';
  if (!QUALIFIED_NAME.test(name) || name.length > 63 || (slash >= 0 && !DNS1123_SUBDOMAIN.test(prefix))) {
    throw selectorError(
      `invalid label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
  }
}

function checkValue(v: string): void {
  if (v !== '' && (!QUALIFIED_NAME.test(v) || v.length > 63)) {
    throw selectorError(
      `invalid label value: "${v}": at key: "": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
  }
}

// ---- field selectors ----------------------------------------------------------------------------

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

/** Fields each resource supports in field selectors, beyond metadata.name and metadata.namespace. */
const FIELD_SUPPORT: Record<string, string[]> = {
  pods: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  events: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  nodes: ['spec.unschedulable'],
  namespaces: ['status.phase'],
  secrets: ['type'],
  replicasets: ['status.replicas'],
};

export function parseFieldSelector(text: string, resource: string, kindForErrors: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  if (!text.trim()) return out;
  for (const part of text.split(',')) {
    const m = /^\s*([^=!\s]+)\s*(==|!=|=)\s*(.*?)\s*$/.exec(part);
    if (!m) throw new ApiError('BadRequest', `invalid selector: '${text}'; can't understand '${part}'`);
    const field = m[1];
    const supported = ['metadata.name', 'metadata.namespace', ...(FIELD_SUPPORT[resource] ?? [])];
    if (!supported.includes(field)) {
      throw new ApiError('BadRequest', `field label not supported: ${field}`);
    }
    void kindForErrors;
    out.push({ field, op: m[2] === '!=' ? '!=' : '=', value: m[3] });
  }
  return out;
}

export function matchesFields(reqs: FieldRequirement[], obj: KubeObject): boolean {
  for (const r of reqs) {
    const actual = fieldValue(obj, r.field);
    if ((actual === r.value) !== (r.op === '=')) return false;
  }
  return true;
}

function fieldValue(obj: KubeObject, path: string): string {
  if (path === 'source') return (obj as any).source?.component ?? '';
  let cur: any = obj;
  for (const part of path.split('.')) cur = cur?.[part];
  if (cur === undefined || cur === null) return path === 'spec.unschedulable' || path === 'spec.hostNetwork' ? 'false' : '';
  return String(cur);
}
