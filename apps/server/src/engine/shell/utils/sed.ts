// sed, the common part: `s///` (g, i, p, N), p, d, q, `=`, line/`$`/regex addresses and ranges,
// -n, -e, -E, -i.

import type { Builtin, Registry } from '../command-registry';
import { attempt, readInputs } from './files';
import { getopt, has } from './getopt';
import { breToJs, ereToJs } from './grep';
import { lines } from './text';

type Address = { line: number } | { last: true } | { re: RegExp };

interface SedCmd {
  a1?: Address;
  a2?: Address;
  negate: boolean;
  op: 's' | 'p' | 'd' | 'q' | '=' | 'y';
  re?: RegExp;
  repl?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  from?: string;
  to?: string;
  inRange?: boolean;
}

class SedError extends Error {}

/** reads `X...X` starting after the delimiter at s[i]; returns text and index after the close */
function delimited(s: string, i: number, delim: string): [string, number] {
  let out = '';
  for (let j = i; j < s.length; j++) {
    if (s[j] === '\\' && j + 1 < s.length) {
      out += s[j + 1] === delim ? delim : s[j] + s[j + 1];
      j++;
    } else if (s[j] === delim) return [out, j + 1];
    else out += s[j];
  }
  throw new SedError('unterminated');
}

export function parseSed(script: string, ere: boolean, exprNo: number): SedCmd[] {
  const cmds: SedCmd[] = [];
  const toRe = (src: string, flags: string): RegExp => new RegExp(ere ? ereToJs(src) : breToJs(src), flags);
  let i = 0;
  const fail = (msg: string): never => {
    throw new SedError(`-e expression #${exprNo}, char ${i}: ${msg}`);
  };
  const address = (): Address | undefined => {
    const m = /^\d+/.exec(script.slice(i));
    if (m) {
      i += m[0].length;
      return { line: Number(m[0]) };
    }
    if (script[i] === '$') {
      i++;
      return { last: true };
    }
    if (script[i] === '/') {
      try {
        const [src, next] = delimited(script, i + 1, '/');
        i = next;
        return { re: toRe(src, '') };
      } catch {
        i = script.length;
        return fail('unterminated address regex');
      }
    }
    return undefined;
  };
  while (i < script.length) {
    while (i < script.length && /[\s;]/.test(script[i])) i++;
    if (i >= script.length) break;
    const cmd: SedCmd = { negate: false, op: 'p' };
    cmd.a1 = address();
    if (cmd.a1 && script[i] === ',') {
      i++;
      cmd.a2 = address();
      if (!cmd.a2) fail('unexpected `,\'');
    }
    while (script[i] === ' ') i++;
    if (script[i] === '!') {
      cmd.negate = true;
      i++;
    }
    const op = script[i++];
    if (op === undefined) fail('missing command');
    if (op === 's') {
      const delim = script[i];
      try {
        const [pat, a] = delimited(script, i + 1, delim);
        const [repl, b] = delimited(script, a, delim);
        i = b;
        const flags = /^[gipI0-9]*/.exec(script.slice(i))![0];
        i += flags.length;
        cmd.op = 's';
        cmd.repl = repl;
        cmd.global = flags.includes('g');
        cmd.print = flags.includes('p');
        const n = /\d+/.exec(flags);
        cmd.nth = n ? Number(n[0]) : 1;
        cmd.re = toRe(pat, `g${/[iI]/.test(flags) ? 'i' : ''}`);
      } catch (e) {
        if (e instanceof SedError && e.message === 'unterminated') {
          i = script.length;
          fail("unterminated `s' command");
        }
        throw e;
      }
    } else if (op === 'y') {
      const delim = script[i];
      const [from, a] = delimited(script, i + 1, delim);
      const [to, b] = delimited(script, a, delim);
      i = b;
      if ([...from].length !== [...to].length) fail('strings for `y\' command are different lengths');
      Object.assign(cmd, { op: 'y', from, to });
    } else if ('pdq='.includes(op)) cmd.op = op as SedCmd['op'];
    else fail(`unknown command: \`${op}'`);
    cmds.push(cmd);
  }
  return cmds;
}

function replacement(repl: string, m: RegExpExecArray | string[]): string {
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '\\' && i + 1 < repl.length) {
      const n = repl[++i];
      if (/\d/.test(n)) out += m[Number(n)] ?? '';
      else out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
    } else if (c === '&') out += m[0];
    else out += c;
  }
  return out;
}

export function runSed(cmds: SedCmd[], text: string, quiet: boolean): string {
  const ls = lines(text);
  let out = '';
  const matches = (a: Address, line: string, n: number): boolean => ('line' in a ? n === a.line : 'last' in a ? n === ls.length : a.re.test(line));
  for (const c of cmds) c.inRange = false;
  for (let idx = 0; idx < ls.length; idx++) {
    let line = ls[idx];
    const n = idx + 1;
    let deleted = false;
    let quit = false;
    for (const c of cmds) {
      let selected: boolean;
      if (!c.a1) selected = true;
      else if (!c.a2) selected = matches(c.a1, line, n);
      else if (c.inRange) {
        selected = true;
        if ('line' in c.a2 ? n >= c.a2.line : matches(c.a2, line, n)) c.inRange = false;
      } else if (matches(c.a1, line, n)) {
        selected = true;
        c.inRange = !('line' in c.a2 && c.a2.line <= n);
      } else selected = false;
      if (selected === c.negate) continue;
      if (c.op === 'p') out += `${line}\n`;
      else if (c.op === 'd') {
        deleted = true;
        break;
      } else if (c.op === 'q') {
        quit = true;
        break;
      } else if (c.op === '=') out += `${n}\n`;
      else if (c.op === 'y') {
        const from = [...c.from!];
        const to = [...c.to!];
        line = [...line].map((ch) => (from.includes(ch) ? to[from.indexOf(ch)] : ch)).join('');
      } else if (c.op === 's') {
        const re = c.re!;
        re.lastIndex = 0;
        let count = 0;
        let changed = false;
        line = line.replace(re, (...args) => {
          count++;
          const groups = args.slice(0, -2).filter((a) => typeof a === 'string' || a === undefined) as string[];
          if (c.global ? count >= c.nth! : count === c.nth) {
            changed = true;
            return replacement(c.repl!, groups);
          }
          return args[0] as string;
        });
        if (changed && c.print) out += `${line}\n`;
      }
    }
    if (!deleted && !quiet) out += `${line}\n`;
    if (quit) break;
  }
  return out;
}

const sed: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'nEri', values: 'ef', long: { quiet: 'n', silent: 'n', expression: 'e', 'regexp-extended': 'E', 'in-place': 'i' } });
  if (typeof p === 'number') return p;
  let scripts = p.opts.get('e') ?? [];
  let files = p.operands;
  if (scripts.length === 0) {
    if (files.length === 0) {
      ctx.stderr('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n');
      return 1;
    }
    scripts = [files[0]];
    files = files.slice(1);
  }
  let cmds: SedCmd[] = [];
  try {
    scripts.forEach((s, k) => (cmds = cmds.concat(parseSed(s, has(p, 'E') || has(p, 'r'), k + 1))));
  } catch (e) {
    if (e instanceof SedError) {
      ctx.stderr(`sed: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const quiet = has(p, 'n');
  if (has(p, 'i')) {
    if (files.length === 0) {
      ctx.stderr('sed: no input files\n');
      return 1;
    }
    let status = 0;
    for (const f of files) {
      let text = '';
      if (!attempt(ctx, `sed: can't read ${f}`, () => (text = ctx.fs.readFile(f)))) {
        status = 2;
        continue;
      }
      if (!attempt(ctx, `sed: couldn't open temporary file ${f}`, () => ctx.fs.writeFile(f, runSed(cmds, text, quiet)))) status = 4;
    }
    return status;
  }
  let input = '';
  const status = readInputs(ctx, files, (t) => (input += t), (f, m) => `sed: can't read ${f}: ${m}`);
  ctx.stdout(runSed(cmds, input, quiet));
  return status ? 2 : 0;
};

export const SED_UTILS: Registry = { sed };
