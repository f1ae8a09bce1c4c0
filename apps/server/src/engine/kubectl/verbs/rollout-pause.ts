// kubectl rollout pause / resume (kubectl's rollout_pause.go, rollout_resume.go and the
// ObjectPauser / ObjectResumer helpers): flips spec.paused on Deployments.

import { clone } from '../../api/store';
import { Deployment } from '../../api/types';
import { CommandDef, fieldManagerFlag, FILENAME_FLAG, Invocation, OUTPUT_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, SELECTOR_FLAG } from '../command';
import { CommandError } from '../context';
import { printName } from '../printers/get-printer';
import { resourceString } from './rollout-util';
import { collectTargets, printErrors, visit, writeObject } from './targets';

function pauseCommand(name: 'pause' | 'resume'): CommandDef {
  const pausing = name === 'pause';
  return {
    name,
    short: pausing ? 'Mark the provided resource as paused' : 'Resume a paused resource',
    flags: [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, OUTPUT_FLAG, fieldManagerFlag('kubectl-rollout'), ...PRINT_FLAGS, { name: 'kustomize', shorthand: 'k', type: 'string' }],
    run(inv: Invocation): number {
      const files = inv.flags.list('filename');
      if (inv.args.length === 0 && files.length === 0) throw new CommandError('error: required resource not specified');
      const found = collectTargets(inv, inv.args, { files, selector: inv.flags.str('selector'), typeMeansAll: true });
      const errors = [...found.errors];
      for (const { obj } of found.targets) {
        visit(inv, errors, () => {
          if (obj.kind !== 'Deployment') throw new CommandError(`error: ${resourceString(inv, obj)} "${obj.metadata.name}" ${pausing ? 'pausing' : 'resuming'} is not supported`);
          const d = obj as Deployment;
          if (pausing && d.spec.paused) throw new CommandError(`error: ${resourceString(inv, obj)} "${obj.metadata.name}" is already paused`);
          if (!pausing && !d.spec.paused) throw new CommandError(`error: ${resourceString(inv, obj)} "${obj.metadata.name}" is not paused`);
          const next = clone(d);
          if (pausing) next.spec.paused = true;
          else delete next.spec.paused;
          inv.out(printName(writeObject(inv, obj, next), pausing ? 'paused' : 'resumed'));
        });
      }
      return printErrors(inv, errors) ? 1 : 0;
    },
  };
}

export const rolloutPauseCommand = pauseCommand('pause');
export const rolloutResumeCommand = pauseCommand('resume');
