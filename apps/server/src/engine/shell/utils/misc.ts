// echo, printf, test/[, env, xargs, date, uname, sleep, clear, pwd, help and friends.

import type { Builtin, BuiltinContext, Registry } from '../command-registry';
import { Input } from '../command-registry';
import { compareIntegers, unaryTest } from '../file-tests';
import { KERNEL_RELEASE } from '../hosts';
import { cloneState, isShellOnly } from '../interpreter';
import { setScalar } from '../variables';
import { civil, unixDate } from '../../time';
import { FormatArg, formatOnce, unescape } from './format';

const echo: Builtin = (ctx) => {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    const a = args.shift()!;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const u = unescape(text, true);
    text = u.text;
    if (u.stop) newline = false;
  }
  ctx.stdout(newline ? `${text}\n` : text);
  return 0;
};

const printf: Builtin = (ctx) => {
  let args = ctx.argv.slice(1);
  let target: string | undefined;
  if (args[0] === '-v') {
    target = args[1];
    args = args.slice(2);
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    ctx.stderr('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const fmt = unescape(args[0]).text;
  const rest: FormatArg[] = args.slice(1);
  let out = '';
  let status = 0;
  let offset = 0;
  do {
    const r = formatOnce(fmt, rest.slice(offset));
    out += r.text;
    if (r.badNumber !== undefined) {
      ctx.stderr(`bash: printf: ${r.badNumber}: invalid number\n`);
      status = 1;
    }
    if (r.stop || r.used === 0) break;
    offset += r.used;
  } while (offset < rest.length);
  if (target !== undefined) setScalar(ctx.state, target, out);
  else ctx.stdout(out);
  return status;
};

class TestError extends Error {}

/** test(1) / [ ]: the POSIX forms */
function evalTest(ctx: BuiltinContext, args: string[]): boolean {
  let i = 0;
  const int = (s: string): number => {
    if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`);
    return parseInt(s, 10);
  };
  const unary = (op: string, v: string): boolean => {
    const r = unaryTest(ctx.fs, ctx.user, op, v);
    if (r === undefined) throw new TestError(`${op}: unary operator expected`);
    return r;
  };
  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case '=':
      case '==':
        return a === b;
      case '!=':
        return a !== b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '-eq':
      case '-ne':
      case '-lt':
      case '-le':
      case '-gt':
      case '-ge':
        return compareIntegers(op, int(a), int(b));
    }
    throw new TestError(`${op}: binary operator expected`);
  };
  const BIN = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
  const primary = (): boolean => {
    const a = args[i];
    if (a === '!') {
      i++;
      return !primary();
    }
    if (a === '(') {
      i++;
      const v = or();
      if (args[i] !== ')') throw new TestError("`)' expected");
      i++;
      return v;
    }
    if (i + 2 < args.length + 0 && BIN.has(args[i + 1]) || (args.length - i === 3 && BIN.has(args[i + 1]))) {
      i += 3;
      return binary(a, args[i - 2], args[i - 1]);
    }
    if (/^-[a-zA-Z]$/.test(a) && i + 1 < args.length) {
      i += 2;
      return unary(a, args[i - 1]);
    }
    if (i + 1 < args.length && !['-a', '-o', ')'].includes(args[i + 1])) throw new TestError(`${args[i + 1]}: binary operator expected`);
    i++;
    return a !== '' && a !== undefined;
  };
  const and = (): boolean => {
    let v = primary();
    while (args[i] === '-a') {
      i++;
      v = primary() && v;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (args[i] === '-o') {
      i++;
      v = and() || v;
    }
    return v;
  };
  if (args.length === 0) return false;
  const v = or();
  if (i < args.length) throw new TestError('too many arguments');
  return v;
}

const test: Builtin = (ctx) => {
  let args = ctx.argv.slice(1);
  const name = ctx.argv[0];
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      ctx.stderr("bash: [: missing `]'\n");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evalTest(ctx, args) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      ctx.stderr(`bash: ${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
};

const pwd: Builtin = (ctx) => {
  ctx.stdout(`${ctx.cwd}\n`);
  return 0;
};

const env: Builtin = async (ctx) => {
  const args = ctx.argv.slice(1);
  const vars: Record<string, string> = args[0] === '-i' ? {} : { ...ctx.env };
  let i = args[0] === '-i' ? 1 : 0;
  for (; i < args.length && /^[A-Za-z_]\w*=/.test(args[i]); i++) {
    const eq = args[i].indexOf('=');
    vars[args[i].slice(0, eq)] = args[i].slice(eq + 1);
  }
  if (i >= args.length) {
    ctx.stdout(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  if (isShellOnly(args[i]) || !ctx.runner.knownCommand(args[i])) {
    ctx.stderr(`env: ‘${args[i]}’: No such file or directory\n`);
    return 127;
  }
  const sub = cloneState(ctx.state);
  sub.env = vars;
  return ctx.runner.runArgv(args.slice(i), sub, ctx.io);
};

/** xargs' input items: blank-separated, with quotes and backslashes honoured */
function xargsItems(text: string): string[] {
  const items: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|\\(.)|(\S)|(\s+)/gs;
  let cur: string | undefined;
  for (const m of text.matchAll(re)) {
    if (m[5] !== undefined) {
      if (cur !== undefined) items.push(cur);
      cur = undefined;
    } else cur = (cur ?? '') + (m[1] ?? m[2] ?? m[3] ?? m[4]);
  }
  if (cur !== undefined) items.push(cur);
  return items;
}

const xargs: Builtin = async (ctx) => {
  const args = ctx.argv.slice(1);
  let n: number | undefined;
  let repl: string | undefined;
  let noEmpty = false;
  let trace = false;
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('-n')) n = Number(a.length > 2 ? a.slice(2) : args[++i]);
    else if (a.startsWith('-I')) repl = a.length > 2 ? a.slice(2) : args[++i];
    else if (a.startsWith('-i')) repl = a.length > 2 ? a.slice(2) : '{}';
    else if (a === '-r' || a === '--no-run-if-empty') noEmpty = true;
    else if (a === '-t' || a === '--verbose') trace = true;
    else if (a.startsWith('-L')) n = Number(a.length > 2 ? a.slice(2) : args[++i]);
    else if (a === '-0') continue;
    else {
      ctx.stderr(`xargs: invalid option -- '${a.slice(1, 2)}'\nUsage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nTry 'xargs --help' for more information.\n`);
      return 1;
    }
  }
  if (n !== undefined && (!Number.isInteger(n) || n < 1)) {
    ctx.stderr(`xargs: value ${n} for -n option should be >= 1\n`);
    return 1;
  }
  const cmd = args.length > i ? args.slice(i) : ['echo'];
  const batches: string[][] = [];
  if (repl !== undefined) {
    for (const line of ctx.stdin.split('\n')) {
      const item = line.trim();
      if (item !== '') batches.push(cmd.map((a) => a.split(repl!).join(item)));
    }
  } else {
    const items = xargsItems(ctx.stdin);
    if (items.length === 0) {
      if (!noEmpty) batches.push([...cmd]);
    } else if (n === undefined) batches.push([...cmd, ...items]);
    else for (let k = 0; k < items.length; k += n) batches.push([...cmd, ...items.slice(k, k + n)]);
  }
  if (isShellOnly(cmd[0]) || !ctx.runner.knownCommand(cmd[0]) && !cmd[0].includes('/')) {
    if (batches.length === 0) return 0;
    ctx.stderr(`xargs: ${cmd[0]}: No such file or directory\n`);
    return 127;
  }
  let status = 0;
  for (const argv of batches) {
    if (trace) ctx.stderr(`${argv.join(' ')}\n`);
    const s = await ctx.runner.runArgv(argv, ctx.state, { ...ctx.io, input: new Input('') });
    if (s === 255) {
      ctx.stderr(`xargs: ${argv[0]}: exited with status 255; aborting\n`);
      return 124;
    }
    if (s !== 0) status = 123;
  }
  return status;
};

function dateFormat(fmt: string, ms: number): string {
  const d = civil(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const W = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const M = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const map: Record<string, () => string> = {
    Y: () => String(d.year),
    y: () => p(d.year % 100),
    m: () => p(d.month),
    d: () => p(d.day),
    e: () => String(d.day).padStart(2),
    H: () => p(d.hour),
    I: () => p(((d.hour + 11) % 12) + 1),
    M: () => p(d.minute),
    S: () => p(d.second),
    p: () => (d.hour < 12 ? 'AM' : 'PM'),
    s: () => String(Math.floor(ms / 1000)),
    N: () => p((ms % 1000) * 1e6, 9),
    F: () => `${d.year}-${p(d.month)}-${p(d.day)}`,
    T: () => `${p(d.hour)}:${p(d.minute)}:${p(d.second)}`,
    R: () => `${p(d.hour)}:${p(d.minute)}`,
    D: () => `${p(d.month)}/${p(d.day)}/${p(d.year % 100)}`,
    a: () => W[d.weekday].slice(0, 3),
    A: () => W[d.weekday],
    b: () => M[d.month - 1].slice(0, 3),
    h: () => M[d.month - 1].slice(0, 3),
    B: () => M[d.month - 1],
    u: () => String(d.weekday === 0 ? 7 : d.weekday),
    w: () => String(d.weekday),
    Z: () => 'UTC',
    z: () => '+0000',
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  return fmt.replace(/%(.)/g, (m, c: string) => (map[c] ? map[c]() : m));
}

const date: Builtin = (ctx) => {
  const now = ctx.now();
  for (const a of ctx.argv.slice(1)) {
    if (a === '-u' || a === '--utc') continue;
    if (a.startsWith('+')) {
      ctx.stdout(`${dateFormat(a.slice(1), now)}\n`);
      return 0;
    }
    if (a === '-I' || a === '--iso-8601') {
      ctx.stdout(`${dateFormat('%F', now)}\n`);
      return 0;
    }
    if (a === '--iso-8601=seconds' || a === '-Iseconds') {
      ctx.stdout(`${dateFormat('%FT%T+00:00', now)}\n`);
      return 0;
    }
    if (a === '-R' || a === '--rfc-email') {
      ctx.stdout(`${dateFormat('%a, %d %b %Y %T +0000', now)}\n`);
      return 0;
    }
    ctx.stderr(`date: invalid date ‘${a}’\n`);
    return 1;
  }
  ctx.stdout(`${unixDate(now)}\n`);
  return 0;
};

const uname: Builtin = (ctx) => {
  const flags = ctx.argv.slice(1).join('').replace(/-/g, '');
  const host = ctx.hostState.hostname;
  const version = '#48-Ubuntu SMP PREEMPT_DYNAMIC Fri Sep 27 14:04:52 UTC 2024';
  if (flags.includes('a') || ctx.argv.includes('--all')) {
    ctx.stdout(`Linux ${host} ${KERNEL_RELEASE} ${version} x86_64 x86_64 x86_64 GNU/Linux\n`);
    return 0;
  }
  const parts: string[] = [];
  if (flags.includes('s') || flags === '') parts.push('Linux');
  if (flags.includes('n')) parts.push(host);
  if (flags.includes('r')) parts.push(KERNEL_RELEASE);
  if (flags.includes('v')) parts.push(version);
  if (flags.includes('m') || flags.includes('p') || flags.includes('i')) parts.push('x86_64');
  if (flags.includes('o')) parts.push('GNU/Linux');
  ctx.stdout(`${parts.join(' ')}\n`);
  return 0;
};

const sleep: Builtin = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    ctx.stderr("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let ms = 0;
  for (const a of args) {
    const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a);
    if (!m) {
      ctx.stderr(`sleep: invalid time interval ‘${a}’\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    ms += parseFloat(m[1]) * { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
  }
  await ctx.sleep(Math.round(ms));
  return ctx.signal.aborted ? 130 : 0;
};

const clear: Builtin = (ctx) => {
  ctx.stdout('\x1b[H\x1b[2J\x1b[3J');
  return 0;
};

const editor: Builtin = (ctx) => {
  ctx.stderr(`${ctx.argv[0]}: interactive editors are not available in this sandbox; write files with a here-document:\n  cat <<'EOF' > file.yaml\n  ...\n  EOF\n`);
  return 1;
};

const man: Builtin = (ctx) => {
  const topic = ctx.argv[1];
  if (topic === undefined) {
    ctx.stderr('What manual page do you want?\nFor example, try \'man man\'.\n');
    return 1;
  }
  ctx.stderr(`No manual entry for ${topic}\n(manual pages are not installed in this sandbox; try \`${topic} --help\` or \`help\`)\n`);
  return 16;
};

const watch: Builtin = (ctx) => {
  ctx.stderr('watch: full-screen programs are not available in this sandbox; use `kubectl get ... --watch` (-w) instead\n');
  return 1;
};

const help: Builtin = (ctx) => {
  const registered = Object.keys(ctx.environment.commands).sort();
  ctx.stdout(`kubeaula sandbox shell: a bash look-alike on simulated hosts (master, node1, node2).
Nothing here touches a real machine: files, hosts and the cluster are simulated.

Shell:      pipes |, lists ; && ||, redirections > >> < 2> 2>&1 &>, here-documents <<EOF,
            variables $VAR \${VAR:-default} \${VAR/a/b} \${VAR:1:2}, arrays a=(x y) \${a[@]},
            $( ) and \`\`, $(( )), globs *.yaml, ~, if/for/while/until, case, [[ ]],
            functions f() { ...; } with local and return, ( ) and { }, exit codes in $?
Hosts:      ssh node1 [command], exit, sudo command, sudo -i, whoami, id, hostname
Files:      ls cat cp mv rm mkdir rmdir touch tee chmod chown find pwd cd basename dirname
Text:       echo printf grep sed awk cut sort uniq wc head tail tr paste xargs base64 seq
System:     date uname sleep clear env export unset alias history which type command
            declare let read mapfile trap test [ true false
Kernel:     free df swapoff swapon modprobe lsmod sysctl
${registered.length ? `Cluster:    ${registered.join(' ')}\n` : ''}Editors (vi, nano) are not available: write files with  cat <<'EOF' > file ... EOF
`);
  return 0;
};

export const MISC_BUILTINS: Registry = { echo, printf, test, '[': test, pwd, help };
export const MISC_UTILS: Registry = { env, printenv: (ctx) => (ctx.argv.length > 1 ? printVars(ctx) : env(ctx)), xargs, date, uname, sleep, clear, vi: editor, vim: editor, nano: editor, emacs: editor, watch, man };

function printVars(ctx: BuiltinContext): number {
  let status = 0;
  for (const k of ctx.argv.slice(1)) {
    if (ctx.env[k] === undefined) status = 1;
    else ctx.stdout(`${ctx.env[k]}\n`);
  }
  return status;
}
