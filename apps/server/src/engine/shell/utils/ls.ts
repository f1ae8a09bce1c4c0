// ls: one name a line when stdout is not a terminal, columns when it is, `-l` long format.

import type { Builtin, Registry } from '../command-registry';
import { compareC } from '../expand';
import { FsError, FsNode, fileSize } from '../filesystem';
import { civil } from '../../time';
import { getopt, has } from './getopt';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS = (365.2425 / 2) * 24 * 3600 * 1000;

export function modeString(n: FsNode): string {
  const m = n.mode;
  const rwx = (bits: number, special: boolean, ch: string): string =>
    (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (special ? (bits & 1 ? ch : ch.toUpperCase()) : bits & 1 ? 'x' : '-');
  return (n.type === 'dir' ? 'd' : n.device ? 'c' : '-') + rwx((m >> 6) & 7, (m & 0o4000) !== 0, 's') + rwx((m >> 3) & 7, (m & 0o2000) !== 0, 's') + rwx(m & 7, (m & 0o1000) !== 0, 't');
}

function lsDate(mtime: number, now: number): string {
  const d = civil(mtime);
  const pad = (x: number): string => String(x).padStart(2, '0');
  const head = `${MONTHS[d.month - 1]} ${String(d.day).padStart(2)}`;
  return Math.abs(now - mtime) < SIX_MONTHS ? `${head} ${pad(d.hour)}:${pad(d.minute)}` : `${head}  ${d.year}`;
}

export function humanSize(n: number): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G', 'T'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return v < 10 ? `${(Math.ceil(v * 10) / 10).toFixed(1)}${units[u]}` : `${Math.ceil(v)}${units[u]}`;
}

interface Entry {
  name: string;
  node: FsNode;
  links: number;
  size: number;
}

/** GNU ls's vertical columns for an 80-column terminal */
export function columns(names: string[], width = 80): string {
  if (names.length === 0) return '';
  const lens = names.map((n) => [...n].length);
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const colWidths: number[] = [];
    for (let c = 0; c < cols; c++) {
      const slice = lens.slice(c * rows, (c + 1) * rows);
      if (slice.length) colWidths.push(Math.max(...slice));
    }
    const total = colWidths.reduce((a, b) => a + b, 0) + 2 * (colWidths.length - 1);
    if (total <= width || cols === 1) {
      let out = '';
      for (let r = 0; r < rows; r++) {
        const cells: string[] = [];
        for (let c = 0; c < colWidths.length; c++) {
          const i = c * rows + r;
          if (i < names.length) cells.push(names[i]);
        }
        out += `${cells.map((cell, c) => (c === cells.length - 1 ? cell : cell + ' '.repeat(colWidths[c] - [...cell].length + 2))).join('')}\n`;
      }
      return out;
    }
  }
  return '';
}

const ls: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), {
    // -L follows symbolic links: the file systems have none, so it changes nothing
    flags: 'laA1dhrtSFRCxL',
    usageStatus: 2,
    long: { all: 'a', 'almost-all': 'A', 'human-readable': 'h', directory: 'd', reverse: 'r', color: 'c', dereference: 'L' },
  });
  if (typeof p === 'number') return p;
  const long = has(p, 'l');
  const now = ctx.now();
  let status = 0;
  const entry = (name: string, path: string): Entry | undefined => {
    const node = ctx.fs.stat(path);
    if (!node) return undefined;
    let links = 1;
    if (node.type === 'dir') {
      links = 2;
      try {
        for (const c of ctx.fs.raw.list(ctx.fs.resolve(path))) if (ctx.fs.raw.isDir(`${ctx.fs.resolve(path)}/${c}`.replace('//', '/'))) links++;
      } catch {
        /* unreadable: keep 2 */
      }
    }
    return { name, node, links, size: node.type === 'dir' ? 4096 : fileSize(node) };
  };
  const sortEntries = (es: Entry[]): Entry[] => {
    const out = [...es].sort((a, b) => compareC(a.name, b.name));
    if (has(p, 't')) out.sort((a, b) => b.node.mtime - a.node.mtime);
    if (has(p, 'S')) out.sort((a, b) => b.size - a.size);
    if (has(p, 'r')) out.reverse();
    return out;
  };
  const decorate = (e: Entry): string => (has(p, 'F') && e.node.type === 'dir' ? `${e.name}/` : e.name);
  const print = (es: Entry[], withTotal: boolean): void => {
    if (!long) {
      const names = es.map(decorate);
      ctx.stdout(ctx.isTTY && !has(p, '1') ? columns(names) : names.map((n) => `${n}\n`).join(''));
      return;
    }
    if (withTotal) {
      const blocks = es.reduce((sum, e) => sum + (e.node.type === 'dir' ? 4 : Math.ceil(e.size / 4096) * 4), 0);
      ctx.stdout(`total ${blocks}\n`);
    }
    // a device shows its numbers where a file shows its size
    const sizeOf = (e: Entry): string => (e.node.device ? `${e.node.device[0]}, ${e.node.device[1]}` : has(p, 'h') ? humanSize(e.size) : String(e.size));
    const wLinks = Math.max(0, ...es.map((e) => String(e.links).length));
    const wOwner = Math.max(0, ...es.map((e) => e.node.owner.length));
    const wSize = Math.max(0, ...es.map((e) => sizeOf(e).length));
    for (const e of es) {
      ctx.stdout(`${modeString(e.node)} ${String(e.links).padStart(wLinks)} ${e.node.owner.padEnd(wOwner)} ${e.node.owner.padEnd(wOwner)} ${sizeOf(e).padStart(wSize)} ${lsDate(e.node.mtime, now)} ${decorate(e)}\n`);
    }
  };

  const operands = p.operands.length ? p.operands : ['.'];
  const files: Entry[] = [];
  const dirs: string[] = [];
  for (const op of operands) {
    let e: Entry | undefined;
    try {
      e = entry(op, op);
    } catch (err) {
      if (!(err instanceof FsError)) throw err;
      ctx.stderr(`ls: cannot access '${op}': ${err.message}\n`);
      status = 2;
      continue;
    }
    if (!e) {
      ctx.stderr(`ls: cannot access '${op}': No such file or directory\n`);
      status = 2;
      continue;
    }
    if (e.node.type === 'dir' && !has(p, 'd')) dirs.push(op);
    else files.push(e);
  }
  if (files.length) print(sortEntries(files), false);
  const sortedDirs = [...dirs].sort(compareC);
  if (has(p, 'r')) sortedDirs.reverse();
  // -R: each directory's listing, then its subdirectories' in the listing's order, depth first
  const recursive = has(p, 'R');
  const listDir = (d: string, first: boolean): void => {
    if (operands.length > 1 || recursive) ctx.stdout(`${first ? '' : '\n'}${d}:\n`);
    let names: string[];
    try {
      names = ctx.fs.readDir(d);
    } catch (err) {
      if (!(err instanceof FsError)) throw err;
      ctx.stderr(`ls: cannot open directory '${d}': ${err.message}\n`);
      status = 2;
      return;
    }
    const base = ctx.fs.resolve(d);
    const join = (n: string): string => (base === '/' ? `/${n}` : `${base}/${n}`);
    let es = names.filter((n) => has(p, 'a') || has(p, 'A') || !n.startsWith('.')).map((n) => entry(n, join(n))!);
    es = sortEntries(es);
    const subdirs = recursive ? es.filter((e) => e.node.type === 'dir').map((e) => (d.endsWith('/') ? `${d}${e.name}` : `${d}/${e.name}`)) : [];
    if (has(p, 'a')) {
      const dot = entry('.', base)!;
      const dotdot = entry('..', base === '/' ? '/' : base.replace(/\/[^/]+$/, '') || '/')!;
      es = has(p, 'r') ? [...es, dotdot, dot] : [dot, dotdot, ...es];
    }
    print(es, true);
    for (const sub of subdirs) listDir(sub, false);
  };
  for (const [i, d] of sortedDirs.entries()) listDir(d, !(files.length || i > 0));
  return status;
};

export const LS_UTILS: Registry = { ls, dir: ls };
