// `!hint` and `/hint`: what the cluster says is missing, then the step's hints one at a time.
import { MessageFlags } from 'discord.js';
import { hintReply } from '../course/lesson-replies';
import { answerInTime } from './answer-in-time';
import { slashData } from './slash-data';
import type { PrefixCommand, SlashCommand } from './types';

export const hintCommand: PrefixCommand = {
  names: ['hint'],
  usage: '!hint',
  execute: ({ deps, userId, t }) => hintReply(deps, userId, t),
};

export const hintSlashCommand: SlashCommand = {
  data: slashData('hint'),
  async execute(interaction, deps, t) {
    await answerInTime(interaction, hintReply(deps, interaction.user.id, t), MessageFlags.Ephemeral);
  },
};
