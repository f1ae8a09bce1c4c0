// The parser of kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath parser.go, v1.32):
// text outside braces, actions of fields, indexes, slices, unions, filters, `..`, quoted text,
// numbers, booleans and the range/end identifiers. Errors carry the Go messages.

// ---- nodes ------------------------------------------------------------------------------------

export interface Param {
  value: number;
  known: boolean;
  /** the end of `[i]`, derived as i+1 */
  derived: boolean;
}

export type Node =
  | { type: 'list'; nodes: Node[] }
  | { type: 'text'; text: string }
  | { type: 'field'; value: string }
  | { type: 'array'; params: [Param, Param, Param] }
  | { type: 'filter'; left: Node & { type: 'list' }; right: Node & { type: 'list' }; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: (Node & { type: 'list' })[] }
  | { type: 'identifier'; name: string };

export type ListNode = Node & { type: 'list' };
export const newList = (): ListNode => ({ type: 'list', nodes: [] });

/** A parse failure; `message` is the Go error text (`unclosed action`). */
export class JsonPathSyntaxError extends Error {}

// ---- parser (parser.go) ------------------------------------------------------------------------

const EOF = '';
const isSpace = (r: string) => r === ' ' || r === '\t';
const isEndOfLine = (r: string) => r === '\r' || r === '\n';
const isDigit = (r: string) => r !== EOF && /^\p{Nd}$/u.test(r);
const isAlphaNumeric = (r: string) => r === '_' || (r !== EOF && /^[\p{L}\p{Nd}]$/u.test(r));
const isTerminator = (r: string) => isSpace(r) || isEndOfLine(r) || r === EOF || '.,[]$@{}'.includes(r);

/** Go's %#U: `U+0023 '#'` */
function goRuneU(r: string): string {
  const cp = r.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return /[\p{L}\p{N}\p{P}\p{S}]|[ ]/u.test(r) ? `${hex} '${r}'` : hex;
}

const DICT_KEY = /^'([^']*)'$/;
const SLICE_OPERATOR = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/s;

export class Parser {
  root: ListNode = newList();
  private input = '';
  private pos = 0;
  private start = 0;
  private width = 0;

  parse(text: string): ListNode {
    this.input = text;
    this.root = newList();
    this.pos = 0;
    this.start = 0;
    this.parseText(this.root);
    return this.root;
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.width = r.length;
    this.pos += r.length;
    return r;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private rest(): string {
    return this.input.slice(this.pos);
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
        return this.parseLeftDelim(cur);
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
  }

  private parseLeftDelim(cur: ListNode): void {
    this.pos += 1;
    this.consumeText();
    const node = newList();
    cur.nodes.push(node);
    this.parseInsideAction(node);
  }

  private parseInsideAction(cur: ListNode): void {
    // an action is a loop of steps; written iteratively where Go recurses
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith('}')) return this.parseRightDelim();
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith('..')) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) throw new JsonPathSyntaxError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') {
        this.consumeText(); // the current object: nothing to add
      } else if (r === '[') {
        this.parseArray(cur);
      } else if (r === '"' || r === "'") {
        this.parseQuote(cur, r);
      } else if (r === '.') {
        this.parseField(cur);
      } else if (r === '+' || r === '-' || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else {
        throw new JsonPathSyntaxError(`unrecognized character in action: ${goRuneU(r)}`);
      }
    }
  }

  private parseRightDelim(): void {
    this.pos += 1;
    this.consumeText();
    this.parseText(this.root);
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: ListNode): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last && last.type === 'recursive') throw new JsonPathSyntaxError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    const r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      const c = this.next();
      if (c !== '.' && !isDigit(c)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) {
      cur.nodes.push({ type: 'int', value: parseInt(value, 10) });
      return;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) {
      cur.nodes.push({ type: 'float', value: parseFloat(value) });
      return;
    }
    throw new JsonPathSyntaxError(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathSyntaxError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consumeText().slice(1, -1);
    if (text === '*') text = ':';

    const parts = text.split(',');
    if (parts.length > 1) {
      const union = parts.map((s) => parseAction(`[${s.replace(/^ +| +$/g, '')}]`));
      cur.nodes.push({ type: 'union', nodes: union });
      return;
    }

    const dict = DICT_KEY.exec(text);
    if (dict) {
      cur.nodes.push(...parseAction(`.${dict[1]}`).nodes);
      return;
    }

    const m = SLICE_OPERATOR.exec(text);
    if (!m) throw new JsonPathSyntaxError(`invalid array index ${text}`);
    const values = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const params: [Param, Param, Param] = [
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      let v = values[i];
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') {
          params[i].known = false;
        } else {
          if (!/^[+-]?\d+$/.test(v)) throw new JsonPathSyntaxError(`array index ${v} is not a number`);
          params[i] = { value: parseInt(v, 10), known: true, derived: false };
        }
      } else if (i === 1) {
        params[1] = { value: params[0].value + 1, known: true, derived: true };
      }
    }
    cur.nodes.push({ type: 'array', params });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathSyntaxError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')') {
        if (begin === end) break;
      }
    }
    if (this.next() !== ']') throw new JsonPathSyntaxError('unclosed array expect ]');
    const text = this.consumeText().slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: newList(), operator: 'exists' });
    } else {
      cur.nodes.push({ type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), operator: m[2] });
    }
  }

  private parseQuote(cur: ListNode, end: string): void {
    loop: for (;;) {
      const r = this.next();
      switch (r) {
        case EOF:
        case '\n':
          throw new JsonPathSyntaxError('unterminated quoted string');
        case '\\': {
          const n = this.next();
          if (n !== EOF && n !== '\n') break;
          break loop;
        }
        case end:
          break loop;
      }
    }
    const value = this.consumeText();
    cur.nodes.push({ type: 'text', text: unquoteExtend(value) });
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    while (this.advance());
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', value: value.replace(/\\/g, '') });
  }

  private advance(): boolean {
    const r = this.next();
    if (r === '\\') this.next();
    else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

/** parseAction: a nested template `{text}`; its root holds one list node. */
function parseAction(text: string): ListNode {
  const root = new Parser().parse(`{${text}}`);
  return root;
}

/** UnquoteExtend: strconv.Unquote that also accepts single-quoted strings. */
function unquoteExtend(s: string): string {
  const quote = s[0];
  if (s.length < 2 || s[s.length - 1] !== quote || (quote !== '"' && quote !== "'")) {
    throw new JsonPathSyntaxError(`unquote string ${s} error invalid syntax`);
  }
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === quote) throw new JsonPathSyntaxError(`unquote string ${s} error invalid syntax`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };
    if (e !== undefined && simple[e] !== undefined && (e !== "'" || quote === "'") && (e !== '"' || quote === '"')) {
      out += simple[e];
      continue;
    }
    const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hexLen) {
      const hex = body.slice(i + 1, i + 1 + hexLen);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(hex)) throw new JsonPathSyntaxError(`unquote string ${s} error invalid syntax`);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += hexLen;
      continue;
    }
    if (e !== undefined && /[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) throw new JsonPathSyntaxError(`unquote string ${s} error invalid syntax`);
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
      continue;
    }
    throw new JsonPathSyntaxError(`unquote string ${s} error invalid syntax`);
  }
  return out;
}
