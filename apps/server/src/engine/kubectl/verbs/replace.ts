// kubectl replace -f (kubectl's pkg/cmd/replace): a PUT of each document; --force deletes the
// object and creates it again (waiting for it to be gone, as kubectl does).

import { KubeObject } from '../../api/types';
import { CommandDef, DRY_RUN_FLAG, fieldManagerFlag, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, VALIDATE_FLAG } from '../command';
import { kindPrefix, printName } from '../printers/get-printer';
import { objectOutput, printObjects, printOptions } from '../output';
import { dryRunMode, dryRunSuffix, loadDocs, prepare, objectErrorText, strictCheck } from '../object-ops';
import { watchLoop } from '../watch';
import { aggregateErrors } from '../errors';

export const replaceCommand: CommandDef = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  flags: [
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    VALIDATE_FLAG,
    fieldManagerFlag('kubectl-replace'),
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
    { name: 'timeout', type: 'duration', default: '0s' },
    { name: 'wait', type: 'bool' },
    { name: 'save-config', type: 'bool' },
    { name: 'subresource', type: 'string' },
    { name: 'raw', type: 'string' },
    ...PRINT_FLAGS,
    { name: 'kustomize', shorthand: 'k', type: 'string' },
  ],
  run: runReplace,
};

async function runReplace(inv: Invocation): Promise<number> {
  const { docs, problems } = loadDocs(inv);
  const mode = dryRunMode(inv);
  const output = objectOutput(inv.flags);
  const force = inv.flags.bool('force');
  // errors print once the documents are visited, as one Aggregate (kubectl's CheckErr)
  const errors = problems.map((p) => (p.endsWith('\n') ? p : `${p}\n`));
  const printed: KubeObject[] = [];
  for (const doc of docs) {
    try {
      const p = prepare(inv, doc);
      strictCheck(inv, p, 'replacing');
      const api = inv.api();
      let result: KubeObject;
      if (force && mode === 'none') {
        const ns = p.obj.metadata.namespace;
        const name = p.obj.metadata.name ?? '';
        const live = api.tryGet(p.info.resource, ns, name);
        if (live) {
          const grace = inv.flags.int('grace-period');
          api.delete(p.info.resource, ns, name, { gracePeriodSeconds: grace >= 0 ? grace : undefined });
          inv.settle();
          inv.out(`${kindPrefix(p.info.kind, p.info.group)} "${name}" deleted\n`);
          const gone = (): boolean => api.tryGet(p.info.resource, ns, name)?.metadata.uid !== live.metadata.uid;
          if (!gone()) await watchLoop(inv, undefined, () => undefined, { onTick: gone });
        }
        const fresh = { ...p.obj, metadata: { ...p.obj.metadata } };
        delete fresh.metadata.resourceVersion;
        delete fresh.metadata.uid;
        result = api.create(fresh);
      } else {
        try {
          result = mode === 'client' ? p.obj : api.update(p.obj, { dryRun: mode === 'server' });
        } catch (e) {
          errors.push(objectErrorText(e, 'replacing', doc.source));
          continue;
        }
      }
      if (mode === 'none') inv.settle();
      if (output.kind === 'table') inv.out(printName(result, `replaced${dryRunSuffix(mode)}`));
      else printed.push(result);
    } catch (e) {
      errors.push(objectErrorText(e, 'replacing', doc.source));
    }
  }
  if (printed.length) inv.out(printObjects(printed, output, printOptions(inv.flags, printed.length === 1)));
  if (errors.length) inv.err(aggregateErrors(errors));
  return errors.length ? 1 : 0;
}
