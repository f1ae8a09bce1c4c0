// GNU-style option parsing shared by the utilities: `-la`, `-n5`, `-n 5`, `--lines=5`, `--`.

import type { CommandContext } from '../types';

export interface OptSpec {
  /** short options without a value */
  flags?: string;
  /** short options that take a value */
  values?: string;
  /** long option name → short letter (or a name of its own) */
  long?: Record<string, string>;
  /** long options (by their mapped name) that take a value */
  longValues?: string[];
  /** exit status for a bad option (GNU: 1 for most, 2 for ls, grep, sort, ...) */
  usageStatus?: number;
  /** stop at the first operand (xargs, sudo, env, ssh) */
  stopAtOperand?: boolean;
}

export interface Parsed {
  opts: Map<string, string[]>;
  operands: string[];
}

/** parsed options, or the exit status after printing GNU's complaint */
export function getopt(ctx: CommandContext, args: string[], spec: OptSpec): Parsed | number {
  const name = ctx.argv[0];
  const opts = new Map<string, string[]>();
  const operands: string[] = [];
  const set = (k: string, v: string): void => {
    opts.set(k, [...(opts.get(k) ?? []), v]);
  };
  const usage = (msg: string): number => {
    ctx.stderr(`${name}: ${msg}\nTry '${name} --help' for more information.\n`);
    return spec.usageStatus ?? 1;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help') {
      ctx.stdout(`Usage: ${name} [OPTION]... [FILE]...\nThe full manual is not in this sandbox; \`help\` lists what works here.\n`);
      return 0;
    }
    if (a === '--version') {
      ctx.stdout(`${name} (GNU coreutils) 9.4\n`);
      return 0;
    }
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const lname = a.slice(2, eq < 0 ? undefined : eq);
      const key = spec.long?.[lname];
      if (key === undefined) return usage(`unrecognized option '${a}'`);
      const takes = (spec.values ?? '').includes(key) && key.length === 1 || (spec.longValues ?? []).includes(key);
      if (takes) {
        if (eq >= 0) set(key, a.slice(eq + 1));
        else if (i + 1 < args.length) set(key, args[++i]);
        else return usage(`option '--${lname}' requires an argument`);
      } else set(key, '');
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if ((spec.values ?? '').includes(c)) {
          const rest = a.slice(j + 1);
          if (rest !== '') set(c, rest);
          else if (i + 1 < args.length) set(c, args[++i]);
          else return usage(`option requires an argument -- '${c}'`);
          break;
        }
        if (!(spec.flags ?? '').includes(c)) return usage(`invalid option -- '${c}'`);
        set(c, '');
      }
      continue;
    }
    operands.push(a);
    if (spec.stopAtOperand) {
      operands.push(...args.slice(i + 1));
      break;
    }
  }
  return { opts, operands };
}

export function has(p: Parsed, k: string): boolean {
  return p.opts.has(k);
}

export function last(p: Parsed, k: string): string | undefined {
  const v = p.opts.get(k);
  return v ? v[v.length - 1] : undefined;
}
