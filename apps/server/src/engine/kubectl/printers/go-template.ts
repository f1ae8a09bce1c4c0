// `-o go-template=...`: Go's text/template over the object as kubectl hands it to the template
// (JSON decoded into interface{} values, so every number is a float64), with kubectl's extra
// function base64decode. Covered: fields and chains, variables, pipelines, if / else if / else,
// range (with $i, $e :=, and else), with, comments, {{- -}} trimming, and the functions
// eq ne lt le gt ge and or not len index print printf println base64decode.

import { decodeBase64 } from '../../api/defaults/base64';
import { goQuote, goSprint, goTypeName } from './go-format';

export class GoTemplateError extends Error {
  constructor(
    message: string,
    /** a template that does not parse, or one that fails while it runs */
    readonly phase: 'parse' | 'exec' = 'exec',
  ) {
    super(message);
  }

  /** what the template had written when it failed */
  partial = '';
}

const parseError = (message: string): GoTemplateError => new GoTemplateError(message, 'parse');

// ---- lexing and parsing ------------------------------------------------------------------

type Node =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: Pipe; pos: number }
  | { t: 'if' | 'with'; pipe: Pipe; then: Node[]; else: Node[] }
  | { t: 'range'; pipe: Pipe; then: Node[]; else: Node[] };

interface Pipe {
  decl: string[];
  assign: boolean;
  cmds: Cmd[];
}

/** a command: its operands, and where it stands in the template (Go names it in errors) */
interface Cmd {
  args: Arg[];
  text: string;
  pos: number;
}

type Arg =
  // base: 'dot' or a $variable; pos: where Go says a failure of this chain happened
  | { t: 'field'; base: 'dot' | string; path: string[]; text: string; pos: number }
  | { t: 'fn'; name: string }
  | { t: 'lit'; value: unknown }
  | { t: 'sub'; pipe: Pipe; path: string[] };

/** a float constant of the template (3.0): Go keeps it apart from the int64 numbers of the data */
class GoFloat {
  constructor(readonly n: number) {}
}

interface Token {
  kind: 'text' | 'action';
  text: string;
  /** offset of the action's content in the template */
  pos: number;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let trimNext = false;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    let text = open < 0 ? src.slice(i) : src.slice(i, open);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (open < 0) {
      if (text) out.push({ kind: 'text', text, pos: i });
      break;
    }
    const trimLeft = src.startsWith('{{- ', open) || src.startsWith('{{-\t', open) || src.startsWith('{{-\n', open);
    if (trimLeft) text = text.replace(/\s+$/, '');
    if (text) out.push({ kind: 'text', text, pos: i });
    const start = open + (trimLeft ? 3 : 2);
    const close = findClose(src, start);
    if (close < 0) throw parseError(`template: output:${lineOf(src, open)}: unclosed action`);
    const trimRight = /\s-$/.test(src.slice(start, close)) && src[close - 1] === '-';
    out.push({ kind: 'action', text: src.slice(start, trimRight ? close - 1 : close), pos: start });
    trimNext = trimRight;
    i = close + 2;
  }
  return out;
}

/** the `}}` that closes an action, skipping quoted strings */
function findClose(src: string, from: number): number {
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === '"') {
      for (i++; i < src.length && src[i] !== '"'; i++) if (src[i] === '\\') i++;
    } else if (c === '`') {
      i = src.indexOf('`', i + 1);
      if (i < 0) return -1;
    } else if (c === '}' && src[i + 1] === '}') return i;
  }
  return -1;
}

const lineOf = (src: string, at: number): number => src.slice(0, at).split('\n').length;

class Parser {
  private k = 0;
  constructor(
    private readonly src: string,
    private readonly toks: Token[],
  ) {}

  parse(): Node[] {
    const { nodes, end } = this.list();
    if (end) throw parseError(`template: output:${lineOf(this.src, end.pos)}: unexpected {{${end.word}}}`);
    return nodes;
  }

  /** nodes up to an {{end}} or {{else ...}} (returned for the caller to handle) */
  private list(): { nodes: Node[]; end?: { word: string; rest: string; pos: number } } {
    const nodes: Node[] = [];
    while (this.k < this.toks.length) {
      const tok = this.toks[this.k++];
      if (tok.kind === 'text') {
        nodes.push({ t: 'text', text: tok.text });
        continue;
      }
      const body = tok.text.trim();
      if (body.startsWith('/*')) continue;
      // positions are kept exact: Go names the column of what fails
      const bodyAt = tok.pos + tok.text.indexOf(body);
      const m = /^(\w+)\b\s*([\s\S]*)$/.exec(body);
      const word = m?.[1];
      const restAt = m ? bodyAt + body.length - m[2].length : bodyAt;
      if (word === 'end' || word === 'else') return { nodes, end: { word, rest: m![2], pos: restAt } };
      if (word === 'if' || word === 'with' || word === 'range') {
        nodes.push(this.block(word, m![2], restAt));
        continue;
      }
      if (word === 'define' || word === 'template' || word === 'block' || word === 'break' || word === 'continue') {
        throw parseError(`template: output:${lineOf(this.src, tok.pos)}: {{${word}}} is not supported in kubeaula`);
      }
      nodes.push({ t: 'action', pipe: this.pipe(body, bodyAt), pos: bodyAt });
    }
    return { nodes };
  }

  private block(kind: 'if' | 'with' | 'range', text: string, pos: number): Node {
    if (!text.trim()) throw parseError(`template: output:${lineOf(this.src, pos)}: missing value for ${kind}`);
    const pipe = this.pipe(text, pos);
    const body = this.list();
    if (!body.end) throw parseError(`template: output:${lineOf(this.src, pos)}: unexpected EOF`);
    let elseNodes: Node[] = [];
    if (body.end.word === 'else') {
      const rest = body.end.rest.trim();
      if (/^(if|with)\b/.test(rest)) {
        // else if / else with: a nested block that shares the {{end}}
        const w = rest.startsWith('if') ? 'if' : 'with';
        const after = rest.slice(w.length);
        const at = body.end.pos + body.end.rest.indexOf(rest) + w.length + (after.length - after.trimStart().length);
        elseNodes = [this.block(w, after.trimStart(), at)];
        return { t: kind, pipe, then: body.nodes, else: elseNodes } as Node;
      }
      const tail = this.list();
      if (!tail.end || tail.end.word !== 'end') throw parseError(`template: output:${lineOf(this.src, pos)}: expected end; found ${tail.end ? `{{${tail.end.word}}}` : 'EOF'}`);
      elseNodes = tail.nodes;
    }
    return { t: kind, pipe, then: body.nodes, else: elseNodes } as Node;
  }

  private pipe(text: string, pos: number): Pipe {
    const s = new Scanner(text, pos, this.src);
    return s.pipeline(false);
  }
}

class Scanner {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly base: number,
    private readonly src: string,
  ) {}

  private fail(msg: string): never {
    throw parseError(`template: output:${lineOf(this.src, this.base + this.i)}: ${msg}`);
  }

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  pipeline(inParens: boolean): Pipe {
    this.ws();
    const pipe: Pipe = { decl: [], assign: false, cmds: [] };
    const decl = /^(\$\w*)\s*(?:,\s*(\$\w*)\s*)?(:=|=)/.exec(this.s.slice(this.i));
    if (decl) {
      pipe.decl = [decl[1], ...(decl[2] ? [decl[2]] : [])];
      pipe.assign = decl[3] === '=';
      this.i += decl[0].length;
    }
    let cmd: Arg[] = [];
    let start = this.i;
    const finish = (): void => {
      pipe.cmds.push({ args: cmd, text: this.s.slice(start, this.i).trim(), pos: this.base + start });
      cmd = [];
    };
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      if (c === undefined || (inParens && c === ')')) break;
      if (c === '|') {
        if (!cmd.length) this.fail('missing command');
        finish();
        this.i++;
        this.ws();
        start = this.i;
        continue;
      }
      if (!cmd.length) start = this.i;
      cmd.push(this.operand());
    }
    if (cmd.length) finish();
    if (!pipe.cmds.length) this.fail(inParens ? 'missing value for parenthesized pipeline' : 'missing value for command');
    return pipe;
  }

  private operand(): Arg {
    const rest = this.s.slice(this.i);
    const at = this.base + this.i;
    if (rest[0] === '(') {
      this.i++;
      const pipe = this.pipeline(true);
      if (this.s[this.i] !== ')') this.fail('unclosed left paren');
      this.i++;
      return { t: 'sub', pipe, path: this.fields() };
    }
    if (rest[0] === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(rest);
      if (!m) this.fail('unterminated quoted string');
      this.i += m[0].length;
      return { t: 'lit', value: JSON.parse(m[0].replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')) };
    }
    if (rest[0] === '`') {
      const end = rest.indexOf('`', 1);
      this.i += end + 1;
      return { t: 'lit', value: rest.slice(1, end) };
    }
    const num = /^[-+]?(\d+\.?\d*([eE][-+]?\d+)?|0x[0-9a-fA-F]+)/.exec(rest);
    if (num) {
      this.i += num[0].length;
      const n = Number(num[0]);
      return { t: 'lit', value: /[.eE]/.test(num[0]) && !num[0].startsWith('0x') ? new GoFloat(n) : n };
    }
    if (rest[0] === '.') {
      if (!/^\.[A-Za-z_]/.test(rest)) {
        this.i++;
        return { t: 'field', base: 'dot', path: [], text: '.', pos: at };
      }
      const starts: number[] = [];
      const path = this.fields(starts);
      return { t: 'field', base: 'dot', path, text: `.${path.join('.')}`, pos: starts[Math.min(1, starts.length - 1)] };
    }
    if (rest[0] === '$') {
      const m = /^\$\w*/.exec(rest)!;
      this.i += m[0].length;
      const starts: number[] = [];
      const path = this.fields(starts);
      return { t: 'field', base: m[0], path, text: [m[0], ...path].join('.'), pos: starts[0] ?? at };
    }
    const id = /^[A-Za-z_]\w*/.exec(rest);
    if (id) {
      this.i += id[0].length;
      if (id[0] === 'true' || id[0] === 'false') return { t: 'lit', value: id[0] === 'true' };
      if (id[0] === 'nil') return { t: 'lit', value: null };
      if (!(id[0] in FUNCS)) this.fail(`function "${id[0]}" not defined`);
      return { t: 'fn', name: id[0] };
    }
    this.fail(`unexpected "${rest[0]}" in command`);
  }

  /** `.a.b.c` from here; `starts` gets where each element begins in the template */
  private fields(starts: number[] = []): string[] {
    const path: string[] = [];
    for (;;) {
      const m = /^\.([A-Za-z_]\w*)/.exec(this.s.slice(this.i));
      if (!m) return path;
      starts.push(this.base + this.i);
      path.push(m[1]);
      this.i += m[0].length;
    }
  }
}

// ---- evaluation ----------------------------------------------------------------------------

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoFloat);

/** numbers: the data's integers are int64, its other numbers and the template's 3.0 float64 */
const numberOf = (v: unknown): number | undefined => (typeof v === 'number' ? v : v instanceof GoFloat ? v.n : undefined);
const isFloat = (v: unknown): boolean => v instanceof GoFloat || (typeof v === 'number' && !Number.isInteger(v));

/** Go's template truth: false, 0, nil, and empty strings, slices and maps are false */
function truth(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === '') return false;
  const n = numberOf(v);
  if (n !== undefined) return n !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

/** strconv.FormatFloat(f, 'g', -1, 64): what %v prints for the template's float constants */
function goG(n: number): string {
  if (!Number.isFinite(n) || n === 0) return goSprint(n);
  const [mant, e] = n.toExponential().split('e');
  const exp = Number(e);
  // the shortest form switches to an exponent below 1e-4 and from 1e+06 on
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : Math.abs(exp)}`;
  return String(n);
}

/** fmt's %v for template values: <no value> for a missing key, data as go-format prints it */
function sprint(v: unknown): string {
  if (v === undefined) return '<no value>';
  if (v instanceof GoFloat) return goG(v.n);
  return goSprint(v);
}

function compare(name: string, a: unknown, b: unknown): number {
  const x = numberOf(a);
  const y = numberOf(b);
  if (x !== undefined && y !== undefined) {
    if (isFloat(a) !== isFloat(b)) throw new GoTemplateError(`error calling ${name}: incompatible types for comparison`);
    return x - y;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean' && (name === 'eq' || name === 'ne')) return a === b ? 0 : 1;
  if ((a === null || a === undefined) && (b === null || b === undefined) && (name === 'eq' || name === 'ne')) return 0;
  if (a === undefined || a === null || b === undefined || b === null) throw new GoTemplateError(`error calling ${name}: invalid type for comparison`);
  throw new GoTemplateError(`error calling ${name}: incompatible types for comparison`);
}

const typeName = (v: unknown): string => (v instanceof GoFloat ? 'float64' : v === null || v === undefined ? '<nil>' : goTypeName(v));

/** fmt.Sprintf for the verbs templates use: %s %v %d %f %q %x %%, with width, - and precision */
function sprintf(format: unknown, args: unknown[]): string {
  let k = 0;
  return String(format).replace(/%([-+ 0#]*)(\d*)(?:\.(\d+))?([a-zA-Z%])/g, (_all, flags: string, width: string, prec: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (k >= args.length) return `%!${verb}(MISSING)`;
    const v = args[k++];
    const n = numberOf(v);
    let s: string;
    switch (verb) {
      case 'd':
        s = n !== undefined && !isFloat(v) ? String(n) : `%!d(${typeName(v)}=${sprint(v)})`;
        break;
      case 'f':
        s = n !== undefined && isFloat(v) ? n.toFixed(prec === undefined ? 6 : Number(prec)) : `%!f(${typeName(v)}=${sprint(v)})`;
        break;
      case 'q':
        s = typeof v === 'string' ? goQuote(v) : sprint(v);
        break;
      case 'x':
        s = typeof v === 'string' ? [...new TextEncoder().encode(v)].map((b) => b.toString(16).padStart(2, '0')).join('') : n !== undefined ? Math.trunc(n).toString(16) : sprint(v);
        break;
      default:
        s = sprint(v);
        if (prec !== undefined && typeof v === 'string') s = s.slice(0, Number(prec));
    }
    const w = Number(width || 0);
    if (s.length < w) s = flags.includes('-') ? s.padEnd(w) : s.padStart(w, flags.includes('0') && verb !== 's' ? '0' : ' ');
    return s;
  });
}

type Fn = (args: unknown[]) => unknown;

const FUNCS: Record<string, Fn> = {
  eq: (a) => a.slice(1).some((b) => compare('eq', a[0], b) === 0),
  ne: (a) => compare('ne', a[0], a[1]) !== 0,
  lt: (a) => compare('lt', a[0], a[1]) < 0,
  le: (a) => compare('le', a[0], a[1]) <= 0,
  gt: (a) => compare('gt', a[0], a[1]) > 0,
  ge: (a) => compare('ge', a[0], a[1]) >= 0,
  and: (a) => a.find((x) => !truth(x)) ?? a[a.length - 1],
  or: (a) => a.find((x) => truth(x)) ?? a[a.length - 1],
  not: (a) => !truth(a[0]),
  len: (a) => {
    const v = a[0];
    if (typeof v === 'string') return new TextEncoder().encode(v).length;
    if (Array.isArray(v)) return v.length;
    if (isMap(v)) return Object.keys(v).length;
    if (v === undefined) throw new GoTemplateError('error calling len: reflect: call of reflect.Value.Type on zero Value');
    throw new GoTemplateError(`error calling len: len of ${v === null ? 'nil pointer' : `type ${typeName(v)}`}`);
  },
  index: (a) => {
    let v = a[0];
    for (const key of a.slice(1)) {
      const n = numberOf(key);
      if (Array.isArray(v) && n !== undefined) {
        if (n < 0 || n >= v.length) throw new GoTemplateError(`error calling index: index out of range: ${n}`);
        v = v[n];
      } else if (isMap(v)) v = v[String(key)];
      else if (v === undefined || v === null) throw new GoTemplateError('error calling index: index of untyped nil');
      else throw new GoTemplateError(`error calling index: can't index item of type ${typeName(v)}`);
    }
    return v;
  },
  print: (a) => a.map((x, i) => (i > 0 && typeof x !== 'string' && typeof a[i - 1] !== 'string' ? ' ' : '') + sprint(x)).join(''),
  println: (a) => `${a.map(sprint).join(' ')}\n`,
  printf: (a) => sprintf(a[0], a.slice(1)),
  base64decode: (a) => {
    if (typeof a[0] !== 'string') throw new GoTemplateError(`error calling base64decode: base64decode expects a string, got ${typeName(a[0])}`);
    return decodeBase64(a[0]);
  },
};

type Vars = { name: string; value: unknown }[];

class Exec {
  private out = '';
  constructor(
    private readonly src: string,
    private readonly root: unknown,
  ) {}

  run(nodes: Node[]): string {
    try {
      this.walk(nodes, this.root, [{ name: '$', value: this.root }]);
    } catch (e) {
      // Go writes as it goes: what came before the failure is printed
      if (e instanceof GoTemplateError) e.partial = this.out;
      throw e;
    }
    return this.out;
  }

  /** Go's words for a failure at `pos` while evaluating `context` */
  private fail(pos: number, context: string, message: string): never {
    throw new GoTemplateError(`template: output:${lineOf(this.src, pos)}:${column(this.src, pos)}: executing "output" at <${context}>: ${message}`);
  }

  /** variables declared in a block live to its end (the caller cuts `vars` back), at the top to the template's */
  private walk(nodes: Node[], dot: unknown, vars: Vars): void {
    for (const n of nodes) {
      switch (n.t) {
        case 'text':
          this.out += n.text;
          break;
        case 'action': {
          const v = this.pipe(n.pipe, dot, vars);
          if (!n.pipe.decl.length) this.out += sprint(v);
          break;
        }
        case 'if':
        case 'with': {
          const scope = vars.length;
          const v = this.pipe(n.pipe, dot, vars);
          if (truth(v)) this.walk(n.then, n.t === 'with' ? v : dot, vars);
          else this.walk(n.else, dot, vars);
          vars.length = scope;
          break;
        }
        case 'range': {
          const scope = vars.length;
          const v = this.pipe({ ...n.pipe, decl: [] }, dot, vars);
          let entries: [unknown, unknown][];
          if (Array.isArray(v)) entries = v.map((x, i) => [i, x]);
          else if (isMap(v)) entries = Object.keys(v).sort().map((k) => [k, v[k]]);
          else if (v === undefined || v === null) entries = []; // nothing to range over is no error
          else {
            const first = n.pipe.cmds[0];
            const arg = first.args[0];
            this.fail(arg?.t === 'field' ? arg.pos : first.pos, first.text, `range can't iterate over ${sprint(v)}`);
          }
          if (!entries.length) this.walk(n.else, dot, vars);
          for (const [key, value] of entries) {
            vars.length = scope;
            if (n.pipe.decl.length === 1) vars.push({ name: n.pipe.decl[0], value });
            if (n.pipe.decl.length === 2) vars.push({ name: n.pipe.decl[0], value: key }, { name: n.pipe.decl[1], value });
            this.walk(n.then, value, vars);
          }
          vars.length = scope;
          break;
        }
      }
    }
  }

  private pipe(p: Pipe, dot: unknown, vars: Vars): unknown {
    let v: unknown;
    let first = true;
    for (const cmd of p.cmds) {
      v = this.cmd(cmd, dot, vars, first ? undefined : { value: v });
      first = false;
    }
    for (const name of p.decl) {
      if (p.assign) {
        const found = [...vars].reverse().find((x) => x.name === name);
        if (!found) throw new GoTemplateError(`template: output:${lineOf(this.src, p.cmds[0].pos)}: undefined variable "${name}"`);
        found.value = v;
      } else vars.push({ name, value: v });
    }
    return v;
  }

  private cmd(cmd: Cmd, dot: unknown, vars: Vars, piped?: { value: unknown }): unknown {
    const head = cmd.args[0];
    if (head.t === 'fn') {
      const args = cmd.args.slice(1).map((a) => this.arg(a, dot, vars));
      if (piped) args.push(piped.value);
      // base64decode takes a Go string: text/template checks the argument before the call
      if (head.name === 'base64decode' && typeof args[0] !== 'string') {
        const node = cmd.args[1];
        const at = node?.t === 'field' ? node : { pos: cmd.pos, text: cmd.text };
        this.fail(at.pos, at.text, args[0] === undefined ? 'invalid value; expected string' : `wrong type for value; expected string; got ${typeName(args[0])}`);
      }
      try {
        return FUNCS[head.name](args);
      } catch (e) {
        if (e instanceof GoTemplateError && e.message.startsWith('error calling')) this.fail(cmd.pos, cmd.text, e.message);
        throw e;
      }
    }
    if (head.t === 'lit' && head.value === null && cmd.args.length === 1) this.fail(cmd.pos, 'nil', 'nil is not a command');
    if (cmd.args.length > 1 || piped) this.fail(cmd.pos, cmd.text, `can't give argument to non-function ${head.t === 'field' ? head.text : sprint(head.t === 'lit' ? head.value : undefined)}`);
    return this.arg(head, dot, vars);
  }

  private arg(a: Arg, dot: unknown, vars: Vars): unknown {
    switch (a.t) {
      case 'lit':
        return a.value;
      case 'fn':
        return FUNCS[a.name]([]);
      case 'sub':
        return this.walkPath(this.pipe(a.pipe, dot, vars), a.path, '(...)', 0);
      case 'field': {
        let base = dot;
        if (a.base !== 'dot') {
          const found = [...vars].reverse().find((x) => x.name === a.base);
          if (!found) throw new GoTemplateError(`template: output:${lineOf(this.src, a.pos)}: undefined variable "${a.base}"`);
          base = found.value;
        }
        return this.walkPath(base, a.path, a.text, a.pos);
      }
    }
  }

  /** a field chain: a missing key gives <no value> to the end, a field of nil or of a non-map fails */
  private walkPath(v: unknown, path: string[], text: string, pos: number): unknown {
    for (const key of path) {
      if (v === undefined) return undefined;
      if (isMap(v)) v = v[key];
      else if (v === null) this.fail(pos, text, `nil pointer evaluating interface {}.${key}`);
      else this.fail(pos, text, `can't evaluate field ${key} in type interface {}`);
    }
    return v;
  }
}

/** Go's column in an error: bytes from the start of the line (0 for its first) */
const column = (src: string, at: number): number => at - (src.lastIndexOf('\n', at - 1) + 1);

/** Runs `template` over `data`; throws GoTemplateError with Go's message (parse or execution). */
export function executeGoTemplate(template: string, data: unknown): string {
  const nodes = new Parser(template, tokenize(template)).parse();
  return new Exec(template, data).run(nodes);
}
