// kubectl wait (kubectl's pkg/cmd/wait): --for=delete, --for=create, --for=condition=X[=value],
// --for=jsonpath='{...}'[=value], each object waited on in turn with the full --timeout
// (default 30s); `pod/x condition met`, or `timed out waiting for the condition on pods/x`.

import { ApiError } from '../../api/errors';
import { ResourceInfo } from '../../api/resources';
import { KubeObject } from '../../api/types';
import { ALL_NAMESPACES_FLAG, CommandDef, FIELD_SELECTOR_FLAG, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, SELECTOR_FLAG } from '../command';
import { CommandError } from '../context';
import { formatApiError } from '../errors';
import { parseGoDuration } from '../flags';
import { findJsonPathResults, parseJsonPath, relaxedJsonPathExpression } from '../printers/jsonpath';
import { printName } from '../printers/get-printer';
import { parseResourceArgs, ResourceRef } from '../resource-args';
import { mappingFor, readManifests } from '../manifests';
import { watchLoop } from '../watch';
import { FILES_WITH_ARGS, NO_RESOURCES } from './targets';
import { listObjects } from '../list-objects';

export type WaitFor =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; type: string; value: string }
  | { kind: 'jsonpath'; expr: string; value?: string };

export const waitCommand: CommandDef = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  flags: [
    { name: 'for', type: 'string' },
    { name: 'timeout', type: 'duration', default: '30s' },
    { name: 'all', type: 'bool' },
    { name: 'local', type: 'bool' },
    SELECTOR_FLAG,
    FIELD_SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    FILENAME_FLAG,
    // kubectl wait recurses into directories unless told not to
    { ...RECURSIVE_FLAG, default: true },
    OUTPUT_FLAG,
    ...PRINT_FLAGS,
  ],
  run: runWait,
};

/** Splits `{.a.b}=value` at the first `=` outside braces (splitJSONPathInput). */
function splitJsonPath(input: string): string[] {
  let depth = 0;
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '{') depth++;
    else if (input[i] === '}') depth--;
    else if (input[i] === '=' && depth === 0) return [input.slice(0, i), input.slice(i + 1)];
  }
  return [input];
}

export function parseFor(text: string): WaitFor {
  const lower = text.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (text.startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    if (!rest) throw new CommandError(`error: unrecognized condition: "${text}"`);
    const eq = rest.indexOf('=');
    return eq >= 0 ? { kind: 'condition', type: rest.slice(0, eq), value: rest.slice(eq + 1) } : { kind: 'condition', type: rest, value: 'true' };
  }
  if (text.startsWith('jsonpath=')) {
    const parts = splitJsonPath(text.slice('jsonpath='.length));
    const usage = "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'";
    if (!parts[0]) throw new CommandError(usage);
    let expr: string;
    try {
      expr = relaxedJsonPathExpression(parts[0].replace(/^'|'$/g, ''));
      parseJsonPath(expr);
    } catch (e) {
      throw new CommandError(`error: ${(e as Error).message}`);
    }
    if (parts.length === 1) return { kind: 'jsonpath', expr };
    const value = parts[1].replace(/^['"]+|['"]+$/g, '');
    if (!value) throw new CommandError('error: jsonpath wait has to have a value after equal sign');
    return { kind: 'jsonpath', expr, value };
  }
  throw new CommandError(`error: unrecognized condition: "${text}"`);
}

/** Whether the object satisfies a condition or jsonpath wait. */
export function satisfied(obj: KubeObject, cond: WaitFor): boolean {
  if (cond.kind === 'condition') {
    const conditions = ((obj as { status?: { conditions?: { type: string; status: string; observedGeneration?: number }[] } }).status?.conditions ?? []);
    const c = conditions.find((x) => x.type.toLowerCase() === cond.type.toLowerCase());
    if (!c || c.status.toLowerCase() !== cond.value.toLowerCase()) return false;
    return c.observedGeneration === undefined || obj.metadata.generation === undefined || c.observedGeneration >= obj.metadata.generation;
  }
  if (cond.kind === 'jsonpath') {
    let values: unknown[];
    try {
      values = findJsonPathResults(parseJsonPath(cond.expr), obj, false).flat();
    } catch {
      return false;
    }
    if (values.length === 0) return false;
    if (cond.value === undefined) return true;
    const v = values[0];
    const text = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
    return values.length === 1 && text === cond.value;
  }
  return true;
}

interface Pending {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
  /** the object as first seen (undefined for --for=create on a missing name) */
  obj?: KubeObject;
}

async function runWait(inv: Invocation): Promise<number> {
  const { flags } = inv;
  const cond = parseFor(flags.str('for'));
  const timeoutFlag = parseGoDuration(flags.str('timeout')) ?? 30_000;
  const timeoutMs = timeoutFlag < 0 ? 7 * 24 * 3600_000 : timeoutFlag;
  if (inv.args.length === 0 && flags.list('filename').length === 0) throw new CommandError(NO_RESOURCES);
  const api = inv.api();
  const namespace = inv.namespace();
  const files = flags.list('filename');
  let refs: ResourceRef[];
  if (files.length) {
    if (inv.args.length) throw new CommandError(FILES_WITH_ARGS);
    const set = readManifests(files, inv.host.fs, inv.host.stdin, flags.bool('recursive'));
    for (const p of set.problems) inv.err(`${p.message}\n`);
    refs = [];
    for (const d of set.docs) {
      const info = mappingFor(d);
      refs.push({ info, name: d.obj.metadata?.name ?? '' });
    }
  } else {
    const parsed = parseResourceArgs(inv.args);
    refs = parsed.refs;
    const selecting = !!(flags.str('selector') || flags.str('field-selector'));
    if (parsed.hasNames && selecting) throw new CommandError('error: name cannot be provided when a selector is specified');
    // kubectl's builder: a type alone needs a selector or --all
    if (!parsed.hasNames && !selecting && !flags.bool('all')) throw new CommandError('error: resource(s) were provided, but no name was specified');
  }
  const pending: Pending[] = [];
  for (const ref of refs) {
    const ns = ref.info.namespaced ? namespace : undefined;
    if (ref.name !== undefined) {
      const obj = api.tryGet(ref.info.resource, ns, ref.name);
      if (!obj) {
        if (cond.kind === 'delete') continue;
        if (cond.kind !== 'create') {
          inv.err(formatApiError(ApiError.notFound(qualified(ref.info), ref.name)));
          return 1;
        }
      }
      pending.push({ info: ref.info, namespace: ns, name: ref.name, obj });
    } else {
      for (const o of listObjects(api, ref.info, {
        namespace: flags.bool('all-namespaces') ? undefined : namespace,
        labelSelector: flags.str('selector') || undefined,
        fieldSelector: flags.str('field-selector') || undefined,
      })) {
        pending.push({ info: ref.info, namespace: o.metadata.namespace, name: o.metadata.name!, obj: o });
      }
    }
  }
  if (pending.length === 0 && cond.kind !== 'delete') throw new CommandError('error: no matching resources found');
  for (const p of pending) {
    const check = (): KubeObject | undefined => {
      const cur = api.tryGet(p.info.resource, p.namespace, p.name);
      if (cond.kind === 'delete') return !cur || (p.obj && cur.metadata.uid !== p.obj.metadata.uid) ? p.obj : undefined;
      if (!cur) return undefined;
      return cond.kind === 'create' || satisfied(cur, cond) ? cur : undefined;
    };
    let met = check();
    if (!met && timeoutMs > 0) {
      const result = await watchLoop(inv, undefined, () => undefined, { timeoutMs, onTick: () => (met = check()) !== undefined });
      if (result === 'interrupted') return 130;
    }
    if (!met) {
      if (cond.kind !== 'delete' && cond.kind !== 'create' && !api.tryGet(p.info.resource, p.namespace, p.name)) {
        inv.err(formatApiError(ApiError.notFound(qualified(p.info), p.name)));
        return 1;
      }
      inv.err(`error: timed out waiting for the condition on ${p.info.resource}/${p.name}\n`);
      return 1;
    }
    inv.out(printName(met, 'condition met'));
  }
  return 0;
}

function qualified(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

