// kubectl apply -f (client-side apply): create with the last-applied-configuration annotation,
// or a three-way strategic merge patch from it: created / configured / unchanged.

import { ApiError, isApiError } from '../../api/errors';
import { strategicMergePatch, threeWayPatch } from '../../api/patch';
import { ResourceInfo, qualifiedResource } from '../../api/resources';
import { KubeObject } from '../../api/types';
import { applySubcommands } from './apply-last-applied';
import { CommandDef, DRY_RUN_FLAG, fieldManagerFlag, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECORD_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, VALIDATE_FLAG } from '../command';
import { printName } from '../printers/get-printer';
import { objectOutput, printObjects, printOptions } from '../output';
import { LAST_APPLIED, dryRunMode, dryRunSuffix, loadDocs, prepare, recorded, objectErrorText, SourcedApiError, strictCheck, withLastApplied } from '../object-ops';
import { goSprint } from '../printers/go-format';
import { aggregateErrors } from '../errors';
import { CommandError, UsageError } from '../context';

export const applyCommand: CommandDef = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  flags: [
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    VALIDATE_FLAG,
    fieldManagerFlag('kubectl-client-side-apply'),
    SELECTOR_FLAG,
    { name: 'force', type: 'bool' },
    { name: 'prune', type: 'bool' },
    { name: 'server-side', type: 'bool' },
    { name: 'force-conflicts', type: 'bool' },
    { name: 'overwrite', type: 'bool', default: true },
    RECORD_FLAG,
    { name: 'wait', type: 'bool' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
    ...PRINT_FLAGS,
    { name: 'openapi-patch', type: 'bool', default: true },
    { name: 'subresource', type: 'string' },
    // --prune's companions, and the delete flags of --force's delete and re-create
    { name: 'all', type: 'bool' },
    { name: 'prune-allowlist', type: 'stringArray' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'duration', default: '0s' },
  ],
  subcommands: applySubcommands,
  run: runApply,
};

function runApply(inv: Invocation): number {
  if (inv.args.length) throw new UsageError(`Unexpected args: ${goSprint(inv.args)}`);
  const { docs, problems } = loadDocs(inv);
  if (docs.length === 0 && problems.length === 0) throw new CommandError('error: no objects passed to apply');
  const mode = dryRunMode(inv);
  const output = objectOutput(inv.flags);
  // as apply.go: what the builder refused (unreadable, undecodable, invalid documents) and then
  // what failed to apply, printed after every object that was applied
  const builderErrors = problems.map((p) => (p.endsWith('\n') ? p : `${p}\n`));
  const applyErrors: string[] = [];
  const printed: KubeObject[] = [];
  for (const doc of docs) {
    let p: ReturnType<typeof prepare>;
    try {
      p = prepare(inv, doc);
    } catch (e) {
      builderErrors.push(objectErrorText(e, 'creating', doc.source));
      continue;
    }
    try {
      p.obj = recorded(inv, p.obj);
      const api = inv.api();
      const name = p.obj.metadata.name ?? '';
      const live = name ? currentConfiguration(inv, p.info, p.obj.metadata.namespace, name, doc.source) : undefined;
      strictCheck(inv, p, live ? 'applying' : 'creating');
      let result: KubeObject;
      let op: string;
      if (!live) {
        const obj = withLastApplied(p.obj);
        result = mode === 'client' ? obj : api.create(obj, { dryRun: mode === 'server' });
        op = 'created';
      } else {
        const original = live.metadata.annotations?.[LAST_APPLIED];
        if (original === undefined) {
          inv.err(`Warning: resource ${p.info.resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
        }
        const modified = withLastApplied(p.obj);
        let parsedOriginal: unknown = {};
        try {
          parsedOriginal = original ? JSON.parse(original) : {};
        } catch {
          parsedOriginal = {};
        }
        const patch = threeWayPatch(parsedOriginal, modified, live);
        if (Object.keys(patch).length === 0) {
          result = live;
          op = 'unchanged';
        } else {
          const next = strategicMergePatch(live, patch) as KubeObject;
          next.metadata.resourceVersion = live.metadata.resourceVersion;
          result = mode === 'client' ? next : api.update(next, { dryRun: mode === 'server' });
          op = 'configured';
        }
      }
      if (mode === 'none') inv.settle();
      if (output.kind === 'table') inv.out(printName(result, `${op}${dryRunSuffix(mode)}`));
      else printed.push(result);
    } catch (e) {
      if (isApiError(e) && (e as ApiError).reason === 'Conflict') {
        const ae = e as ApiError;
        applyErrors.push(`error: error when applying patch:\n\nto:\nResource: "${qualifiedResource(inv.api().infoFor(doc.obj))}", Name: "${doc.obj.metadata?.name}"\nfor: "${doc.source}": ${ae.message}\n`);
        continue;
      }
      applyErrors.push(objectErrorText(e, 'creating', doc.source));
    }
  }
  if (printed.length) inv.out(printObjects(printed, output, printOptions(inv.flags, printed.length === 1)));
  const errors = [...builderErrors, ...applyErrors];
  if (errors.length) inv.err(aggregateErrors(errors));
  return errors.length ? 1 : 0;
}

/**
 * apply's GET of the live object: NotFound means it is to be created; any other error stops this
 * object, naming what was being read (apply.go's AddSourceToErr with resource.Info's String).
 */
function currentConfiguration(inv: Invocation, info: ResourceInfo, namespace: string | undefined, name: string, source: string): KubeObject | undefined {
  inv.readWarning(info);
  try {
    return inv.api().get(info.resource, namespace, name);
  } catch (e) {
    if (!isApiError(e)) throw e;
    if ((e as ApiError).reason === 'NotFound') return undefined;
    // Go's GroupVersion strings: `/v1` for the core group
    const gv = `${info.group}/${info.version}`;
    const what = `Resource: "${gv}, Resource=${info.resource}", GroupVersionKind: "${gv}, Kind=${info.kind}"\nName: "${name}", Namespace: "${namespace ?? ''}"`;
    throw new SourcedApiError(e as ApiError, `retrieving current configuration of:\n${what}\nfrom server for:`, source);
  }
}
