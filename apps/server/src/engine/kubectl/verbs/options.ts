// kubectl options: the flags every command inherits, in kubectl's own words (help/).

import { CommandDef } from '../command';
import { helpText } from '../help/help';

export const optionsCommand: CommandDef = {
  name: 'options',
  short: 'Print the list of flags inherited by all commands',
  run(inv) {
    inv.out(helpText('options')!);
  },
};
