// `/kubectl command:ARGS`: the slash twin of `!kubectl` (no code block to read, so no `-f -`).
import { SlashCommandBuilder } from 'discord.js';
import { runLine } from '../run-line';
import { answerInTime } from './answer-in-time';
import type { SlashCommand } from './types';

export const kubectlSlashCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('kubectl')
    .setDescription('Run kubectl on your kubeaula cluster')
    .addStringOption((o) => o.setName('command').setDescription('The arguments, like: get pods -o wide').setRequired(true).setMaxLength(2000)),
  async execute(interaction, deps) {
    const args = interaction.options.getString('command', true).trim().replace(/^kubectl\s+/, '');
    await answerInTime(interaction, runLine(deps, interaction.user.id, `kubectl ${args}`));
  },
};
