// Word expansion in bash's order: tilde, parameters, command substitution, arithmetic, then
// field splitting (unquoted results only) and pathname expansion against the virtual fs.

import type { ArrayIndex, List, ParamOp, Word, WordPart } from './ast';
import { evalArith } from './arith';
import { globToRegExp } from './glob';

import { ExpansionError } from './expand-error';

export { ExpansionError };

export interface Expander {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** `set -u`: expanding an unset variable is an error */
  nounset?(): boolean;
  /** $1, $2...: what "$@" expands to, one field each */
  positional(): string[];
  /** an array variable's elements by index (keys in ascending order), if it is one */
  array(name: string): Record<string, string> | undefined;
  setArray(name: string, values: string[]): void;
  /** a message that does not stop the line (`bash: a: bad array subscript`) */
  warn(message: string): void;
  /** runs a command substitution, returning its stdout */
  commandSubst(body: List): Promise<string>;
  /** directory entries for globbing; [] when unreadable */
  listDir(absPath: string): string[];
  exists(absPath: string): boolean;
  isDir(absPath: string): boolean;
  cwd: string;
  home(user?: string): string | undefined;
}

interface Seg {
  text: string;
  quoted: boolean;
}

const IFS_WS = /[ \t\n]+/;

/** expands words into fields (argv) */
export async function expandWords(words: Word[], x: Expander): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) for (const b of braceExpand(w)) out.push(...(await expandFields(b, x, true)));
  return out;
}

const MAX_BRACE_WORDS = 10_000;

/** `{a,b}` and `{1..5}` in unquoted text, before any other expansion (bash's order) */
export function braceExpand(w: Word, budget = { n: MAX_BRACE_WORDS }): Word[] {
  for (const [i, p] of w.parts.entries()) {
    if (p.kind !== 'lit') continue;
    const m = findBrace(p.value);
    if (!m) continue;
    const alts = m.alts;
    if (alts.length > budget.n) return [w];
    budget.n -= alts.length;
    const out: Word[] = [];
    for (const alt of alts) {
      const value = p.value.slice(0, m.start) + alt + p.value.slice(m.end);
      const parts = [...w.parts.slice(0, i), { kind: 'lit' as const, value }, ...w.parts.slice(i + 1)];
      out.push(...braceExpand({ parts, raw: w.raw }, budget));
    }
    return out;
  }
  return [w];
}

function findBrace(s: string): { start: number; end: number; alts: string[] } | undefined {
  for (let start = s.indexOf('{'); start >= 0; start = s.indexOf('{', start + 1)) {
    if (start > 0 && s[start - 1] === '$') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let j = start; j < s.length; j++) {
      if (s[j] === '{') depth++;
      else if (s[j] === '}') {
        depth--;
        if (depth === 0) {
          const body = s.slice(start + 1, j);
          if (commas.length > 0) {
            const cuts = [start, ...commas, j];
            return { start, end: j + 1, alts: cuts.slice(0, -1).map((c, k) => s.slice(c + 1, cuts[k + 1])) };
          }
          const seq = /^(-?\d+)\.\.(-?\d+)$/.exec(body) ?? /^([a-zA-Z])\.\.([a-zA-Z])$/.exec(body);
          if (seq) {
            const numeric = /\d/.test(seq[1]);
            const a = numeric ? Number(seq[1]) : seq[1].charCodeAt(0);
            const b = numeric ? Number(seq[2]) : seq[2].charCodeAt(0);
            if (Math.abs(b - a) > MAX_BRACE_WORDS) return undefined;
            const alts: string[] = [];
            for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? 1 : -1) alts.push(numeric ? String(v) : String.fromCharCode(v));
            return { start, end: j + 1, alts };
          }
          break;
        }
      } else if (s[j] === ',' && depth === 1) commas.push(j);
    }
  }
  return undefined;
}

/** expands one word without splitting or globbing (assignments, here-documents, `case` words) */
export async function expandString(w: Word, x: Expander): Promise<string> {
  let s = '';
  for (const [i, p] of w.parts.entries()) s += await partText(p, x, i === 0);
  return s;
}

/** expands a word as a pattern (`case`, `[[ == ]]`, `${x#pattern}`): what was quoted matches itself */
export function expandPattern(w: Word, x: Expander): Promise<string> {
  return expandQuoting(w, x, (t) => t.replace(/[*?[\]\\]/g, (c) => `\\${c}`));
}

/** expands the right side of `[[ =~ ]]`: what was quoted matches itself */
export function expandRegex(w: Word, x: Expander): Promise<string> {
  return expandQuoting(w, x, (t) => t.replace(/[.*+?^${}()|[\]\\/]/g, (c) => `\\${c}`));
}

async function expandQuoting(w: Word, x: Expander, escape: (text: string) => string): Promise<string> {
  let s = '';
  for (const [i, p] of w.parts.entries()) {
    const text = await partText(p, x, i === 0);
    s += p.kind === 'quoted' || p.kind === 'dq' ? escape(text) : text;
  }
  return s;
}

/** expands a redirection target: one field, globbed if it matches exactly one path */
export async function expandTarget(w: Word, x: Expander): Promise<string | undefined> {
  const fields = await expandFields(w, x, true);
  return fields.length === 1 ? fields[0] : undefined;
}

async function expandFields(w: Word, x: Expander, split: boolean): Promise<string[]> {
  const fields: Seg[][] = [[]];
  const cur = (): Seg[] => fields[fields.length - 1];
  for (const [i, p] of w.parts.entries()) {
    if (p.kind === 'lit') {
      cur().push({ text: i === 0 ? tilde(p.value, x) : p.value, quoted: false });
    } else if (p.kind === 'quoted') {
      cur().push({ text: p.value, quoted: true });
    } else if (p.kind === 'dq') {
      const at = split ? p.parts.findIndex(isQuotedAt) : -1;
      if (at < 0) {
        cur().push({ text: await dqText(p.parts, x), quoted: true });
        continue;
      }
      // "$@": a field for each argument, what comes before joined to the first and what comes
      // after to the last; no argument, no field (unless there is text around it)
      const before = await dqText(p.parts.slice(0, at), x);
      const args = await positionalSlice(p.parts[at] as ParamPart, x);
      const after = await dqText(p.parts.slice(at + 1), x);
      if (args.length === 0) {
        if (before + after !== '') cur().push({ text: before + after, quoted: true });
        continue;
      }
      args.forEach((a, k) => {
        if (k > 0) fields.push([]);
        cur().push({ text: (k === 0 ? before : '') + a + (k === args.length - 1 ? after : ''), quoted: true });
      });
    } else {
      const value = await partText(p, x, false);
      if (!split) {
        cur().push({ text: value, quoted: false });
        continue;
      }
      const pieces = value.split(IFS_WS);
      pieces.forEach((piece, k) => {
        if (k > 0 && cur().length > 0) fields.push([]);
        if (piece !== '') cur().push({ text: piece, quoted: false });
      });
    }
  }
  const out: string[] = [];
  for (const f of fields) {
    if (f.length === 0) continue;
    if (f.every((s) => !s.quoted && s.text === '')) continue;
    const globbed = f.some((s) => !s.quoted && /[*?[]/.test(s.text)) ? glob(f, x) : [];
    if (globbed.length > 0) out.push(...globbed);
    else out.push(f.map((s) => s.text).join(''));
  }
  return out;
}

function tilde(value: string, x: Expander): string {
  if (!value.startsWith('~')) return value;
  const slash = value.indexOf('/');
  const user = value.slice(1, slash < 0 ? undefined : slash);
  const home = x.home(user || undefined);
  if (home === undefined) return value;
  return home + (slash < 0 ? '' : value.slice(slash));
}

async function dqText(parts: WordPart[], x: Expander): Promise<string> {
  let s = '';
  for (const p of parts) s += await partText(p, x, false);
  return s;
}

async function partText(p: WordPart, x: Expander, first: boolean): Promise<string> {
  switch (p.kind) {
    case 'lit':
      return first ? tilde(p.value, x) : p.value;
    case 'quoted':
      return p.value;
    case 'dq':
      return dqText(p.parts, x);
    case 'cmdsub':
      return (await x.commandSubst(p.body)).replace(/\n+$/, '');
    case 'arith': {
      const expr = await expandString(p.expr, x);
      return String(evalArith(expr, (n) => bound(n, x.getVar(n), x), (n, v) => x.setVar(n, v)));
    }
    case 'param':
      return param(p, x);
  }
}

type ParamPart = Extract<WordPart, { kind: 'param' }>;

async function param(p: ParamPart, x: Expander): Promise<string> {
  if (p.index) return (await arrayParam(p, p.index, x)).join(' ');
  const v = p.indirect ? indirect(p.name, x) : x.getVar(p.name);
  // set -u: an unset variable may only meet an operator that says what to do without it
  if (v === undefined && !p.indirect && !UNSET_OK.has(p.op)) bound(p.name, v, x);
  return applyOp(p, v, x);
}

/** the operators that give an unset variable a meaning (`${X-default}`, `${X:?message}` ...) */
const UNSET_OK = new Set<ParamOp | undefined>(['-', ':-', '=', ':=', '+', ':+', '?', ':?']);

/** `set -u`: bash's `NAME: unbound variable` (`$1: ...` for a positional parameter) for an unset value */
function bound(name: string, v: string | undefined, x: Expander): string | undefined {
  if (v === undefined && name !== '@' && name !== '*' && x.nounset?.()) throw new ExpansionError(`${/^\d+$/.test(name) ? `$${name}` : name}: unbound variable`);
  return v;
}

/** the elements of an array (a variable that is not one is an array of one, at 0) in index order */
function elements(name: string, x: Expander): [string, string][] {
  const arr = x.array(name);
  if (arr) return Object.entries(arr);
  const v = x.getVar(name);
  return v === undefined ? [] : [['0', v]];
}

/**
 * `${a[i]}` and `${a[@]}` with their operators: the values to join (or, for "${a[@]}", the
 * fields). Operators that change a value change each element.
 */
async function arrayParam(p: ParamPart, index: ArrayIndex, x: Expander): Promise<string[]> {
  const elems = elements(p.name, x);
  if ('all' in index) {
    if (p.op === 'len') return [String(elems.length)];
    if (p.indirect) return elems.map(([k]) => k);
    const values = elems.map(([, v]) => v);
    if (p.op === ':') return substringOf(p, values, x);
    if (p.op === undefined) return values;
    if (PER_ELEMENT.has(p.op)) return Promise.all(values.map((v) => applyOp(p, v, x)));
    return [await applyOp(p, values.length ? values.join(' ') : undefined, x)];
  }
  let i = evalArith(await expandString(index.expr, x), (n) => x.getVar(n), (n, v) => x.setVar(n, v));
  if (i < 0) {
    const last = elems.length ? Number(elems[elems.length - 1][0]) : -1;
    i = last + 1 + i;
    if (i < 0) {
      x.warn(`${p.name}: bad array subscript`);
      return [''];
    }
  }
  const found = elems.find(([k]) => Number(k) === i);
  return [await applyOp(p, found?.[1], x)];
}

/** the operators applied to each element of `${a[@]}` */
const PER_ELEMENT = new Set<ParamOp>(['^', '^^', ',', ',,', '/', '//', '/#', '/%', '#', '##', '%', '%%']);

/** an operator on a value (`v`: undefined when unset) */
async function applyOp(p: ParamPart, v: string | undefined, x: Expander): Promise<string> {
  const arg = async (): Promise<string> => (p.arg ? expandString(p.arg, x) : '');
  switch (p.op) {
    case '^':
    case '^^':
    case ',':
    case ',,':
      return changeCase(p.op, v ?? '', p.arg?.parts.length ? globToRegExp(await expandPattern(p.arg, x), false) : undefined);
    case '/':
    case '//':
    case '/#':
    case '/%':
      return substitute(p, v ?? '', x);
    case ':':
      return substring(p, v, x);
    case undefined:
      return v ?? '';
    case 'len':
      return String([...(v ?? '')].length);
    case ':-':
      return v === undefined || v === '' ? arg() : v;
    case '-':
      return v === undefined ? arg() : v;
    case ':=':
    case '=':
      if (v === undefined || (p.op === ':=' && v === '')) {
        const value = await arg();
        x.setVar(p.name, value);
        return value;
      }
      return v;
    case ':+':
      return v === undefined || v === '' ? '' : arg();
    case '+':
      return v === undefined ? '' : arg();
    case ':?':
    case '?':
      if (v === undefined || (p.op === ':?' && v === '')) {
        const msg = await arg();
        throw new ExpansionError(`${p.name}: ${msg || 'parameter null or not set'}`);
      }
      return v;
    case '#':
    case '##':
    case '%':
    case '%%': {
      const value = v ?? '';
      const pat = globToRegExp(p.arg ? await expandPattern(p.arg, x) : '', false).source.slice(1, -1);
      const greedy = p.op.length === 2;
      if (p.op[0] === '#') {
        // `#` removes the shortest matching prefix, `##` the longest
        for (let n = greedy ? value.length : 0; greedy ? n >= 0 : n <= value.length; n += greedy ? -1 : 1) {
          if (new RegExp(`^(?:${pat})$`).test(value.slice(0, n))) return value.slice(n);
        }
        return value;
      }
      for (let n = greedy ? 0 : value.length; greedy ? n <= value.length : n >= 0; n += greedy ? 1 : -1) {
        if (new RegExp(`^(?:${pat})$`).test(value.slice(n))) return value.slice(0, n);
      }
      return value;
    }
  }
}

/** `$@` or `${@}`, or `${@:offset:length}`, or `${a[@]}` and its operators, inside double quotes */
function isQuotedAt(p: WordPart): boolean {
  if (p.kind !== 'param') return false;
  if (p.index) return 'all' in p.index && p.index.all === '@' && p.op !== 'len';
  return p.name === '@' && !p.indirect && (p.op === undefined || p.op === ':');
}

/** the arguments "$@" stands for (sliced by `${@:offset:length}`), or the elements of "${a[@]}" */
async function positionalSlice(p: ParamPart, x: Expander): Promise<string[]> {
  if (p.index) return arrayParam(p, p.index, x);
  if (p.op !== ':') return x.positional();
  const joined = await substring(p, undefined, x, true);
  return joined as string[];
}

/** `${!name}`: the variable named by name's value */
function indirect(name: string, x: Expander): string | undefined {
  const target = x.getVar(name);
  if (target === undefined) throw new ExpansionError(`${name}: invalid indirect expansion`);
  if (!/^([A-Za-z_]\w*|\d+|[?$#@*!-])$/.test(target)) throw new ExpansionError(`${target}: invalid variable name`);
  return x.getVar(target);
}

/** `${x^}` `${x^^}` `${x,}` `${x,,}`: the first character or every one, where it matches the pattern if any */
function changeCase(op: '^' | '^^' | ',' | ',,', value: string, pattern: RegExp | undefined): string {
  const chars = [...value];
  const all = op.length === 2;
  for (let i = 0; i < chars.length && (all || i === 0); i++) {
    if (pattern && !pattern.test(chars[i])) continue;
    chars[i] = op[0] === '^' ? chars[i].toUpperCase() : chars[i].toLowerCase();
  }
  return chars.join('');
}

/**
 * `${x/pattern/replacement}`, `//` every match, `/#` at the start, `/%` at the end: the longest
 * match, leftmost. An unquoted `&` in the replacement is the matched text (bash 5.2's
 * patsub_replacement, on by default); a quoted one is itself.
 */
async function substitute(p: ParamPart, value: string, x: Expander): Promise<string> {
  const pattern = p.arg ? await expandPattern(p.arg, x) : '';
  if (pattern === '') return value;
  const template = p.arg2 ? await expandQuoting(p.arg2, x, (t) => t.replace(/[\\&]/g, (c) => `\\${c}`)) : '';
  const replace = (match: string): string => template.replace(/\\(.)|&/gs, (m, escaped: string | undefined) => (escaped !== undefined ? escaped : match));
  const body = globToRegExp(pattern, false).source.slice(1, -1);
  switch (p.op) {
    case '//':
      return value.replace(new RegExp(body, 'g'), (m) => (m === '' ? '' : replace(m)));
    case '/#':
      return value.replace(new RegExp(`^(?:${body})`), replace);
    case '/%':
      return value.replace(new RegExp(`(?:${body})$`), replace);
    default:
      return value.replace(new RegExp(body), replace);
  }
}

/** `${x:offset}`, `${x:offset:length}` (characters; of `$@` and `$*`, the arguments) */
async function substring(p: ParamPart, value: string | undefined, x: Expander): Promise<string>;
async function substring(p: ParamPart, value: string | undefined, x: Expander, fields: true): Promise<string[]>;
async function substring(p: ParamPart, value: string | undefined, x: Expander, fields = false): Promise<string | string[]> {
  const positional = p.name === '@' || p.name === '*';
  // of the arguments, offset 0 is $0
  const slice = await sliceOf(p, positional ? [x.getVar('0') ?? '', ...x.positional()] : [...(value ?? '')], positional, x);
  return fields ? slice : slice.join(positional ? ' ' : '');
}

/** `${a[@]:offset:length}`: elements */
function substringOf(p: ParamPart, values: string[], x: Expander): Promise<string[]> {
  return sliceOf(p, values, true, x);
}

/** items[offset .. offset+length]; a negative length counts from the end, except in a list */
async function sliceOf(p: ParamPart, items: string[], list: boolean, x: Expander): Promise<string[]> {
  const arith = async (w: Word): Promise<number> => evalArith(await expandString(w, x), (n) => x.getVar(n), (n, v) => x.setVar(n, v));
  let start = p.arg ? await arith(p.arg) : 0;
  if (start < 0) start = items.length + start;
  if (start < 0 || start > items.length) return [];
  let end = items.length;
  if (p.arg2) {
    const length = await arith(p.arg2);
    if (length < 0) {
      if (list) throw new ExpansionError(`${length}: substring expression < 0`);
      end = items.length + length;
      if (end < start) throw new ExpansionError(`${length}: substring expression < 0`);
    } else end = Math.min(items.length, start + length);
  }
  return items.slice(start, end);
}

/** pathname expansion of one field; [] when nothing matches (the word stays as typed) */
function glob(field: Seg[], x: Expander): string[] {
  // the pattern with quoted characters escaped, so only unquoted * ? [ are special
  const pattern = field.map((s) => (s.quoted ? s.text.replace(/[*?[\]\\]/g, (c) => `\\${c}`) : s.text)).join('');
  const absolute = pattern.startsWith('/');
  const comps = pattern.split('/').filter((c, i) => c !== '' || i === 0);
  let paths: string[] = [absolute ? '' : '.'];
  for (const [i, comp] of comps.entries()) {
    if (i === 0 && absolute) continue;
    const isLast = i === comps.length - 1;
    const next: string[] = [];
    if (!/(^|[^\\])[*?[]/.test(comp)) {
      const name = comp.replace(/\\(.)/g, '$1');
      for (const p of paths) {
        const candidate = p === '.' ? name : `${p}/${name}`;
        if (!isLast || x.exists(abs(candidate, x.cwd))) next.push(candidate);
      }
    } else {
      const re = globToRegExp(comp, true);
      for (const p of paths) {
        const dir = p === '.' ? x.cwd : p === '' ? '/' : abs(p, x.cwd);
        for (const name of x.listDir(dir)) {
          if (name.startsWith('.') && !comp.startsWith('.')) continue;
          if (re.test(name)) next.push(p === '.' ? name : `${p}/${name}`);
        }
      }
    }
    paths = next;
    if (paths.length === 0) return [];
  }
  const found = paths.filter((p) => x.exists(abs(p, x.cwd))).sort(compareC);
  // `*/` matches directories only, and keeps its slash
  return pattern.endsWith('/') ? found.filter((p) => x.isDir(abs(p, x.cwd))).map((p) => `${p}/`) : found;
}

function abs(p: string, cwd: string): string {
  if (p.startsWith('/')) return p;
  return cwd === '/' ? `/${p}` : `${cwd}/${p}`;
}

export function compareC(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
