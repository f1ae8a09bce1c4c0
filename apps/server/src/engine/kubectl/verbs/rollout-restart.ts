// kubectl rollout restart (kubectl's rollout_restart.go and ObjectRestarter): stamps the pod
// template with kubectl.kubernetes.io/restartedAt (RFC 3339, the simulated now), which makes
// the controller roll every pod.

import { clone } from '../../api/store';
import { KubeObject } from '../../api/types';
import { rfc3339 } from '../../time';
import { CommandDef, fieldManagerFlag, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, SELECTOR_FLAG } from '../command';
import { CommandError } from '../context';
import { printName } from '../printers/get-printer';
import { resourceString } from './rollout-util';
import { collectTargets, printErrors, visit, writeObject } from './targets';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
const RESTARTABLE = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

export const rolloutRestartCommand: CommandDef = {
  name: 'restart',
  short: 'Restart a resource',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, OUTPUT_FLAG, fieldManagerFlag('kubectl-rollout'), ...PRINT_FLAGS, { name: 'kustomize', shorthand: 'k', type: 'string' }],
  run(inv: Invocation): number {
    const files = inv.flags.list('filename');
    if (inv.args.length === 0 && files.length === 0) throw new CommandError('error: required resource not specified');
    const found = collectTargets(inv, inv.args, { files, selector: inv.flags.str('selector'), typeMeansAll: true });
    const errors = [...found.errors];
    for (const { obj } of found.targets) {
      visit(inv, errors, () => {
        const who = `${resourceString(inv, obj)} "${obj.metadata.name}"`;
        if (!RESTARTABLE.has(obj.kind)) throw new CommandError(`error: ${who} restarting is not supported`);
        const next = clone(obj) as KubeObject & { spec: { paused?: boolean; template: { metadata?: { annotations?: Record<string, string> } } } };
        if (next.kind === 'Deployment' && next.spec.paused) throw new CommandError(`error: ${who} can't restart paused deployment (run rollout resume first)`);
        const tmeta = (next.spec.template.metadata = next.spec.template.metadata ?? {});
        tmeta.annotations = { ...(tmeta.annotations ?? {}), [RESTARTED_AT]: rfc3339(inv.host.now()) };
        if (JSON.stringify(next) === JSON.stringify(obj)) {
          throw new CommandError(`error: failed to create patch for ${obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`);
        }
        // kubectl v1.32's rollout restart has no --dry-run
        inv.out(printName(writeObject(inv, obj, next, 'none'), 'restarted'));
      });
    }
    return printErrors(inv, errors) ? 1 : 0;
  },
};
