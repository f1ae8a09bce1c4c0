// kubectl taint (kubectl's pkg/cmd/taint and pkg/util/taints): `key[=value]:Effect` adds,
// `key[:Effect]-` removes; existing taints are kept, replaced only with --overwrite.
// Prints `tainted`, `untainted` or (with --overwrite, or adding and removing) `modified`.

import { clone } from '../../api/store';
import { Node, Taint } from '../../api/types';
import { CommandDef, DRY_RUN_FLAG, fieldManagerFlag, Invocation, OUTPUT_FLAG, PRINT_FLAGS, SELECTOR_FLAG } from '../command';
import { CommandError, UsageError } from '../context';
import { dryRunMode, dryRunSuffix } from '../object-ops';
import { printName } from '../printers/get-printer';
import { resolveType } from '../resource-args';
import { printErrors, visit, writeObject } from './targets';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const QUALIFIED_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const taintCommand: CommandDef = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  flags: [SELECTOR_FLAG, OUTPUT_FLAG, DRY_RUN_FLAG, fieldManagerFlag('kubectl-taint'), { name: 'overwrite', type: 'bool' }, { name: 'all', type: 'bool' }, { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' }, ...PRINT_FLAGS],
  run: runTaint,
};

type Spec = { key: string; value?: string; effect?: string };

/** Taint.ToString */
export function taintString(t: Spec): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

function checkEffect(effect: string): void {
  if (!EFFECTS.includes(effect)) throw new CommandError(`error: invalid taint effect: ${effect}, unsupported taint effect`);
}

/** ParseTaints: the taints to add and those to remove. */
export function parseTaints(specs: string[]): { add: Spec[]; remove: Spec[] } {
  const add: Spec[] = [];
  const remove: Spec[] = [];
  for (const st of specs) {
    if (st.endsWith('-')) {
      let key = st.slice(0, -1);
      let effect: string | undefined;
      if (key.includes(':')) [key, effect] = key.split(':');
      if (effect) checkEffect(effect);
      remove.push({ key, effect });
      continue;
    }
    const parts = st.split(':');
    let key: string;
    let value: string | undefined;
    let effect: string | undefined;
    if (parts.length === 1) key = parts[0];
    else if (parts.length === 2) {
      effect = parts[1];
      checkEffect(effect);
      const kv = parts[0].split('=');
      if (kv.length > 2) throw new CommandError(`error: invalid taint spec: ${st}`);
      key = kv[0];
      value = kv[1];
      if (value !== undefined && !LABEL_VALUE.test(value)) throw new CommandError(`error: invalid taint spec: ${st}, a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`);
    } else throw new CommandError(`error: invalid taint spec: ${st}`);
    if (!QUALIFIED_NAME.test(key)) {
      throw new CommandError(`error: invalid taint spec: ${st}, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`);
    }
    if (!effect) throw new CommandError(`error: invalid taint spec: ${st}`);
    if (add.some((t) => t.key === key && t.effect === effect)) throw new CommandError(`error: duplicated taints with the same key and effect: ${JSON.stringify({ key, value: value ?? '', effect })}`);
    add.push(value !== undefined && value !== '' ? { key, value, effect } : { key, effect });
  }
  return { add, remove };
}

/** Complete's parseTaints: an invalid spec is a usage error (cmdutil.UsageErrorf), with its usage line. */
function parseTaintsForUsage(specs: string[]): { add: Spec[]; remove: Spec[] } {
  try {
    return parseTaints(specs);
  } catch (e) {
    if (e instanceof CommandError) throw new UsageError(e.message.replace(/^error: /, ''));
    throw e;
  }
}

/** ReorganizeTaints: the node's new taints and the operation word. */
export function reorganize(old: Taint[], add: Spec[], remove: Spec[], overwrite: boolean): { taints: Taint[]; op: string; errors: string[] } {
  const taints = add.map((t) => ({ ...t }) as Taint);
  for (const o of old) if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  let result = taints;
  for (const r of remove) {
    const before = result.length;
    result = result.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    deleted = result.length !== before;
    if (!deleted) errors.push(`taint "${taintString(r)}" not found`);
  }
  const op = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { taints: result, op, errors };
}

function runTaint(inv: Invocation): number {
  const { flags } = inv;
  const resources: string[] = [];
  const taintArgs: string[] = [];
  for (const s of inv.args) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) taintArgs.push(s);
    else if (taintArgs.length) throw new CommandError(`error: all resources must be specified before taint changes: ${s}`);
    else resources.push(s);
  }
  if (resources.length === 0) throw new CommandError('error: one or more resources must be specified as <resource> <name>');
  if (taintArgs.length === 0) throw new CommandError('error: at least one taint update is required');
  const { add, remove } = parseTaintsForUsage(taintArgs);
  const slashed = resources[0].includes('/');
  const typeArg = slashed ? resources[0].split('/')[0] : resources[0];
  if (resolveType(typeArg).resource !== 'nodes') throw new CommandError(`error: invalid resource type ${typeArg}, only node types are supported`);
  const conflicts: string[] = [];
  for (const a of add) for (const r of remove) if (a.key === r.key && (!r.effect || a.effect === r.effect)) conflicts.push(`${r.key}=${r.effect ?? ''}`);
  if (conflicts.length) throw new CommandError(`error: can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
  const all = flags.bool('all');
  const selector = flags.str('selector');
  if (all && selector) throw new CommandError("error: setting 'all' parameter with a non empty selector is prohibited");
  const names = slashed ? resources.map((r) => r.slice(r.indexOf('/') + 1)) : resources.slice(1);
  if (!all && !selector && names.length === 0) throw new CommandError("error: at least one resource name must be specified since 'all' parameter is not set");
  const mode = dryRunMode(inv);
  const api = inv.api();
  const errors: string[] = [];
  const nodes: Node[] = [];
  if (names.length) for (const n of names) visit(inv, errors, () => nodes.push(api.get('nodes', undefined, n) as Node));
  else nodes.push(...(api.list('nodes', { labelSelector: selector || undefined }) as Node[]));
  for (const node of nodes) {
    visit(inv, errors, () => {
      const old = node.spec.taints ?? [];
      if (!flags.bool('overwrite')) {
        const exists = add.filter((a) => old.some((o) => o.key === a.key && o.effect === a.effect)).map((a) => a.key);
        if (exists.length) throw new CommandError(`error: node ${node.metadata.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
      }
      const { taints, op, errors: errs } = reorganize(old, add, remove, flags.bool('overwrite'));
      if (errs.length) throw new CommandError(`error: ${errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`}`);
      const next = clone(node);
      if (taints.length) next.spec.taints = taints;
      else delete next.spec.taints;
      const result = writeObject(inv, node, next, mode);
      inv.out(printName(result, `${op}${dryRunSuffix(mode)}`));
    });
  }
  return printErrors(inv, errors) ? 1 : 0;
}
