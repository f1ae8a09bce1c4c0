// kubectl set serviceaccount (pkg/cmd/set/set_serviceaccount.go): the last argument is the
// service account, set as the pod spec's serviceAccountName of pods and workload templates (the
// API server mirrors it into the deprecated serviceAccount). Every object is patched and said
// `serviceaccount updated`, changed or not; a refused patch is "failed to patch ServiceAccountName".

import { ApiError } from '../../api/errors';
import { formatApiError } from '../errors';
import { podSpecOf } from '../pod-template';
import { CommandDef, DRY_RUN_FLAG, fieldManagerFlag, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECORD_FLAG, RECURSIVE_FLAG } from '../command';
import { CommandError } from '../context';
import { dryRunMode } from '../object-ops';
import { objectOutput } from '../output';
import { updateEach } from './update-each';
import { collectTargets, NO_RESOURCES } from './targets';

export const setServiceAccountCommand: CommandDef = {
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Update the service account of a resource',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, OUTPUT_FLAG, DRY_RUN_FLAG, fieldManagerFlag('kubectl-set'), { name: 'all', type: 'bool' }, { name: 'local', type: 'bool' }, RECORD_FLAG, ...PRINT_FLAGS, { name: 'kustomize', shorthand: 'k', type: 'string' }],
  run: runSetServiceAccount,
};

function runSetServiceAccount(inv: Invocation): number {
  const { flags } = inv;
  if (inv.args.length === 0) throw new CommandError('error: serviceaccount is required');
  const account = inv.args[inv.args.length - 1];
  const local = flags.bool('local');
  // --local reads only the files: resource arguments are not looked at
  const resources = local ? [] : inv.args.slice(0, -1);
  const files = flags.list('filename');
  if (resources.length === 0 && files.length === 0 && !flags.bool('all')) throw new CommandError(NO_RESOURCES);
  const output = objectOutput(flags);
  const mode = dryRunMode(inv);
  const found = collectTargets(inv, resources, { all: flags.bool('all'), files, local });
  const refused = (e: ApiError): string => `error: failed to patch ServiceAccountName ${formatApiError(e).replace(/^Error from server \(\w+\): /, '').trimEnd()}`;
  return updateEach(inv, found, { updated: 'serviceaccount updated', output, mode, typed: true, refused }, (obj, next) => {
    const spec = podSpecOf(next);
    // UpdatePodSpecForObjectFn's refusal, named with the object's Go type
    if (!spec) throw new CommandError(`error: ${obj.kind.toLowerCase()}/${obj.metadata.name} the object is not a pod or does not have a pod template: *${obj.apiVersion.split('/').pop()}.${obj.kind}`);
    (spec as { serviceAccountName?: string }).serviceAccountName = account;
  });
}
