// File utilities with GNU coreutils' messages: cat, rm, rmdir, mkdir, cp, mv, touch, tee, chmod.

import type { Builtin, Registry } from '../command-registry';
import { FsError, basename } from '../filesystem';
import type { CommandContext } from '../types';
import { getopt, has } from './getopt';

/**
 * runs `fn`, turning an FsError into `prefix: strerror` on stderr (`writing: strerror` when the
 * file system filled up and `writing` is given); false when it failed
 */
export function attempt(ctx: CommandContext, prefix: string, fn: () => void, writing?: string): boolean {
  try {
    fn();
    return true;
  } catch (e) {
    if (e instanceof FsError) {
      ctx.stderr(`${writing && e.code === 'ENOSPC' ? writing : prefix}: ${e.message}\n`);
      return false;
    }
    throw e;
  }
}

export function missing(ctx: CommandContext, what = 'operand'): number {
  ctx.stderr(`${ctx.argv[0]}: missing ${what}\nTry '${ctx.argv[0]} --help' for more information.\n`);
  return 1;
}

/** reads each operand (`-` or none: stdin), reporting failures as `name: file: error` by default */
export function readInputs(ctx: CommandContext, files: string[], each: (text: string, name: string) => void, errLine?: (file: string, strerror: string) => string): number {
  let status = 0;
  if (files.length === 0) files = ['-'];
  for (const f of files) {
    if (f === '-') {
      each(ctx.stdin, '-');
      continue;
    }
    let text: string;
    try {
      text = ctx.fs.readFile(f);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      ctx.stderr(`${errLine ? errLine(f, e.message) : `${ctx.argv[0]}: ${f}: ${e.message}`}\n`);
      status = 1;
      continue;
    }
    each(text, f);
  }
  return status;
}

const cat: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), {
    flags: 'nAEbsTuvet',
    long: { number: 'n', 'show-all': 'A', 'number-nonblank': 'b', 'show-ends': 'E', 'squeeze-blank': 's', 'show-tabs': 'T', 'show-nonprinting': 'v' },
  });
  if (typeof p === 'number') return p;
  const all = has(p, 'A');
  const opts = {
    nonblank: has(p, 'b'),
    number: has(p, 'n') || has(p, 'b'),
    squeeze: has(p, 's'),
    ends: all || has(p, 'E') || has(p, 'e'),
    tabs: all || has(p, 'T') || has(p, 't'),
    nonprinting: all || has(p, 'v') || has(p, 'e') || has(p, 't'),
  };
  const plain = !opts.number && !opts.squeeze && !opts.ends && !opts.tabs && !opts.nonprinting;
  // numbering and squeezing go on from one file to the next, as one stream
  const state = { n: 0, blankBefore: false };
  return readInputs(ctx, p.operands, (text) => ctx.stdout(plain ? text : catLines(text, opts, state)));
};

/** cat's -n -b -s -E -T -v over one input */
function catLines(text: string, o: { nonblank: boolean; number: boolean; squeeze: boolean; ends: boolean; tabs: boolean; nonprinting: boolean }, state: { n: number; blankBefore: boolean }): string {
  if (text === '') return '';
  const lines = text.split('\n');
  const trailing = text.endsWith('\n');
  if (trailing) lines.pop();
  let out = '';
  lines.forEach((line, i) => {
    const last = i === lines.length - 1 && !trailing;
    const blank = line === '';
    if (o.squeeze && blank && state.blankBefore && !last) return;
    state.blankBefore = blank;
    if (o.number && !(o.nonblank && blank)) out += `${String(++state.n).padStart(6)}\t`;
    let body = o.nonprinting ? showNonprinting(line, o.tabs) : line;
    if (o.tabs && !o.nonprinting) body = body.replace(/\t/g, '^I');
    out += body + (last ? '' : `${o.ends ? '$' : ''}\n`);
  });
  return out;
}

/** cat -v: control characters as ^X, bytes above 127 as M-x (UTF-8 text shows its bytes) */
function showNonprinting(line: string, tabs: boolean): string {
  let out = '';
  for (const b of new TextEncoder().encode(line)) {
    let c = b;
    if (c >= 128) {
      out += 'M-';
      c -= 128;
    }
    if (c === 9 && !tabs && b < 128) out += '\t';
    else if (c < 32) out += `^${String.fromCharCode(c + 64)}`;
    else if (c === 127) out += '^?';
    else out += String.fromCharCode(c);
  }
  return out;
}

const rm: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'rRfivdI', long: { recursive: 'r', force: 'f', verbose: 'v', 'no-preserve-root': 'N' } });
  if (typeof p === 'number') return p;
  const force = has(p, 'f');
  const recursive = has(p, 'r') || has(p, 'R');
  if (p.operands.length === 0) return force ? 0 : missing(ctx);
  let status = 0;
  for (const f of p.operands) {
    const abs = ctx.fs.resolve(f);
    if (abs === '/' && recursive) {
      ctx.stderr("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
      status = 1;
      continue;
    }
    let node;
    try {
      node = ctx.fs.stat(f);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      ctx.stderr(`rm: cannot remove '${f}': ${e.message}\n`);
      status = 1;
      continue;
    }
    if (!node) {
      if (!force) {
        ctx.stderr(`rm: cannot remove '${f}': No such file or directory\n`);
        status = 1;
      }
      continue;
    }
    if (node.type === 'dir' && !recursive) {
      ctx.stderr(`rm: cannot remove '${f}': Is a directory\n`);
      status = 1;
      continue;
    }
    if (!attempt(ctx, `rm: cannot remove '${f}'`, () => ctx.fs.remove(f, true))) status = 1;
    else if (has(p, 'v')) ctx.stdout(node.type === 'dir' ? `removed directory '${f}'\n` : `removed '${f}'\n`);
  }
  return status;
};

const rmdir: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'pv' });
  if (typeof p === 'number') return p;
  if (p.operands.length === 0) return missing(ctx);
  let status = 0;
  for (const f of p.operands) {
    const node = ctx.fs.exists(f) ? ctx.fs.stat(f) : undefined;
    if (node && node.type !== 'dir') {
      ctx.stderr(`rmdir: failed to remove '${f}': Not a directory\n`);
      status = 1;
    } else if (!attempt(ctx, `rmdir: failed to remove '${f}'`, () => ctx.fs.remove(f, false))) status = 1;
  }
  return status;
};

const mkdir: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'pv', values: 'm', long: { parents: 'p', verbose: 'v', mode: 'm' } });
  if (typeof p === 'number') return p;
  if (p.operands.length === 0) return missing(ctx);
  let status = 0;
  for (const d of p.operands) {
    if (!attempt(ctx, `mkdir: cannot create directory ‘${d}’`, () => ctx.fs.mkdir(d, has(p, 'p')))) status = 1;
    else if (has(p, 'v')) ctx.stdout(`mkdir: created directory '${d}'\n`);
  }
  return status;
};

/** copies a file or (recursively) a directory, as this user */
function copyTree(ctx: CommandContext, from: string, to: string): void {
  const node = ctx.fs.stat(from);
  if (!node) throw new FsError('ENOENT');
  if (node.type === 'file') {
    // a new copy keeps the source's permissions, less the umask (cp without -p)
    ctx.fs.writeFile(to, ctx.fs.readFile(from), false, node.mode & 0o777);
    return;
  }
  if (!ctx.fs.isDir(to)) ctx.fs.mkdir(to);
  for (const name of ctx.fs.readDir(from)) copyTree(ctx, `${ctx.fs.resolve(from)}/${name}`, `${ctx.fs.resolve(to)}/${name}`);
}

/** cp and mv share operand handling: SOURCE... DEST, DEST being a directory for several */
function transfer(ctx: CommandContext, move: boolean): number {
  const name = ctx.argv[0];
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'rRfvaipnuT', long: { recursive: 'r', force: 'f', verbose: 'v', archive: 'a' } });
  if (typeof p === 'number') return p;
  const ops = p.operands;
  if (ops.length === 0) return missing(ctx, 'file operand');
  if (ops.length === 1) {
    ctx.stderr(`${name}: missing destination file operand after '${ops[0]}'\nTry '${name} --help' for more information.\n`);
    return 1;
  }
  const dest = ops[ops.length - 1];
  const destIsDir = ctx.fs.isDir(dest);
  if (ops.length > 2 && !destIsDir) {
    ctx.stderr(`${name}: target '${dest}' is not a directory\n`);
    return 1;
  }
  const recursive = move || has(p, 'r') || has(p, 'R') || has(p, 'a');
  let status = 0;
  for (const src of ops.slice(0, -1)) {
    let node;
    try {
      node = ctx.fs.stat(src);
    } catch {
      node = undefined;
    }
    if (!node) {
      ctx.stderr(`${name}: cannot stat '${src}': No such file or directory\n`);
      status = 1;
      continue;
    }
    if (node.type === 'dir' && !recursive) {
      ctx.stderr(`cp: -r not specified; omitting directory '${src}'\n`);
      status = 1;
      continue;
    }
    // as GNU names it: the destination as typed (trailing slashes dropped), then the source's name
    const target = destIsDir ? `${dest.replace(/\/+$/, '')}/${basename(src)}` : dest;
    if (ctx.fs.resolve(target) === ctx.fs.resolve(src)) {
      ctx.stderr(`${name}: '${src}' and '${target}' are the same file\n`);
      status = 1;
      continue;
    }
    const from = ctx.fs.resolve(src);
    if (node.type === 'dir' && ctx.fs.resolve(target).startsWith(from === '/' ? '/' : `${from}/`)) {
      ctx.stderr(move ? `mv: cannot move '${src}' to a subdirectory of itself, '${target}'\n` : `cp: cannot copy a directory, '${src}', into itself, '${target}'\n`);
      status = 1;
      continue;
    }
    const ok = move
      ? attempt(ctx, `mv: cannot move '${src}' to '${target}'`, () => ctx.fs.rename(src, target))
      : attempt(ctx, `cp: cannot create ${node.type === 'dir' ? 'directory' : 'regular file'} '${target}'`, () => copyTree(ctx, src, target), node.type === 'dir' ? undefined : `cp: error writing '${target}'`);
    if (!ok) status = 1;
    else if (has(p, 'v')) ctx.stdout(move ? `renamed '${src}' -> '${target}'\n` : `'${src}' -> '${target}'\n`);
  }
  return status;
}

const cp: Builtin = (ctx) => transfer(ctx, false);
const mv: Builtin = (ctx) => transfer(ctx, true);

const touch: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'acm', values: 'dtr' });
  if (typeof p === 'number') return p;
  if (p.operands.length === 0) return missing(ctx, 'file operand');
  let status = 0;
  for (const f of p.operands) {
    if (has(p, 'c') && !ctx.fs.exists(f)) continue;
    if (!attempt(ctx, `touch: cannot touch '${f}'`, () => ctx.fs.touch(f))) status = 1;
  }
  return status;
};

const tee: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'ai', long: { append: 'a' } });
  if (typeof p === 'number') return p;
  let status = 0;
  for (const f of p.operands) {
    if (!attempt(ctx, `tee: ${f}`, () => ctx.fs.writeFile(f, ctx.stdin, has(p, 'a')))) status = 1;
  }
  ctx.stdout(ctx.stdin);
  return status;
};

/** `755`, `u+x`, `go-w`, `+x`, `a=r` applied to `mode` */
export function applyMode(spec: string, mode: number): number | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let out = mode;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXt]*)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1] === '' || m[1].includes('a') ? 'ugo' : m[1];
    let bits = 0;
    for (const c of m[3]) bits |= c === 'r' ? 4 : c === 'w' ? 2 : c === 'x' || c === 'X' ? 1 : 0;
    let mask = 0;
    for (const w of who) mask |= bits << (w === 'u' ? 6 : w === 'g' ? 3 : 0);
    let whoMask = 0;
    for (const w of who) whoMask |= 7 << (w === 'u' ? 6 : w === 'g' ? 3 : 0);
    if (m[3].includes('t')) mask |= 0o1000;
    if (m[2] === '+') out |= mask;
    else if (m[2] === '-') out &= ~mask;
    else out = (out & ~whoMask) | mask;
  }
  return out;
}

const chmod: Builtin = (ctx) => {
  const args = ctx.argv.slice(1).filter((a) => a !== '-R' && a !== '-v');
  if (args.length < 2) {
    if (args.length === 0) return missing(ctx);
    ctx.stderr(`chmod: missing operand after ‘${args[0]}’\nTry 'chmod --help' for more information.\n`);
    return 1;
  }
  const [spec, ...files] = args;
  let status = 0;
  for (const f of files) {
    let node;
    try {
      node = ctx.fs.stat(f);
    } catch {
      node = undefined;
    }
    if (!node) {
      ctx.stderr(`chmod: cannot access '${f}': No such file or directory\n`);
      status = 1;
      continue;
    }
    const mode = applyMode(spec, node.mode);
    if (mode === undefined) {
      ctx.stderr(`chmod: invalid mode: ‘${spec}’\nTry 'chmod --help' for more information.\n`);
      return 1;
    }
    if (!attempt(ctx, `chmod: changing permissions of '${f}'`, () => ctx.fs.chmod(f, mode))) status = 1;
  }
  return status;
};

const USERS: Record<string, string> = { root: 'root', '0': 'root', student: 'student', '1000': 'student' };

const chown: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'Rvhf', long: { recursive: 'R' } });
  if (typeof p === 'number') return p;
  const [spec, ...files] = p.operands;
  if (spec === undefined) return missing(ctx);
  if (files.length === 0) {
    ctx.stderr(`chown: missing operand after ‘${spec}’\nTry 'chown --help' for more information.\n`);
    return 1;
  }
  const [userPart, groupPart] = spec.split(':');
  const user = userPart === '' ? undefined : USERS[userPart];
  if (userPart !== '' && user === undefined) {
    ctx.stderr(`chown: invalid user: ‘${spec}’\n`);
    return 1;
  }
  if (groupPart !== undefined && groupPart !== '' && USERS[groupPart] === undefined) {
    ctx.stderr(`chown: invalid group: ‘${spec}’\n`);
    return 1;
  }
  let status = 0;
  for (const f of files) {
    if (!ctx.fs.exists(f)) {
      ctx.stderr(`chown: cannot access '${f}': No such file or directory\n`);
      status = 1;
      continue;
    }
    // groups follow owners in this sandbox (each user has a group of its name)
    const owner = user ?? USERS[groupPart ?? ''];
    if (owner === undefined) continue;
    const targets = has(p, 'R') ? ctx.fs.raw.walk(ctx.fs.resolve(f)) : [ctx.fs.resolve(f)];
    for (const t of targets) {
      if (!attempt(ctx, `chown: changing ownership of '${t === ctx.fs.resolve(f) ? f : t}'`, () => ctx.fs.chown(t, owner))) {
        status = 1;
        break;
      }
    }
  }
  return status;
};

export const FILE_UTILS: Registry = { cat, rm, rmdir, mkdir, cp, mv, touch, tee, chmod, chown };
