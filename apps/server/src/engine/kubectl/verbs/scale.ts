// kubectl scale (kubectl's pkg/cmd/scale): sets spec.replicas through the scale subresource of
// deployments, replica sets and stateful sets; --current-replicas and --resource-version are
// preconditions checked against the live object.

import { clone } from '../../api/store';
import { KubeObject } from '../../api/types';
import { CommandDef, DRY_RUN_FLAG, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECORD_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from '../command';
import { CommandError } from '../context';
import { dryRunMode, dryRunSuffix } from '../object-ops';
import { objectOutput, printObjects, printOptions } from '../output';
import { printName } from '../printers/get-printer';
import { collectTargets, printErrors, visit, writeObject } from './targets';
import { ApiError } from '../../api/errors';

const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

export const scaleCommand: CommandDef = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  flags: [
    { name: 'replicas', type: 'int', default: 0, required: true },
    { name: 'current-replicas', type: 'int', default: -1 },
    { name: 'resource-version', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'timeout', type: 'duration', default: '0s' },
    SELECTOR_FLAG,
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    RECORD_FLAG,
    ...PRINT_FLAGS,
    { name: 'kustomize', shorthand: 'k', type: 'string' },
  ],
  run: runScale,
};

function runScale(inv: Invocation): number {
  const { flags } = inv;
  const replicas = flags.int('replicas');
  if (replicas < 0) throw new CommandError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const current = flags.int('current-replicas');
  const output = objectOutput(flags);
  const mode = dryRunMode(inv);
  // --all with -l is no error for scale (kubectl's builder lets the selector choose)
  const found = collectTargets(inv, inv.args, { selector: flags.str('selector'), all: flags.bool('all'), files: flags.list('filename') });
  if (found.targets.length === 0 && found.errors.length === 0) throw new CommandError('error: no objects passed to scale');
  const resourceVersion = flags.str('resource-version');
  const many = found.targets.length + found.errors.length > 1;
  if (many && resourceVersion) throw new CommandError('error: cannot use --resource-version with multiple resources');
  if (many && current >= 0) throw new CommandError('error: cannot use --current-replicas with multiple resources');
  const errors = [...found.errors];
  const printed: KubeObject[] = [];
  for (const { info, obj } of found.targets) {
    visit(inv, errors, () => {
      if (!SCALABLE.has(info.resource)) throw new ApiError('NotFound', 'the server could not find the requested resource');
      const live = (obj as KubeObject & { spec: { replicas?: number } }).spec.replicas ?? 1;
      if (current >= 0 && current !== live) throw new CommandError(`error: Expected replicas to be ${current}, was ${live}`);
      if (resourceVersion && resourceVersion !== obj.metadata.resourceVersion) {
        throw new CommandError(`error: Expected resource version to be ${resourceVersion}, was ${obj.metadata.resourceVersion}`);
      }
      const next = clone(obj) as KubeObject & { spec: { replicas?: number } };
      next.spec.replicas = replicas;
      const result = writeObject(inv, obj, next, mode);
      if (output.kind === 'table') inv.out(printName(result, `scaled${dryRunSuffix(mode)}`));
      else printed.push(result);
    });
  }
  if (printed.length) inv.out(printObjects(printed, output, printOptions(inv.flags, printed.length === 1)));
  return printErrors(inv, errors) ? 1 : 0;
}
