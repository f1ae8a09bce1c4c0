// `!check` and `/check`: the current step against the student's cluster now.
import { MessageFlags } from 'discord.js';
import { checkReply } from '../course/lesson-replies';
import { answerInTime } from './answer-in-time';
import { slashData } from './slash-data';
import type { PrefixCommand, SlashCommand } from './types';

export const checkCommand: PrefixCommand = {
  names: ['check'],
  usage: '!check',
  execute: ({ deps, userId, t }) => checkReply(deps, userId, t),
};

export const checkSlashCommand: SlashCommand = {
  data: slashData('check'),
  async execute(interaction, deps, t) {
    await answerInTime(interaction, checkReply(deps, interaction.user.id, t), MessageFlags.Ephemeral);
  },
};
