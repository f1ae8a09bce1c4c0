// kubectl rollout: history, pause, restart, resume, status, undo (each in its own file).

import { CommandDef } from '../command';
import { rolloutHistoryCommand } from './rollout-history';
import { rolloutPauseCommand, rolloutResumeCommand } from './rollout-pause';
import { rolloutRestartCommand } from './rollout-restart';
import { rolloutStatusCommand } from './rollout-status';
import { rolloutUndoCommand } from './rollout-undo';

export const rolloutCommand: CommandDef = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  groupHelpOnStdout: true,
  subcommands: [rolloutHistoryCommand, rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutStatusCommand, rolloutUndoCommand],
};
