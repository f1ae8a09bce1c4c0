// `/kubectl command:ARGS`: the slash twin of `!kubectl` (no code block to read, so no `-f -`).
import { placeOf } from '../place';
import { runLine } from '../run-line';
import { answerInTime } from './answer-in-time';
import { slashData } from './slash-data';
import type { SlashCommand } from './types';

export const kubectlSlashCommand: SlashCommand = {
  data: slashData('kubectl', (b, describe) => b.addStringOption((o) => describe(o.setName('command'), 'kubectl.command').setRequired(true).setMaxLength(2000))),
  async execute(interaction, deps, t) {
    const args = (interaction.options.getString('command', true) ?? '').trim().replace(/^kubectl\s+/, '');
    await answerInTime(interaction, runLine(deps, interaction.user.id, placeOf(interaction), `kubectl ${args}`, t));
  },
};
