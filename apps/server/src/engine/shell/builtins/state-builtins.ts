// Builtins that change or read the shell's own state: cd, export, unset, exit, history, source...

import type { Builtin, BuiltinContext, Registry } from '../command-registry';
import { FsError } from '../filesystem';
import { evalArith } from '../arith';
import { ExpansionError } from '../expand-error';
import { BASH_VERSION, ReturnSignal, isShellOnly } from '../interpreter';
import { declareWithoutValue, exportedEnv, forgetVariable, isDeclaredOnly, isExported, isReadonly, setArray, setExported, setScalar } from '../variables';
import { printFunction } from '../print-command';
import { enterShell } from '../session';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const cd: Builtin = (ctx) => {
  const args = ctx.argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P')));
  if (args.length > 1) {
    ctx.stderr('bash: cd: too many arguments\n');
    return 1;
  }
  let target = args[0];
  if (target === undefined || target === '') {
    target = ctx.state.env.HOME;
    if (!target) {
      ctx.stderr('bash: cd: HOME not set\n');
      return 1;
    }
  }
  let print = false;
  if (target === '-') {
    target = ctx.state.env.OLDPWD;
    if (!target) {
      ctx.stderr('bash: cd: OLDPWD not set\n');
      return 1;
    }
    print = true;
  }
  try {
    ctx.fs.checkEnter(target);
  } catch (e) {
    if (e instanceof FsError) {
      ctx.stderr(`bash: cd: ${args[0] ?? target}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const abs = ctx.fs.resolve(target);
  ctx.state.env.OLDPWD = ctx.state.cwd;
  ctx.state.cwd = abs;
  ctx.state.env.PWD = abs;
  if (print) ctx.stdout(`${abs}\n`);
  return 0;
};

/**
 * `declare -x NAME="value"` as `export -p` prints an exported variable, `declare -- NAME="value"`
 * a shell variable, `declare -r`/`-rx` a readonly one
 */
export function declareLine(name: string, value: string | undefined, exported = true, readonly = false): string {
  const attrs = `${readonly ? 'r' : ''}${exported ? 'x' : ''}`;
  // a variable declared without a value has no `=...`
  const assigned = value === undefined ? '' : `="${value.replace(/(["\\$`])/g, '\\$1')}"`;
  return `declare ${attrs ? `-${attrs}` : '--'} ${name}${assigned}\n`;
}

/** the shell's scalar variables, those declared without a value among them, sorted */
export function scalarNames(state: BuiltinContext['state']): string[] {
  return [...new Set([...Object.keys(state.env), ...Object.keys(state.declared ?? {})])].sort();
}

/** `declare ...` of a scalar variable (or one declared without a value), with its attributes */
export function scalarLine(state: BuiltinContext['state'], name: string): string {
  return declareLine(name, Object.hasOwn(state.env, name) ? state.env[name] : undefined, isExported(state, name), isReadonly(state, name));
}

/**
 * A `NAME[=VALUE]` argument of export, local or declare; undefined, after bash's message naming
 * the builtin, when NAME is not a variable name.
 */
export function declaration(ctx: BuiltinContext, arg: string): { name: string; value?: string } | undefined {
  const eq = arg.indexOf('=');
  const name = eq < 0 ? arg : arg.slice(0, eq);
  if (NAME.test(name)) return eq < 0 ? { name } : { name, value: arg.slice(eq + 1) };
  ctx.stderr(`bash: ${ctx.argv[0]}: \`${arg}': not a valid identifier\n`);
  return undefined;
}

/**
 * Applies each `NAME[=VALUE]` of `args` (export, local, declare); a bad name is reported and
 * skipped, and makes the status 1, as bash goes on with the rest.
 */
export function eachDeclaration(ctx: BuiltinContext, args: readonly string[], apply: (name: string, value: string | undefined) => boolean | void): number {
  let status = 0;
  for (const a of args) {
    const arg = declaration(ctx, a);
    // apply answers false when it refused the name (a readonly variable), after saying why
    if (!arg || apply(arg.name, arg.value) === false) status = 1;
  }
  return status;
}

/** `export [-n] [NAME[=VALUE]...]`, `export -p`: -n takes the export away */
const exportCmd: Builtin = (ctx) => {
  const remove = ctx.argv.includes('-n');
  const args = ctx.argv.slice(1).filter((a) => a !== '-n' && a !== '-p' && a !== '-f');
  if (args.length === 0) {
    for (const k of scalarNames(ctx.state)) if (isExported(ctx.state, k)) ctx.stdout(scalarLine(ctx.state, k));
    return 0;
  }
  return eachDeclaration(ctx, args, (name, value) => {
    if (value !== undefined && isReadonly(ctx.state, name)) {
      // the value is refused; the export still happens
      ctx.stderr(`bash: ${name}: readonly variable\n`);
      if (!remove && (Object.hasOwn(ctx.state.env, name) || isDeclaredOnly(ctx.state, name))) setExported(ctx.state, name, true);
      return false;
    }
    if (value !== undefined) {
      if (ctx.state.declared) delete ctx.state.declared[name];
      ctx.state.env[name] = value;
    } else if (!Object.hasOwn(ctx.state.env, name)) {
      // `export NAME` of a name without a value: exported, still without one (-n: no longer)
      if (isDeclaredOnly(ctx.state, name)) setExported(ctx.state, name, !remove);
      else declareWithoutValue(ctx.state, name, !remove);
      return;
    }
    if (Object.hasOwn(ctx.state.env, name)) setExported(ctx.state, name, !remove);
  });
};

/** `unset NAME`: the variable, or the function when no variable has that name; -v, -f: only that */
const unset: Builtin = (ctx) => {
  let status = 0;
  let only: 'v' | 'f' | undefined;
  for (const a of ctx.argv.slice(1)) {
    if (a === '-v' || a === '-f') {
      only = a === '-v' ? 'v' : 'f';
      continue;
    }
    const functions = ctx.state.functions;
    // `unset 'a[1]'`: one element of an array
    const element = only !== 'f' ? /^([A-Za-z_]\w*)\[(.+)\]$/.exec(a) : null;
    if (element) {
      let index: number;
      try {
        index = evalArith(element[2], (n) => ctx.state.env[n], (n, v) => setScalar(ctx.state, n, v));
      } catch (e) {
        if (!(e instanceof ExpansionError)) throw e;
        ctx.stderr(`bash: unset: ${e.message}\n`);
        status = 1;
        continue;
      }
      const arr = ctx.state.arrays?.[element[1]];
      if (arr) delete arr[String(index)];
      else if (index === 0) forgetVariable(ctx.state, element[1]);
      continue;
    }
    if (only !== 'f' && !NAME.test(a)) {
      ctx.stderr(`bash: unset: \`${a}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    const arrays = ctx.state.arrays;
    const isVariable = Object.hasOwn(ctx.state.env, a) || isDeclaredOnly(ctx.state, a) || (arrays !== undefined && Object.hasOwn(arrays, a));
    if (only !== 'f' && isReadonly(ctx.state, a) && isVariable) {
      ctx.stderr(`bash: unset: ${a}: cannot unset: readonly variable\n`);
      status = 1;
      continue;
    }
    if (only !== 'f' && isVariable) {
      forgetVariable(ctx.state, a);
      if (arrays) delete arrays[a];
    } else if (only !== 'v' && functions && Object.hasOwn(functions, a)) delete functions[a];
  }
  return status;
};

const exit: Builtin = (ctx) => {
  const arg = ctx.argv[1];
  if (arg === undefined) return ctx.runner.exit(ctx.state.status);
  if (!/^[-+]?\d+$/.test(arg)) {
    ctx.stderr(`bash: exit: ${arg}: numeric argument required\n`);
    return ctx.runner.exit(2);
  }
  if (ctx.argv.length > 2) {
    ctx.stderr('bash: exit: too many arguments\n');
    return 1;
  }
  return ctx.runner.exit(((Number(arg) % 256) + 256) % 256);
};

const logout: Builtin = (ctx) => {
  if (ctx.state.frames.length === 0 || ctx.state.frames[ctx.state.frames.length - 1].kind === 'shell') {
    ctx.stderr('bash: logout: not login shell: use `exit\'\n');
    return 1;
  }
  return exit(ctx);
};

const history: Builtin = (ctx) => {
  const h = ctx.state.history;
  const arg = ctx.argv[1];
  if (arg === '-c') {
    h.length = 0;
    return 0;
  }
  let start = 0;
  if (arg !== undefined) {
    if (!/^\d+$/.test(arg)) {
      ctx.stderr(`bash: history: ${arg}: numeric argument required\n`);
      return 1;
    }
    start = Math.max(0, h.length - Number(arg));
  }
  for (let i = start; i < h.length; i++) ctx.stdout(`${String(i + 1).padStart(5)}  ${h[i]}\n`);
  return 0;
};

const source: Builtin = async (ctx) => {
  const file = ctx.argv[1];
  if (file === undefined) {
    ctx.stderr(`bash: ${ctx.argv[0]}: filename argument required\n${ctx.argv[0]}: usage: ${ctx.argv[0]} filename [arguments]\n`);
    return 2;
  }
  let text: string;
  try {
    text = ctx.fs.readFile(file);
  } catch (e) {
    if (e instanceof FsError) {
      ctx.stderr(`bash: ${file}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const saved = ctx.state.args;
  if (ctx.argv.length > 2) ctx.state.args = ctx.argv.slice(2);
  ctx.state.sourcing = (ctx.state.sourcing ?? 0) + 1;
  try {
    return await ctx.runner.runSource(text, ctx.state, ctx.io);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.code;
    throw e;
  } finally {
    ctx.state.args = saved;
    ctx.state.sourcing--;
  }
};

const evalCmd: Builtin = (ctx) => ctx.runner.runSource(ctx.argv.slice(1).join(' '), ctx.state, ctx.io);

const shift: Builtin = (ctx) => {
  const n = ctx.argv[1] === undefined ? 1 : Number(ctx.argv[1]);
  if (!Number.isInteger(n) || n < 0 || n > ctx.state.args.length) return 1;
  ctx.state.args = ctx.state.args.slice(n);
  return 0;
};

/** set's option names, as `set -o` lists them */
const SET_OPTIONS = ['allexport', 'braceexpand', 'emacs', 'errexit', 'errtrace', 'functrace', 'hashall', 'histexpand', 'history', 'ignoreeof', 'interactive-comments', 'keyword', 'monitor', 'noclobber', 'noexec', 'noglob', 'nolog', 'notify', 'nounset', 'onecmd', 'physical', 'pipefail', 'posix', 'privileged', 'verbose', 'vi', 'xtrace'];
/** what an interactive bash starts with on */
const SET_DEFAULTS = new Set(['braceexpand', 'emacs', 'hashall', 'histexpand', 'history', 'interactive-comments']);
const SET_LETTERS: Record<string, string> = { a: 'allexport', b: 'notify', e: 'errexit', f: 'noglob', h: 'hashall', k: 'keyword', m: 'monitor', n: 'noexec', p: 'privileged', t: 'onecmd', u: 'nounset', v: 'verbose', x: 'xtrace', B: 'braceexpand', C: 'noclobber', E: 'errtrace', H: 'histexpand', P: 'physical', T: 'functrace' };
/** the options this shell honours (the others are taken and have no effect: docs/simplifications.md) */
type HonouredOption = keyof NonNullable<BuiltinContext['state']['shellOptions']>;
const HONOURED = new Set<string>(['errexit', 'nounset', 'pipefail']);

/**
 * `set` alone lists variables; `set -e`/`-o errexit` and `-o pipefail` (and their `+` forms) turn
 * those options on and off; `set -o`/`+o` list the options; `set [--] ARGS` sets the positional
 * parameters
 */
const set: Builtin = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    for (const k of Object.keys(ctx.state.env).sort()) ctx.stdout(`${k}=${quoteValue(ctx.state.env[k])}\n`);
    return 0;
  }
  const isOn = (name: string): boolean => (HONOURED.has(name) ? !!ctx.state.shellOptions?.[name as HonouredOption] : SET_DEFAULTS.has(name));
  const setOption = (name: string, on: boolean): void => {
    if (!HONOURED.has(name)) return;
    const opts = (ctx.state.shellOptions ??= {});
    if (on) opts[name as HonouredOption] = true;
    else delete opts[name as HonouredOption];
  };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      ctx.state.args = args.slice(i + 1);
      return 0;
    }
    if (a.length < 2 || (a[0] !== '-' && a[0] !== '+')) break;
    const on = a[0] === '-';
    for (const c of a.slice(1)) {
      if (c === 'o') {
        const name = args[i + 1];
        if (name === undefined) {
          // `set -o` lists the options and their state, `set +o` as the commands that restore them
          for (const o of SET_OPTIONS) ctx.stdout(on ? `${o.padEnd(15)}\t${isOn(o) ? 'on' : 'off'}\n` : `set ${isOn(o) ? '-' : '+'}o ${o}\n`);
          continue;
        }
        i++;
        if (!SET_OPTIONS.includes(name)) {
          ctx.stderr(`bash: set: ${name}: invalid option name\n`);
          return 2;
        }
        setOption(name, on);
      } else if (Object.hasOwn(SET_LETTERS, c)) setOption(SET_LETTERS[c], on);
      else {
        ctx.stderr(`bash: set: ${a[0]}${c}: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n`);
        return 2;
      }
    }
  }
  if (i < args.length) ctx.state.args = args.slice(i);
  return 0;
};

function quoteValue(v: string): string {
  return /^[A-Za-z0-9_./:,=+-]*$/.test(v) ? v : `'${v.replace(/'/g, "'\\''")}'`;
}

/** `read [-r] [-p prompt] VAR...`: one line of the shared input, split over the names */
const read: Builtin = (ctx) => {
  const args = ctx.argv.slice(1);
  const names: string[] = [];
  let raw = false;
  let arrayName: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-r') raw = true;
    else if (args[i] === '-a') arrayName = args[++i];
    // the prompt is shown only when the input is the terminal
    else if (args[i] === '-p') {
      const prompt = args[++i] ?? '';
      if (ctx.io.input.terminal) ctx.stderr(prompt);
    }
    else if (args[i] === '-s') continue;
    else names.push(args[i]);
  }
  const got = ctx.io.input.readLine();
  if (got === undefined) {
    for (const n of names.length ? names : ['REPLY']) setScalar(ctx.state, n, '');
    return 1;
  }
  const line = raw ? got.line : got.line.replace(/\\(.)/g, '$1');
  if (arrayName !== undefined) {
    setArray(ctx.state, arrayName, line.trim() === '' ? [] : line.trim().split(/[ \t]+/));
    return got.complete ? 0 : 1;
  }
  const targets = names.length ? names : ['REPLY'];
  const fields = targets.length === 1 && !names.length ? [line] : line.trim().split(/[ \t]+/);
  targets.forEach((n, i) => setScalar(ctx.state, n, i === targets.length - 1 ? fields.slice(i).join(' ') : fields[i] ?? ''));
  return got.complete ? 0 : 1;
};

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc']);

/** what a name runs, in the order bash looks: alias, keyword, function, builtin, file */
function kindOf(ctx: BuiltinContext, name: string): 'alias' | 'keyword' | 'function' | 'builtin' | 'file' | undefined {
  if (ctx.state.aliases && Object.hasOwn(ctx.state.aliases, name)) return 'alias';
  if (KEYWORDS.has(name)) return 'keyword';
  if (ctx.state.functions && Object.hasOwn(ctx.state.functions, name)) return 'function';
  return ctx.runner.knownCommand(name);
}

/** `type [-t] NAME...` */
const type: Builtin = (ctx) => {
  let status = 0;
  const args = ctx.argv.slice(1);
  const terse = args[0] === '-t';
  if (terse) args.shift();
  for (const name of args) {
    const kind = kindOf(ctx, name);
    if (kind === undefined) {
      if (!terse) ctx.stderr(`bash: type: ${name}: not found\n`);
      status = 1;
    } else if (terse) ctx.stdout(`${kind}\n`);
    else if (kind === 'alias') ctx.stdout(`${name} is aliased to \`${ctx.state.aliases![name]}'\n`);
    else if (kind === 'keyword') ctx.stdout(`${name} is a shell keyword\n`);
    else if (kind === 'function') ctx.stdout(`${name} is a function\n${functionText(ctx, name)}`);
    else if (kind === 'builtin') ctx.stdout(`${name} is a shell builtin\n`);
    else ctx.stdout(`${name} is ${binPath(name)}\n`);
  }
  return status;
};

/** a function as bash prints it */
export function functionText(ctx: BuiltinContext, name: string): string {
  const body = ctx.runner.functionBody(ctx.state, name);
  return body ? printFunction(name, body) : '';
}


/** where `which` says a sandbox command lives */
export function binPath(name: string): string {
  return `/usr/bin/${name}`;
}

const which: Builtin = (ctx) => {
  let status = 0;
  const names = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (names.length === 0) return 1;
  for (const name of names) {
    if (ctx.runner.knownCommand(name) === 'file' || (ctx.runner.knownCommand(name) === 'builtin' && !isShellOnly(name))) ctx.stdout(`${binPath(name)}\n`);
    else status = 1;
  }
  return status;
};

/** bash / sh: `-c STRING`, a script file, or (alone) a nested interactive shell */
const bash: Builtin = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '--version') {
    // sh is dash on Ubuntu, which has no long options
    if (ctx.argv[0] === 'sh') {
      ctx.stderr('sh: 0: Illegal option --\n');
      return 2;
    }
    ctx.stdout(
      `GNU bash, version ${BASH_VERSION} (x86_64-pc-linux-gnu)\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n\nThis is free software; you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n`,
    );
    return 0;
  }
  // bash names the script and the line in its messages; sh (dash, BusyBox) has its own wording
  const isBash = ctx.argv[0].split('/').pop() === 'bash';
  while (args.length && /^-[exuvo]+$/.test(args[0]) || args[0] === '-o' || args[0] === 'pipefail' || args[0] === '--login' || args[0] === '-l' || args[0] === '-i') args.shift();
  if (args[0] === '-c') {
    if (args[1] === undefined) {
      ctx.stderr(`${ctx.argv[0]}: -c: option requires an argument\n`);
      return 2;
    }
    return ctx.runner.runScript(args[1], args[2] ?? ctx.argv[0], args.slice(3), ctx.state, ctx.io, isBash, ctx.env);
  }
  if (args.length === 0) {
    if (ctx.stdin !== '') return ctx.runner.runScript(ctx.stdin, ctx.argv[0], [], ctx.state, ctx.io, isBash, ctx.env);
    // the new bash has the environment; this shell's own variables wait for its exit
    enterShell(ctx.state, 'shell', exportedEnv(ctx.state));
    return 0;
  }
  let text: string;
  try {
    text = ctx.fs.readFile(args[0]);
  } catch (e) {
    if (e instanceof FsError) {
      ctx.stderr(`${ctx.argv[0]}: ${args[0]}: ${e.message}\n`);
      return 127;
    }
    throw e;
  }
  return ctx.runner.runScript(text, args[0], args.slice(1), ctx.state, ctx.io, isBash, ctx.env);
};

function aliasLine(name: string, value: string): string {
  return `alias ${name}='${value.replace(/'/g, "'\\''")}'\n`;
}

const alias: Builtin = (ctx) => {
  const aliases = (ctx.state.aliases ??= {});
  const args = ctx.argv.slice(1).filter((a) => a !== '-p');
  if (args.length === 0) {
    for (const k of Object.keys(aliases).sort()) ctx.stdout(aliasLine(k, aliases[k]));
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) {
      aliases[a.slice(0, eq)] = a.slice(eq + 1);
      continue;
    }
    if (Object.hasOwn(aliases, a)) ctx.stdout(aliasLine(a, aliases[a]));
    else {
      ctx.stderr(`bash: alias: ${a}: not found\n`);
      status = 1;
    }
  }
  return status;
};

const unalias: Builtin = (ctx) => {
  const aliases = (ctx.state.aliases ??= {});
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    ctx.stderr('unalias: usage: unalias [-a] name [name ...]\n');
    return 2;
  }
  if (args[0] === '-a') {
    for (const k of Object.keys(aliases)) delete aliases[k];
    return 0;
  }
  let status = 0;
  for (const a of args) {
    if (Object.hasOwn(aliases, a)) delete aliases[a];
    else {
      ctx.stderr(`bash: unalias: ${a}: not found\n`);
      status = 1;
    }
  }
  return status;
};

/** `time CMD`: the command's simulated duration (user and sys time are not simulated) */
const time: Builtin = async (ctx) => {
  const start = ctx.now();
  const status = ctx.argv.length > 1 ? await ctx.runner.runArgv(ctx.argv.slice(1), ctx.state, ctx.io, true) : 0;
  const ms = ctx.now() - start;
  const fmt = (v: number): string => `${Math.floor(v / 60000)}m${((v % 60000) / 1000).toFixed(3)}s`;
  ctx.stderr(`\nreal\t${fmt(ms)}\nuser\t0m0.000s\nsys\t0m0.000s\n`);
  return status;
};

const loopControl =
  (kind: 'break' | 'continue'): Builtin =>
  (ctx) => {
    const arg = ctx.argv[1] ?? '1';
    if (!/^\d+$/.test(arg) || Number(arg) < 1) {
      ctx.stderr(`bash: ${kind}: ${arg}: loop count out of range\n`);
      return 1;
    }
    if (ctx.runner.loopDepth() === 0) {
      ctx.stderr(`bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
      return 0;
    }
    return ctx.runner.loopControl(kind, Number(arg));
  };

/** `complete -F __start_kubectl k`: completion happens in the terminal, not here */

/**
 * `command NAME ARGS` runs NAME leaving aliases aside; `command -v NAME` says how NAME would be
 * run (its path, or its name for a builtin, or the alias), `-V` says it in words, as `type`.
 */
const command: Builtin = async (ctx) => {
  const args = ctx.argv.slice(1);
  let mode: '' | 'v' | 'V' = '';
  while (args.length && /^-[pvV]+$/.test(args[0])) {
    const flags = args.shift()!;
    if (flags.includes('V')) mode = 'V';
    else if (flags.includes('v') && mode === '') mode = 'v';
  }
  if (args[0] === '--') args.shift();
  if (args.length === 0) return 0;
  if (mode === '') return ctx.runner.runArgv(args, ctx.state, ctx.io);
  if (mode === 'V') return type({ ...ctx, argv: ['type', ...args] });
  let status = 0;
  for (const name of args) {
    const kind = kindOf(ctx, name);
    if (kind === 'alias') ctx.stdout(aliasLine(name, ctx.state.aliases![name]));
    else if (kind === 'builtin' || kind === 'function' || kind === 'keyword') ctx.stdout(`${name}\n`);
    else if (kind === 'file') ctx.stdout(`${binPath(name)}\n`);
    else status = 1;
  }
  return status;
};

/** signal numbers by name, as `kill -l` lists them (what `trap` accepts) */
export const SIGNALS: Record<string, number> = {
  EXIT: 0, HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15,
  STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22, URG: 23, XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, PWR: 30, SYS: 31,
};

/** a signal as `trap` takes it (`INT`, `SIGINT`, `2`, `0`), or undefined */
export function signalName(spec: string): string | undefined {
  const upper = spec.toUpperCase();
  if (/^\d+$/.test(spec)) return Object.keys(SIGNALS).find((k) => SIGNALS[k] === Number(spec));
  const name = upper.startsWith('SIG') ? upper.slice(3) : upper;
  return Object.hasOwn(SIGNALS, name) ? name : undefined;
}

/**
 * `trap CMD SIG...`, `trap - SIG`, `trap [-p]`. Only EXIT has something to fire it here (the
 * shell or subshell ending); no other signal reaches a sandbox shell, so those traps are kept and
 * shown but never run, as on a machine where nobody sends them. ERR, DEBUG and RETURN, which bash
 * runs itself, are refused rather than silently ignored.
 */
const trap: Builtin = (ctx) => {
  const args = ctx.argv.slice(1);
  const traps = (ctx.state.traps ??= {});
  const show = (names: string[]): void => {
    for (const n of names) if (traps[n] !== undefined) ctx.stdout(`trap -- '${traps[n].replace(/'/g, "'\\''")}' ${n === 'EXIT' ? n : `SIG${n}`}\n`);
  };
  const ordered = (): string[] => Object.keys(traps).sort((a, b) => SIGNALS[a] - SIGNALS[b]);
  if (args.length === 0) {
    show(ordered());
    return 0;
  }
  if (args[0] === '-p') {
    const names = args.slice(1).map(signalName).filter((n): n is string => n !== undefined);
    show(args.length > 1 ? names : ordered());
    return 0;
  }
  if (args[0] === '--') args.shift();
  // `trap SIG`: one argument that is a signal resets it, as `trap - SIG` does
  const [action, ...specs] = args.length === 1 && signalName(args[0]) ? ['-', args[0]] : args;
  let status = 0;
  for (const spec of specs) {
    if (['ERR', 'DEBUG', 'RETURN'].includes(spec.toUpperCase())) {
      ctx.stderr(`bash: trap: ${spec}: not supported in this sandbox\n`);
      status = 1;
      continue;
    }
    const name = signalName(spec);
    if (!name) {
      ctx.stderr(`bash: trap: ${spec}: invalid signal specification\n`);
      status = 1;
      continue;
    }
    if (action === '-') delete traps[name];
    else traps[name] = action;
  }
  return status;
};

/** `builtin NAME ARGS`: the shell's own NAME, leaving a function of that name aside */
const builtin: Builtin = (ctx) => {
  const [name, ...rest] = ctx.argv.slice(1);
  if (name === undefined) return 0;
  if (ctx.runner.knownCommand(name) !== 'builtin') {
    ctx.stderr(`bash: builtin: ${name}: not a shell builtin\n`);
    return 1;
  }
  return ctx.runner.runArgv([name, ...rest], ctx.state, ctx.io);
};

const complete: Builtin = () => 0;

const trueCmd: Builtin = () => 0;
const falseCmd: Builtin = () => 1;

// Without job control a `cmd &` has run to its end before the next command (interpreter.ts):
// there is never a job left to list or to wait for.
/** `jobs`: none */
const jobs: Builtin = () => 0;
/** `wait [ID...]`: every job has ended already */
const wait: Builtin = () => 0;

export const STATE_BUILTINS: Registry = {
  cd,
  export: exportCmd,
  unset,
  exit,
  logout,
  history,
  source,
  '.': source,
  eval: evalCmd,
  shift,
  set,
  read,
  type,
  command,
  builtin,
  trap,
  true: trueCmd,
  false: falseCmd,
  ':': trueCmd,
  bash,
  sh: bash,
  alias,
  unalias,
  complete,
  time,
  break: loopControl('break'),
  continue: loopControl('continue'),
  jobs,
  wait,
};

/** `which` is a file (/usr/bin/which), not a builtin */
export const WHICH: Registry = { which };
