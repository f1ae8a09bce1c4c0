// kubectl patch (kubectl's pkg/cmd/patch): -p or --patch-file, --type strategic|merge|json,
// applied as the API server applies them (api/patch.ts); `patched` or `patched (no change)`.

import { parse as parseYaml } from 'yaml';
import { ApiError } from '../../api/errors';
import { jsonPatch, mergePatch, strategicMergePatch } from '../../api/patch';
import { KubeObject } from '../../api/types';
import { CommandDef, DRY_RUN_FLAG, fieldManagerFlag, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECORD_FLAG, RECURSIVE_FLAG } from '../command';
import { CommandError } from '../context';
import { dryRunMode, dryRunSuffix } from '../object-ops';
import { objectOutput, printObjects, printOptions } from '../output';
import { printName } from '../printers/get-printer';
import { collectTargets, printErrors, visit, writeObject } from './targets';

const PATCH_TYPES = ['json', 'merge', 'strategic'];

export const patchCommand: CommandDef = {
  name: 'patch',
  short: 'Update fields of a resource',
  flags: [
    { name: 'patch', shorthand: 'p', type: 'string' },
    { name: 'patch-file', type: 'string' },
    { name: 'type', type: 'string', default: 'strategic' },
    { name: 'local', type: 'bool' },
    { name: 'subresource', type: 'string' },
    RECORD_FLAG,
    ...PRINT_FLAGS,
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    fieldManagerFlag('kubectl-patch'),
    { name: 'kustomize', shorthand: 'k', type: 'string' },
  ],
  run: runPatch,
};

/** Parses patch text as kubectl does (YAML is accepted: it is converted to JSON first). */
export function parsePatch(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return parseYaml(text);
    } catch {
      throw new CommandError(`error: unable to parse "${text}": yaml: did not find expected node content`);
    }
  }
}

/** Applies a patch of the given type to a copy of `obj`. */
export function applyPatch(obj: KubeObject, patch: unknown, type: string): KubeObject {
  if (type === 'json') return jsonPatch(obj, patch) as KubeObject;
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw new ApiError('BadRequest', `json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`);
  }
  return (type === 'merge' ? mergePatch(obj, patch) : strategicMergePatch(obj, patch)) as KubeObject;
}

function runPatch(inv: Invocation): number {
  const { flags } = inv;
  const text = flags.str('patch');
  const file = flags.str('patch-file');
  if (text && file) throw new CommandError('error: cannot specify --patch and --patch-file together');
  if (!text && !file) throw new CommandError('error: must specify --patch or --patch-file containing the contents of the patch');
  if (flags.bool('local') && inv.args.length) throw new CommandError('error: cannot specify --local and server resources');
  const type = flags.str('type').toLowerCase();
  if (!PATCH_TYPES.includes(type)) throw new CommandError(`error: --type must be one of [${PATCH_TYPES.join(' ')}], not "${flags.str('type')}"`);
  const output = objectOutput(flags);
  const mode = dryRunMode(inv);
  const patchText = file ? inv.host.fs.readFile(file) : text;
  const patch = parsePatch(patchText);
  const found = collectTargets(inv, inv.args, { files: flags.list('filename'), local: flags.bool('local') });
  const errors = [...found.errors];
  const printed: KubeObject[] = [];
  for (const { obj } of found.targets) {
    visit(inv, errors, () => {
      const next = applyPatch(obj, patch, type);
      next.metadata = next.metadata ?? {};
      if (next.metadata.name !== obj.metadata.name) {
        throw new ApiError('Invalid', `${obj.kind} "${obj.metadata.name}" is invalid: metadata.name: Invalid value: "${next.metadata.name}": field is immutable`);
      }
      const result = writeObject(inv, obj, next, mode);
      const changed = result.metadata.resourceVersion !== obj.metadata.resourceVersion || JSON.stringify(result) !== JSON.stringify(obj);
      if (output.kind === 'table') inv.out(printName(result, `patched${changed || mode !== 'none' ? '' : ' (no change)'}${dryRunSuffix(mode)}`));
      else printed.push(result);
    });
  }
  if (printed.length) inv.out(printObjects(printed, output, printOptions(inv.flags, printed.length === 1)));
  return printErrors(inv, errors) ? 1 : 0;
}
