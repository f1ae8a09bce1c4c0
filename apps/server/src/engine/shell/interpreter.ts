// Runs the command AST: lists, pipelines (stdout text handed from stage to stage), redirections,
// expansions, and dispatch to builtins, registered commands and utilities by name lookup.

import type { AndOr, Assignment, Command, CondExpr, List, Pipeline, Redirect, Word } from './ast';
import { CondArithError, CondRegexError, evalCond } from './cond';
import type { BuiltinContext, ExecState, FunctionCall, Io, Registry, Runner } from './command-registry';
import { Input } from './command-registry';
import { homeOf } from './command-registry';
import { ExpansionError, Expander, expandPattern, expandString, expandTarget, expandWords } from './expand';
import { globToRegExp } from './glob';
import { FsError, WriteError } from './filesystem';
import { newHostState } from './hosts';
import { ShellSyntaxError, parseShell } from './parser';
import { copyArrays, exportedEnv, forgetVariable, isReadonly, setArray, setElement, setScalar } from './variables';
import { ReadonlyError } from './expand-error';
import { checkSyntax } from './syntax-check';
import type { HostState, ShellEnvironment, ShellSignal } from './types';
import { UserFs } from './user-fs';
import { evalArith } from './arith';

/** `exit N`: unwinds to the nearest shell (subshell, ssh session, top level) */
export class ExitSignal {
  constructor(readonly code: number) {}
}

/** `return N`: unwinds to the function (or sourced script) it ends */
export class ReturnSignal {
  constructor(readonly code: number) {}
}

/** ^C: unwinds the whole line */
export class InterruptSignal {}

/** `break N` / `continue N`: unwinds to the Nth enclosing loop */
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}

export const MAX_EXEC_DEPTH = 64;
/** a variable holds at most what a file may */
export const MAX_VAR = 1024 * 1024;
/** bash-level names that `sudo` cannot run: they exist only inside a shell */
const NOT_BINARIES = new Set(['cd', 'export', 'unset', 'exit', 'logout', 'history', 'source', '.', 'type', 'set', 'alias', 'unalias', 'complete', 'time', 'break', 'continue', 'eval', 'shift', 'read', 'local', 'exec', 'help', 'let', 'command', 'return', 'declare', 'typeset', 'mapfile', 'readarray', 'builtin', 'trap', 'readonly', 'jobs', 'wait']);
/** what `type` calls a shell builtin (sudo, ssh, bash are files even though we run them inside) */
const BASH_BUILTINS = new Set([...NOT_BINARIES, 'echo', 'printf', 'pwd', 'test', '[', 'true', 'false', ':', 'kill']);

export const PID = 4242;
/** builtins whose `name=value` arguments are assignments: expanded without splitting or globbing */
const DECLARATIONS = new Set(['local', 'declare', 'typeset', 'export', 'readonly']);

/** the words of `local x=$y`: assignments stay one word each, as bash's declaration builtins take them */
async function expandDeclaration(words: Word[], x: Expander): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) {
    const first = w.parts[0];
    if (first?.kind === 'lit' && /^[A-Za-z_]\w*\+?=/.test(first.value)) out.push(await expandString(w, x));
    else out.push(...(await expandWords([w], x)));
  }
  return out;
}

/** functions one session may define */
const MAX_FUNCTIONS = 200;
/** ...and their bodies' text in all: the session is stored after every command */
const MAX_FUNCTION_TEXT = 64 * 1024;
/** Ubuntu 24.04's bash */
export const BASH_VERSION = '5.2.21(1)-release';

type SimpleCommand = Extract<Command, { type: 'simple' }>;

export class Interpreter implements Runner {
  private depth = 0;
  private loops = 0;
  /**
   * how deep the commands running are inside contexts where `set -e` is ignored: an if, while or
   * until condition, a part of && or || but the last, and what they call
   */
  private lenient = 0;

  constructor(
    readonly environment: ShellEnvironment,
    private readonly builtins: Registry,
    private readonly utilities: Registry,
    readonly signal: ShellSignal,
  ) {}

  hostState(name: string): HostState {
    let h = this.environment.hosts[name];
    if (!h) {
      h = newHostState(name, '10.0.0.99');
      this.environment.hosts[name] = h;
    }
    return h;
  }

  userFs(state: ExecState): UserFs {
    return new UserFs(this.hostState(state.host).fs, state.user, state.cwd, this.environment.now());
  }

  /** the parsed body of one of the session's functions */
  functionBody(state: ExecState, name: string): Command | undefined {
    const source = state.functions?.[name];
    return source === undefined ? undefined : functionBody(source);
  }

  knownCommand(name: string): 'builtin' | 'file' | undefined {
    const known = Object.hasOwn(this.builtins, name) || Object.hasOwn(this.environment.commands, name) || Object.hasOwn(this.utilities, name);
    if (!known) return undefined;
    return BASH_BUILTINS.has(name) && Object.hasOwn(this.builtins, name) ? 'builtin' : 'file';
  }

  exit(code: number): never {
    throw new ExitSignal(code);
  }

  loopDepth(): number {
    return this.loops;
  }

  loopControl(kind: 'break' | 'continue', levels: number): never {
    throw new LoopSignal(kind, Math.min(levels, this.loops));
  }

  /** runs one pass of a loop body; 'break' when the loop must end */
  private async loopBody(body: List, state: ExecState, io: Io): Promise<number | 'break'> {
    this.loops++;
    try {
      return await this.execList(body, state, io);
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) {
        e.levels--;
        throw e;
      }
      return e.kind === 'break' ? 'break' : 0;
    } finally {
      this.loops--;
    }
  }

  // ---- entry points used by builtins --------------------------------------------------------

  async runSource(src: string, state: ExecState, io: Io): Promise<number> {
    let list: List;
    try {
      const parsed = parseShell(src);
      for (const w of parsed.warnings) io.err(`bash: ${w}\n`);
      const bad = await checkSyntax(src);
      if (bad !== undefined && !/unexpected end of file/.test(bad) && parsed.warnings.length === 0) {
        io.err(`bash: ${bad}\n`);
        return 2;
      }
      list = parsed.list;
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        if (e.message) io.err(`bash: ${e.message}\n`);
        return e.keepStatus ? state.status : 2;
      }
      throw e;
    }
    return this.execList(list, state, io);
  }

  async runArgv(argv: string[], state: ExecState, io: Io, functions = false): Promise<number> {
    return this.dispatch(argv, {}, state, io, functions);
  }

  // ---- the AST ------------------------------------------------------------------------------

  async execList(list: List, state: ExecState, io: Io): Promise<number> {
    if (++this.depth > MAX_EXEC_DEPTH) {
      this.depth--;
      io.err(`bash: maximum nesting level exceeded (${MAX_EXEC_DEPTH})\n`);
      return 2;
    }
    try {
      for (const item of list.items) {
        if (this.signal.aborted) throw new InterruptSignal();
        // no job control: `cmd &` runs to completion, as if in the foreground
        state.status = await this.execAndOr(item.andOr, state, io);
      }
      return state.status;
    } finally {
      this.depth--;
    }
  }

  private async execAndOr(a: AndOr, state: ExecState, io: Io): Promise<number> {
    let status = await this.andOrPart(a.first, state, io, a.rest.length > 0);
    let ran = a.first;
    for (const [i, { op, pipeline }] of a.rest.entries()) {
      state.status = status;
      if ((op === '&&') === (status === 0)) {
        status = await this.andOrPart(pipeline, state, io, i < a.rest.length - 1);
        ran = pipeline;
      }
    }
    // set -e: a failure of the list's last part (not inverted by `!`) ends the shell
    const last = a.rest.length ? a.rest[a.rest.length - 1].pipeline : a.first;
    if (status !== 0 && ran === last && !ran.negated) this.errexit(state, status);
    return status;
  }

  /** a part of an && / || list: but for the last, one where `set -e` is ignored */
  private andOrPart(p: Pipeline, state: ExecState, io: Io, lenient: boolean): Promise<number> {
    return lenient ? this.leniently(() => this.execPipeline(p, state, io)) : this.execPipeline(p, state, io);
  }

  /** a condition (if, while, until): `set -e` is ignored in it */
  private condition(list: List, state: ExecState, io: Io): Promise<number> {
    return this.leniently(() => this.execList(list, state, io));
  }

  /** runs `fn` where `set -e` is ignored */
  private async leniently(fn: () => Promise<number>): Promise<number> {
    this.lenient++;
    try {
      return await fn();
    } finally {
      this.lenient--;
    }
  }

  /** `set -e`: the shell (or subshell) ends with the failed command's status */
  private errexit(state: ExecState, status: number): void {
    if (state.shellOptions?.errexit && this.lenient === 0) throw new ExitSignal(status);
  }

  private async execPipeline(p: Pipeline, state: ExecState, io: Io): Promise<number> {
    let status: number;
    if (p.commands.length === 1) status = await this.execCommand(p.commands[0], state, io);
    else {
      let input = io.input;
      status = 0;
      let failed = 0;
      for (const [k, cmd] of p.commands.entries()) {
        const last = k === p.commands.length - 1;
        let buf = '';
        const stageIo: Io = last ? { ...io, input } : { input, out: (t) => (buf += t), err: io.err, tty: false };
        const stage = await this.inSubshell(state, (sub) => this.execCommand(cmd, sub, stageIo), true, io.err);
        if (stage !== 0) failed = stage;
        // set -o pipefail: the last stage to fail gives the status, not only the last stage
        if (last) status = state.shellOptions?.pipefail ? failed : stage;
        input = new Input(buf);
        if (this.signal.aborted) throw new InterruptSignal();
      }
    }
    return p.negated ? (status === 0 ? 1 : 0) : status;
  }

  /**
   * runs `fn` on a copy of the state; `exit` ends only the copy. A `( )` subshell does not see
   * the loops around it (`( break )` complains); a pipeline stage does, but cannot end them.
   */
  async inSubshell(state: ExecState, fn: (sub: ExecState) => Promise<number>, pipelineStage = false, err?: (text: string) => void): Promise<number> {
    const sub = cloneState(state);
    const loops = this.loops;
    if (!pipelineStage) this.loops = 0;
    try {
      return await fn(sub);
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof ReturnSignal) return e.code;
      if (e instanceof LoopSignal) return 0;
      if (e instanceof ExpansionError) {
        err?.(`bash: ${e.message}\n`);
        return 1;
      }
      throw e;
    } finally {
      this.loops = loops;
    }
  }

  private async execCommand(cmd: Command, state: ExecState, io: Io): Promise<number> {
    // an expansion error (`${X:?}`, bad `$(( ))`) abandons the rest of the line, as in an
    // interactive bash: it unwinds to the nearest (sub)shell as an ExpansionError
    const r = await this.applyRedirects(cmd.redirs, state, io);
    if (typeof r === 'number') return r;
    return this.execBody(cmd, state, r);
  }

  private async execBody(cmd: Command, state: ExecState, cio: Io): Promise<number> {
    switch (cmd.type) {
      case 'simple':
        return this.execSimple(cmd, state, cio);
      case 'subshell':
        return this.inSubshell(state, (sub) => this.trapped(sub, cio, () => this.execList(cmd.body, sub, cio)), false, cio.err);
      case 'group':
        return this.execList(cmd.body, state, cio);
      case 'if': {
        for (const c of cmd.clauses) {
          if ((await this.condition(c.cond, state, cio)) === 0) return this.execList(c.body, state, cio);
        }
        return cmd.elseBody ? this.execList(cmd.elseBody, state, cio) : 0;
      }
      case 'for': {
        const items = cmd.items ? await expandWords(cmd.items, this.expander(state, cio)) : state.args;
        let status = 0;
        for (const item of items) {
          if (this.signal.aborted) throw new InterruptSignal();
          if (isReadonly(state, cmd.name)) {
            cio.err(`bash: ${cmd.name}: readonly variable\n`);
            return 1;
          }
          setScalar(state, cmd.name, item);
          const r = await this.loopBody(cmd.body, state, cio);
          if (r === 'break') break;
          status = r;
        }
        return status;
      }
      case 'arith':
        return Math.min(1, await this.arithStatus(cmd.expr, state, cio));
      case 'cfor': {
        let status = 0;
        if ((await this.arithStatus(cmd.init, state, cio)) === 2) return 1;
        for (let n = 0; ; n++) {
          if (this.signal.aborted) throw new InterruptSignal();
          if (n >= 10000) {
            cio.err('bash: loop stopped after 10000 iterations (sandbox limit)\n');
            return 1;
          }
          if (cmd.cond.raw.trim() !== '' && (await this.arithStatus(cmd.cond, state, cio)) !== 0) break;
          const r = await this.loopBody(cmd.body, state, cio);
          if (r === 'break') break;
          status = r;
          if ((await this.arithStatus(cmd.step, state, cio)) === 2) return 1;
        }
        return status;
      }
      case 'case':
        return this.execCase(cmd, state, cio);
      case 'function':
        return this.defineFunction(cmd, state, cio);
      case 'cond':
        return this.execCond(cmd.expr, state, cio);
      case 'while': {
        let status = 0;
        for (let n = 0; ; n++) {
          if (this.signal.aborted) throw new InterruptSignal();
          // an endless loop must not hang the cluster: no real terminal waits this long
          if (n >= 10000) {
            cio.err('bash: loop stopped after 10000 iterations (sandbox limit)\n');
            return 1;
          }
          const c = await this.condition(cmd.cond, state, cio);
          if ((c === 0) === cmd.until) break;
          const r = await this.loopBody(cmd.body, state, cio);
          if (r === 'break') break;
          status = r;
        }
        return status;
      }
    }
  }

  /**
   * Runs a subshell's body (a `( )`, a `$( )`, a script), then its EXIT trap, however the body
   * ends. A subshell starts without its parent's traps, as bash resets them.
   */
  private async trapped(sub: ExecState, io: Io, body: () => Promise<number>): Promise<number> {
    sub.traps = undefined;
    let status = 1;
    try {
      status = await body();
      return status;
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof ReturnSignal) status = e.code;
      throw e;
    } finally {
      await this.runExitTrap(sub, status, io);
    }
  }

  /** the EXIT trap of the shell in `state`, once, with `$?` the status the shell ends with */
  async runExitTrap(state: ExecState, status: number, io: Io): Promise<void> {
    const cmd = state.traps?.EXIT;
    if (!cmd) return;
    delete state.traps!.EXIT;
    state.status = status;
    try {
      await this.runSource(cmd, state, io);
    } catch (e) {
      if (!(e instanceof ExitSignal || e instanceof ReturnSignal || e instanceof LoopSignal || e instanceof ExpansionError)) throw e;
    }
  }

  /** `f() { ...; }`: remembered by the session; a name with quotes or `$` in it is refused, as bash does */
  private defineFunction(cmd: Extract<Command, { type: 'function' }>, state: ExecState, io: Io): number {
    if (!/^[^'"\\$`=\s]+$/.test(cmd.name)) {
      io.err(`bash: \`${cmd.name}': not a valid identifier\n`);
      return 1;
    }
    const functions = (state.functions ??= {});
    const others = Object.entries(functions).filter(([name]) => name !== cmd.name);
    if (others.length >= MAX_FUNCTIONS) {
      io.err(`bash: ${cmd.name}: too many functions (sandbox limit ${MAX_FUNCTIONS})\n`);
      return 1;
    }
    if (others.reduce((n, [, text]) => n + text.length, cmd.source.length) > MAX_FUNCTION_TEXT) {
      io.err(`bash: ${cmd.name}: the functions are too long (sandbox limit ${MAX_FUNCTION_TEXT} characters in all)\n`);
      return 1;
    }
    functions[cmd.name] = cmd.source;
    // where its body starts, for a script's messages (the body is parsed again on each call)
    (state.functionLines ??= {})[cmd.name] = cmd.line - 1 + (state.lineBase ?? 0);
    return 0;
  }

  /** runs a function: its arguments are $1..., `local` variables are restored and `return` ends it */
  private async callFunction(name: string, argv: string[], assigned: Record<string, string>, state: ExecState, io: Io): Promise<number> {
    const body = functionBody(state.functions![name]);
    if (!body) {
      io.err(`bash: ${name}: function body cannot be read\n`);
      return 1;
    }
    const call: FunctionCall = { name, saved: new Map() };
    const args = state.args;
    const lineBase = state.lineBase;
    state.lineBase = state.functionLines?.[name] ?? 0;
    (state.calls ??= []).push(call);
    state.args = argv.slice(1);
    // `X=1 f`: X is set while the function runs
    for (const [k, v] of Object.entries(assigned)) {
      if (!call.saved.has(k)) call.saved.set(k, state.env[k]);
      state.env[k] = v;
    }
    try {
      return await this.execCommand(body, state, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.code;
      throw e;
    } finally {
      state.args = args;
      state.lineBase = lineBase;
      state.calls.pop();
      for (const [k, v] of call.saved) {
        if (v === undefined) forgetVariable(state, k);
        else state.env[k] = v;
      }
    }
  }

  /** runs the body of the first item whose pattern matches; `;&` runs the next body too, `;;&` tests on */
  private async execCase(cmd: Extract<Command, { type: 'case' }>, state: ExecState, io: Io): Promise<number> {
    const x = this.expander(state, io);
    const subject = await expandString(cmd.word, x);
    let status = 0;
    let fallThrough = false;
    for (const item of cmd.items) {
      if (!fallThrough && !(await this.caseMatches(item.patterns, subject, x))) continue;
      status = await this.execList(item.body, state, io);
      if (item.terminator === ';;') break;
      fallThrough = item.terminator === ';&';
    }
    return status;
  }

  private async caseMatches(patterns: Word[], subject: string, x: Expander): Promise<boolean> {
    for (const p of patterns) if (globToRegExp(await expandPattern(p, x), false).test(subject)) return true;
    return false;
  }

  /** `[[ ]]`: 0 true, 1 false (or bad arithmetic, after bash's message), 2 for a bad `=~` expression */
  private async execCond(expr: CondExpr, state: ExecState, io: Io): Promise<number> {
    try {
      return (await evalCond(expr, { x: this.expander(state, io), fs: this.userFs(state), user: state.user })) ? 0 : 1;
    } catch (e) {
      if (e instanceof CondRegexError) return 2;
      if (!(e instanceof CondArithError)) throw e;
      io.err(`bash: [[: ${e.message}\n`);
      return 1;
    }
  }

  /** the value of an arithmetic expression; errors print and count as 0 */
  private async arith(expr: Word, state: ExecState, io: Io): Promise<number> {
    const x = this.expander(state, io);
    const text = await expandString(expr, x);
    return evalArith(text, (n) => x.getVar(n), (n, v) => x.setVar(n, v));
  }

  /** `(( expr ))`: 0 when not zero, 1 when zero, 2 (after bash's message) when it fails */
  private async arithStatus(expr: Word, state: ExecState, io: Io): Promise<number> {
    try {
      return (await this.arith(expr, state, io)) !== 0 ? 0 : 1;
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      if (e instanceof ReadonlyError) {
        io.err(`bash: ${e.message}\n`);
        return 1;
      }
      io.err(`bash: ((: ${e.message}\n`);
      return 2;
    }
  }

  /** replaces a leading alias by its words (bash expands aliases before running the line) */
  private unalias(cmd: SimpleCommand, state: ExecState, seen = new Set<string>()): SimpleCommand | string {
    const first = cmd.words[0];
    const aliases = state.aliases ?? {};
    if (!first || first.parts.length !== 1 || first.parts[0].kind !== 'lit' || first.parts[0].value !== first.raw) return cmd;
    const name = first.raw;
    if (!Object.hasOwn(aliases, name) || seen.has(name)) return cmd;
    seen.add(name);
    let list: List;
    try {
      list = parseShell(aliases[name]).list;
    } catch {
      return cmd;
    }
    const only = list.items.length === 1 && list.items[0].andOr.rest.length === 0 && list.items[0].andOr.first.commands.length === 1 ? list.items[0].andOr.first.commands[0] : undefined;
    if (!only || only.type !== 'simple' || list.items[0].andOr.first.negated) {
      // a compound alias (`alias kp='kubectl get pods | grep web'`): run its text with the arguments
      return `${aliases[name]} ${cmd.words.slice(1).map((w) => w.raw).join(' ')}`;
    }
    const expanded: SimpleCommand = { type: 'simple', assigns: [...cmd.assigns, ...only.assigns], words: [...only.words, ...cmd.words.slice(1)], redirs: [...only.redirs, ...cmd.redirs] };
    return only.words.length > 0 ? this.unalias(expanded, state, seen) : expanded;
  }

  private async execSimple(original: SimpleCommand, state: ExecState, io: Io): Promise<number> {
    if (original.line !== undefined) state.lineno = original.line + (state.lineBase ?? 0);
    const cmd = this.unalias(original, state);
    if (typeof cmd === 'string') return this.runSource(cmd, state, io);
    const x = this.expander(state, io);
    const assigned: Record<string, string> = {};
    const before = state.status;
    this.lastSubst = undefined;
    for (const a of cmd.assigns) {
      if (a.array || a.index) {
        await this.assignArray(a, state, x);
        continue;
      }
      const v = await expandString(a.value, x);
      assigned[a.name] = a.append ? (x.getVar(a.name) ?? '') + v : v;
      if (assigned[a.name].length > MAX_VAR) {
        io.err(`bash: ${a.name}: value too large (sandbox limit ${MAX_VAR} characters)\n`);
        return 1;
      }
    }
    const argv = DECLARATIONS.has(cmd.words[0]?.raw ?? '') ? await expandDeclaration(cmd.words, x) : await expandWords(cmd.words, x);
    if (argv.length > 0) {
      // `R=2 cmd` with R readonly: bash says so, and runs the command without that assignment
      for (const k of Object.keys(assigned)) {
        if (!isReadonly(state, k)) continue;
        io.err(`bash: ${k}: readonly variable\n`);
        delete assigned[k];
      }
    }
    if (argv.length === 0) {
      for (const [k, v] of Object.entries(assigned)) setScalar(state, k, v);
      const s = this.lastSubst ?? 0;
      state.status = before;
      return s;
    }
    return this.dispatch(argv, assigned, state, io);
  }

  private lastSubst: number | undefined;

  /** `a=(x y)`, `a+=(z)`, `a[i]=v`, `a[i]+=v` */
  private async assignArray(a: Assignment, state: ExecState, x: Expander): Promise<void> {
    if (a.array) {
      const values = await expandWords(a.array, x);
      const current = a.append ? (state.arrays?.[a.name] ?? (state.env[a.name] !== undefined ? { 0: state.env[a.name] } : {})) : {};
      const elems: Record<string, string> = { ...current };
      let next = Object.keys(elems).reduce((m, k) => Math.max(m, Number(k) + 1), 0);
      for (const v of values) elems[String(next++)] = v;
      setArray(state, a.name, elems);
      return;
    }
    const index = evalArith(await expandString(a.index!, x), (n) => x.getVar(n), (n, v) => x.setVar(n, v));
    const elems = state.arrays?.[a.name];
    let i = index;
    if (i < 0) {
      const last = elems ? Object.keys(elems).reduce((m, k) => Math.max(m, Number(k)), -1) : state.env[a.name] !== undefined ? 0 : -1;
      i = last + 1 + i;
      if (i < 0) throw new ExpansionError(`${a.name}[${index}]: bad array subscript`);
    }
    const v = await expandString(a.value, x);
    const old = elems?.[String(i)] ?? (i === 0 && !elems ? state.env[a.name] : undefined) ?? '';
    setElement(state, a.name, i, a.append ? old + v : v);
  }

  /** $RANDOM (0 to 32767) and $SRANDOM (32 bits): a new number at each expansion */
  private randomVar(name: string): string | undefined {
    if (name === 'RANDOM') return String(this.environment.random() >>> 17);
    if (name === 'SRANDOM') return String(this.environment.random());
    return undefined;
  }

  expander(state: ExecState, io: Io): Expander {
    return {
      cwd: state.cwd,
      getVar: (name) => specialVar(name, state) ?? this.randomVar(name) ?? state.env[name] ?? state.arrays?.[name]?.['0'],
      positional: () => state.args,
      array: (name) => state.arrays?.[name],
      setArray: (name, values) => setArray(state, name, values),
      warn: (message) => io.err(`bash: ${message}\n`),
      setVar: (name, value) => setScalar(state, name, value),
      nounset: () => !!state.shellOptions?.nounset,
      commandSubst: async (body) => {
        let out = '';
        const subIo: Io = { input: new Input('', io.input.terminal), out: (t) => (out += t), err: io.err, tty: false };
        const status = await this.inSubshell(
          state,
          (sub) => {
            // bash's command substitution does not inherit set -e (without inherit_errexit)
            if (sub.shellOptions?.errexit) {
              const { errexit: _off, ...rest } = sub.shellOptions;
              sub.shellOptions = rest;
            }
            return this.trapped(sub, subIo, () => this.execList(body, sub, subIo));
          },
          false,
          io.err,
        );
        this.lastSubst = status;
        return out;
      },
      listDir: (dir) => {
        try {
          return this.userFs(state).readDir(dir);
        } catch {
          return [];
        }
      },
      exists: (p) => this.userFs(state).exists(p),
      isDir: (p) => this.userFs(state).isDir(p),
      home: (user) => (user === undefined ? state.env.HOME ?? homeOf(state.user) : user === 'root' || user === 'student' ? homeOf(user) : undefined),
    };
  }

  // ---- redirections -------------------------------------------------------------------------

  /** the command's streams after its redirections, or an exit status when one failed */
  private async applyRedirects(redirs: Redirect[], state: ExecState, io: Io): Promise<Io | number> {
    if (redirs.length === 0) return io;
    const fds: Record<number, (t: string) => void> = { 1: io.out, 2: io.err };
    let input = io.input;
    let tty = io.tty;
    /** the last file opened for output, with its writer */
    let opened: [(t: string) => void, string] | undefined;
    const x = this.expander(state, io);
    const fs = this.userFs(state);
    for (const r of redirs) {
      if (r.op === '<<' || r.op === '<<-') {
        input = new Input(r.heredoc ? await expandString(r.heredoc, x) : '');
        continue;
      }
      if (r.op === '<<<') {
        input = new Input(`${await expandString(r.target, x)}\n`);
        continue;
      }
      if ((r.op === '>&' || r.op === '<&') && /^(\d+|-)$/.test(r.target.raw)) {
        if (r.target.raw !== '-' && fds[Number(r.target.raw)]) fds[r.fd] = fds[Number(r.target.raw)];
        if (r.fd === 1) tty = tty && r.target.raw === '1';
        continue;
      }
      const target = await expandTarget(r.target, x);
      if (target === undefined) {
        io.err(`bash: ${r.target.raw}: ambiguous redirect\n`);
        return 1;
      }
      if (r.op === '<' || r.op === '<&') {
        try {
          input = new Input(fs.readFile(target));
        } catch (e) {
          if (e instanceof FsError) {
            io.err(`bash: ${target}: ${e.message}\n`);
            return 1;
          }
          throw e;
        }
        continue;
      }
      const append = r.op === '>>' || r.op === '&>>';
      if (target === '/dev/stderr' || target === '/dev/stdout') {
        fds[r.fd] = target === '/dev/stderr' ? fds[2] : fds[1];
        continue;
      }
      try {
        if (!append) fs.writeFile(target, '');
        else if (!fs.exists(target)) fs.writeFile(target, '');
      } catch (e) {
        if (e instanceof FsError) {
          io.err(`bash: ${target}: ${e.message}\n`);
          return 1;
        }
        throw e;
      }
      let failed = false;
      const writer = (t: string): void => {
        if (failed || t === '') return;
        try {
          this.userFs(state).appendFile(target, t);
        } catch (e) {
          if (!(e instanceof FsError)) throw e;
          failed = true;
          // a full file system fails the command's write: the command says so in its words
          if (e.code === 'ENOSPC') throw new WriteError(e);
          io.err(`bash: ${target}: ${e.message}\n`);
        }
      };
      if (r.op === '&>' || r.op === '&>>' || r.op === '>&') {
        fds[1] = fds[2] = writer;
        tty = false;
        opened = [writer, fs.resolve(target)];
      } else {
        fds[r.fd] = writer;
        if (r.fd === 1) {
          tty = false;
          opened = [writer, fs.resolve(target)];
        }
      }
    }
    const outFile = opened && fds[1] === opened[0] ? opened[1] : fds[1] === io.out ? io.outFile : undefined;
    return { input, out: fds[1], err: fds[2], tty, ...(outFile !== undefined ? { outFile } : {}) };
  }

  // ---- commands -----------------------------------------------------------------------------

  async dispatch(argv: string[], assigned: Record<string, string>, state: ExecState, io: Io, functions = true): Promise<number> {
    if (this.signal.aborted) throw new InterruptSignal();
    const name = argv[0];
    const builtin = Object.hasOwn(this.builtins, name) ? this.builtins[name] : undefined;
    const external = Object.hasOwn(this.environment.commands, name) ? this.environment.commands[name] : undefined;
    const utility = Object.hasOwn(this.utilities, name) ? this.utilities[name] : undefined;
    if (functions && state.functions && Object.hasOwn(state.functions, name)) return this.callFunction(name, argv, assigned, state, io);
    const ctx = this.context(argv, assigned, state, io);
    try {
      if (builtin) return await builtin(ctx);
      if (external) return await external(ctx);
      if (utility) return await utility(ctx);
      if (name.includes('/')) return await this.execPath(name, ctx);
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof InterruptSignal || e instanceof LoopSignal || e instanceof ReturnSignal) throw e;
      // read, printf -v, mapfile into a readonly variable: the command fails, the line goes on
      if (e instanceof ReadonlyError) {
        io.err(`bash: ${e.message}\n`);
        return 1;
      }
      if (e instanceof WriteError) {
        // bash's builtins and GNU's utilities word it so (`bash: echo: write error: ...`)
        try {
          io.err(`${builtin ? 'bash: ' : ''}${name}: write error: ${e.message}\n`);
        } catch (again) {
          if (!(again instanceof WriteError)) throw again;
        }
        return 1;
      }
      if (e instanceof FsError) {
        io.err(`${name}: ${e.message}\n`);
        return 1;
      }
      if (this.signal.aborted) throw new InterruptSignal();
      // a bug in a command must not take the terminal down with it
      io.err(`${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
    io.err(`bash: ${name}: command not found\n`);
    return 127;
  }

  /** `./script.sh`, `/usr/bin/ls`: binaries by their path, or a script file */
  private async execPath(path: string, ctx: BuiltinContext): Promise<number> {
    const abs = ctx.fs.resolve(path);
    const node = ctx.fs.stat(path);
    const bin = /^\/(usr\/)?(local\/)?s?bin\/([^/]+)$/.exec(abs);
    if (bin && this.knownCommand(bin[3]) !== undefined && !isShellOnly(bin[3])) return this.dispatch([bin[3], ...ctx.argv.slice(1)], {}, ctx.state, ctx.io, false);
    if (!node) {
      ctx.stderr(`bash: ${path}: No such file or directory\n`);
      return 127;
    }
    if (node.type === 'dir') {
      ctx.stderr(`bash: ${path}: Is a directory\n`);
      return 126;
    }
    const bits = ctx.user === 'root' ? 0o111 : node.owner === ctx.user ? (node.mode >> 6) & 1 : node.mode & 1;
    if (!bits) {
      ctx.stderr(`bash: ${path}: Permission denied\n`);
      return 126;
    }
    const text = ctx.fs.readFile(path);
    // without a `#!/bin/sh` line, bash runs it
    return this.runScript(text, path, ctx.argv.slice(1), ctx.state, ctx.io, !/^#!\s*\/(usr\/)?bin\/(env\s+)?(sh|dash)\b/.test(text), ctx.env);
  }

  /**
   * Runs a script in a child shell with its own positional parameters. `asBash`: bash runs it, so
   * its own messages name the script and the line (`s.sh: line 3: nope: command not found`);
   * otherwise they stay as they are (sh, the container shells reword them).
   */
  async runScript(src: string, arg0: string, args: string[], state: ExecState, io: Io, asBash = false, env?: Record<string, string>): Promise<number> {
    let script: ExecState | undefined;
    // (a `bash -c` run by the script has named its own line already: `bash: line 1: ...`)
    const own = (text: string): boolean => text.startsWith('bash: ') && !/^bash: line \d+: /.test(text);
    const err = (text: string): void => io.err(asBash && script?.lineno !== undefined && own(text) ? `${arg0}: line ${script.lineno}: ${text.slice(6)}` : text);
    return this.inSubshell(state, (sub) => {
      script = sub;
      // a new bash: it has the environment, not this shell's own variables
      sub.env = env ? { ...env } : exportedEnv(sub);
      sub.unexported = undefined;
      sub.readonly = undefined;
      sub.declared = undefined;
      // nor its options (set -e is not passed on)
      sub.shellOptions = undefined;
      sub.args = args;
      sub.arg0 = arg0;
      // a new bash: the functions of this one are not there, and nothing is running in it
      sub.functions = {};
      sub.functionLines = {};
      sub.calls = [];
      sub.sourcing = 0;
      sub.lineno = undefined;
      const scriptIo = { ...io, err };
      // a new process: whether its caller ignores set -e there does not carry into it
      const lenient = this.lenient;
      this.lenient = 0;
      return this.trapped(sub, scriptIo, () => this.runSource(src, sub, scriptIo)).finally(() => {
        this.lenient = lenient;
      });
    }, false, err);
  }

  context(argv: string[], assigned: Record<string, string>, state: ExecState, io: Io): BuiltinContext {
    // what the command sees: the exported variables (a builtin reads the shell's own through state)
    const env = exportedEnv(state, assigned);
    const environment = this.environment;
    let stdin: string | undefined;
    return {
      argv,
      env,
      cwd: state.cwd,
      host: state.host,
      user: state.user,
      // taken from the shared input the first time the command looks
      get stdin(): string {
        stdin ??= io.input.takeAll();
        return stdin;
      },
      stdout: io.out,
      stderr: io.err,
      fs: this.userFs(state),
      isTTY: io.tty,
      signal: this.signal,
      now: () => environment.now(),
      sleep: (ms) => environment.sleep(ms),
      hostState: this.hostState(state.host),
      environment,
      state,
      io,
      runner: this,
      attachContainer: (c) => {
        state.container = c;
      },
    };
  }
}

export function isShellOnly(name: string): boolean {
  return NOT_BINARIES.has(name);
}

function specialVar(name: string, state: ExecState): string | undefined {
  switch (name) {
    case '?':
      return String(state.status);
    case '$':
      return String(PID);
    case '#':
      return String(state.args.length);
    case '@':
    case '*':
      return state.args.join(' ');
    case '0':
      return state.arg0;
    case '-':
      return `${state.shellOptions?.errexit ? 'e' : ''}him${state.shellOptions?.nounset ? 'u' : ''}BHs`;
    case '!':
      return '';
    case 'PWD':
      return state.cwd;
    case 'HOSTNAME':
      return state.env.HOSTNAME ?? state.host;
    case 'BASH_VERSION':
      return BASH_VERSION;
    case 'FUNCNAME':
      return state.calls?.length ? state.calls[state.calls.length - 1].name : undefined;
    case 'UID':
    case 'EUID':
      return state.user === 'root' ? '0' : '1000';
    default:
      if (/^[1-9]\d*$/.test(name)) return state.args[Number(name) - 1];
      return undefined;
  }
}

export function cloneState(s: ExecState): ExecState {
  const copy: ExecState = { ...s, env: { ...s.env }, aliases: { ...s.aliases }, hostStack: [...s.hostStack], frames: s.frames.map((f) => ({ ...f, env: { ...f.env }, ...(f.unexported ? { unexported: { ...f.unexported } } : {}) })), args: [...s.args] };
  if (s.unexported) copy.unexported = { ...s.unexported };
  if (s.readonly) copy.readonly = { ...s.readonly };
  if (s.declared) copy.declared = { ...s.declared };
  if (s.shellOptions) copy.shellOptions = { ...s.shellOptions };
  if (s.functions) copy.functions = { ...s.functions };
  if (s.functionLines) copy.functionLines = { ...s.functionLines };
  if (s.arrays) copy.arrays = copyArrays(s.arrays);
  if (s.traps) copy.traps = { ...s.traps };
  if (s.calls) copy.calls = s.calls.map((c) => ({ name: c.name, saved: new Map(c.saved) }));
  return copy;
}

/** a function's body, parsed once per text (sessions keep the text) */
function functionBody(source: string): Command | undefined {
  let body = FUNCTION_BODIES.get(source);
  if (!body) {
    try {
      const items = parseShell(source).list.items;
      body = items.length === 1 && items[0].andOr.rest.length === 0 && items[0].andOr.first.commands.length === 1 ? items[0].andOr.first.commands[0] : undefined;
    } catch {
      body = undefined;
    }
    if (!body) return undefined;
    if (FUNCTION_BODIES.size >= 1000) FUNCTION_BODIES.clear();
    FUNCTION_BODIES.set(source, body);
  }
  return body;
}

const FUNCTION_BODIES = new Map<string, Command>();
