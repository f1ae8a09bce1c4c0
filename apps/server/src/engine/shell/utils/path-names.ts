// basename and dirname with GNU coreutils' behaviour: names only, the file system is not read.

import type { Builtin, Registry } from '../command-registry';
import { missing } from './files';
import { getopt, has, last } from './getopt';

/** the last component of a name, trailing slashes dropped; `/` for a name of slashes only */
function lastComponent(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '' && name !== '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** dirname(3) as coreutils prints it: `.` when there is no slash, `/` at the root */
function parentOf(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return name.startsWith('/') ? '/' : '.';
  const slash = trimmed.lastIndexOf('/');
  if (slash === -1) return '.';
  const parent = trimmed.slice(0, slash).replace(/\/+$/, '');
  return parent === '' ? '/' : parent;
}

const basename: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'az', values: 's', long: { multiple: 'a', suffix: 's', zero: 'z' }, longValues: ['s'] });
  if (typeof p === 'number') return p;
  const suffix = last(p, 's');
  const multiple = has(p, 'a') || suffix !== undefined;
  if (p.operands.length === 0) return missing(ctx);
  if (!multiple && p.operands.length > 2) {
    ctx.stderr(`basename: extra operand ‘${p.operands[2]}’\nTry 'basename --help' for more information.\n`);
    return 1;
  }
  const names = multiple ? p.operands : [p.operands[0]];
  const strip = multiple ? suffix : p.operands[1];
  const end = has(p, 'z') ? '\0' : '\n';
  for (const name of names) {
    let base = lastComponent(name);
    // a suffix that is the whole name stays
    if (strip && base.length > strip.length && base.endsWith(strip)) base = base.slice(0, -strip.length);
    ctx.stdout(base + end);
  }
  return 0;
};

const dirname: Builtin = (ctx) => {
  const p = getopt(ctx, ctx.argv.slice(1), { flags: 'z', long: { zero: 'z' } });
  if (typeof p === 'number') return p;
  if (p.operands.length === 0) return missing(ctx);
  const end = has(p, 'z') ? '\0' : '\n';
  for (const name of p.operands) ctx.stdout(parentOf(name) + end);
  return 0;
};

export const PATH_NAME_UTILS: Registry = { basename, dirname };
