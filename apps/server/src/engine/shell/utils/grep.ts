// grep: basic and extended regular expressions translated to JavaScript ones; exit 1 when
// nothing matched, 2 on trouble.

import type { Builtin, Registry } from '../command-registry';
import { FsError } from '../filesystem';
import { getopt, has, last } from './getopt';
import { lines } from './text';
import { POSIX_CLASSES } from '../glob';

/** POSIX bracket classes inside [...] */
function classes(re: string): string {
  return re.replace(/\[:[a-z]+:\]/g, (c) => POSIX_CLASSES[c] ?? c);
}

/** a POSIX basic regular expression (grep, sed) as a JavaScript source */
export function breToJs(bre: string): string {
  let out = '';
  for (let i = 0; i < bre.length; i++) {
    const c = bre[i];
    if (c === '\\' && i + 1 < bre.length) {
      const n = bre[++i];
      if ('(){}|+?'.includes(n)) out += n;
      else if (n === '<' || n === '>') out += '\\b';
      else out += `\\${n}`;
    } else if ('(){}|+?'.includes(c)) out += `\\${c}`;
    else if (c === '[') {
      const end = bre.indexOf(']', i + (bre[i + 1] === ']' || bre[i + 1] === '^' ? 2 : 1));
      if (end < 0) {
        out += '\\[';
        continue;
      }
      // a backslash is itself inside brackets: escaped before the classes bring their own
      out += classes(bre.slice(i, end + 1).replace(/\\(?![\]^-])/g, '\\\\'));
      i = end;
    } else if (c === '*' && (i === 0 || bre[i - 1] === '^')) out += '\\*';
    else out += c;
  }
  return out;
}

export function ereToJs(ere: string): string {
  return classes(ere).replace(/\\([<>])/g, '\\b');
}

const grep: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), {
    flags: 'cvinoEwlLqsrRHhFxP',
    values: 'eABC',
    usageStatus: 2,
    long: {
      count: 'c',
      'invert-match': 'v',
      'ignore-case': 'i',
      'line-number': 'n',
      'only-matching': 'o',
      'extended-regexp': 'E',
      'word-regexp': 'w',
      'files-with-matches': 'l',
      quiet: 'q',
      silent: 'q',
      'fixed-strings': 'F',
      'line-regexp': 'x',
      regexp: 'e',
      color: 'k',
      colour: 'k',
    },
  });
  if (typeof p === 'number') return p;
  let patterns = p.opts.get('e') ?? [];
  let operands = p.operands;
  if (patterns.length === 0) {
    if (operands.length === 0) {
      ctx.stderr("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    patterns = operands[0].split('\n');
    operands = operands.slice(1);
  }
  const sources = patterns.map((pat) => {
    let src = has(p, 'F') ? pat.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : has(p, 'E') || has(p, 'P') ? ereToJs(pat) : breToJs(pat);
    if (has(p, 'w')) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
    if (has(p, 'x')) src = `^(?:${src})$`;
    return src;
  });
  let re: RegExp;
  try {
    re = new RegExp(sources.map((s) => `(?:${s})`).join('|'), has(p, 'i') ? 'gi' : 'g');
  } catch {
    ctx.stderr(`grep: Unmatched ( or \\(\n`);
    return 2;
  }
  const recursive = has(p, 'r') || has(p, 'R');
  const files: string[] = [];
  let trouble = false;
  for (const f of operands.length ? operands : recursive ? ['.'] : ['-']) {
    if (f !== '-' && ctx.fs.isDir(f)) {
      if (!recursive) {
        ctx.stderr(`grep: ${f}: Is a directory\n`);
        trouble = true;
        continue;
      }
      const base = ctx.fs.resolve(f);
      for (const path of ctx.fs.raw.walk(base)) if (ctx.fs.raw.isFile(path)) files.push(f === '.' ? path.slice(base.length + 1) : `${f.replace(/\/$/, '')}${path.slice(base.length)}`);
    } else files.push(f);
  }
  const showName = has(p, 'H') || (!has(p, 'h') && (files.length > 1 || recursive));
  const maxCtx = { A: Number(last(p, 'A') ?? last(p, 'C') ?? 0), B: Number(last(p, 'B') ?? last(p, 'C') ?? 0) };
  let matchedAny = false;
  for (const f of files) {
    let text: string;
    if (f === '-') text = ctx.stdin;
    else {
      try {
        text = ctx.fs.readFile(f);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        if (!has(p, 's')) ctx.stderr(`grep: ${f}: ${e.message}\n`);
        trouble = true;
        continue;
      }
    }
    const name = f === '-' ? '(standard input)' : f;
    const prefix = (n: number, sep: string): string => (showName ? `${name}${sep}` : '') + (has(p, 'n') ? `${n}${sep}` : '');
    let count = 0;
    const ls = lines(text);
    let lastPrinted = -1;
    let afterLeft = 0;
    for (const [i, line] of ls.entries()) {
      re.lastIndex = 0;
      const hit = re.test(line) !== has(p, 'v');
      if (!hit) {
        if (afterLeft > 0 && !has(p, 'c') && !has(p, 'l') && !has(p, 'q')) {
          ctx.stdout(`${prefix(i + 1, '-')}${line}\n`);
          lastPrinted = i;
          afterLeft--;
        }
        continue;
      }
      count++;
      matchedAny = true;
      if (has(p, 'q')) return 0;
      if (has(p, 'c') || has(p, 'l') || has(p, 'L')) continue;
      if (has(p, 'o') && !has(p, 'v')) {
        re.lastIndex = 0;
        for (const m of line.matchAll(re)) if (m[0] !== '') ctx.stdout(`${prefix(i + 1, ':')}${m[0]}\n`);
        continue;
      }
      if (maxCtx.B > 0 || maxCtx.A > 0) {
        const from = Math.max(lastPrinted + 1, i - maxCtx.B);
        if (lastPrinted >= 0 && from > lastPrinted + 1) ctx.stdout('--\n');
        for (let j = from; j < i; j++) ctx.stdout(`${prefix(j + 1, '-')}${ls[j]}\n`);
        afterLeft = maxCtx.A;
      }
      ctx.stdout(`${prefix(i + 1, ':')}${line}\n`);
      lastPrinted = i;
    }
    if (has(p, 'c')) ctx.stdout(`${showName ? `${name}:` : ''}${count}\n`);
    if (has(p, 'l') && count > 0) ctx.stdout(`${name}\n`);
    if (has(p, 'L') && count === 0) ctx.stdout(`${name}\n`);
  }
  if (trouble && !(has(p, 'q') && matchedAny)) return 2;
  return matchedAny ? 0 : 1;
};

export const GREP_UTILS: Registry = { grep, egrep: (ctx) => grep({ ...ctx, argv: ['grep', '-E', ...ctx.argv.slice(1)] }) };
