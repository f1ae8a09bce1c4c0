// `!progress` and `/progress`: the student's lessons and steps passed; an instructor's
// `!progress @student` (or a username): that student's.
import { MessageFlags } from 'discord.js';
import { studentProgressReply } from '../course/class-replies';
import { progressReply } from '../course/lesson-replies';
import { placeOf } from '../place';
import { answerInTime } from './answer-in-time';
import { slashData } from './slash-data';
import type { PrefixCommand, SlashCommand } from './types';

export const progressCommand: PrefixCommand = {
  names: ['progress'],
  usage: '!progress [@student]',
  execute: ({ deps, userId, place, args, t }) => (args.trim() ? studentProgressReply(deps, userId, place, args.trim(), t) : progressReply(deps, userId, place, t)),
};

export const progressSlashCommand: SlashCommand = {
  data: slashData('progress'),
  async execute(interaction, deps, t) {
    await answerInTime(interaction, progressReply(deps, interaction.user.id, placeOf(interaction), t), MessageFlags.Ephemeral);
  },
};
