// Real kubectl commands the simulation does not offer: they answer with one clear line.

import { CommandDef } from '../command';
import { CommandError } from '../context';
import { FlagSpec } from '../flags';

/** accept any flag so the answer is always the same clear line */
const ANY: FlagSpec[] = [];

export function notSupported(name: string, short: string, why = 'the simulated cluster does not offer it'): CommandDef {
  return {
    name,
    short,
    flags: ANY,
    run() {
      throw new CommandError(`error: \`kubectl ${name}\` is not supported in kubeaula: ${why}`);
    },
  };
}
