// Text filters with GNU coreutils' behaviour: head, tail, wc, sort, uniq, cut, tr, base64, seq.

import type { Builtin, Registry } from '../command-registry';
import { compareC } from '../expand';
import type { CommandContext } from '../types';
import { attempt, readInputs } from './files';
import { getopt, has, last } from './getopt';

/** text split into lines, without the empty string after a final newline */
export function lines(text: string): string[] {
  if (text === '') return [];
  const ls = text.split('\n');
  if (text.endsWith('\n')) ls.pop();
  return ls;
}

export function unlines(ls: string[]): string {
  return ls.map((l) => `${l}\n`).join('');
}

/** `head -5` / `tail -5` are old spellings of `-n 5` */
function legacyCount(args: string[]): string[] {
  return args.map((a, i) => (i === 0 || !args[i - 1].match(/^-[nc]$/)) && /^-\d+$/.test(a) ? `-n${a.slice(1)}` : a);
}

function headTail(ctx: CommandContext, tail: boolean): number {
  const name = ctx.argv[0];
  const p = getopt(ctx, legacyCount(ctx.argv.slice(1)), { flags: 'qvfF', values: 'nc', long: { lines: 'n', bytes: 'c', quiet: 'q', follow: 'f' } });
  if (typeof p === 'number') return p;
  const spec = last(p, 'n') ?? last(p, 'c') ?? '10';
  const bytes = last(p, 'c') !== undefined && last(p, 'n') === undefined;
  const m = /^([+-]?)(\d+)$/.exec(spec);
  if (!m) {
    ctx.stderr(`${name}: invalid number of ${bytes ? 'bytes' : 'lines'}: ‘${spec}’\n`);
    return 1;
  }
  const n = Number(m[2]);
  const files = p.operands.length ? p.operands : ['-'];
  let first = true;
  return readInputs(
    ctx,
    files,
    (text, f) => {
      if (files.length > 1 && !has(p, 'q')) {
        ctx.stdout(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
      }
      first = false;
      if (bytes) {
        const cut = tail ? (m[1] === '+' ? text.slice(Math.max(0, n - 1)) : text.slice(Math.max(0, text.length - n))) : m[1] === '-' ? text.slice(0, Math.max(0, text.length - n)) : text.slice(0, n);
        ctx.stdout(cut);
        return;
      }
      const ls = text.split('\n');
      const trailing = text.endsWith('\n');
      if (trailing) ls.pop();
      let sel: string[];
      if (tail) sel = m[1] === '+' ? ls.slice(Math.max(0, n - 1)) : n === 0 ? [] : ls.slice(-n);
      else sel = m[1] === '-' ? ls.slice(0, Math.max(0, ls.length - n)) : ls.slice(0, n);
      const lastIncluded = sel.length > 0 && (tail || sel.length === ls.length);
      ctx.stdout(sel.join('\n') + (sel.length && (!lastIncluded || trailing) ? '\n' : ''));
    },
    (f, m) => `${name}: cannot open '${f}' for reading: ${m}`,
  );
}

const head: Builtin = (ctx) => headTail(ctx, false);
const tail: Builtin = (ctx) => headTail(ctx, true);

const wc: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'lwcmL', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' } });
  if (typeof p === 'number') return p;
  let which = ['l', 'w', 'c', 'm'].filter((k) => has(p, k));
  if (which.length === 0) which = ['l', 'w', 'c'];
  const rows: { counts: Record<string, number>; name: string; stdin: boolean; size: number }[] = [];
  const enc = new TextEncoder();
  const files = p.operands.length ? p.operands : ['-'];
  const status = readInputs(ctx, files, (text, f) => {
    const bytes = enc.encode(text).length;
    rows.push({
      counts: { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: bytes, m: [...text].length },
      name: p.operands.length ? f : '',
      stdin: f === '-',
      size: bytes,
    });
  });
  if (rows.length === 0) return status;
  if (rows.length > 1) {
    const total: Record<string, number> = {};
    for (const k of ['l', 'w', 'c', 'm']) total[k] = rows.reduce((s, r) => s + r.counts[k], 0);
    rows.push({ counts: total, name: 'total', stdin: false, size: 0 });
  }
  const order = ['l', 'w', 'm', 'c'].filter((k) => which.includes(k));
  let width = 1;
  if (!(files.length === 1 && order.length === 1)) {
    width = rows.some((r) => r.stdin) ? 7 : String(rows.filter((r) => r.name !== 'total').reduce((s, r) => s + r.size, 0)).length;
  }
  for (const r of rows) ctx.stdout(`${order.map((k) => String(r.counts[k]).padStart(width)).join(' ')}${r.name ? ` ${r.name}` : ''}\n`);
  return status;
};

function numericPrefix(s: string): number {
  const m = /^\s*(-?\d+(\.\d+)?)/.exec(s);
  return m ? parseFloat(m[1]) : 0;
}

function humanNumber(s: string): number {
  const m = /^\s*(-?\d+(\.\d+)?)([KMGTP]?)/i.exec(s);
  if (!m) return 0;
  const exp = ' KMGTP'.indexOf(m[3].toUpperCase() || ' ');
  return parseFloat(m[1]) * 1024 ** Math.max(0, exp);
}

const sort: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'nrufbshVcM', values: 'ktoS', usageStatus: 2, long: { numeric: 'n', reverse: 'r', unique: 'u', key: 'k', 'field-separator': 't', 'ignore-case': 'f', 'human-numeric-sort': 'h' } });
  if (typeof p === 'number') return p;
  let input = '';
  const status = readInputs(ctx, p.operands, (t) => (input += t.endsWith('\n') || t === '' ? t : `${t}\n`), (f, m) => `sort: cannot read: ${f}: ${m}`);
  if (status !== 0) return 2;
  const sep = last(p, 't');
  const keys = (p.opts.get('k') ?? []).map((k) => {
    const m = /^(\d+)(?:\.\d+)?([a-zA-Z]*)(?:,(\d+)(?:\.\d+)?([a-zA-Z]*))?$/.exec(k);
    if (!m) return undefined;
    return { start: Number(m[1]), end: m[3] ? Number(m[3]) : undefined, flags: m[2] + (m[4] ?? '') };
  });
  if (keys.some((k) => k === undefined)) {
    ctx.stderr(`sort: invalid key specification\n`);
    return 2;
  }
  const fieldsOf = (line: string): string[] => (sep !== undefined ? line.split(sep) : line.trim().split(/\s+/));
  const keyOf = (line: string, k: { start: number; end?: number }): string => {
    const fs = fieldsOf(line);
    return fs.slice(k.start - 1, k.end ?? fs.length).join(sep ?? ' ');
  };
  const cmp = (a: string, b: string, flags: string): number => {
    if (flags.includes('n')) return numericPrefix(a) - numericPrefix(b);
    if (flags.includes('h')) return humanNumber(a) - humanNumber(b);
    if (flags.includes('f')) return compareC(a.toUpperCase(), b.toUpperCase());
    return compareC(a, b);
  };
  const global = ['n', 'h', 'f', 'r'].filter((f) => has(p, f)).join('');
  const compare = (a: string, b: string): number => {
    for (const k of keys as { start: number; end?: number; flags: string }[]) {
      const flags = k.flags || global;
      const c = cmp(keyOf(a, k), keyOf(b, k), flags);
      if (c !== 0) return flags.includes('r') ? -c : c;
    }
    if (keys.length === 0) {
      const c = cmp(a, b, global);
      if (c !== 0) return has(p, 'r') ? -c : c;
    }
    if (has(p, 'u') || has(p, 's')) return 0;
    const c = compareC(a, b);
    return has(p, 'r') ? -c : c;
  };
  let ls = lines(input).sort(compare);
  if (has(p, 'u')) ls = ls.filter((l, i) => i === 0 || compare(ls[i - 1], l) !== 0);
  const out = last(p, 'o');
  if (out !== undefined) return attempt(ctx, `sort: open failed: ${out}`, () => ctx.fs.writeFile(out, unlines(ls))) ? 0 : 2;
  ctx.stdout(unlines(ls));
  return 0;
};

const uniq: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'cdui', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' } });
  if (typeof p === 'number') return p;
  let input = '';
  const status = readInputs(ctx, p.operands.slice(0, 1), (t) => (input = t));
  if (status) return status;
  const same = (a: string, b: string): boolean => (has(p, 'i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  const groups: { line: string; n: number }[] = [];
  for (const l of lines(input)) {
    const g = groups[groups.length - 1];
    if (g && same(g.line, l)) g.n++;
    else groups.push({ line: l, n: 1 });
  }
  const kept = groups.filter((g) => (!has(p, 'd') || g.n > 1) && (!has(p, 'u') || g.n === 1));
  ctx.stdout(kept.map((g) => (has(p, 'c') ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`)).join(''));
  return 0;
};

/** `1,3`, `2-`, `-4` → a predicate over 1-based positions */
function parseList(spec: string): ((i: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of spec.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '') || m[1] === '0') return undefined;
    const a = m[1] === '' ? 1 : Number(m[1]);
    const b = m[2] === '' ? a : m[3] === '' ? Infinity : Number(m[3]);
    ranges.push([a, b]);
  }
  return (i) => ranges.some(([a, b]) => i >= a && i <= b);
}

const cut: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'sn', values: 'dfcb', long: { delimiter: 'd', fields: 'f', characters: 'c', bytes: 'b', 'only-delimited': 's' } });
  if (typeof p === 'number') return p;
  const f = last(p, 'f');
  const c = last(p, 'c') ?? last(p, 'b');
  if (f === undefined && c === undefined) {
    ctx.stderr("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    return 1;
  }
  const sel = parseList((f ?? c)!);
  if (!sel) {
    ctx.stderr(`cut: invalid field value ‘${f ?? c}’\nTry 'cut --help' for more information.\n`);
    return 1;
  }
  const d = last(p, 'd') ?? '\t';
  if (d.length !== 1) {
    ctx.stderr("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
    return 1;
  }
  let out = '';
  const status = readInputs(ctx, p.operands, (text) => {
    for (const line of lines(text)) {
      if (f !== undefined) {
        if (!line.includes(d)) {
          if (!has(p, 's')) out += `${line}\n`;
          continue;
        }
        out += `${line.split(d).filter((_, i) => sel(i + 1)).join(d)}\n`;
      } else out += `${[...line].filter((_, i) => sel(i + 1)).join('')}\n`;
    }
  });
  ctx.stdout(out);
  return status;
};

const CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};
CLASSES.alpha = CLASSES.upper + CLASSES.lower;
CLASSES.alnum = CLASSES.alpha + CLASSES.digit;

/** expands a tr set: ranges, classes, escapes */
export function trSet(spec: string): string[] {
  const out: string[] = [];
  const chars: string[] = [];
  for (let i = 0; i < spec.length; i++) {
    const cls = /^\[:(\w+):\]/.exec(spec.slice(i));
    if (cls && CLASSES[cls[1]]) {
      chars.push(...[...CLASSES[cls[1]]].map((ch) => `\0${ch}`));
      i += cls[0].length - 1;
      continue;
    }
    if (spec[i] === '\\' && i + 1 < spec.length) {
      const e: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '0': '\0' };
      chars.push(e[spec[i + 1]] ?? spec[i + 1]);
      i++;
    } else chars.push(spec[i]);
  }
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i].startsWith('\0') && chars[i].length > 1 ? chars[i].slice(1) : chars[i];
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      const a = c.codePointAt(0)!;
      const b = chars[i + 2].codePointAt(0)!;
      for (let x = a; x <= b; x++) out.push(String.fromCodePoint(x));
      i += 2;
    } else out.push(c);
  }
  return out;
}

const tr: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'dscC', long: { delete: 'd', 'squeeze-repeats': 's', complement: 'c' } });
  if (typeof p === 'number') return p;
  const [s1, s2] = p.operands;
  const del = has(p, 'd');
  if (s1 === undefined) {
    ctx.stderr("tr: missing operand\nTry 'tr --help' for more information.\n");
    return 1;
  }
  if (s2 === undefined && !del && !has(p, 's')) {
    ctx.stderr(`tr: missing operand after ‘${s1}’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`);
    return 1;
  }
  const set1 = trSet(s1);
  const complement = has(p, 'c') || has(p, 'C');
  const inSet1 = (ch: string): boolean => set1.includes(ch) !== complement;
  let out = '';
  if (del) {
    for (const ch of ctx.stdin) if (!inSet1(ch)) out += ch;
  } else if (s2 !== undefined) {
    const set2 = trSet(s2);
    for (const ch of ctx.stdin) {
      if (complement) {
        out += inSet1(ch) ? set2[set2.length - 1] ?? ch : ch;
        continue;
      }
      const i = set1.indexOf(ch);
      out += i < 0 ? ch : set2[Math.min(i, set2.length - 1)] ?? ch;
    }
  } else out = ctx.stdin;
  if (has(p, 's')) {
    const squeeze = new Set(s2 !== undefined && !del ? trSet(s2) : set1);
    let prev = '';
    let res = '';
    for (const ch of out) {
      if (ch === prev && squeeze.has(ch)) continue;
      res += ch;
      prev = ch;
    }
    out = res;
  }
  ctx.stdout(out);
  return 0;
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
  }
  return out;
}

/** decodes base64; `valid` is false when garbage stopped it (what came before is still decoded) */
export function base64Decode(text: string): { text: string; valid: boolean } {
  const clean = text.replace(/\s+/g, '');
  const bytes: number[] = [];
  let buf = 0;
  let bits = 0;
  let valid = clean.length % 4 === 0;
  let i = 0;
  for (; i < clean.length; i++) {
    const v = B64.indexOf(clean[i]);
    if (v < 0) break;
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buf >> bits) & 0xff);
    }
  }
  const rest = clean.slice(i);
  if (rest !== '' && !(/^={1,2}$/.test(rest) && (i + rest.length) % 4 === 0)) valid = false;
  return { text: new TextDecoder().decode(new Uint8Array(bytes)), valid };
}

const base64: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'di', values: 'w', long: { decode: 'd', wrap: 'w', 'ignore-garbage': 'i' } });
  if (typeof p === 'number') return p;
  let input = '';
  const status = readInputs(ctx, p.operands.slice(0, 1), (t) => (input = t));
  if (status) return status;
  if (has(p, 'd')) {
    const out = base64Decode(input);
    ctx.stdout(out.text);
    if (!out.valid) {
      ctx.stderr('base64: invalid input\n');
      return 1;
    }
    return 0;
  }
  const wrap = Number(last(p, 'w') ?? '76');
  const enc = base64Encode(input);
  if (wrap === 0) ctx.stdout(enc === '' ? '' : `${enc}\n`);
  else {
    let out = '';
    for (let i = 0; i < enc.length; i += wrap) out += `${enc.slice(i, i + wrap)}\n`;
    ctx.stdout(out);
  }
  return 0;
};

const seq: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1).map((a) => (/^-\d/.test(a) ? `\u0000${a}` : a)), { flags: 'w', values: 's' });
  if (typeof p === 'number') return p;
  const nums = p.operands.map((a) => a.replace('\u0000', ''));
  if (nums.length === 0 || nums.length > 3) {
    ctx.stderr(nums.length === 0 ? "seq: missing operand\nTry 'seq --help' for more information.\n" : `seq: extra operand ‘${nums[3]}’\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  for (const n of nums) {
    if (!/^-?\d+(\.\d+)?$/.test(n)) {
      ctx.stderr(`seq: invalid floating point argument: ‘${n}’\nTry 'seq --help' for more information.\n`);
      return 1;
    }
  }
  const [first, step, lastN] = nums.length === 1 ? [1, 1, Number(nums[0])] : nums.length === 2 ? [Number(nums[0]), 1, Number(nums[1])] : [Number(nums[0]), Number(nums[1]), Number(nums[2])];
  const out: string[] = [];
  if (step !== 0) for (let v = first; step > 0 ? v <= lastN : v >= lastN; v += step) {
    out.push(String(v));
    if (out.length >= 1_000_000) break;
  }
  ctx.stdout(out.length ? `${out.join(last(p, 's') ?? '\n')}\n` : '');
  return 0;
};

/** paste: lines side by side, or (-s) each file's lines joined */
const paste: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 's', values: 'd', long: { serial: 's', delimiters: 'd' } });
  if (typeof p === 'number') return p;
  const delims = [...(last(p, 'd') ?? '\t').replace(/\\n/g, '\n').replace(/\\t/g, '\t')];
  const inputs: string[][] = [];
  const status = readInputs(ctx, p.operands, (t) => inputs.push(lines(t)));
  const join = (cells: string[]): string => cells.reduce((acc, c, i) => (i === 0 ? c : acc + delims[(i - 1) % delims.length] + c), '');
  if (has(p, 's')) for (const ls of inputs) ctx.stdout(`${join(ls)}\n`);
  else {
    const n = Math.max(0, ...inputs.map((ls) => ls.length));
    for (let i = 0; i < n; i++) ctx.stdout(`${join(inputs.map((ls) => ls[i] ?? ''))}\n`);
  }
  return status;
};

export const TEXT_UTILS: Registry = { head, tail, wc, sort, uniq, cut, tr, base64, seq, paste };
