// A session's variables: scalars in `env`, indexed arrays in `arrays` (index → value, kept in
// ascending order by the plain object's integer keys). A name is one or the other; `$a` of an array
// is its element 0, and `a=v` sets that element.

import type { ExecState } from './command-registry';
import type { ShellSession } from './types';
import { ExpansionError, ReadonlyError } from './expand-error';

/** bash's own readonly variables (the sandbox computes UID and EUID, and has none of the others) */
const SHELL_READONLY = new Set(['BASHOPTS', 'BASH_VERSINFO', 'EUID', 'PPID', 'SHELLOPTS', 'UID']);

export function isReadonly(state: ShellSession, name: string): boolean {
  return !!state.readonly?.[name] || SHELL_READONLY.has(name);
}

/** throws bash's `NAME: readonly variable` for a readonly `name` */
export function checkWritable(state: ShellSession, name: string): void {
  if (isReadonly(state, name)) throw new ReadonlyError(name);
}

/** `readonly NAME`, `declare -r NAME` */
export function setReadonly(state: ShellSession, name: string): void {
  (state.readonly ??= {})[name] = true;
}

/** the session's arrays may hold this many elements in all */
const MAX_ARRAY_ELEMENTS = 10_000;

/** `a=(...)`: the array replaces what the name held */
export function setArray(state: ExecState, name: string, values: Record<string, string> | string[]): void {
  checkWritable(state, name);
  const elems: Record<string, string> = Array.isArray(values) ? Object.fromEntries(values.map((v, i) => [String(i), v])) : values;
  const others = Object.entries(state.arrays ?? {}).reduce((n, [k, a]) => (k === name ? n : n + Object.keys(a).length), 0);
  if (others + Object.keys(elems).length > MAX_ARRAY_ELEMENTS) throw new ExpansionError(`${name}: too many array elements (sandbox limit ${MAX_ARRAY_ELEMENTS})`);
  delete state.env[name];
  if (state.declared) delete state.declared[name];
  (state.arrays ??= {})[name] = elems;
}

/** `a=v`: of an array, its element 0; a new variable is the shell's own (not exported) */
export function setScalar(state: ExecState, name: string, value: string): void {
  checkWritable(state, name);
  const arr = state.arrays?.[name];
  if (arr) arr['0'] = value;
  else {
    newShellVariable(state, name);
    state.env[name] = value;
  }
}

/**
 * About to set `name`: a variable the shell does not have yet is created unexported, as bash
 * creates it (`X=1; bash -c 'echo $X'` prints an empty line); one it has, or has declared without
 * a value (`export X` before `X=1`), keeps its export.
 */
export function newShellVariable(state: ShellSession, name: string): void {
  if (state.declared?.[name]) delete state.declared[name];
  else if (!Object.hasOwn(state.env, name) && !state.arrays?.[name]) (state.unexported ??= {})[name] = true;
}

/** whether `name` is declared without a value */
export function isDeclaredOnly(state: ShellSession, name: string): boolean {
  return !!state.declared?.[name] && !Object.hasOwn(state.env, name);
}

/**
 * `export NAME`, `readonly NAME`, `local NAME`, `declare NAME` of a name without a value: the
 * variable exists with its attributes and no value; `exported` says whether it is exported (a
 * name new to the shell is not, unless it is being exported)
 */
export function declareWithoutValue(state: ShellSession, name: string, exported: boolean): void {
  if (Object.hasOwn(state.env, name) || state.arrays?.[name]) return;
  if (!state.declared?.[name]) setExported(state, name, exported);
  else if (exported) setExported(state, name, true);
  (state.declared ??= {})[name] = true;
}

/** `export NAME`, `declare -x NAME` (`exported`), `export -n NAME` (not) */
export function setExported(state: ShellSession, name: string, exported: boolean): void {
  if (exported) {
    if (state.unexported) delete state.unexported[name];
  } else (state.unexported ??= {})[name] = true;
}

/** `unset NAME`: with the variable goes its attribute */
export function forgetVariable(state: ShellSession, name: string): void {
  delete state.env[name];
  if (state.unexported) delete state.unexported[name];
  if (state.declared) delete state.declared[name];
}

export function isExported(state: ShellSession, name: string): boolean {
  return !state.unexported?.[name];
}

/** What a command started from this shell gets as its environment: the exported variables, then its own `NAME=value` prefix. */
export function exportedEnv(state: ShellSession, assigned?: Record<string, string>): Record<string, string> {
  const hidden = state.unexported;
  let env: Record<string, string>;
  if (!hidden || !Object.keys(hidden).length) env = { ...state.env };
  else {
    env = {};
    for (const [k, v] of Object.entries(state.env)) if (!hidden[k]) env[k] = v;
  }
  return assigned ? Object.assign(env, assigned) : env;
}

/** `a[i]=v`: a variable that is not an array becomes one, its value at 0 */
export function setElement(state: ExecState, name: string, index: number, value: string): void {
  checkWritable(state, name);
  let arr = state.arrays?.[name];
  if (!arr) {
    arr = state.env[name] !== undefined ? { 0: state.env[name] } : {};
    setArray(state, name, arr);
  } else if (Object.keys(arr).length >= MAX_ARRAY_ELEMENTS && !(String(index) in arr)) throw new ExpansionError(`${name}: too many array elements (sandbox limit ${MAX_ARRAY_ELEMENTS})`);
  arr[String(index)] = value;
  // numeric keys keep ascending order in a plain object: nothing to sort
}

/** arrays are two levels of plain maps */
export function copyArrays(arrays: Record<string, Record<string, string>>): Record<string, Record<string, string>> {
  const copy: Record<string, Record<string, string>> = {};
  for (const [name, elems] of Object.entries(arrays)) copy[name] = { ...elems };
  return copy;
}
