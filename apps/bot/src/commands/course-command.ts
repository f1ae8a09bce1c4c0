// A course command without arguments (`!check`, `!hint`) and its slash twin, which answers the
// student alone (ephemeral) and defers when the server is slow.
import { MessageFlags } from 'discord.js';
import type { BotDeps } from '../bot-deps';
import type { BotStrings } from '../i18n';
import { placeOf, type Place } from '../place';
import type { BotReply } from '../reply';
import { answerInTime } from './answer-in-time';
import { slashData } from './slash-data';
import type { PrefixCommand, SlashCommand } from './types';

export function courseCommands(name: string, reply: (deps: BotDeps, userId: string, place: Place, t: BotStrings) => Promise<BotReply>): { prefix: PrefixCommand; slash: SlashCommand } {
  return {
    prefix: { names: [name], usage: `!${name}`, execute: ({ deps, userId, place, t }) => reply(deps, userId, place, t) },
    slash: {
      data: slashData(name),
      async execute(interaction, deps, t) {
        await answerInTime(interaction, reply(deps, interaction.user.id, placeOf(interaction), t), MessageFlags.Ephemeral);
      },
    },
  };
}
