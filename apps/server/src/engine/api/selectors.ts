// Label selectors (equality and set-based) and field selectors, as apimachinery parses them.

import { ApiError } from './errors';
import { KubeObject, LabelSelector, Labels } from './types';
import { goQuote } from './validation/field';
import { isQualifiedName, isValidLabelValue } from './validation/names';

export type Operator = 'in' | 'notin' | 'exists' | '!' | '=' | '==' | '!=' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

export type Selector = Requirement[];

/** strconv.ParseInt(s, 10, 64), or undefined where it fails */
function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
}

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
        // both sides as strconv.ParseInt reads them; a label that is not an integer never matches
        const n = has ? parseInt64(v) : undefined;
        const limit = parseInt64(req.values[0] ?? '');
        if (n === undefined || limit === undefined) return false;
        if (req.op === 'gt' ? !(n > limit) : !(n < limit)) return false;
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
 * Parses `-l` as apimachinery's labels.Parse does: `app=web`, `app==web`, `app!=web`, `tier in (a,b)`,
 * `tier notin (a)`, `app`, `!app`, `n>1`, `n<1`, comma-separated (AND). The errors are its texts,
 * which the API server answers a list with (`unable to parse requirement: ...` when a requirement
 * itself is malformed, bare when what follows one is).
 */
export function parseSelector(text: string): Selector {
  const p = new SelectorParser(text);
  const out: Selector = [];
  for (;;) {
    const [tok, lit] = p.lookahead(true);
    if (tok === 'id' || tok === '!') {
      out.push(p.requirement());
      const [t, l] = p.consume(true);
      if (t === 'end') return out;
      if (t !== ',') throw selectorError(`found '${l}', expected: ',' or 'end of string'`);
      const [t2, l2] = p.lookahead(true);
      if (t2 !== 'id' && t2 !== '!') throw selectorError(`found '${l2}', expected: identifier after ','`);
    } else if (tok === 'end') {
      return out;
    } else {
      throw selectorError(`found '${lit}', expected: !, identifier, or 'end of string'`);
    }
  }
}

/** lexer tokens: an identifier, the end, or the literal of an operator or punctuation */
type Token = 'id' | 'end' | ')' | ',' | '!' | '==' | '=' | '>' | 'in' | '<' | '!=' | 'notin' | '(';

const SYMBOLS = new Set([')', ',', '!', '==', '=', '>', '<', '!=', '(']);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string): boolean => '=!(),><'.includes(c);

function lex(s: string): [Token, string][] {
  const out: [Token, string][] = [];
  let i = 0;
  for (;;) {
    while (i < s.length && isSpace(s[i])) i++;
    if (i >= s.length) {
      out.push(['end', '']);
      return out;
    }
    if (isSpecial(s[i])) {
      // the longest run of special characters that is a symbol (`!=`, `==`), else one character
      let buf = '';
      let last = '';
      while (i < s.length && isSpecial(s[i])) {
        buf += s[i];
        if (SYMBOLS.has(buf)) last = buf;
        else if (last) break;
        i++;
      }
      out.push([last as Token, last]);
      continue;
    }
    const start = i;
    while (i < s.length && !isSpecial(s[i]) && !isSpace(s[i])) i++;
    const word = s.slice(start, i);
    out.push([word === 'in' || word === 'notin' ? word : 'id', word]);
  }
}

class SelectorParser {
  private readonly items: [Token, string][];
  private pos = 0;
  constructor(text: string) {
    this.items = lex(text);
  }

  /** in a value position `in` and `notin` are identifiers */
  lookahead(values: boolean): [Token, string] {
    const [tok, lit] = this.items[this.pos];
    return [values && (tok === 'in' || tok === 'notin') ? 'id' : tok, lit];
  }

  consume(values: boolean): [Token, string] {
    const item = this.lookahead(values);
    this.pos++;
    return item;
  }

  /** parseRequirement: any error in here is `unable to parse requirement: ...` */
  requirement(): Requirement {
    try {
      return this.parseRequirement();
    } catch (e) {
      if (e instanceof ApiError) throw selectorError(`unable to parse requirement: ${e.message}`);
      throw e;
    }
  }

  private parseRequirement(): Requirement {
    let [tok, key] = this.consume(true);
    let op: Operator | undefined;
    if (tok === '!') {
      op = '!';
      [tok, key] = this.consume(true);
    }
    if (tok !== 'id') throw selectorError(`found '${key}', expected: identifier`);
    const keyErrs = isQualifiedName(key);
    if (keyErrs.length) throw selectorError(`<nil>: Invalid value: ${goQuote(key)}: ${keyErrs.join('; ')}`);
    const [next] = this.lookahead(true);
    if (op === '!' || next === 'end' || next === ',') return { key, op: op ?? 'exists', values: [] };

    const [opTok, opLit] = this.consume(false);
    const ops: Partial<Record<Token, Operator>> = { in: 'in', '=': '=', '==': '==', '>': 'gt', '<': 'lt', notin: 'notin', '!=': '!=' };
    op = ops[opTok];
    if (!op) throw selectorError(`found '${opLit}', expected: in, notin, =, ==, !=, gt, lt`);
    const values = op === 'in' || op === 'notin' ? this.setValues() : this.exactValue();
    // NewRequirement: every problem, aggregated (`[a, b]` when there are several)
    const errs: string[] = [];
    if ((op === 'gt' || op === 'lt') && parseInt64(values[0]) === undefined) {
      errs.push(`values[0]: Invalid value: ${goQuote(values[0])}: for 'Gt', 'Lt' operators, the value must be an integer`);
    }
    values.forEach((v, i) => {
      const bad = isValidLabelValue(v);
      if (bad.length) errs.push(`values[${i}][${key}]: Invalid value: ${goQuote(v)}: ${bad.join('; ')}`);
    });
    if (errs.length) throw selectorError(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
    return { key, op, values };
  }

  /** parseValues: `(a,b)`, sorted and without duplicates, as a sets.String lists them */
  private setValues(): string[] {
    const [open, openLit] = this.consume(true);
    if (open !== '(') throw selectorError(`found '${openLit}' expected: '('`);
    const [tok, lit] = this.lookahead(true);
    if (tok === ')') {
      this.consume(true);
      return [''];
    }
    if (tok !== 'id' && tok !== ',') throw selectorError(`found '${lit}', expected: ',', ')' or identifier`);
    const set = new Set<string>();
    for (;;) {
      const [t, l] = this.consume(true);
      if (t === 'id') {
        set.add(l);
        const [t2, l2] = this.lookahead(true);
        if (t2 === ',') continue;
        if (t2 === ')') break;
        throw selectorError(`found '${l2}', expected: ',' or ')'`);
      } else if (t === ',') {
        if (set.size === 0) set.add('');
        const [t2] = this.lookahead(true);
        if (t2 === ')') {
          set.add('');
          break;
        }
        if (t2 === ',') set.add('');
      } else {
        throw selectorError(`found '${l}', expected: ',', or identifier`);
      }
    }
    const [close] = this.consume(true);
    if (close !== ')') throw selectorError(`found '${lit}', expected: ')'`);
    return [...set].sort();
  }

  /** parseExactValue: one identifier, or the empty value before `,` or the end */
  private exactValue(): string[] {
    const [next] = this.lookahead(true);
    if (next === 'end' || next === ',') return [''];
    const [tok, lit] = this.consume(true);
    if (tok === 'id') return [lit];
    throw selectorError(`found '${lit}', expected: identifier`);
  }
}

function selectorError(message: string): ApiError {
  return new ApiError('BadRequest', message);
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
