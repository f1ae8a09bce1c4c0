// kubectl delete: by name, -f, -l, --all; --grace-period, --now, --force, --cascade, --wait
// (the default: the command returns when the objects are really gone).

import { ApiError, isApiError } from '../../api/errors';
import { ResourceInfo, resourceForKind } from '../../api/resources';
import { KubeObject } from '../../api/types';
import { ALL_NAMESPACES_FLAG, CommandDef, DRY_RUN_FLAG, FIELD_SELECTOR_FLAG, FILENAME_FLAG, Invocation, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from '../command';
import { CommandError } from '../context';
import { aggregateErrors, formatApiError } from '../errors';
import { listObjects } from '../list-objects';
import { mappingProblem, readManifests } from '../manifests';
import { dryRunMode } from '../object-ops';
import { kindPrefix } from '../printers/get-printer';
import { parseResourceArgs } from '../resource-args';
import { NO_RESOURCES } from './targets';
import { parseGoDuration } from '../flags';
import { watchLoop } from '../watch';

export const deleteCommand: CommandDef = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  flags: [
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    FIELD_SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    { name: 'all', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'now', type: 'bool' },
    { name: 'timeout', type: 'duration', default: '0s' },
    { name: 'wait', type: 'bool', default: true },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'interactive', shorthand: 'i', type: 'bool' },
    { name: 'raw', type: 'string' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
  ],
  run: runDelete,
};

interface Target {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
  /** the file it was read from (kubectl's AddSourceToErr names it in an error) */
  source?: string;
}

/** a document of -f that could not be mapped: its error comes in its place among the deletions */
interface Unmapped {
  problem: string;
}

async function runDelete(inv: Invocation): Promise<number> {
  const { flags } = inv;
  const files = flags.list('filename');
  const selector = flags.str('selector');
  const fieldSelector = flags.str('field-selector');
  const all = flags.bool('all');
  // the builder's SelectAllParam: a label or a field selector with --all
  if (all && (selector || fieldSelector)) throw new CommandError("error: setting 'all' parameter but found a non empty selector. ");
  if (files.length === 0 && inv.args.length === 0) {
    throw new CommandError(NO_RESOURCES);
  }
  let gracePeriod = flags.int('grace-period');
  const force = flags.bool('force');
  if (flags.bool('now')) {
    if (gracePeriod !== -1) throw new CommandError('error: --now and --grace-period cannot be specified together');
    gracePeriod = 1;
  }
  if (force && gracePeriod < 0) gracePeriod = 0;
  if (gracePeriod === 0 && !force) gracePeriod = 1; // kubectl: --grace-period=0 without --force means 1
  const cascade = flags.str('cascade');
  const propagation = cascade === 'orphan' || cascade === 'false' ? 'Orphan' : cascade === 'foreground' ? 'Foreground' : cascade === 'background' || cascade === 'true' ? 'Background' : undefined;
  if (!propagation) throw new CommandError(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`);
  const mode = dryRunMode(inv);
  const ignoreNotFound = flags.bool('ignore-not-found') || ((all || !!selector || !!fieldSelector) && !inv.args.some((a) => a.includes('/')));

  const api = inv.api();
  const namespace = inv.namespace();
  const allNs = flags.bool('all-namespaces');
  const targets: (Target | Unmapped)[] = [];
  const errors: string[] = [];
  if (files.length) {
    const set = readManifests(files, inv.host.fs, inv.host.stdin, flags.bool('recursive'));
    for (const p of set.problems) errors.push(`${p.message}\n`);
    for (const d of set.docs) {
      const problem = mappingProblem(d);
      if (problem) {
        targets.push({ problem: `${problem}\n` });
        continue;
      }
      const info = resourceForKind(String(d.obj.apiVersion), String(d.obj.kind))!;
      targets.push({ info, namespace: info.namespaced ? d.obj.metadata?.namespace || namespace : undefined, name: d.obj.metadata?.name ?? '', source: d.source });
    }
  } else {
    const { refs, hasNames } = parseResourceArgs(inv.args);
    if (!hasNames && !all && !selector && !fieldSelector) {
      throw new CommandError('error: resource(s) were provided, but no name was specified');
    }
    // the builder's visitByName: plain errors, no usage line
    if (hasNames && (all || selector || fieldSelector)) throw new CommandError('error: name cannot be provided when a selector is specified');
    if (hasNames && allNs && refs.some((r) => r.info.namespaced)) throw new CommandError('error: a resource cannot be retrieved by name across all namespaces');
    for (const ref of refs) {
      if (ref.name !== undefined) {
        targets.push({ info: ref.info, namespace: ref.info.namespaced ? namespace : undefined, name: ref.name });
      } else {
        inv.readWarning(ref.info);
        for (const o of listObjects(api, ref.info, { namespace: allNs ? undefined : namespace, labelSelector: selector, fieldSelector })) {
          targets.push({ info: ref.info, namespace: o.metadata.namespace, name: o.metadata.name! });
        }
      }
    }
  }

  if (force && gracePeriod === 0 && mode === 'none') {
    inv.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  }
  const deleted: KubeObject[] = [];
  let found = 0;
  for (const t of targets) {
    // the builder decodes and maps each document as the deletions reach it
    if ('problem' in t) {
      errors.push(t.problem);
      continue;
    }
    const where = t.source ? { verb: 'deleting' as const, file: t.source } : undefined;
    try {
      // kubectl sends the DELETE without reading first: a registry without one answers 405 for any name
      if (!t.info.verbs.includes('delete')) throw ApiError.methodNotAllowed();
      const before = api.get(t.info.resource, t.namespace, t.name);
      found++;
      if (mode === 'none') {
        api.delete(t.info.resource, t.namespace, t.name, {
          gracePeriodSeconds: gracePeriod >= 0 ? gracePeriod : undefined,
          propagationPolicy: propagation,
        });
        inv.settle();
      }
      deleted.push(before);
      const label = kindPrefix(t.info.kind, t.info.group);
      const suffix = mode === 'client' ? ' (dry run)' : mode === 'server' ? ' (server dry run)' : '';
      if (flags.str('output') === 'name') inv.out(`${label}/${t.name}\n`);
      else inv.out(`${label} "${t.name}" ${force && gracePeriod === 0 ? 'force deleted' : 'deleted'}${suffix}\n`);
    } catch (e) {
      if (isApiError(e) && (e as ApiError).reason === 'NotFound') {
        if (ignoreNotFound) continue;
        errors.push(formatApiError(e as ApiError, where));
        continue;
      }
      if (isApiError(e)) {
        errors.push(formatApiError(e as ApiError, where));
        continue;
      }
      throw e;
    }
  }
  if (found === 0 && errors.length === 0 && (all || selector || fieldSelector || (files.length > 0 && targets.length === 0))) inv.out('No resources found\n');

  let code = errors.length ? 1 : 0;
  if (mode === 'none' && flags.bool('wait') && deleted.length && !(force && gracePeriod === 0)) {
    const timeout = parseGoDuration(flags.str('timeout')) ?? 0;
    const pending = new Set(deleted.map((o) => o.metadata.uid));
    const gone = (): boolean => {
      for (const o of deleted) {
        if (!pending.has(o.metadata.uid)) continue;
        const info = resourceForKind(o.apiVersion, o.kind)!;
        const cur = api.tryGet(info.resource, o.metadata.namespace, o.metadata.name!);
        if (!cur || cur.metadata.uid !== o.metadata.uid) pending.delete(o.metadata.uid);
      }
      return pending.size === 0;
    };
    if (!gone()) {
      const result = await watchLoop(inv, undefined, () => undefined, { timeoutMs: timeout > 0 ? timeout : undefined, onTick: gone });
      if (result === 'interrupted') return 130;
      if (result === 'timeout' && !gone()) {
        const first = deleted.find((o) => pending.has(o.metadata.uid))!;
        const info = resourceForKind(first.apiVersion, first.kind)!;
        if (timeout > 0 || !inv.host.virtualTime) {
          inv.err(`error: timed out waiting for the condition on ${info.resource}/${first.metadata.name}\n`);
          code = 1;
        }
      }
    }
  }
  if (errors.length) inv.err(aggregateErrors(errors));
  return code;
}
