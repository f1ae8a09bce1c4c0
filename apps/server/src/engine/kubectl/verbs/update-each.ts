// The loop `kubectl set env|image|selector|serviceaccount` share (set_*.go's Run): each target
// changed on a copy and written, then named (`deployment.apps/web image updated`) or kept for
// -o; the per-object errors come after everything, as ContinueOnError prints them.

import { ApiError, isApiError } from '../../api/errors';
import { clone } from '../../api/store';
import { KubeObject } from '../../api/types';
import { Invocation } from '../command';
import { CommandError } from '../context';
import { DryRun, dryRunSuffix } from '../object-ops';
import { OutputSpec, printObjects, printOptions } from '../output';
import { typedView } from '../pod-template';
import { printName } from '../printers/get-printer';
import { printErrors, TargetSet, visit, writeObject } from './targets';

export interface UpdateEachOptions {
  /** what kubectl says of each object: `image updated` */
  updated: string;
  output: OutputSpec;
  mode: DryRun;
  /** -o of what was not sent to the server shows it as decoded into its Go type */
  typed: boolean;
  /** kubectl's words for a refused write, where it has its own */
  refused?: (e: ApiError) => string;
}

/**
 * `change` edits `next`, a copy of `obj`, and returns false when there is nothing to write (the
 * empty patch kubectl skips). Returns the exit status.
 */
export function updateEach(inv: Invocation, found: TargetSet, opts: UpdateEachOptions, change: (obj: KubeObject, next: KubeObject) => boolean | void): number {
  const local = inv.flags.bool('local');
  const errors = [...found.errors];
  const printed: KubeObject[] = [];
  for (const { obj } of found.targets) {
    visit(inv, errors, () => {
      const next = clone(obj);
      if (change(obj, next) === false) return;
      let result: KubeObject;
      try {
        result = writeObject(inv, obj, next, opts.mode);
      } catch (e) {
        if (opts.refused && isApiError(e)) throw new CommandError(opts.refused(e));
        throw e;
      }
      if (opts.output.kind === 'table') inv.out(printName(result, `${opts.updated}${dryRunSuffix(opts.mode)}`));
      else printed.push(opts.typed && (local || opts.mode === 'client') ? typedView(result) : result);
    });
  }
  if (printed.length) inv.out(printObjects(printed, opts.output, printOptions(inv.flags, printed.length === 1, true)));
  return printErrors(inv, errors) ? 1 : 0;
}
