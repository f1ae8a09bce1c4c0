// Builtins that declare and set variables and end functions: local, declare/typeset, let,
// mapfile/readarray, return.

import type { Builtin, Registry } from '../command-registry';
import { evalArith } from '../arith';
import { ExpansionError, ReadonlyError } from '../expand-error';
import { ReturnSignal } from '../interpreter';
import { declareWithoutValue, isDeclaredOnly, isReadonly, newShellVariable, setArray, setExported, setReadonly, setScalar } from '../variables';
import { eachDeclaration, functionText, scalarLine, scalarNames } from './state-builtins';

/** `return [N]`: ends the function or sourced script running; N defaults to the last status */
const returnCmd: Builtin = (ctx) => {
  const arg = ctx.argv[1];
  if (!ctx.state.calls?.length && !ctx.state.sourcing) {
    ctx.stderr("bash: return: can only `return' from a function or sourced script\n");
    return 2;
  }
  let code = ctx.state.status;
  if (arg !== undefined) {
    if (!/^[-+]?\d+$/.test(arg)) {
      ctx.stderr(`bash: return: ${arg}: numeric argument required\n`);
      code = 2;
    } else code = ((Number(arg) % 256) + 256) % 256;
  }
  throw new ReturnSignal(code);
};

/** `local NAME[=VALUE]...`: the value is restored when the function returns */
const local: Builtin = (ctx) => {
  const call = ctx.state.calls?.[ctx.state.calls.length - 1];
  if (!call) {
    ctx.stderr('bash: local: can only be used in a function\n');
    return 1;
  }
  // attributes (-r, -i...) are not kept here
  return eachDeclaration(
    ctx,
    ctx.argv.slice(1).filter((a) => !a.startsWith('-')),
    (name, value) => {
      if (isReadonly(ctx.state, name)) {
        ctx.stderr(`bash: local: ${name}: readonly variable\n`);
        return false;
      }
      if (!call.saved.has(name)) call.saved.set(name, ctx.state.env[name]);
      // a new local is the function's own; a local over an exported variable stays exported
      newShellVariable(ctx.state, name);
      if (value !== undefined) ctx.state.env[name] = value;
      else {
        // `local L`: declared in the function, without a value
        delete ctx.state.env[name];
        (ctx.state.declared ??= {})[name] = true;
      }
    },
  );
};

/** `declare -f [NAME...]`, `declare -F`: the functions; `declare NAME=VALUE` sets, as an assignment */
const declare: Builtin = (ctx) => {
  const args = ctx.argv.slice(1);
  // -x sets an attribute, +x takes it away
  const flags = new Set<string>();
  const plus = new Set<string>();
  while (args.length && /^[-+][a-zA-Z]+$/.test(args[0])) {
    const arg = args.shift()!;
    for (const f of arg.slice(1)) (arg[0] === '+' ? plus : flags).add(f);
  }
  const unsupported = [...flags, ...plus].find((f) => !'fFxgpar'.includes(f));
  if (unsupported) {
    const what = unsupported === 'A' ? 'associative arrays are' : `-${unsupported}: attributes are`;
    ctx.stderr(`bash: ${ctx.argv[0]}: ${what} not supported in this sandbox\n`);
    return 2;
  }
  const functions = ctx.state.functions ?? {};
  if (flags.has('f') || flags.has('F')) {
    const names = args.length ? args : Object.keys(functions).sort();
    let status = 0;
    for (const name of names) {
      if (!Object.hasOwn(functions, name)) {
        status = 1;
        continue;
      }
      ctx.stdout(flags.has('F') ? `${args.length ? '' : 'declare -f '}${name}\n` : functionText(ctx, name));
    }
    return status;
  }
  const arrays = ctx.state.arrays ?? {};
  if (args.length === 0 || flags.has('p')) {
    const names = args.length ? args : [...new Set([...scalarNames(ctx.state), ...Object.keys(arrays)])].sort();
    let status = 0;
    for (const name of names) {
      if (Object.hasOwn(arrays, name)) ctx.stdout(arrayLine(name, arrays[name], isReadonly(ctx.state, name) ? 'ar' : 'a'));
      else if (!Object.hasOwn(ctx.state.env, name) && !isDeclaredOnly(ctx.state, name)) {
        ctx.stderr(`bash: ${ctx.argv[0]}: ${name}: not found\n`);
        status = 1;
      } else ctx.stdout(scalarLine(ctx.state, name));
    }
    return status;
  }
  return eachDeclaration(ctx, args, (name, value) => {
    // a readonly variable takes no value, and keeps its attribute (+r cannot take it away)
    if (isReadonly(ctx.state, name) && (value !== undefined || plus.has('r'))) {
      ctx.stderr(`bash: ${ctx.argv[0]}: ${name}: readonly variable\n`);
      return false;
    }
    if (flags.has('a')) {
      const first = value ?? ctx.state.env[name];
      if (!Object.hasOwn(arrays, name)) setArray(ctx.state, name, first !== undefined ? { 0: first } : {});
    } else if (value !== undefined) setScalar(ctx.state, name, value);
    else declareWithoutValue(ctx.state, name, flags.has('x'));
    // -x exports it, +x takes the export away
    if ((Object.hasOwn(ctx.state.env, name) || isDeclaredOnly(ctx.state, name)) && (flags.has('x') || plus.has('x'))) setExported(ctx.state, name, flags.has('x'));
    if (flags.has('r')) makeReadonly(ctx, name);
  });
};

/** `readonly NAME` (of a variable the shell does not have: a shell variable without a value) */
function makeReadonly(ctx: Parameters<Builtin>[0], name: string): void {
  declareWithoutValue(ctx.state, name, false);
  setReadonly(ctx.state, name);
}

/**
 * `readonly [-p] [NAME[=VALUE]...]`: the variables no later assignment or unset may change; alone
 * or with -p, the list of them as `declare -r` lines.
 */
const readonlyCmd: Builtin = (ctx) => {
  const args = ctx.argv.slice(1);
  while (args.length && /^-[a-zA-Z]+$/.test(args[0])) {
    const opts = args.shift()!;
    const bad = [...opts.slice(1)].find((f) => f !== 'p');
    if (bad) {
      ctx.stderr(bad === 'a' || bad === 'A' || bad === 'f' ? `bash: readonly: -${bad}: not supported in this sandbox\n` : `bash: readonly: -${bad}: invalid option\nreadonly: usage: readonly [-aAf] [name[=value] ...] or readonly -p\n`);
      return 2;
    }
  }
  if (args.length === 0) {
    const names = Object.keys(ctx.state.readonly ?? {}).sort();
    for (const name of names) {
      const arr = ctx.state.arrays?.[name];
      if (arr) ctx.stdout(arrayLine(name, arr, 'ar'));
      else if (Object.hasOwn(ctx.state.env, name) || isDeclaredOnly(ctx.state, name)) ctx.stdout(scalarLine(ctx.state, name));
    }
    return 0;
  }
  return eachDeclaration(ctx, args, (name, value) => {
    if (value !== undefined) {
      if (isReadonly(ctx.state, name)) {
        ctx.stderr(`bash: ${name}: readonly variable\n`);
        return false;
      }
      setScalar(ctx.state, name, value);
    }
    makeReadonly(ctx, name);
  });
};

/** `declare -a a=([0]="x" [1]="y")`, as declare -p shows an array (`-ar` a readonly one) */
function arrayLine(name: string, elems: Record<string, string>, attrs = 'a'): string {
  const items = Object.entries(elems).map(([k, v]) => `[${k}]="${v.replace(/(["\\$`])/g, '\\$1')}"`);
  return `declare -${attrs} ${name}=(${items.join(' ')})\n`;
}

/** `mapfile [-t] NAME` / readarray: the lines of the input as an array (MAPFILE by default) */
const mapfile: Builtin = (ctx) => {
  const args = ctx.argv.slice(1);
  const strip = args.includes('-t');
  const name = args.filter((a) => a !== '-t').pop() ?? 'MAPFILE';
  const text = ctx.io.input.takeAll();
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n').map((l) => (strip ? l : `${l}\n`));
  setArray(ctx.state, name, lines);
  return 0;
};

/** `let EXPR...`: each argument an arithmetic expression; status 1 when the last is 0 */
const letCmd: Builtin = (ctx) => {
  const exprs = ctx.argv.slice(1);
  if (exprs.length === 0) {
    ctx.stderr('bash: let: expression expected\n');
    return 1;
  }
  let last = 0;
  for (const e of exprs) {
    try {
      last = evalArith(e, (n) => ctx.state.env[n], (n, v) => setScalar(ctx.state, n, v));
    } catch (err) {
      if (!(err instanceof ExpansionError)) throw err;
      ctx.stderr(err instanceof ReadonlyError ? `bash: ${err.message}\n` : `bash: let: ${err.message}\n`);
      return 1;
    }
  }
  return last === 0 ? 1 : 0;
};

export const VARIABLE_BUILTINS: Registry = {
  return: returnCmd,
  local,
  declare,
  typeset: declare,
  let: letCmd,
  readonly: readonlyCmd,
  mapfile,
  readarray: mapfile,
};
