// kubectl alpha: v1.32 ships no alpha commands, and says so on stderr (exit 0), --help or not.

import { CommandDef } from '../command';

const NONE = 'No alpha commands are available in this version of kubectl\n';

export const alphaCommand: CommandDef = {
  name: 'alpha',
  short: 'Commands for features in alpha',
  helpIsRun: true,
  run(inv) {
    inv.err(NONE);
  },
};
