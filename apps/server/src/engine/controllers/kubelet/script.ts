// A small interpreter for the shell scripts students give containers (`sh -c '...'`): echo,
// printf, sleep, exit, variables and $((arithmetic)), $(date), `while true` and `for` loops.
// It does not run anything: it computes, once at start, which lines the script writes at which
// offset and when it exits. An endless loop is kept as one iteration plus how its variables
// change, so logs for any later time are computed on demand, never by a timer per line.

import { unixDate } from '../../time';

export interface ScriptEnv {
  vars: Record<string, string>;
  hostname: string;
  namespace: string;
  /** busybox wording of errors (`cat: can't open 'x'`) rather than GNU coreutils' */
  busybox: boolean;
  /** files of the container's configMap, secret and downwardAPI volumes, by absolute path */
  mounted?: Record<string, string>;
}

/** An endless loop: iteration k starts at startMs + k * periodMs with vars0 + k * deltas. */
export interface LoopSpec {
  startMs: number;
  periodMs: number;
  body: string;
  vars0: Record<string, string>;
  deltas: Record<string, number>;
}

export interface ScriptResult {
  lines: [number, string][];
  /** offset at which the script ends (undefined: never) */
  exitAfterMs?: number;
  exitCode: number;
  loop?: LoopSpec;
  /** the script execs a long-running program (a server): it runs until stopped */
  server?: string[];
  /** files the script creates and removes: path → [created offset, removed offset or null] */
  files?: Record<string, [number, number | null]>;
  /** what it writes into files (`echo x >> /data/f`), in order */
  writes?: FileWrite[];
}

/** [ms offset, path, line written (without its newline), appended (>>) rather than truncating (>)] */
export type FileWrite = [number, string, string, boolean];

type Node =
  | { t: 'cmd'; words: string[]; redirect: boolean | string; append?: boolean; op: string }
  | { t: 'while'; cond: Node[]; until: boolean; body: Node[]; bodySrc: string; op: string }
  | { t: 'for'; name: string; items: string[]; body: Node[]; op: string };

/** commands that do their work silently and succeed */
const SILENT = new Set(['touch', 'rm', 'mkdir', 'cp', 'mv', 'ln', 'chmod', 'chown', 'cd', 'export', 'true', ':', 'wget', 'curl', 'nslookup', 'apk', 'apt-get', 'apt', 'set', 'trap', 'umask', 'sync', 'tee', 'mount', 'ulimit']);
/** programs that run until stopped when a script execs them */
const SERVERS = new Set(['nginx', 'httpd', 'httpd-foreground', 'redis-server', 'php-fpm', 'apache2-foreground', 'mysqld', 'mariadbd', 'postgres', 'tail', 'top', 'node', 'python', 'python3', 'http-server', 'nc', 'cat']);

const MAX_LINES = 2000;
const FOREVER = Number.POSITIVE_INFINITY;

export function runScript(source: string, env: ScriptEnv, startAt: number): ScriptResult {
  const nodes = parse(source);
  const st: State = { t: 0, lines: [], vars: { ...env.vars }, status: 0, env, startAt, files: {}, writes: [] };
  const r = execList(nodes, st);
  const files = { ...(Object.keys(st.files).length ? { files: st.files } : {}), ...(st.writes.length ? { writes: st.writes } : {}) };
  if (r === 'loop') return { lines: st.lines, exitCode: 0, loop: st.loop, ...files };
  if (r === 'server') return { lines: st.lines, exitCode: 0, server: st.server, ...files };
  if (st.t === FOREVER) return { lines: st.lines, exitCode: 0, ...files };
  return { lines: st.lines, exitAfterMs: st.t, exitCode: r === 'exit' ? st.exitCode! : st.status, ...files };
}

/** Lines of loop iteration k, at absolute offsets from the container's start. */
export function loopIteration(loop: LoopSpec, k: number, env: ScriptEnv, startAt: number): [number, string][] {
  return loopIterationRun(loop, k, env, startAt).lines;
}

/** Loop iteration k: its log lines and its file writes, at offsets from the container's start. */
export function loopIterationRun(loop: LoopSpec, k: number, env: ScriptEnv, startAt: number): { lines: [number, string][]; writes: FileWrite[] } {
  const vars: Record<string, string> = { ...loop.vars0 };
  for (const [name, d] of Object.entries(loop.deltas)) vars[name] = String(Number(loop.vars0[name]) + k * d);
  const base = loop.startMs + k * loop.periodMs;
  const st: State = { t: base, lines: [], vars, status: 0, env, startAt, files: {}, writes: [] };
  execList(parse(loop.body), st);
  return { lines: st.lines, writes: st.writes };
}

interface State {
  t: number;
  lines: [number, string][];
  vars: Record<string, string>;
  status: number;
  exitCode?: number;
  env: ScriptEnv;
  startAt: number;
  loop?: LoopSpec;
  server?: string[];
  files: Record<string, [number, number | null]>;
  writes: FileWrite[];
}

type Outcome = 'ok' | 'exit' | 'forever' | 'loop' | 'server';

function execList(nodes: Node[], st: State): Outcome {
  let skip = false;
  for (const n of nodes) {
    if (!skip) {
      const r = exec(n, st);
      if (r !== 'ok') return r;
    }
    skip = (n.op === '&&' && st.status !== 0) || (n.op === '||' && st.status === 0);
  }
  return 'ok';
}

function exec(n: Node, st: State): Outcome {
  if (n.t === 'for') {
    for (const item of n.items.flatMap((w) => expandWord(w, st).split(/\s+/).filter(Boolean))) {
      st.vars[n.name] = item;
      const r = execList(n.body, st);
      if (r !== 'ok') return r;
    }
    return 'ok';
  }
  if (n.t === 'while') return execWhile(n, st);
  return execCommand(n.words, n.redirect, st, n.append === true);
}

/** rounds a loop whose condition the interpreter evaluates runs before it is taken as endless */
const LOOP_ROUNDS = 10_000;

/** a condition made only of commands this interpreter evaluates exactly: `[`, `test`, `true`, `false`, `:` */
function evaluable(cond: Node[]): boolean {
  return cond.length > 0 && cond.every((c) => c.t === 'cmd' && ['[', 'test', 'true', 'false', ':'].includes(c.words[0] ?? '') && !c.words.some((w) => w.includes('$(')));
}

function execWhile(n: Extract<Node, { t: 'while' }>, st: State): Outcome {
  // A condition of tests (`[ $i -lt 5 ]`) is evaluated round by round: the loop ends when it
  // fails (or, for `until`, holds). `while true`, and conditions that ask the network or the
  // cluster (nslookup, wget: the interpreter cannot know their answer), are taken as endless.
  const endless = n.cond.length === 1 && n.cond[0].t === 'cmd' && n.cond[0].words.length === 1 && (n.until ? n.cond[0].words[0] === 'false' : ['true', ':'].includes(n.cond[0].words[0]));
  if (!endless && evaluable(n.cond)) {
    // (or once it has written as many lines as a plan keeps: from there on its lines come from
    // the loop's iterations, exact for as long as it runs, where an unrolled loop would be cut)
    for (let k = 0; k < LOOP_ROUNDS && st.lines.length < MAX_LINES; k++) {
      const rc = execList(n.cond, st);
      if (rc !== 'ok') return rc;
      if ((st.status === 0) === n.until) {
        st.status = 0;
        return 'ok';
      }
      const r = execList(n.body, st);
      if (r !== 'ok') return r;
    }
    // still going after that many rounds: an endless loop from here on
  }
  const vars0 = { ...st.vars };
  const start = st.t;
  // the loop's own writes come from loopIterationRun; a loop that ends at once keeps the probe's
  const probe: State = { ...st, lines: [], vars: { ...vars0 }, writes: [] };
  const r0 = execList(n.body, probe);
  if (r0 !== 'ok') {
    st.lines.push(...probe.lines);
    st.writes.push(...probe.writes);
    st.t = probe.t;
    st.status = probe.status;
    st.exitCode = probe.exitCode;
    st.server = probe.server;
    return r0;
  }
  const period = Math.max(probe.t - start, 1000);
  const after1 = { ...probe.vars };
  const probe2: State = { ...probe, lines: [], vars: { ...after1 }, t: start + period, writes: [] };
  execList(n.body, probe2);
  const deltas: Record<string, number> = {};
  for (const [k, v] of Object.entries(after1)) {
    const a = Number(vars0[k] ?? NaN);
    const b = Number(v);
    const c = Number(probe2.vars[k]);
    if (Number.isFinite(b) && Number.isFinite(c) && c - b !== 0 && Number.isFinite(a) && b - a === c - b) deltas[k] = b - a;
  }
  st.loop = { startMs: start, periodMs: period, body: n.bodySrc, vars0, deltas };
  return 'loop';
}

function execCommand(rawWords: string[], redirect: boolean | string, st: State, append = false): Outcome {
  // assignments before a command (or alone)
  let i = 0;
  while (i < rawWords.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(rawWords[i])) {
    const eq = rawWords[i].indexOf('=');
    st.vars[rawWords[i].slice(0, eq)] = expandWord(rawWords[i].slice(eq + 1), st);
    i++;
  }
  if (i >= rawWords.length) {
    st.status = 0;
    return 'ok';
  }
  const words = rawWords.slice(i).map((w) => expandWord(w, st));
  const cmd = words[0].split('/').pop()!;
  const args = words.slice(1);
  const out = (text: string): void => {
    if (typeof redirect === 'string') {
      touch(st, redirect);
      // `>` truncates once, then the command's lines follow
      if (st.writes.length < MAX_LINES) text.split('\n').forEach((l, i) => st.writes.push([st.t, redirect, l, append || i > 0]));
    } else if (!redirect && st.lines.length < MAX_LINES) for (const l of text.split('\n')) st.lines.push([st.t, l]);
  };
  st.status = 0;
  switch (cmd) {
    case 'echo': {
      let a = args;
      let newline = true;
      while (a[0] === '-n' || a[0] === '-e') {
        if (a[0] === '-n') newline = false;
        a = a.slice(1);
      }
      if (newline || a.length) out(a.join(' '));
      return 'ok';
    }
    case 'printf': {
      const fmt = args[0] ?? '';
      let k = 1;
      const text = fmt.replace(/%[sd]/g, () => args[k++] ?? '').replace(/\\n/g, '\n').replace(/\n$/, '');
      out(text);
      return 'ok';
    }
    case 'sleep': {
      const ms = sleepMs(args[0]);
      if (ms === FOREVER) {
        st.t = FOREVER;
        return 'forever';
      }
      st.t += ms;
      return 'ok';
    }
    case 'exit':
      st.exitCode = Number(args[0] ?? st.status) || 0;
      return 'exit';
    case 'false':
      st.status = 1;
      return 'ok';
    case '[':
    case 'test': {
      if (cmd === '[') {
        if (args[args.length - 1] !== ']') {
          out(st.env.busybox ? 'sh: missing ]' : "sh: 1: [: missing ]");
          st.status = 2;
          return 'ok';
        }
        args.pop();
      }
      const r = testExpr(args, st);
      if (typeof r === 'string') {
        out(st.env.busybox ? `sh: ${r}` : `sh: 1: ${cmd}: ${r}`);
        st.status = 2;
      } else st.status = r ? 0 : 1;
      return 'ok';
    }
    case 'seq': {
      const nums = args.map(Number);
      const bad = args.find((a) => !/^[+-]?\d+$/.test(a));
      if (!args.length || args.length > 3 || bad !== undefined) {
        out(st.env.busybox ? (bad !== undefined ? `seq: invalid number '${bad}'` : 'Usage: seq [-w] [-s SEP] [FIRST [INC]] LAST') : bad !== undefined ? `seq: invalid floating point argument: '${bad}'` : 'seq: missing operand');
        st.status = 1;
        return 'ok';
      }
      const [first, inc, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
      const seq: number[] = [];
      if (inc !== 0) for (let v = first; inc > 0 ? v <= last : v >= last; v += inc) if (seq.push(v) >= MAX_LINES) break;
      if (seq.length) out(seq.join('\n'));
      return 'ok';
    }
    case 'date':
      out(unixDate(st.startAt + st.t));
      return 'ok';
    case 'hostname':
      out(st.env.hostname);
      return 'ok';
    case 'env':
    case 'printenv':
      if (args.length) {
        const v = st.vars[args[0]];
        if (v === undefined) st.status = 1;
        else out(v);
      } else out(Object.entries(st.vars).map(([k, v]) => `${k}=${v}`).join('\n'));
      return 'ok';
    case 'cat':
      if (!args.length) break;
      if (args[0].endsWith('/serviceaccount/namespace')) {
        out(st.env.namespace);
        return 'ok';
      }
      if (st.files[args[0]] && st.files[args[0]][1] === null) return 'ok';
      if (st.env.mounted && Object.hasOwn(st.env.mounted, args[0])) {
        const text = st.env.mounted[args[0]];
        if (text !== '') out(text.replace(/\n$/, ''));
        return 'ok';
      }
      out(st.env.busybox ? `cat: can't open '${args[0]}': No such file or directory` : `cat: ${args[0]}: No such file or directory`);
      st.status = 1;
      return 'ok';
    case 'ls': {
      const listed = args[0] !== undefined && !args[0].startsWith('-') ? mountedNames(st.env, args[0]) : undefined;
      if (listed) {
        if (listed.length) out(listed.join('\n'));
        return 'ok';
      }
      if (args[0] && !args[0].startsWith('-') && args[0] !== '/' ) {
        out(st.env.busybox ? `ls: ${args[0]}: No such file or directory` : `ls: cannot access '${args[0]}': No such file or directory`);
        st.status = st.env.busybox ? 1 : 2;
      }
      return 'ok';
    }
    case 'exec':
      return execCommand(rawWords.slice(i + 1), redirect, st, append);
    case 'touch':
      for (const a of args) if (!a.startsWith('-')) touch(st, a);
      return 'ok';
    case 'rm':
      for (const a of args) {
        const f = st.files[a];
        if (f && f[1] === null) f[1] = st.t;
      }
      return 'ok';
  }
  if (SILENT.has(cmd)) return 'ok';
  if (SERVERS.has(cmd) || cmd.startsWith('docker-')) {
    st.server = words;
    return 'server';
  }
  out(`sh: ${words[0]}: not found`);
  st.status = 127;
  return 'ok';
}

/**
 * `test` / `[ ]`: strings (-z, -n, =, !=), integers (-eq -ne -lt -le -gt -ge), files the script
 * made or a volume mounted (-e, -f), and !. True or false, or the error text when the expression
 * cannot be read.
 */
function testExpr(a: string[], st: State): boolean | string {
  if (a[0] === '!' && a.length > 1) {
    const r = testExpr(a.slice(1), st);
    return typeof r === 'string' ? r : !r;
  }
  if (a.length === 0) return false;
  if (a.length === 1) return a[0] !== '';
  if (a.length === 2) {
    if (a[0] === '-z') return a[1] === '';
    if (a[0] === '-n') return a[1] !== '';
    if (a[0] === '-e' || a[0] === '-f') return (st.files[a[1]] !== undefined && st.files[a[1]][1] === null) || (st.env.mounted !== undefined && Object.hasOwn(st.env.mounted, a[1]));
    if (a[0] === '-d') return a[1] === '/' || a[1] === '/tmp';
    return `${a[0]}: unary operator expected`;
  }
  if (a.length === 3) {
    const [x, op, y] = a;
    if (op === '=' || op === '==') return x === y;
    if (op === '!=') return x !== y;
    const ints: Record<string, (p: number, q: number) => boolean> = { '-eq': (p, q) => p === q, '-ne': (p, q) => p !== q, '-lt': (p, q) => p < q, '-le': (p, q) => p <= q, '-gt': (p, q) => p > q, '-ge': (p, q) => p >= q };
    const cmp = ints[op];
    if (!cmp) return 'unknown operand';
    for (const v of [x, y]) if (!/^\s*[+-]?\d+\s*$/.test(v)) return st.env.busybox ? `invalid number '${v}'` : `Illegal number: ${v}`;
    return cmp(Number(x), Number(y));
  }
  return 'too many arguments';
}

/** the names `ls DIR` prints for a directory of a mounted configMap or secret, sorted as ls sorts */
function mountedNames(env: ScriptEnv, dir: string): string[] | undefined {
  if (!env.mounted) return undefined;
  const prefix = `${dir.replace(/\/+$/, '')}/`;
  const names = new Set<string>();
  for (const p of Object.keys(env.mounted)) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
  if (!names.size) return undefined;
  // dot files are hidden without -a
  return [...names].filter((n) => !n.startsWith('.')).sort();
}

function touch(st: State, path: string): void {
  const f = st.files[path];
  if (!f || f[1] !== null) st.files[path] = [st.t, null];
}

/** `sleep` arguments: seconds (fractions allowed), with s/m/h/d suffixes; `infinity`. */
export function sleepMs(arg: string | undefined): number {
  if (!arg) return 0;
  if (arg === 'infinity' || arg === 'inf') return FOREVER;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return 0;
  const mult = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
  return Math.round(parseFloat(m[1]) * mult);
}

// ---- expansion ------------------------------------------------------------------------------

function expandWord(w: string, st: State): string {
  let out = '';
  let i = 0;
  while (i < w.length) {
    const c = w[i];
    if (c === "'") {
      const j = w.indexOf("'", i + 1);
      out += w.slice(i + 1, j < 0 ? w.length : j);
      i = j < 0 ? w.length : j + 1;
    } else if (c === '"') {
      let j = i + 1;
      let inner = '';
      while (j < w.length && w[j] !== '"') {
        if (w[j] === '\\' && j + 1 < w.length && '"$\\`'.includes(w[j + 1])) {
          inner += w[j + 1];
          j += 2;
          continue;
        }
        if (w[j] === '$') {
          const [val, next] = expandDollar(w, j, st);
          inner += val;
          j = next;
          continue;
        }
        inner += w[j++];
      }
      out += inner;
      i = j + 1;
    } else if (c === '\\' && i + 1 < w.length) {
      out += w[i + 1];
      i += 2;
    } else if (c === '$') {
      const [val, next] = expandDollar(w, i, st);
      out += val;
      i = next;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function expandDollar(w: string, i: number, st: State): [string, number] {
  const rest = w.slice(i);
  let m: RegExpExecArray | null;
  if (rest.startsWith('$((')) {
    const end = w.indexOf('))', i);
    const expr = w.slice(i + 3, end < 0 ? w.length : end);
    return [String(arith(expr, st)), end < 0 ? w.length : end + 2];
  }
  if (rest.startsWith('$(')) {
    const end = matchParen(w, i + 1);
    const inner = w.slice(i + 2, end);
    const sub: State = { ...st, lines: [], redirect: false } as State;
    execList(parse(inner), sub);
    return [sub.lines.map((l) => l[1]).join('\n'), end + 1];
  }
  if ((m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest)) || (m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest))) {
    return [st.vars[m[1]] ?? '', i + m[0].length];
  }
  if (rest.startsWith('$$')) return ['1', i + 2];
  if (rest.startsWith('$?')) return [String(st.status), i + 2];
  return ['$', i + 1];
}

function matchParen(w: string, open: number): number {
  let depth = 0;
  for (let j = open; j < w.length; j++) {
    if (w[j] === '(') depth++;
    else if (w[j] === ')' && --depth === 0) return j;
  }
  return w.length;
}

function arith(expr: string, st: State): number {
  const subst = expr.replace(/\$?([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => String(Number(st.vars[name] ?? 0) || 0));
  if (!/^[\d\s+\-*/%()]*$/.test(subst)) return 0;
  // a tiny precedence-climbing evaluator over + - * / %
  const toks = subst.match(/\d+|[+\-*/%()]/g) ?? [];
  let p = 0;
  const primary = (): number => {
    const t = toks[p++];
    if (t === '(') {
      const v = sum();
      p++;
      return v;
    }
    if (t === '-') return -primary();
    return Number(t ?? 0);
  };
  const product = (): number => {
    let v = primary();
    while (toks[p] === '*' || toks[p] === '/' || toks[p] === '%') {
      const op = toks[p++];
      const r = primary();
      v = op === '*' ? v * r : op === '/' ? (r ? Math.trunc(v / r) : 0) : r ? v % r : 0;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (toks[p] === '+' || toks[p] === '-') v = toks[p++] === '+' ? v + product() : v - product();
    return v;
  };
  return sum();
}

// ---- parsing --------------------------------------------------------------------------------

interface Tok {
  w: string;
  op?: boolean;
  start: number;
  end: number;
}

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(src[i - 1]))) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '&&' || two === '||' || two === '>>') {
      toks.push({ w: two, op: true, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if (c === ';' || c === '\n' || c === '|' || c === '&' || c === '>' || c === '<') {
      toks.push({ w: c, op: true, start: i, end: i + 1 });
      i++;
      continue;
    }
    const start = i;
    let w = '';
    while (i < src.length && !' \t;\n|&<>'.includes(src[i])) {
      const ch = src[i];
      if (ch === "'" || ch === '"') {
        const j = findClose(src, i);
        w += src.slice(i, j + 1);
        i = j + 1;
      } else if (ch === '$' && src[i + 1] === '(') {
        const j = matchParen(src, i + 1);
        w += src.slice(i, j + 1);
        i = j + 1;
      } else if (ch === '\\' && i + 1 < src.length) {
        w += src.slice(i, i + 2);
        i += 2;
      } else {
        w += ch;
        i++;
      }
    }
    toks.push({ w, start, end: i });
  }
  return toks;
}

function findClose(src: string, i: number): number {
  const q = src[i];
  for (let j = i + 1; j < src.length; j++) {
    if (q === '"' && src[j] === '\\') {
      j++;
      continue;
    }
    if (src[j] === q) return j;
  }
  return src.length - 1;
}

function parse(src: string): Node[] {
  const toks = tokenize(src);
  let p = 0;
  const list = (stops: string[]): Node[] => {
    const out: Node[] = [];
    while (p < toks.length) {
      const t = toks[p];
      if (!t.op && stops.includes(t.w)) break;
      if (t.op && (t.w === ';' || t.w === '\n' || t.w === '&')) {
        p++;
        continue;
      }
      const node = statement();
      if (!node) break;
      const next = toks[p];
      if (next?.op && (next.w === '&&' || next.w === '||')) {
        node.op = next.w;
        p++;
      }
      out.push(node);
    }
    return out;
  };
  const statement = (): Node | undefined => {
    const t = toks[p];
    if (!t) return undefined;
    if (!t.op && (t.w === 'while' || t.w === 'until')) {
      p++;
      const cond = list(['do']);
      p++; // do
      const bodyStart = toks[p]?.start ?? src.length;
      const body = list(['done']);
      const bodyEnd = toks[p]?.start ?? src.length;
      p++; // done
      return { t: 'while', cond, until: t.w === 'until', body, bodySrc: src.slice(bodyStart, bodyEnd), op: ';' };
    }
    if (!t.op && t.w === 'for') {
      const name = toks[p + 1]?.w ?? 'i';
      p += 2;
      const items: string[] = [];
      if (toks[p]?.w === 'in') {
        p++;
        while (p < toks.length && !toks[p].op && toks[p].w !== 'do') items.push(toks[p++].w);
      }
      while (p < toks.length && toks[p].w !== 'do') p++;
      p++;
      const body = list(['done']);
      p++;
      return { t: 'for', name, items, body, op: ';' };
    }
    const words: string[] = [];
    let redirect: boolean | string = false;
    let append = false;
    while (p < toks.length) {
      const w = toks[p];
      if (w.op) {
        if (w.w === '>' || w.w === '>>' || w.w === '<') {
          const target = toks[p + 1]?.w ?? '';
          if (w.w !== '<') {
            redirect = target.startsWith('/dev/') ? true : target.replace(/^["']|["']$/g, '');
            append = w.w === '>>';
          }
          p += 2;
          continue;
        }
        if (w.w === '|') {
          // a pipeline: what reaches the log is the last command's output; keep the first's
          p++;
          while (p < toks.length && !(toks[p].op && toks[p].w !== '|')) p++;
          continue;
        }
        break;
      }
      if (words.length === 0 && (w.w === 'do' || w.w === 'done')) break;
      words.push(w.w);
      p++;
    }
    return { t: 'cmd', words, redirect, ...(append ? { append } : {}), op: ';' };
  };
  return list([]);
}
