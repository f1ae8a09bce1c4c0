// A recursive-descent parser for the bash subset the sandbox runs. sh-syntax (mvdan/sh) is the
// grammar's authority (syntax-check.ts), but its 0.7.0 JSON AST drops every node's type and
// fields (un-ts/sh-syntax#123: `Cmd` is only `{Pos, End}`), so the structure comes from here.

import type { AndOr, ArrayIndex, Assignment, CaseItem, Command, CondExpr, List, ParamOp, Pipeline, Redirect, RedirOp, Word, WordPart } from './ast';

/** a parse failure; `message` is bash's text without the `bash: ` prefix */
export class ShellSyntaxError extends Error {
  /**
   * `keepStatus`: bash's parser of `[[ ]]` gives up without setting `$?` (and says nothing of an
   * empty `[[ ]]`)
   */
  constructor(
    message: string,
    readonly keepStatus = false,
  ) {
    super(message);
  }
}

export interface ParseResult {
  list: List;
  /** bash's non-fatal complaints (here-document cut by end of input) */
  warnings: string[];
}

export const MAX_NESTING = 50;

const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const TERMINATORS = new Set(['then', 'fi', 'else', 'elif', 'do', 'done', '}', 'esac', 'in', ']]']);
const UNSUPPORTED = new Set(['select']);
/** what a function's body may be */
const COMPOUND = new Set(['group', 'subshell', 'if', 'for', 'cfor', 'while', 'case', 'cond', 'arith']);
/** a case item's body ends at `;;`, `;&`, `;;&` or `esac` */
const CASE_STOPS = new Set(['esac', ';;']);
/** inside `[[ ]]`, the words that are operators */
const COND_UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-n', '-o', '-p', '-r', '-s', '-t', '-u', '-v', '-w', '-x', '-z', '-G', '-L', '-N', '-O', '-R', '-S']);
const COND_BINARY = new Set(['==', '=', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);
const REDIR = /^(\d*)(&>>|&>|>>|>&|>\||>|<<<|<<-|<<|<&|<)/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

interface PendingHeredoc {
  redir: Redirect;
  /** line of the `<<`, for bash's warning */
  line: number;
  delim: string;
  quoted: boolean;
  strip: boolean;
}

export function parseShell(src: string): ParseResult {
  const p = new Parser(src, 0);
  const list = p.parseProgram();
  return { list, warnings: p.warnings };
}

class Parser {
  i = 0;
  warnings: string[] = [];
  private pending: PendingHeredoc[] = [];

  constructor(
    private readonly src: string,
    private depth: number,
  ) {}

  parseProgram(): List {
    const list = this.parseList(new Set());
    this.skipBlank();
    if (this.i < this.src.length) throw this.unexpected();
    this.readHeredocs();
    return list;
  }

  // ---- tokens -------------------------------------------------------------------------------

  private peek(off = 0): string {
    return this.src[this.i + off] ?? '';
  }

  private eof(): boolean {
    return this.i >= this.src.length;
  }

  /** skips spaces, tabs, line continuations and comments; not newlines */
  private skipBlank(): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t') this.i++;
      else if (c === '\\' && this.peek(1) === '\n') this.i += 2;
      else if (c === '#') {
        while (!this.eof() && this.peek() !== '\n') this.i++;
      } else return;
    }
  }

  private skipBlankAndNewlines(): void {
    for (;;) {
      this.skipBlank();
      if (this.peek() !== '\n') return;
      this.i++;
      this.readHeredocs();
    }
  }

  /** the plain word at the cursor when it could be a reserved word, else '' */
  private peekReserved(): string {
    let j = this.i;
    while (j < this.src.length && !META.has(this.src[j]) && !`'"\\$\``.includes(this.src[j])) j++;
    if (j < this.src.length && !META.has(this.src[j])) return '';
    return this.src.slice(this.i, j);
  }

  /** the token at the cursor as bash names it in `near unexpected token` */
  private tokenText(): string | null {
    if (this.eof()) return null;
    const rest = this.src.slice(this.i);
    if (rest[0] === '\n') return 'newline';
    const op = /^(;;&|;;|;&|&&|\|\||\|&|>>|<<-|<<|&>>|&>|>&|<&|[;&|()<>])/.exec(rest);
    if (op) return op[1];
    let j = 0;
    while (j < rest.length && !META.has(rest[j])) j++;
    return rest.slice(0, j);
  }

  private unexpected(): ShellSyntaxError {
    const t = this.tokenText();
    return new ShellSyntaxError(t === null ? 'syntax error: unexpected end of file' : `syntax error near unexpected token \`${t}'`);
  }

  private nest(): void {
    if (++this.depth > MAX_NESTING) throw new ShellSyntaxError('syntax error: nesting too deep');
  }

  // ---- lists, pipelines, commands -----------------------------------------------------------

  private atStop(stops: Set<string>): boolean {
    if (this.eof()) return true;
    if (stops.has(';;') && this.peek() === ';' && (this.peek(1) === ';' || this.peek(1) === '&')) return true;
    if (this.peek() === ')' && stops.has(')')) return true;
    const w = this.peekReserved();
    return w !== '' && stops.has(w);
  }

  private parseList(stops: Set<string>): List {
    this.nest();
    const items: List['items'] = [];
    for (;;) {
      this.skipBlankAndNewlines();
      if (this.atStop(stops)) break;
      const andOr = this.parseAndOr();
      this.skipBlank();
      const c = this.peek();
      if (c === ';' && this.peek(1) !== ';' && this.peek(1) !== '&') {
        this.i++;
        items.push({ andOr, background: false });
      } else if (c === '&' && this.peek(1) !== '&' && this.peek(1) !== '>') {
        this.i++;
        items.push({ andOr, background: true });
      } else if (c === '\n') {
        this.i++;
        this.readHeredocs();
        items.push({ andOr, background: false });
      } else {
        items.push({ andOr, background: false });
        break;
      }
    }
    this.depth--;
    return { items };
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      this.skipBlank();
      const two = this.src.slice(this.i, this.i + 2);
      if (two !== '&&' && two !== '||') break;
      this.i += 2;
      this.skipBlankAndNewlines();
      rest.push({ op: two, pipeline: this.parsePipeline() });
    }
    return { first, rest };
  }

  private parsePipeline(): Pipeline {
    this.skipBlank();
    let negated = false;
    if (this.peek() === '!' && (this.peek(1) === ' ' || this.peek(1) === '\t')) {
      negated = true;
      this.i++;
      this.skipBlank();
    }
    const commands = [this.parseCommand()];
    for (;;) {
      this.skipBlank();
      if (this.peek() !== '|' || this.peek(1) === '|') break;
      this.i++;
      if (this.peek() === '&') {
        // `|&` is `2>&1 |`
        this.i++;
        const prev = commands[commands.length - 1];
        prev.redirs.push({ fd: 2, op: '>&', target: { parts: [{ kind: 'lit', value: '1' }], raw: '1' } });
      }
      this.skipBlankAndNewlines();
      commands.push(this.parseCommand());
    }
    return { negated, commands };
  }

  private parseCommand(): Command {
    this.skipBlank();
    const c = this.peek();
    if (this.eof() || ';&|)\n'.includes(c)) throw this.unexpected();
    if (c === '(') {
      if (this.peek(1) === '(') {
        const text = this.readDoubleParen();
        return { type: 'arith', expr: parseDqText(text, this.depth + 1), redirs: this.trailingRedirs() };
      }
      this.i++;
      const body = this.parseList(new Set([')']));
      this.skipBlank();
      if (this.peek() !== ')') throw this.unexpected();
      this.i++;
      return { type: 'subshell', body, redirs: this.trailingRedirs() };
    }
    const w = this.peekReserved();
    if (w === '{') {
      this.i++;
      const body = this.parseList(new Set(['}']));
      this.expectWord('}');
      return { type: 'group', body, redirs: this.trailingRedirs() };
    }
    if (w === 'if') return this.parseIf();
    if (w === 'for') return this.parseFor();
    if (w === 'while' || w === 'until') return this.parseWhile(w === 'until');
    if (w === 'case') return this.parseCase();
    if (w === 'function') return this.parseFunctionKeyword();
    if (w === '[[') return this.parseCond();
    if (TERMINATORS.has(w)) throw this.unexpected();
    if (UNSUPPORTED.has(w)) throw new ShellSyntaxError(`${w}: this construct is not supported in this sandbox`);
    return this.parseSimple();
  }

  private expectWord(word: string): void {
    this.skipBlank();
    if (this.peekReserved() !== word) throw this.unexpected();
    this.i += word.length;
  }

  private trailingRedirs(): Redirect[] {
    const redirs: Redirect[] = [];
    for (;;) {
      this.skipBlank();
      const r = this.tryRedirect();
      if (!r) return redirs;
      redirs.push(r);
    }
  }

  private parseIf(): Command {
    this.i += 2;
    const clauses: { cond: List; body: List }[] = [];
    let elseBody: List | undefined;
    for (;;) {
      const cond = this.parseList(new Set(['then']));
      this.expectWord('then');
      const body = this.parseList(new Set(['elif', 'else', 'fi']));
      clauses.push({ cond, body });
      this.skipBlank();
      const w = this.peekReserved();
      if (w === 'elif') {
        this.i += 4;
        continue;
      }
      if (w === 'else') {
        this.i += 4;
        elseBody = this.parseList(new Set(['fi']));
      }
      this.expectWord('fi');
      return { type: 'if', clauses, elseBody, redirs: this.trailingRedirs() };
    }
  }

  private parseFor(): Command {
    this.i += 3;
    this.skipBlank();
    if (this.peek() === '(' && this.peek(1) === '(') {
      const parts = this.readDoubleParen().split(';');
      if (parts.length !== 3) throw new ShellSyntaxError("syntax error: arithmetic expression required");
      const [init, cond, step] = parts.map((t) => parseDqText(t, this.depth + 1));
      this.skipBlank();
      if (this.peek() === ';') this.i++;
      this.skipBlankAndNewlines();
      this.expectWord('do');
      const body = this.parseList(new Set(['done']));
      this.expectWord('done');
      return { type: 'cfor', init, cond, step, body, redirs: this.trailingRedirs() };
    }
    const m = NAME.exec(this.src.slice(this.i));
    if (!m) throw this.unexpected();
    this.i += m[0].length;
    this.skipBlank();
    let items: Word[] | undefined;
    if (this.peekReserved() === 'in') {
      this.i += 2;
      items = [];
      for (;;) {
        this.skipBlank();
        const c = this.peek();
        if (c === ';' || c === '\n') break;
        if (this.eof() || META.has(c)) throw this.unexpected();
        items.push(this.readWord());
      }
    }
    this.skipBlank();
    if (this.peek() === ';') this.i++;
    this.skipBlankAndNewlines();
    this.expectWord('do');
    const body = this.parseList(new Set(['done']));
    this.expectWord('done');
    return { type: 'for', name: m[0], items, body, redirs: this.trailingRedirs() };
  }

  private parseWhile(until: boolean): Command {
    this.i += 5;
    const cond = this.parseList(new Set(['do']));
    this.expectWord('do');
    const body = this.parseList(new Set(['done']));
    this.expectWord('done');
    return { type: 'while', until, cond, body, redirs: this.trailingRedirs() };
  }

  private parseCase(): Command {
    this.i += 4;
    this.skipBlank();
    if (this.eof() || META.has(this.peek())) throw this.unexpected();
    const word = this.readWord();
    this.skipBlankAndNewlines();
    this.expectWord('in');
    const items: CaseItem[] = [];
    for (;;) {
      this.skipBlankAndNewlines();
      if (this.peekReserved() === 'esac') break;
      if (this.peek() === '(') this.i++;
      const patterns: Word[] = [];
      for (;;) {
        this.skipBlank();
        if (this.eof() || META.has(this.peek())) throw this.unexpected();
        patterns.push(this.readWord());
        this.skipBlank();
        if (this.peek() !== '|') break;
        this.i++;
      }
      if (this.peek() !== ')') throw this.unexpected();
      this.i++;
      const body = this.parseList(CASE_STOPS);
      this.skipBlank();
      const op = /^(;;&|;;|;&)/.exec(this.src.slice(this.i, this.i + 3))?.[1] as CaseItem['terminator'] | undefined;
      items.push({ patterns, body, terminator: op ?? ';;' });
      if (!op) break; // the last item may end at `esac`
      this.i += op.length;
    }
    this.skipBlankAndNewlines();
    this.expectWord('esac');
    return { type: 'case', word, items, redirs: this.trailingRedirs() };
  }

  // ---- [[ ]] --------------------------------------------------------------------------------

  private parseCond(): Command {
    this.i += 2;
    const expr = this.condOr();
    this.skipBlank();
    if (!this.atCondEnd()) throw this.unexpected();
    this.i += 2;
    return { type: 'cond', expr, redirs: this.trailingRedirs() };
  }

  private atCondEnd(): boolean {
    return this.src.startsWith(']]', this.i) && (this.i + 2 >= this.src.length || META.has(this.src[this.i + 2]));
  }

  private condOr(): CondExpr {
    return this.condChain('||', 'or', () => this.condAnd());
  }

  private condAnd(): CondExpr {
    return this.condChain('&&', 'and', () => this.condNot());
  }

  /** operands joined by `op`, left to right; a newline may follow the operator */
  private condChain(op: '&&' | '||', kind: 'and' | 'or', operand: () => CondExpr): CondExpr {
    let left = operand();
    for (;;) {
      this.skipBlank();
      if (!this.src.startsWith(op, this.i)) return left;
      this.i += 2;
      this.skipBlankAndNewlines();
      left = { kind, left, right: operand() };
    }
  }

  private condNot(): CondExpr {
    this.skipBlank();
    if (this.peek() === '!' && (this.peek(1) === ' ' || this.peek(1) === '\t')) {
      this.i++;
      return { kind: 'not', expr: this.condNot() };
    }
    return this.condPrimary();
  }

  private condPrimary(): CondExpr {
    this.skipBlank();
    if (this.peek() === '(') {
      this.i++;
      const expr = this.condOr();
      this.skipBlank();
      if (this.peek() !== ')') throw this.unexpected();
      this.i++;
      return { kind: 'paren', expr };
    }
    if (this.atCondEnd()) throw new ShellSyntaxError('', true);
    if (this.eof() || META.has(this.peek())) throw this.unexpected();
    const first = this.readWord();
    this.skipBlank();
    if (COND_UNARY.has(first.raw) && !this.atCondEnd() && !this.atCondOperator()) {
      if (this.eof() || META.has(this.peek())) throw this.unexpected();
      return { kind: 'unary', op: first.raw, arg: this.readWord() };
    }
    const op = this.peek() === '<' || this.peek() === '>' ? this.peek() : this.peekReserved();
    if (op !== '' && (COND_BINARY.has(op) || op === '<' || op === '>')) {
      this.i += op.length;
      this.skipBlank();
      if (this.eof() || this.atCondEnd() || (op !== '=~' && META.has(this.peek()))) {
        throw new ShellSyntaxError(this.eof() ? 'unexpected argument to conditional binary operator' : `unexpected argument \`${this.tokenText()}' to conditional binary operator`, true);
      }
      return { kind: 'binary', op, left: first, right: op === '=~' ? this.readRegexWord() : this.readWord() };
    }
    if (COND_UNARY.has(first.raw)) throw new ShellSyntaxError(`unexpected argument \`${this.tokenText() ?? ']]'}' to conditional unary operator`, true);
    return { kind: 'word', word: first };
  }

  /** `&&`, `||` or `)` next: the word before stands alone */
  private atCondOperator(): boolean {
    return this.src.startsWith('&&', this.i) || this.src.startsWith('||', this.i) || this.peek() === ')';
  }

  /** the right side of `=~`: parentheses and `|` belong to the expression, as do blanks inside parentheses */
  private readRegexWord(): Word {
    const start = this.i;
    const parts: WordPart[] = [];
    let depth = 0;
    while (!this.eof()) {
      const c = this.peek();
      if (depth === 0 && (c === ' ' || c === '\t' || c === '\n')) break;
      if (depth === 0 && (this.src.startsWith('&&', this.i) || this.src.startsWith('||', this.i))) break;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
      if ('()|<>;&'.includes(c) || ((c === ' ' || c === '\t') && depth > 0)) {
        pushText(parts, 'lit', c);
        this.i++;
        continue;
      }
      const w = this.readWord();
      if (w.parts.length === 0) throw this.unexpected();
      parts.push(...w.parts);
    }
    if (depth > 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `)'");
    return { parts, raw: this.src.slice(start, this.i) };
  }

  /** the line (from 1) of the text at offset `at` */
  private lineAt(at: number): number {
    if (!this.newlines) {
      this.newlines = [];
      for (let j = this.src.indexOf('\n'); j >= 0; j = this.src.indexOf('\n', j + 1)) this.newlines.push(j);
    }
    let lo = 0;
    let hi = this.newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.newlines[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }

  private newlines: number[] | undefined;

  private parseSimple(): Command {
    const line = this.lineAt(this.i);
    const assigns: Assignment[] = [];
    const words: Word[] = [];
    const redirs: Redirect[] = [];
    for (;;) {
      this.skipBlank();
      const c = this.peek();
      if (this.eof() || c === '\n' || c === ';' || c === '&' && this.peek(1) !== '>' || c === '|' || c === ')') break;
      if (c === '(') {
        const last = assigns[assigns.length - 1];
        // `a=(x y z)`: right after the `=` of the last assignment
        if (words.length === 0 && last && !last.index && !last.array && last.value.parts.length === 0 && this.src[this.i - 1] === '=') {
          last.array = this.readArrayWords();
          continue;
        }
        if (words.length === 1 && assigns.length === 0 && redirs.length === 0) return this.parseFunctionBody(words[0]);
        throw this.unexpected();
      }
      const r = this.tryRedirect();
      if (r) {
        redirs.push(r);
        continue;
      }
      const w = this.readWord();
      const a = words.length === 0 ? asAssignment(w, this.depth) : undefined;
      if (a) assigns.push(a);
      else words.push(w);
    }
    if (assigns.length === 0 && words.length === 0 && redirs.length === 0) throw this.unexpected();
    return { type: 'simple', assigns, words, redirs, line };
  }

  /** the words of `(x y z)` after `a=`, newlines and comments allowed between them */
  private readArrayWords(): Word[] {
    this.i++;
    const words: Word[] = [];
    for (;;) {
      this.skipBlankAndNewlines();
      if (this.eof()) throw new ShellSyntaxError("unexpected EOF while looking for matching `)'");
      if (this.peek() === ')') {
        this.i++;
        return words;
      }
      if (META.has(this.peek())) throw this.unexpected();
      words.push(this.readWord());
    }
  }

  /** `function name [()] body` */
  private parseFunctionKeyword(): Command {
    this.i += 'function'.length;
    this.skipBlank();
    if (this.eof() || META.has(this.peek())) throw this.unexpected();
    const name = this.readWord();
    this.skipBlank();
    if (this.peek() === '(') return this.parseFunctionBody(name);
    return this.functionBody(name);
  }

  /** `()` after a function's name, then its body */
  private parseFunctionBody(name: Word): Command {
    this.i++;
    this.skipBlank();
    if (this.peek() !== ')') throw this.unexpected();
    this.i++;
    return this.functionBody(name);
  }

  private functionBody(name: Word): Command {
    this.skipBlankAndNewlines();
    const start = this.i;
    const line = this.lineAt(start);
    const w = this.peekReserved();
    if (this.eof() || (this.peek() !== '(' && w !== '{' && !['if', 'for', 'while', 'until', 'case', '[['].includes(w))) throw this.unexpected();
    const body = this.parseCommand();
    if (!COMPOUND.has(body.type)) throw this.unexpected();
    // the body's own redirections belong to the definition: they apply at each call
    const source = this.src.slice(start, this.i);
    // a name with quotes or expansions in it is refused when the definition runs, as bash does
    return { type: 'function', name: name.raw, body, source, line, redirs: [] };
  }

  private tryRedirect(): Redirect | undefined {
    this.refuseProcessSubstitution();
    const m = REDIR.exec(this.src.slice(this.i, this.i + 16));
    if (!m) return undefined;
    this.i += m[0].length;
    const op = m[2] as RedirOp;
    const fd = m[1] !== '' ? Number(m[1]) : op.startsWith('<') ? 0 : op.startsWith('&') ? 1 : 1;
    this.skipBlank();
    this.refuseProcessSubstitution();
    const c = this.peek();
    if (this.eof() || META.has(c)) {
      if (this.eof()) throw new ShellSyntaxError("syntax error near unexpected token `newline'");
      throw this.unexpected();
    }
    const target = this.readWord();
    const redir: Redirect = { fd, op, target };
    if (op === '<<' || op === '<<-') {
      const quoted = /['"\\]/.test(target.raw);
      const line = this.src.slice(0, this.i).split('\n').length;
      this.pending.push({ redir, line, delim: literalText(target), quoted, strip: op === '<<-' });
    }
    return redir;
  }

  /** `<(cmd)` and `>(cmd)` are valid bash the sandbox does not run: said so, not as a syntax error */
  private refuseProcessSubstitution(): void {
    if (this.src.startsWith('<(', this.i) || this.src.startsWith('>(', this.i)) {
      throw new ShellSyntaxError('process substitution <(...) is not supported in this sandbox; use a pipe: cmd | while read -r x; do ...; done');
    }
  }

  /** reads the bodies of here-documents whose line just ended */
  private readHeredocs(): void {
    const pending = this.pending;
    this.pending = [];
    for (const h of pending) {
      let body = '';
      let found = false;
      while (!this.eof()) {
        let end = this.src.indexOf('\n', this.i);
        if (end < 0) end = this.src.length;
        let line = this.src.slice(this.i, end);
        this.i = Math.min(end + 1, this.src.length);
        if (h.strip) line = line.replace(/^\t+/, '');
        if (line === h.delim) {
          found = true;
          break;
        }
        body += `${line}\n`;
      }
      if (!found) {
        this.warnings.push(`warning: here-document at line ${h.line} delimited by end-of-file (wanted \`${h.delim}')`);
      }
      h.redir.heredoc = h.quoted ? { parts: [{ kind: 'quoted', value: body }], raw: body } : parseDqText(body, this.depth);
    }
  }

  // ---- words --------------------------------------------------------------------------------

  /** an unquoted word up to the next metacharacter */
  readWord(): Word {
    const start = this.i;
    const parts: WordPart[] = [];
    const lit = (v: string): void => pushText(parts, 'lit', v);
    while (!this.eof()) {
      const c = this.peek();
      if (META.has(c)) break;
      if (c === '\\') {
        if (this.peek(1) === '\n') this.i += 2;
        else if (this.i + 1 >= this.src.length) {
          lit('\\');
          this.i++;
        } else {
          pushText(parts, 'quoted', this.peek(1));
          this.i += 2;
        }
      } else if (c === "'") {
        const end = this.src.indexOf("'", this.i + 1);
        if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
        pushText(parts, 'quoted', this.src.slice(this.i + 1, end));
        this.i = end + 1;
      } else if (c === '"') {
        this.i++;
        parts.push({ kind: 'dq', parts: this.readDq('"') });
      } else if (c === '$') parts.push(this.readDollar(false));
      else if (c === '`') parts.push(this.readBacktick());
      else {
        lit(c);
        this.i++;
      }
    }
    return { parts, raw: this.src.slice(start, this.i) };
  }

  /** the inside of "...", or of a here-document when `end` is '' */
  readDq(end: string): WordPart[] {
    const parts: WordPart[] = [];
    for (;;) {
      if (this.eof()) {
        if (end === '') return parts;
        throw new ShellSyntaxError('unexpected EOF while looking for matching `"\'');
      }
      const c = this.peek();
      if (end !== '' && c === end) {
        this.i++;
        return parts;
      }
      if (c === '\\') {
        const n = this.peek(1);
        if (n === '\n') this.i += 2;
        else if (n === '$' || n === '`' || n === '\\' || (n === '"' && end === '"')) {
          pushText(parts, 'quoted', n);
          this.i += 2;
        } else {
          pushText(parts, 'quoted', '\\');
          this.i++;
        }
      } else if (c === '$') parts.push(this.readDollar(true));
      else if (c === '`') parts.push(this.readBacktick());
      else {
        pushText(parts, 'quoted', c);
        this.i++;
      }
    }
  }

  private readDollar(inDq: boolean): WordPart {
    const n = this.peek(1);
    if (n === '(' && this.peek(2) === '(') return this.readArith();
    if (n === '(') {
      this.i += 2;
      const body = this.parseList(new Set([')']));
      this.skipBlank();
      if (this.peek() !== ')') {
        if (this.eof()) throw new ShellSyntaxError("unexpected EOF while looking for matching `)'");
        throw this.unexpected();
      }
      this.i++;
      return { kind: 'cmdsub', body };
    }
    if (n === '{') return this.readBraced();
    if (n === "'" && !inDq) {
      const { value, end } = ansiC(this.src, this.i + 2);
      this.i = end;
      return { kind: 'quoted', value };
    }
    if (n === '"' && !inDq) {
      this.i += 2;
      return { kind: 'dq', parts: this.readDq('"') };
    }
    const m = NAME.exec(this.src.slice(this.i + 1));
    if (m) {
      this.i += 1 + m[0].length;
      return { kind: 'param', name: m[0] };
    }
    if (n !== '' && '?$#@*!-0123456789'.includes(n)) {
      this.i += 2;
      return { kind: 'param', name: n };
    }
    this.i++;
    return { kind: inDq ? 'quoted' : 'lit', value: '$' };
  }

  /** the text between `((` and its `))`, the cursor moved past them */
  private readDoubleParen(): string {
    const start = this.i + 2;
    let depth = 0;
    for (let j = start; j < this.src.length; j++) {
      const c = this.src[j];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth > 0) depth--;
        else if (this.src[j + 1] === ')') {
          this.i = j + 2;
          return this.src.slice(start, j);
        } else break;
      }
    }
    throw new ShellSyntaxError("unexpected EOF while looking for matching `))'");
  }

  private readArith(): WordPart {
    const start = this.i + 3;
    let depth = 0;
    for (let j = start; j < this.src.length; j++) {
      const c = this.src[j];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth > 0) depth--;
        else if (this.src[j + 1] === ')') {
          this.i = j + 2;
          return { kind: 'arith', expr: parseDqText(this.src.slice(start, j), this.depth + 1) };
        } else break;
      }
    }
    throw new ShellSyntaxError("unexpected EOF while looking for matching `)'");
  }

  private readBraced(): WordPart {
    const start = this.i;
    this.i += 2;
    const bad = (): ShellSyntaxError => {
      const close = this.src.indexOf('}', start);
      return new ShellSyntaxError(`${this.src.slice(start, close < 0 ? this.src.length : close + 1)}: bad substitution`);
    };
    let len = false;
    let indirect = false;
    if (this.peek() === '#' && this.peek(1) !== '}') {
      len = true;
      this.i++;
    } else if (this.peek() === '!' && this.peek(1) !== '}') {
      indirect = true;
      this.i++;
    }
    const rest = this.src.slice(this.i);
    const m = NAME.exec(rest) ?? /^(\d+|[?$#@*!-])/.exec(rest);
    if (!m) {
      if (this.src.indexOf('}', this.i) < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `}'");
      throw bad();
    }
    const name = m[0];
    this.i += name.length;
    // `${a[i]}`, `${a[@]}`: an element of an array, or all of them
    let index: ArrayIndex | undefined;
    if (this.peek() === '[' && NAME.test(name)) {
      const close = this.matchingBracket(this.i);
      if (close < 0) throw bad();
      const text = this.src.slice(this.i + 1, close);
      index = text === '@' || text === '*' ? { all: text } : { expr: parseDqText(text, this.depth + 1) };
      this.i = close + 1;
    }
    const param = (op?: ParamOp, arg?: Word, arg2?: Word): WordPart => {
      const part: WordPart = { kind: 'param', name };
      if (op) part.op = op;
      if (arg) part.arg = arg;
      if (arg2) part.arg2 = arg2;
      if (indirect) part.indirect = true;
      if (index) part.index = index;
      return part;
    };
    if (len) {
      if (this.peek() !== '}') throw bad();
      this.i++;
      return param('len');
    }
    if (this.peek() === '}') {
      this.i++;
      return param();
    }
    const op = /^(:-|:=|:\+|:\?|##|%%|\^\^|,,|\/\/|\/#|\/%|[-=+?#%^,/:])/.exec(this.src.slice(this.i));
    if (!op) {
      if (this.src.indexOf('}', this.i) < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `}'");
      throw bad();
    }
    this.i += op[0].length;
    if (op[0][0] === '/') {
      // the pattern ends at the first unquoted `/`, the replacement at the `}`
      const pattern = this.readOperand('/}');
      const replacement = pattern.stop === '/' ? this.readOperand('}').word : undefined;
      return param(op[0] as ParamOp, pattern.word, replacement);
    }
    if (op[0] === ':') {
      const offset = this.readOperand(':}');
      const length = offset.stop === ':' ? this.readOperand('}').word : undefined;
      return param(':', offset.word, length);
    }
    return param(op[0] as ParamOp, this.readOperand('}').word);
  }

  /** the `]` closing the `[` at `open` (brackets nest: `${a[${#a[@]}-1]}`); -1 if none */
  private matchingBracket(open: number): number {
    let depth = 0;
    for (let j = open; j < this.src.length; j++) {
      if (this.src[j] === '[') depth++;
      else if (this.src[j] === ']' && --depth === 0) return j;
    }
    return -1;
  }

  /** a ${...} operand: like a word, but spaces are literal and it ends at an unquoted `stops` character */
  private readOperand(stops: string): { word: Word; stop: string } {
    const start = this.i;
    const parts: WordPart[] = [];
    for (;;) {
      if (this.eof()) throw new ShellSyntaxError("unexpected EOF while looking for matching `}'");
      const c = this.peek();
      if (stops.includes(c)) {
        this.i++;
        return { word: { parts, raw: this.src.slice(start, this.i - 1) }, stop: c };
      }
      if (c === '\\' && this.i + 1 < this.src.length) {
        pushText(parts, 'quoted', this.peek(1));
        this.i += 2;
      } else if (c === "'") {
        const end = this.src.indexOf("'", this.i + 1);
        if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
        pushText(parts, 'quoted', this.src.slice(this.i + 1, end));
        this.i = end + 1;
      } else if (c === '"') {
        this.i++;
        parts.push({ kind: 'dq', parts: this.readDq('"') });
      } else if (c === '$') parts.push(this.readDollar(false));
      else if (c === '`') parts.push(this.readBacktick());
      else {
        pushText(parts, 'lit', c);
        this.i++;
      }
    }
  }

  private readBacktick(): WordPart {
    let text = '';
    let j = this.i + 1;
    for (; j < this.src.length; j++) {
      const c = this.src[j];
      if (c === '\\' && '$`\\'.includes(this.src[j + 1] ?? '')) {
        text += this.src[++j];
      } else if (c === '`') break;
      else text += c;
    }
    if (j >= this.src.length) throw new ShellSyntaxError('unexpected EOF while looking for matching ``\'');
    this.i = j + 1;
    const sub = new Parser(text, this.depth + 1);
    const body = sub.parseProgram();
    this.warnings.push(...sub.warnings);
    return { kind: 'cmdsub', body };
  }
}

/** a here-document body or `$(( ))` text: expansions, backslash escapes, no quote removal */
function parseDqText(text: string, depth: number): Word {
  const p = new Parser(text, depth);
  return { parts: p.readDq(''), raw: text };
}

function pushText(parts: WordPart[], kind: 'lit' | 'quoted', value: string): void {
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.value += value;
  else parts.push({ kind, value });
}

/** the text of a word with quotes removed and no expansion (here-document delimiters) */
function literalText(w: Word): string {
  const text = (parts: WordPart[]): string =>
    parts
      .map((p) => {
        if (p.kind === 'lit' || p.kind === 'quoted') return p.value;
        if (p.kind === 'dq') return text(p.parts);
        if (p.kind === 'param') return `$${p.name}`;
        return '';
      })
      .join('');
  return text(w.parts);
}

function asAssignment(w: Word, depth: number): Assignment | undefined {
  const first = w.parts[0];
  if (!first || first.kind !== 'lit') return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.value);
  if (!m) return asElementAssignment(w, depth);
  const restLit = first.value.slice(m[0].length);
  const parts: WordPart[] = restLit ? [{ kind: 'lit', value: restLit }, ...w.parts.slice(1)] : w.parts.slice(1);
  return { name: m[1], append: m[2] === '+', value: { parts, raw: w.raw.slice(m[0].length) } };
}

/** `a[i]=v`, `a[$i+1]+=v`: the subscript is what stands between the brackets in the source */
function asElementAssignment(w: Word, depth: number): Assignment | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[([^\]]*)\](\+?)=/.exec(w.raw);
  if (!m) return undefined;
  // the value starts after the `]=` in the parts: find the literal part holding it
  let k = 0;
  for (; k < w.parts.length; k++) {
    const p = w.parts[k];
    if (p.kind === 'lit' && (p.value.includes(']=') || p.value.includes(']+='))) break;
  }
  const at = w.parts[k];
  if (!at || at.kind !== 'lit') return undefined;
  const cut = at.value.indexOf(m[3] ? ']+=' : ']=') + (m[3] ? 3 : 2);
  const rest = at.value.slice(cut);
  const parts: WordPart[] = [...(rest ? [{ kind: 'lit' as const, value: rest }] : []), ...w.parts.slice(k + 1)];
  return { name: m[1], append: m[3] === '+', index: parseDqText(m[2], depth + 1), value: { parts, raw: w.raw.slice(m[0].length) } };
}

/** $'...' with C escapes; returns the text and the index after the closing quote */
function ansiC(src: string, start: number): { value: string; end: number } {
  let out = '';
  let j = start;
  const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
  for (; j < src.length; j++) {
    const c = src[j];
    if (c === "'") return { value: out, end: j + 1 };
    if (c === '\\' && j + 1 < src.length) {
      const n = src[++j];
      if (esc[n] !== undefined) out += esc[n];
      else if (n === 'x') {
        const m = /^[0-9a-fA-F]{1,2}/.exec(src.slice(j + 1));
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 16));
          j += m[0].length;
        } else out += '\\x';
      } else if (/[0-7]/.test(n)) {
        const m = /^[0-7]{1,3}/.exec(src.slice(j))!;
        out += String.fromCharCode(parseInt(m[0], 8));
        j += m[0].length - 1;
      } else out += `\\${n}`;
    } else out += c;
  }
  throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
}
