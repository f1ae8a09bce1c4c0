// `!lesson [next|prev|N|list|start LESSON]` and `/lesson [step:]`: the current step of the
// student's lesson, rendered for Discord; moving between steps; starting a lesson.
import { MessageFlags } from 'discord.js';
import { lessonReply } from '../course/lesson-replies';
import { placeOf } from '../place';
import { answerInTime } from './answer-in-time';
import { slashData } from './slash-data';
import type { PrefixCommand, SlashCommand } from './types';

export const lessonCommand: PrefixCommand = {
  names: ['lesson'],
  usage: '!lesson [next|prev|N|list|start N]',
  execute: ({ deps, userId, place, args, t }) => lessonReply(deps, userId, place, args, t),
};

export const lessonSlashCommand: SlashCommand = {
  data: slashData('lesson', (b, describe) => b.addStringOption((o) => describe(o.setName('step'), 'lesson.step').setMaxLength(100))),
  async execute(interaction, deps, t) {
    await answerInTime(interaction, lessonReply(deps, interaction.user.id, placeOf(interaction), interaction.options.getString('step') ?? '', t), MessageFlags.Ephemeral);
  },
};
