// Real kubectl commands the simulation does not offer: they answer with one clear line.

import { CommandDef } from '../command';

/** `path`: the command as typed after kubectl (`edit`, `create job`) */
export function notSupported(path: string, short: string, why = 'the simulated cluster does not offer it'): CommandDef {
  return {
    name: path.slice(path.lastIndexOf(' ') + 1),
    short,
    refusal: `error: \`kubectl ${path}\` is not supported in kubeaula: ${why}`,
  };
}
