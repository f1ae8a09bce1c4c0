// A small awk: BEGIN/END, patterns (regex, expressions), fields, NR/NF/FS/OFS, print/printf,
// variables and associative arrays, if/while/for/for-in, next/exit, the common string functions.

import type { Builtin, Registry } from '../command-registry';
import { ereToJs } from './grep';
import { readInputs } from './files';
import { FormatArg, formatG, formatOnce, unescape } from './format';

type Val = string | number;

type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 're'; re: RegExp }
  | { t: 'var'; name: string }
  | { t: 'field'; e: Node }
  | { t: 'index'; name: string; keys: Node[] }
  | { t: 'assign'; op: string; target: Node; e: Node }
  | { t: 'incdec'; op: '++' | '--'; prefix: boolean; target: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'un'; op: string; e: Node }
  | { t: 'cond'; c: Node; a: Node; b: Node }
  | { t: 'in'; key: Node; name: string }
  | { t: 'call'; name: string; args: Node[] }
  | { t: 'group'; e: Node };

type Stmt =
  | { t: 'expr'; e: Node }
  | { t: 'print'; args: Node[]; printf: boolean }
  | { t: 'block'; body: Stmt[] }
  | { t: 'if'; c: Node; a: Stmt; b?: Stmt }
  | { t: 'while'; c: Node; body: Stmt }
  | { t: 'for'; init?: Stmt; c?: Node; step?: Stmt; body: Stmt }
  | { t: 'forin'; v: string; arr: string; body: Stmt }
  | { t: 'next' }
  | { t: 'exit'; e?: Node }
  | { t: 'delete'; name: string; keys?: Node[] };

interface Rule {
  kind: 'begin' | 'end' | 'main';
  pattern?: Node;
  action?: Stmt[];
}

class AwkError extends Error {}
class NextSignal {}
class ExitAwk {
  constructor(readonly code: number) {}
}

interface Tok {
  k: 'num' | 'str' | 're' | 'name' | 'func' | 'op' | 'nl' | 'eof';
  v: string;
}

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const lastSignificant = (): Tok | undefined => toks[toks.length - 1];
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || (c === '\\' && src[i + 1] === '\n')) {
      i += c === '\\' ? 2 : 1;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n' || c === ';') {
      toks.push({ k: 'nl', v: c });
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < src.length) {
          s += src[j] + src[j + 1];
          j += 2;
        } else s += src[j++];
      }
      if (j >= src.length) throw new AwkError('non-terminated string');
      toks.push({ k: 'str', v: unescape(s).text });
      i = j + 1;
      continue;
    }
    const prev = lastSignificant();
    const regexAllowed = !prev || prev.k === 'op' && !([')', ']', '$'].includes(prev.v)) || prev.k === 'nl';
    if (c === '/' && regexAllowed) {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== '/') {
        if (src[j] === '\\' && src[j + 1] === '/') {
          s += '/';
          j += 2;
        } else s += src[j++];
      }
      if (j >= src.length) throw new AwkError('non-terminated regular expression');
      toks.push({ k: 're', v: s });
      i = j + 1;
      continue;
    }
    const num = /^(\d+\.?\d*([eE][-+]?\d+)?|\.\d+)/.exec(src.slice(i));
    if (num) {
      toks.push({ k: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      i += name[0].length;
      toks.push({ k: src[i] === '(' && !KEYWORDS.has(name[0]) ? 'func' : 'name', v: name[0] });
      continue;
    }
    const op = /^(\+\+|--|\+=|-=|\*=|\/=|%=|\^=|==|!=|<=|>=|&&|\|\||!~|>>|[-+*/%^!<>=~?:,(){}[\]$|])/.exec(src.slice(i));
    if (!op) throw new AwkError(`syntax error at source line 1: unexpected character '${c}'`);
    toks.push({ k: 'op', v: op[0] });
    i += op[0].length;
  }
  toks.push({ k: 'eof', v: '' });
  return toks;
}

const KEYWORDS = new Set(['BEGIN', 'END', 'if', 'else', 'while', 'for', 'in', 'print', 'printf', 'next', 'exit', 'delete', 'getline', 'function', 'return', 'do', 'break', 'continue']);
const BUILTIN_FUNCS = new Set(['length', 'substr', 'index', 'split', 'toupper', 'tolower', 'sprintf', 'int', 'sub', 'gsub', 'match', 'sqrt', 'exp', 'log', 'sin', 'cos']);

class AwkParser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(off = 0): Tok {
    return this.toks[Math.min(this.i + off, this.toks.length - 1)];
  }
  private is(v: string): boolean {
    const t = this.peek();
    return (t.k === 'op' || t.k === 'name') && t.v === v;
  }
  private eat(v: string): void {
    if (!this.is(v)) throw this.err();
    this.i++;
  }
  private err(): AwkError {
    const t = this.peek();
    return new AwkError(`syntax error at source line 1\n context is\n\t>>> ${t.v || '<EOF>'} <<<`);
  }
  private skipNl(): void {
    while (this.peek().k === 'nl') this.i++;
  }

  program(): Rule[] {
    const rules: Rule[] = [];
    this.skipNl();
    while (this.peek().k !== 'eof') {
      if (this.is('BEGIN') || this.is('END')) {
        const kind = this.peek().v === 'BEGIN' ? 'begin' : 'end';
        this.i++;
        this.skipNl();
        rules.push({ kind, action: this.block() });
      } else {
        let pattern: Node | undefined;
        if (!this.is('{')) pattern = this.expr();
        const action = this.is('{') ? this.block() : undefined;
        rules.push({ kind: 'main', pattern, action });
      }
      this.skipNl();
    }
    return rules;
  }

  private block(): Stmt[] {
    this.eat('{');
    const body: Stmt[] = [];
    this.skipNl();
    while (!this.is('}')) {
      if (this.peek().k === 'eof') throw this.err();
      body.push(this.stmt());
      this.skipNl();
    }
    this.eat('}');
    return body;
  }

  private simpleOrBlock(): Stmt {
    this.skipNl();
    if (this.is('{')) return { t: 'block', body: this.block() };
    return this.stmt();
  }

  private stmt(): Stmt {
    const t = this.peek();
    if (t.k === 'op' && t.v === '{') return { t: 'block', body: this.block() };
    if (t.k === 'name') {
      switch (t.v) {
        case 'if': {
          this.i++;
          this.eat('(');
          const c = this.expr();
          this.eat(')');
          const a = this.simpleOrBlock();
          let save = this.i;
          this.skipNl();
          if (this.is('else')) {
            this.i++;
            return { t: 'if', c, a, b: this.simpleOrBlock() };
          }
          this.i = save;
          save = 0;
          return { t: 'if', c, a };
        }
        case 'while': {
          this.i++;
          this.eat('(');
          const c = this.expr();
          this.eat(')');
          return { t: 'while', c, body: this.simpleOrBlock() };
        }
        case 'for': {
          this.i++;
          this.eat('(');
          if (this.peek().k === 'name' && this.peek(1).v === 'in' && this.peek(2).k === 'name' && this.peek(3).v === ')') {
            const v = this.peek().v;
            const arr = this.peek(2).v;
            this.i += 4;
            return { t: 'forin', v, arr, body: this.simpleOrBlock() };
          }
          const init = this.is(';') ? undefined : { t: 'expr' as const, e: this.expr() };
          this.eat(';');
          const c = this.is(';') ? undefined : this.expr();
          this.eat(';');
          const step = this.is(')') ? undefined : { t: 'expr' as const, e: this.expr() };
          this.eat(')');
          return { t: 'for', init, c, step, body: this.simpleOrBlock() };
        }
        case 'print':
        case 'printf': {
          this.i++;
          const args: Node[] = [];
          const end = (): boolean => this.peek().k === 'nl' || this.peek().k === 'eof' || this.is('}') || this.is('>') || this.is('|');
          if (!end()) {
            args.push(this.expr(true));
            while (this.is(',')) {
              this.i++;
              args.push(this.expr(true));
            }
          }
          if (this.is('>') || this.is('|')) throw new AwkError('output redirection is not supported in this sandbox');
          if (args.length === 1 && args[0].t === 'group' && t.v === 'printf') return { t: 'print', args: [args[0].e], printf: true };
          return { t: 'print', args, printf: t.v === 'printf' };
        }
        case 'next':
          this.i++;
          return { t: 'next' };
        case 'exit': {
          this.i++;
          const end = this.peek().k === 'nl' || this.peek().k === 'eof' || this.is('}');
          return { t: 'exit', e: end ? undefined : this.expr() };
        }
        case 'delete': {
          this.i++;
          const name = this.peek().v;
          this.i++;
          if (this.is('[')) {
            this.i++;
            const keys = this.exprList(']');
            return { t: 'delete', name, keys };
          }
          return { t: 'delete', name };
        }
      }
    }
    return { t: 'expr', e: this.expr() };
  }

  private exprList(close: string): Node[] {
    const out: Node[] = [];
    if (!this.is(close)) {
      out.push(this.expr());
      while (this.is(',')) {
        this.i++;
        out.push(this.expr());
      }
    }
    this.eat(close);
    return out;
  }

  /** `noGt`: inside print, `>` is a redirection */
  expr(noGt = false): Node {
    return this.ternary(noGt);
  }

  private ternary(noGt: boolean): Node {
    const c = this.or(noGt);
    if (this.is('?')) {
      this.i++;
      const a = this.ternary(noGt);
      this.eat(':');
      const b = this.ternary(noGt);
      return { t: 'cond', c, a, b };
    }
    if (this.peek().k === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(this.peek().v) && (c.t === 'var' || c.t === 'field' || c.t === 'index')) {
      const op = this.peek().v;
      this.i++;
      return { t: 'assign', op, target: c, e: this.ternary(noGt) };
    }
    return c;
  }

  private or(noGt: boolean): Node {
    let a = this.and(noGt);
    while (this.is('||')) {
      this.i++;
      this.skipNl();
      a = { t: 'bin', op: '||', a, b: this.and(noGt) };
    }
    return a;
  }

  private and(noGt: boolean): Node {
    let a = this.inExpr(noGt);
    while (this.is('&&')) {
      this.i++;
      this.skipNl();
      a = { t: 'bin', op: '&&', a, b: this.inExpr(noGt) };
    }
    return a;
  }

  private inExpr(noGt: boolean): Node {
    const a = this.match(noGt);
    if (this.is('in') && this.peek(1).k === 'name') {
      this.i++;
      const name = this.peek().v;
      this.i++;
      return { t: 'in', key: a, name };
    }
    return a;
  }

  private match(noGt: boolean): Node {
    let a = this.compare(noGt);
    while (this.is('~') || this.is('!~')) {
      const op = this.peek().v;
      this.i++;
      a = { t: 'bin', op, a, b: this.compare(noGt) };
    }
    return a;
  }

  private compare(noGt: boolean): Node {
    const a = this.concat(noGt);
    const t = this.peek();
    if (t.k === 'op' && ['<', '<=', '!=', '==', '>=', ...(noGt ? [] : ['>'])].includes(t.v)) {
      this.i++;
      return { t: 'bin', op: t.v, a, b: this.concat(noGt) };
    }
    return a;
  }

  private concat(noGt: boolean): Node {
    let a = this.additive();
    for (;;) {
      const t = this.peek();
      const starts = t.k === 'num' || t.k === 'str' || t.k === 'name' && !KEYWORDS.has(t.v) || t.k === 'func' || (t.k === 'op' && ['$', '!', '(', '-', '+', '++', '--'].includes(t.v) && !(['-', '+'].includes(t.v)));
      if (!starts || t.k === 'name' && t.v === 'in') return a;
      a = { t: 'bin', op: 'concat', a, b: this.additive() };
      void noGt;
    }
  }

  private additive(): Node {
    let a = this.mult();
    while (this.is('+') || this.is('-')) {
      const op = this.peek().v;
      this.i++;
      a = { t: 'bin', op, a, b: this.mult() };
    }
    return a;
  }

  private mult(): Node {
    let a = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.peek().v;
      this.i++;
      a = { t: 'bin', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Node {
    if (this.is('!') || this.is('-') || this.is('+')) {
      const op = this.peek().v;
      this.i++;
      return { t: 'un', op, e: this.unary() };
    }
    return this.power();
  }

  private power(): Node {
    const a = this.postfix();
    if (this.is('^')) {
      this.i++;
      return { t: 'bin', op: '^', a, b: this.unary() };
    }
    return a;
  }

  private postfix(): Node {
    if (this.is('++') || this.is('--')) {
      const op = this.peek().v as '++' | '--';
      this.i++;
      return { t: 'incdec', op, prefix: true, target: this.primary() };
    }
    const e = this.primary();
    if ((this.is('++') || this.is('--')) && (e.t === 'var' || e.t === 'field' || e.t === 'index')) {
      const op = this.peek().v as '++' | '--';
      this.i++;
      return { t: 'incdec', op, prefix: false, target: e };
    }
    return e;
  }

  private primary(): Node {
    const t = this.peek();
    this.i++;
    switch (t.k) {
      case 'num':
        return { t: 'num', v: parseFloat(t.v) };
      case 'str':
        return { t: 'str', v: t.v };
      case 're':
        return { t: 're', re: new RegExp(ereToJs(t.v)) };
      case 'func': {
        this.eat('(');
        const args = this.exprList(')');
        if (!BUILTIN_FUNCS.has(t.v)) throw new AwkError(`calling undefined function ${t.v}`);
        return { t: 'call', name: t.v, args };
      }
      case 'name': {
        if (t.v === 'length') return { t: 'call', name: 'length', args: [] };
        if (KEYWORDS.has(t.v)) {
          this.i--;
          throw this.err();
        }
        if (this.is('[')) {
          this.i++;
          return { t: 'index', name: t.v, keys: this.exprList(']') };
        }
        return { t: 'var', name: t.v };
      }
      case 'op':
        if (t.v === '$') return { t: 'field', e: this.postfixNoIncdec() };
        if (t.v === '(') {
          const e = this.expr();
          if (this.is(',')) {
            // (a, b) in arr
            this.i++;
            const rest = this.exprList(')');
            if (this.is('in')) {
              this.i++;
              const name = this.peek().v;
              this.i++;
              return { t: 'in', key: { t: 'call', name: 'SUBSEP_JOIN', args: [e, ...rest] }, name };
            }
            return e;
          }
          this.eat(')');
          return { t: 'group', e };
        }
    }
    this.i--;
    throw this.err();
  }

  private postfixNoIncdec(): Node {
    if (this.is('-')) {
      this.i++;
      return { t: 'un', op: '-', e: this.primary() };
    }
    return this.primary();
  }
}

function looksNumeric(s: string): boolean {
  return /^\s*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+)\s*$/.test(s);
}

function toNum(v: Val): number {
  if (typeof v === 'number') return v;
  const m = /^\s*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+)/.exec(v);
  return m ? parseFloat(m[0]) : 0;
}

function toStr(v: Val): string {
  if (typeof v === 'string') return v;
  return Number.isInteger(v) ? String(v) : formatG(v, 6);
}

class AwkRuntime {
  vars = new Map<string, Val>();
  arrays = new Map<string, Map<string, Val>>();
  fields: string[] = [''];
  out = '';
  /** fields assigned from input (strnum: compared as numbers when they look like numbers) */
  constructor(
    private readonly emit: (s: string) => void,
  ) {
    this.vars.set('FS', ' ');
    this.vars.set('OFS', ' ');
    this.vars.set('ORS', '\n');
    this.vars.set('NR', 0);
    this.vars.set('NF', 0);
    this.vars.set('SUBSEP', '\x1c');
  }

  setRecord(line: string): void {
    this.fields = [line, ...this.split(line)];
    this.vars.set('NF', this.fields.length - 1);
  }

  split(s: string, fs = toStr(this.vars.get('FS') ?? ' ')): string[] {
    if (fs === ' ') return s.split(/[ \t\n]+/).filter((x) => x !== '');
    if (s === '') return [];
    if (fs.length === 1 && fs !== '\\') return s.split(fs);
    return s.split(new RegExp(ereToJs(fs)));
  }

  private rebuild(): void {
    const nf = toNum(this.vars.get('NF') ?? 0);
    this.fields.length = nf + 1;
    for (let i = 1; i <= nf; i++) this.fields[i] ??= '';
    this.fields[0] = this.fields.slice(1).join(toStr(this.vars.get('OFS') ?? ' '));
  }

  private array(name: string): Map<string, Val> {
    let a = this.arrays.get(name);
    if (!a) {
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  private key(keys: Node[]): string {
    return keys.map((k) => toStr(this.eval(k))).join(toStr(this.vars.get('SUBSEP') ?? '\x1c'));
  }

  private get(n: Node): Val {
    if (n.t === 'var') return this.vars.get(n.name) ?? '';
    if (n.t === 'field') {
      const i = Math.trunc(toNum(this.eval(n.e)));
      return this.fields[i] ?? '';
    }
    if (n.t === 'index') return this.array(n.name).get(this.key(n.keys)) ?? '';
    return this.eval(n);
  }

  private set(n: Node, v: Val): void {
    if (n.t === 'var') {
      this.vars.set(n.name, v);
      if (n.name === 'NF') this.rebuild();
    } else if (n.t === 'field') {
      const i = Math.trunc(toNum(this.eval(n.e)));
      if (i === 0) this.setRecord(toStr(v));
      else {
        for (let k = this.fields.length; k < i; k++) this.fields[k] = '';
        this.fields[i] = toStr(v);
        if (i > toNum(this.vars.get('NF') ?? 0)) this.vars.set('NF', i);
        this.rebuild();
      }
    } else if (n.t === 'index') this.array(n.name).set(this.key(n.keys), v);
  }

  truthy(v: Val): boolean {
    return typeof v === 'number' ? v !== 0 : v !== '';
  }

  private isStrnum(n: Node, v: Val): boolean {
    return typeof v === 'number' || ((n.t === 'field' || n.t === 'var' || n.t === 'index') && looksNumeric(v));
  }

  matchRe(v: Node, s: string): boolean {
    const re = v.t === 're' ? v.re : new RegExp(ereToJs(toStr(this.eval(v))));
    return re.test(s);
  }

  eval(n: Node): Val {
    switch (n.t) {
      case 'num':
        return n.v;
      case 'str':
        return n.v;
      case 're':
        return n.re.test(this.fields[0]) ? 1 : 0;
      case 'group':
        return this.eval(n.e);
      case 'var':
      case 'field':
      case 'index':
        return this.get(n);
      case 'assign': {
        let v = this.eval(n.e);
        if (n.op !== '=') {
          const a = toNum(this.get(n.target));
          const b = toNum(v);
          v = n.op === '+=' ? a + b : n.op === '-=' ? a - b : n.op === '*=' ? a * b : n.op === '/=' ? a / b : n.op === '%=' ? a % b : a ** b;
        }
        this.set(n.target, v);
        return v;
      }
      case 'incdec': {
        const old = toNum(this.get(n.target));
        const nv = n.op === '++' ? old + 1 : old - 1;
        this.set(n.target, nv);
        return n.prefix ? nv : old;
      }
      case 'un': {
        const v = this.eval(n.e);
        return n.op === '!' ? (this.truthy(v) ? 0 : 1) : n.op === '-' ? -toNum(v) : toNum(v);
      }
      case 'cond':
        return this.truthy(this.eval(n.c)) ? this.eval(n.a) : this.eval(n.b);
      case 'in':
        return this.array(n.name).has(n.key.t === 'call' && n.key.name === 'SUBSEP_JOIN' ? this.key(n.key.args) : toStr(this.eval(n.key))) ? 1 : 0;
      case 'call':
        return this.call(n.name, n.args);
      case 'bin': {
        if (n.op === '&&') return this.truthy(this.eval(n.a)) && this.truthy(this.eval(n.b)) ? 1 : 0;
        if (n.op === '||') return this.truthy(this.eval(n.a)) || this.truthy(this.eval(n.b)) ? 1 : 0;
        if (n.op === '~' || n.op === '!~') return this.matchRe(n.b, toStr(this.eval(n.a))) === (n.op === '~') ? 1 : 0;
        const a = this.eval(n.a);
        const b = this.eval(n.b);
        switch (n.op) {
          case 'concat':
            return toStr(a) + toStr(b);
          case '+':
            return toNum(a) + toNum(b);
          case '-':
            return toNum(a) - toNum(b);
          case '*':
            return toNum(a) * toNum(b);
          case '/':
            if (toNum(b) === 0) throw new AwkError('division by zero');
            return toNum(a) / toNum(b);
          case '%':
            return toNum(a) % toNum(b);
          case '^':
            return toNum(a) ** toNum(b);
          default: {
            const numeric = this.isStrnum(n.a, a) && this.isStrnum(n.b, b);
            const c = numeric ? toNum(a) - toNum(b) : toStr(a) < toStr(b) ? -1 : toStr(a) > toStr(b) ? 1 : 0;
            const r = n.op === '<' ? c < 0 : n.op === '<=' ? c <= 0 : n.op === '>' ? c > 0 : n.op === '>=' ? c >= 0 : n.op === '==' ? c === 0 : c !== 0;
            return r ? 1 : 0;
          }
        }
      }
    }
  }

  private call(name: string, args: Node[]): Val {
    const s = (k: number): string => toStr(args[k] ? this.eval(args[k]) : this.fields[0]);
    switch (name) {
      case 'length':
        if (args[0]?.t === 'var' && this.arrays.has(args[0].name)) return this.array(args[0].name).size;
        return [...s(0)].length;
      case 'substr': {
        const str = [...s(0)];
        const start = Math.round(toNum(this.eval(args[1])));
        const len = args[2] ? Math.round(toNum(this.eval(args[2]))) : Infinity;
        const from = Math.max(start, 1);
        const to = Math.min(start + len, str.length + 1);
        return to > from ? str.slice(from - 1, to - 1).join('') : '';
      }
      case 'index':
        return s(0).indexOf(s(1)) + 1;
      case 'toupper':
        return s(0).toUpperCase();
      case 'tolower':
        return s(0).toLowerCase();
      case 'int':
        return Math.trunc(toNum(this.eval(args[0])));
      case 'sqrt':
        return Math.sqrt(toNum(this.eval(args[0])));
      case 'exp':
        return Math.exp(toNum(this.eval(args[0])));
      case 'log':
        return Math.log(toNum(this.eval(args[0])));
      case 'sin':
        return Math.sin(toNum(this.eval(args[0])));
      case 'cos':
        return Math.cos(toNum(this.eval(args[0])));
      case 'sprintf':
        return formatOnce(s(0), args.slice(1).map((a) => this.eval(a) as FormatArg)).text;
      case 'split': {
        const target = args[1];
        if (!target || target.t !== 'var') throw new AwkError('split: second argument must be an array');
        const parts = this.split(s(0), args[2] ? (args[2].t === 're' ? args[2].re.source : s(2)) : undefined);
        const arr = new Map<string, Val>();
        parts.forEach((p, i) => arr.set(String(i + 1), p));
        this.arrays.set(target.name, arr);
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        const re = args[0].t === 're' ? args[0].re : new RegExp(ereToJs(s(0)));
        const target = args[2] ?? { t: 'field', e: { t: 'num', v: 0 } };
        const cur = toStr(this.get(target));
        let count = 0;
        const repl = s(1);
        const out = cur.replace(new RegExp(re.source, name === 'gsub' ? 'g' : ''), (m) => {
          count++;
          return repl.replace(/\\&|&/g, (x) => (x === '&' ? m : '&'));
        });
        if (count) this.set(target, out);
        return count;
      }
      case 'match': {
        const re = args[1].t === 're' ? args[1].re : new RegExp(ereToJs(s(1)));
        const m = re.exec(s(0));
        this.vars.set('RSTART', m ? m.index + 1 : 0);
        this.vars.set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
    }
    throw new AwkError(`calling undefined function ${name}`);
  }

  exec(stmts: Stmt[]): void {
    for (const st of stmts) this.stmt(st);
  }

  private stmt(st: Stmt): void {
    switch (st.t) {
      case 'expr':
        this.eval(st.e);
        return;
      case 'block':
        this.exec(st.body);
        return;
      case 'print': {
        if (st.printf) {
          if (st.args.length === 0) throw new AwkError('printf: no format');
          const vals = st.args.map((a) => this.eval(a));
          this.emit(formatOnce(toStr(vals[0]), vals.slice(1) as FormatArg[]).text);
          return;
        }
        const vals = st.args.length ? st.args.map((a) => toStr(this.eval(a))) : [this.fields[0]];
        this.emit(vals.join(toStr(this.vars.get('OFS') ?? ' ')) + toStr(this.vars.get('ORS') ?? '\n'));
        return;
      }
      case 'if':
        if (this.truthy(this.eval(st.c))) this.stmt(st.a);
        else if (st.b) this.stmt(st.b);
        return;
      case 'while':
        for (let n = 0; this.truthy(this.eval(st.c)); n++) {
          if (n > 1_000_000) throw new AwkError('loop limit reached (sandbox)');
          this.stmt(st.body);
        }
        return;
      case 'for':
        if (st.init) this.stmt(st.init);
        for (let n = 0; !st.c || this.truthy(this.eval(st.c)); n++) {
          if (n > 1_000_000) throw new AwkError('loop limit reached (sandbox)');
          this.stmt(st.body);
          if (st.step) this.stmt(st.step);
        }
        return;
      case 'forin':
        for (const k of [...this.array(st.arr).keys()]) {
          this.vars.set(st.v, k);
          this.stmt(st.body);
        }
        return;
      case 'next':
        throw new NextSignal();
      case 'exit':
        throw new ExitAwk(st.e ? Math.trunc(toNum(this.eval(st.e))) : 0);
      case 'delete':
        if (st.keys) this.array(st.name).delete(this.key(st.keys));
        else this.arrays.delete(st.name);
        return;
    }
  }
}

const awk: Builtin = (ctx) => {
  const args = ctx.argv.slice(1);
  let fs: string | undefined;
  const assigns: [string, string][] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('-F')) fs = a.length > 2 ? a.slice(2) : args[++i];
    else if (a === '-v') {
      const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(args[++i] ?? '');
      if (m) assigns.push([m[1], m[2]]);
    } else if (a.startsWith('-') && a.length > 1) {
      ctx.stderr(`awk: not an option: ${a}\n`);
      return 2;
    } else break;
  }
  const src = args[i];
  if (src === undefined) {
    ctx.stderr('usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n');
    return 2;
  }
  const files = args.slice(i + 1);
  let rules: Rule[];
  try {
    rules = new AwkParser(tokenize(src)).program();
  } catch (e) {
    if (e instanceof AwkError) {
      ctx.stderr(`awk: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  let out = '';
  const rt = new AwkRuntime((s) => (out += s));
  if (fs !== undefined) rt.vars.set('FS', fs === 't' ? '\t' : unescape(fs).text);
  for (const [k, v] of assigns) rt.vars.set(k, unescape(v).text);
  let code = 0;
  const flush = (): void => {
    ctx.stdout(out);
    out = '';
  };
  try {
    try {
      for (const r of rules) if (r.kind === 'begin') rt.exec(r.action ?? []);
      const mains = rules.filter((r) => r.kind === 'main');
      const hasEnd = rules.some((r) => r.kind === 'end');
      if (mains.length > 0 || hasEnd) {
        let nr = 0;
        for (const file of files.length ? files : ['-']) {
          // mawk (Ubuntu's awk) gives up at a missing file, without running END
          const status = readInputs(ctx, [file], (text) => {
            if (text === '') return;
            const ls = text.split('\n');
            if (text.endsWith('\n')) ls.pop();
            for (const line of ls) {
              rt.vars.set('NR', ++nr);
              rt.vars.set('FNR', nr);
              rt.setRecord(line);
              try {
                for (const r of mains) {
                  if (r.pattern && !rt.truthy(rt.eval(r.pattern))) continue;
                  if (r.action) rt.exec(r.action);
                  else rt.exec([{ t: 'print', args: [], printf: false }]);
                }
              } catch (e) {
                if (!(e instanceof NextSignal)) throw e;
              }
              if (out.length > 4096) flush();
            }
          }, (f, m) => `awk: cannot open ${f} (${m})`);
          if (status) {
            flush();
            return 2;
          }
        }
      }
    } catch (e) {
      if (!(e instanceof ExitAwk)) throw e;
      code = e.code;
    }
    for (const r of rules) if (r.kind === 'end') rt.exec(r.action ?? []);
  } catch (e) {
    if (e instanceof ExitAwk) code = e.code;
    else if (e instanceof AwkError) {
      flush();
      ctx.stderr(`awk: ${e.message}\n`);
      return 2;
    } else throw e;
  }
  flush();
  return code;
};

export const AWK_UTILS: Registry = { awk, gawk: awk, mawk: awk };
