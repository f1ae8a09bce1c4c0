// kubectl set resources (kubectl's pkg/cmd/set/set_resources.go): --limits and --requests
// (`cpu=200m,memory=512Mi`) on the containers chosen by -c (kubectl's own `*` glob, every
// container by default, init containers too) of pods and of workload templates. As kubectl does,
// it reads every object first (one missing object stops the command before anything changes),
// then validates the flags, then sends one patch per object that changed: nothing is printed for
// an object already as asked. The quantities are sent the way kubectl's resource.Quantity writes
// them (`0.5` as `500m`, `1024Mi` as `1Gi`, a canonical `+1` or `1E3` left as typed).

import { ApiError, isApiError } from '../../api/errors';
import { clone } from '../../api/store';
import { KubeObject } from '../../api/types';
import { hasPodSpec, podSpecOf, typedView } from '../pod-template';
import { goQuantity } from '../../api/quantity';
import { deepEqual } from '../../api/validation/pod';
import { CommandDef, DRY_RUN_FLAG, fieldManagerFlag, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECORD_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from '../command';
import { CommandError } from '../context';
import { dryRunMode, dryRunSuffix, recorded } from '../object-ops';
import { objectOutput, printObjects, printOptions } from '../output';
import { printName } from '../printers/get-printer';
import { collectTargets, LOCAL_NEEDS_FILES, printErrors, Target, writeObject } from './targets';

export const setResourcesCommand: CommandDef = {
  name: 'resources',
  short: 'Update resource requests/limits on objects with pod templates',
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'containers', shorthand: 'c', type: 'string', default: '*' },
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-set'),
    FILENAME_FLAG,
    { name: 'kustomize', shorthand: 'k', type: 'string' },
    { name: 'limits', type: 'string' },
    { name: 'local', type: 'bool' },
    OUTPUT_FLAG,
    RECURSIVE_FLAG,
    { name: 'requests', type: 'string' },
    SELECTOR_FLAG,
    RECORD_FLAG,
    ...PRINT_FLAGS,
  ],
  run: runSetResources,
};

type ResourceList = Record<string, string>;


function runSetResources(inv: Invocation): number {
  const { flags } = inv;
  // Complete: the dry-run strategy, the printer, then the objects
  const mode = dryRunMode(inv);
  const output = objectOutput(flags);
  const local = flags.bool('local');
  if (local && inv.args.length > 0) throw new CommandError(LOCAL_NEEDS_FILES);
  const found = collectTargets(inv, inv.args, { selector: flags.str('selector'), all: flags.bool('all'), files: flags.list('filename'), local });
  // the builder's errors (a missing object, an unreadable file) end the command before any change
  if (printErrors(inv, found.errors)) return 1;
  // Validate
  if (local && mode === 'server') throw new CommandError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (flags.bool('all') && flags.str('selector')) throw new CommandError('error: cannot set --all and --selector at the same time');
  const limitsFlag = flags.str('limits');
  const requestsFlag = flags.str('requests');
  if (!limitsFlag && !requestsFlag) throw new CommandError('error: you must specify an update to requests or limits (in the form of --requests/--limits)');
  const limits = resourceList(limitsFlag);
  const requests = resourceList(requestsFlag);
  const pattern = flags.str('containers');

  // Run: every object's change first (a container not found is reported, the object left out),
  // then one patch per changed object, printed as it goes; the errors come last
  const errors: string[] = [];
  const changes: { target: Target; before: KubeObject; next?: KubeObject; error?: string }[] = [];
  for (const target of found.targets) {
    const before = typedCopy(target.obj, local);
    const next = clone(before);
    const spec = podSpecOf(next, true);
    if (!spec) {
      changes.push({ target, before, error: `${objectName(target, local)} the object is not a pod or does not have a pod template: *${goType(target.obj)}` });
      continue;
    }
    const selected = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].filter((c) => selectString(c.name, pattern));
    if (selected.length === 0) {
      errors.push(`error: unable to find container named ${pattern}`);
      continue;
    }
    for (const c of selected) {
      const r = (c.resources ??= {});
      if (limitsFlag) r.limits = sortedKeys({ ...(r.limits ?? {}), ...limits });
      if (requestsFlag) r.requests = sortedKeys({ ...(r.requests ?? {}), ...requests });
    }
    changes.push({ target, before, next });
  }
  let printed = 0;
  for (const { target, before, next, error } of changes) {
    if (error !== undefined) {
      errors.push(`error: ${error}\n`);
      continue;
    }
    // an empty patch is not sent (with --record, the change-cause annotation is a change)
    if (deepEqual(recorded(inv, next!), before)) continue;
    let result: KubeObject;
    try {
      result = writeObject(inv, target.obj, next!, mode);
    } catch (e) {
      if (!isApiError(e)) throw e;
      errors.push(`failed to patch resources update to pod template ${statusMessage(e as ApiError, target)}`);
      continue;
    }
    try {
      if (output.kind === 'table') inv.out(printName(result, `resource requirements updated${dryRunSuffix(mode)}`));
      else {
        // kubectl prints each object as it is patched: YAML documents apart, JSON objects one after another
        const text = printObjects([result], output, printOptions(flags, true, true));
        inv.out(output.kind === 'yaml' && printed > 0 ? `---\n${text}` : text);
        printed++;
      }
    } catch (e) {
      if (!(e instanceof CommandError)) throw e;
      if (e.stdout) inv.out(e.stdout);
      errors.push(e.message);
    }
  }
  return printAggregate(inv, errors) ? 1 : 0;
}

/**
 * kubectl's CheckErr of an aggregate: one error alone as an `error: ` line, several each on its
 * own line as they are (a message that ends in a newline leaves an empty line after it).
 */
function printAggregate(inv: Invocation, errors: string[]): boolean {
  if (errors.length === 1) {
    let msg = errors[0].startsWith('error: ') ? errors[0] : `error: ${errors[0]}`;
    if (!msg.endsWith('\n')) msg += '\n';
    inv.err(msg);
  } else for (const e of errors) inv.err(`${e}\n`);
  return errors.length > 0;
}

/**
 * The API error's own message, as kubectl quotes it inside another: an invalid object is named
 * by its qualified kind there (`Deployment.apps "web" is invalid: ...`).
 */
function statusMessage(e: ApiError, target: Target): string {
  const { kind } = e.details;
  const group = target.info.group;
  if (e.reason === 'Invalid' && kind && group && e.message.startsWith(`${kind} "`)) return `${kind}.${group}${e.message.slice(kind.length)}`;
  return e.message;
}

/** `<resource>/<name>` as kubectl's Info.ObjectName names an object (a local one has no mapping) */
function objectName(target: Target, local: boolean): string {
  const { obj, info } = target;
  const name = obj.metadata?.name ?? '';
  if (!local) return `${info.resource}/${name}`;
  const slash = (obj.apiVersion ?? '').indexOf('/');
  const kind = (obj.kind ?? '').toLowerCase();
  // kubectl's own format string ends this one with a newline
  return slash < 0 ? `${kind}/${name}` : `${kind}.${obj.apiVersion.slice(0, slash)}/${name}\n`;
}

/** the Go type kubectl decoded the object into, as %T prints it: `v1.Service` */
function goType(obj: KubeObject): string {
  const version = (obj.apiVersion ?? '').slice((obj.apiVersion ?? '').indexOf('/') + 1);
  return `${version}.${obj.kind}`;
}


/**
 * The object as kubectl holds it once decoded into its Go type: quantities in their canonical
 * form, empty requirement lists gone; for a --local file, also the fields a Go struct always
 * writes (pod-template.ts).
 */
function typedCopy(obj: KubeObject, local: boolean): KubeObject {
  const copy = (local ? typedView(obj) : clone(obj)) as KubeObject & Record<string, any>;
  if (!hasPodSpec(copy)) return copy;
  const spec = podSpecOf(copy, true);
  for (const c of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]) {
    const r = (c.resources ??= {});
    for (const key of ['limits', 'requests'] as const) {
      const list = r[key];
      if (!list || Object.keys(list).length === 0) delete r[key];
      else r[key] = Object.fromEntries(Object.entries(list).map(([k, v]) => [k, canonicalOrAsIs(v)]));
    }
  }
  return copy;
}


function canonicalOrAsIs(v: unknown): string {
  const q = typeof v === 'string' || typeof v === 'number' ? goQuantity(String(v)) : undefined;
  return q && 'text' in q ? q.text : (v as string);
}

function sortedKeys(list: ResourceList): ResourceList {
  return Object.fromEntries(Object.keys(list).sort().map((k) => [k, list[k]]));
}

/** kubectl's populateResourceListV1: `name=quantity` statements separated by commas */
function resourceList(spec: string): ResourceList {
  const out: ResourceList = {};
  if (spec === '') return out;
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new CommandError(`error: Invalid argument syntax ${statement}, expected <resource>=<value>`);
    const q = goQuantity(parts[1]);
    if ('error' in q) throw new CommandError(`error: ${q.error}`);
    out[parts[0]] = q.text;
  }
  return out;
}

/**
 * kubectl's selectString: `*` alone is every container, a name without `*` is itself, and a
 * pattern is matched as kubectl matches it (its first part may start anywhere: `ngi*` selects
 * `xnginx`, while `abc*abc` does not select `abcabc`).
 */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  let pos = 0;
  const parts = spec.split('*');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.length === 0) continue;
    const next = s.slice(pos).indexOf(part);
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && s.length !== part.length + next)) return false;
    pos = next;
  }
  return true;
}
