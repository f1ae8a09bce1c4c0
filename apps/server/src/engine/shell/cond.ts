// `[[ expr ]]`, bash's conditional command: words are expanded without splitting or globbing,
// `==` and `!=` match the right side as a pattern (what was quoted matches itself), `=~` as an
// extended regular expression (the whole match left in BASH_REMATCH), -eq and friends compare
// arithmetic expressions, `&&` and `||` short-circuit.

import type { CondExpr } from './ast';
import { evalArith } from './arith';
import { ExpansionError, expandPattern, expandRegex, expandString, type Expander } from './expand';
import { compareIntegers, unaryTest } from './file-tests';
import { globToRegExp } from './glob';
import type { UserFs } from './user-fs';
import { ereToJs } from './utils/grep';

/** `=~` with an expression that does not compile: bash's status 2, without a message */
export class CondRegexError extends Error {}

/** bad arithmetic beside -eq and friends: bash says so and the test is false */
export class CondArithError extends Error {}

export interface CondEnv {
  x: Expander;
  fs: UserFs;
  user: string;
}

const ARITH = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

/** true or false; throws CondArithError, CondRegexError, or ExpansionError (`${x:?}`: the line stops) */
export async function evalCond(e: CondExpr, env: CondEnv): Promise<boolean> {
  switch (e.kind) {
    case 'not':
      return !(await evalCond(e.expr, env));
    case 'paren':
      return evalCond(e.expr, env);
    case 'and':
      return (await evalCond(e.left, env)) && evalCond(e.right, env);
    case 'or':
      return (await evalCond(e.left, env)) || evalCond(e.right, env);
    case 'word':
      return (await expandString(e.word, env.x)) !== '';
    case 'unary':
      return unary(e.op, await expandString(e.arg, env.x), env);
    case 'binary':
      return binary(e, env);
  }
}

function unary(op: string, v: string, env: CondEnv): boolean {
  if (op === '-v') return env.x.getVar(v) !== undefined;
  if (op === '-O') return owner(env.fs, v) === env.user;
  return unaryTest(env.fs, env.user, op, v) ?? false; // devices, pipes, sockets, set-id bits: none here
}

function owner(fs: UserFs, path: string): string | undefined {
  try {
    return fs.stat(path)?.owner;
  } catch {
    return undefined;
  }
}

async function binary(e: Extract<CondExpr, { kind: 'binary' }>, env: CondEnv): Promise<boolean> {
  const left = await expandString(e.left, env.x);
  if (e.op === '==' || e.op === '=' || e.op === '!=') {
    const matches = globToRegExp(await expandPattern(e.right, env.x), false).test(left);
    return e.op === '!=' ? !matches : matches;
  }
  if (e.op === '=~') {
    let re: RegExp;
    try {
      re = new RegExp(ereToJs(await expandRegex(e.right, env.x)));
    } catch {
      throw new CondRegexError();
    }
    const m = re.exec(left);
    // the whole match at 0, each group after it
    env.x.setArray('BASH_REMATCH', m ? [...m].map((g) => g ?? '') : []);
    return m !== null;
  }
  const right = await expandString(e.right, env.x);
  if (ARITH.has(e.op)) {
    const get = (n: string): string | undefined => env.x.getVar(n);
    const set = (n: string, v: string): void => env.x.setVar(n, v);
    let a: number;
    let b: number;
    try {
      a = evalArith(left, get, set);
      b = evalArith(right, get, set);
    } catch (err) {
      if (err instanceof ExpansionError) throw new CondArithError(err.message);
      throw err;
    }
    return compareIntegers(e.op, a, b);
  }
  switch (e.op) {
    case '<':
      return left < right;
    case '>':
      return left > right;
    case '-ef':
      return env.fs.exists(left) && env.fs.exists(right) && env.fs.resolve(left) === env.fs.resolve(right);
    default: {
      // -nt, -ot: by modification time; a file that is not there is older than one that is
      const ta = mtime(env.fs, left);
      const tb = mtime(env.fs, right);
      return e.op === '-nt' ? ta !== undefined && (tb === undefined || ta > tb) : tb !== undefined && (ta === undefined || ta < tb);
    }
  }
}

function mtime(fs: UserFs, path: string): number | undefined {
  try {
    return fs.stat(path)?.mtime;
  } catch {
    return undefined;
  }
}
