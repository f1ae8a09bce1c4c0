// find: paths, -name/-iname/-path patterns, -type f|d, -maxdepth/-mindepth, -print. Enough for
// `find . -name "*.yaml"`; permission errors are reported as GNU find does and the walk goes on.

import type { Builtin, Registry } from '../command-registry';
import { compareC } from '../expand';
import { FsError } from '../filesystem';
import { globToRegExp } from '../glob';

type Test = (path: string, name: string, type: 'file' | 'dir', depth: number) => boolean;

const find: Builtin = (ctx) => {
  const args = ctx.argv.slice(1);
  const roots: string[] = [];
  while (args.length && !args[0].startsWith('-') && args[0] !== '!' && args[0] !== '(') roots.push(args.shift()!);
  if (roots.length === 0) roots.push('.');
  const tests: Test[] = [];
  let maxDepth = Infinity;
  let minDepth = 0;
  let negate = false;
  const add = (t: Test): void => {
    const neg = negate;
    tests.push(neg ? (...a) => !t(...a) : t);
    negate = false;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => args[++i];
    switch (a) {
      case '!':
      case '-not':
        negate = !negate;
        break;
      case '-name':
      case '-iname': {
        const v = value();
        if (v === undefined) return missingArg(a);
        const re = globToRegExp(a === '-iname' ? v.toLowerCase() : v, false);
        add((_p, name) => re.test(a === '-iname' ? name.toLowerCase() : name));
        break;
      }
      case '-path':
      case '-wholename': {
        const v = value();
        if (v === undefined) return missingArg(a);
        const re = globToRegExp(v, false);
        add((p) => re.test(p));
        break;
      }
      case '-type': {
        const v = value();
        if (v === undefined) return missingArg(a);
        if (v !== 'f' && v !== 'd') {
          ctx.stderr(`find: Unknown argument to -type: ${v}\n`);
          return 1;
        }
        add((_p, _n, type) => (v === 'f' ? type === 'file' : type === 'dir'));
        break;
      }
      case '-maxdepth':
      case '-mindepth': {
        const v = value();
        if (v === undefined || !/^\d+$/.test(v)) {
          ctx.stderr(`find: Expected a positive decimal integer argument to ${a}, but got ‘${v ?? ''}’\n`);
          return 1;
        }
        if (a === '-maxdepth') maxDepth = Number(v);
        else minDepth = Number(v);
        break;
      }
      case '-print':
      case '-a':
      case '-and':
        break;
      default:
        ctx.stderr(`find: unknown predicate \`${a}'\n`);
        return 1;
    }
  }
  function missingArg(a: string): number {
    ctx.stderr(`find: missing argument to \`${a}'\n`);
    return 1;
  }
  let status = 0;
  const walk = (path: string, depth: number): void => {
    const node = ctx.fs.stat(path);
    if (!node) return;
    const name = path === '/' ? '/' : path.replace(/\/+$/, '').split('/').pop()!;
    if (depth >= minDepth && tests.every((t) => t(path, name, node.type, depth))) ctx.stdout(`${path}\n`);
    if (node.type !== 'dir' || depth >= maxDepth) return;
    let children: string[];
    try {
      children = ctx.fs.readDir(path);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      ctx.stderr(`find: ‘${path}’: ${e.message}\n`);
      status = 1;
      return;
    }
    for (const c of [...children].sort(compareC)) walk(path.endsWith('/') ? `${path}${c}` : `${path}/${c}`, depth + 1);
  };
  for (const r of roots) {
    let exists: boolean;
    try {
      exists = ctx.fs.stat(r) !== undefined;
    } catch {
      exists = false;
    }
    if (!exists) {
      ctx.stderr(`find: ‘${r}’: No such file or directory\n`);
      status = 1;
      continue;
    }
    walk(r, 0);
  }
  return status;
};

export const FIND_UTILS: Registry = { find };
