// kubectl set: the image and env subcommands (each in its own file).

import { CommandDef } from '../command';
import { setEnvCommand } from './set-env';
import { setImageCommand } from './set-image';

export const setCommand: CommandDef = {
  name: 'set',
  short: 'Set specific features on objects',
  subcommands: [setEnvCommand, setImageCommand],
};
