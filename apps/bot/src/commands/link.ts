// Linking: `/link code:CODE` (slash) or `!link CODE` redeems the one-time code from the dashboard.
import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { botText } from '../bot-messages';
import type { BotDeps } from '../bot-deps';
import { errorReply } from '../error-reply';
import { BotReply, textReply } from '../reply';
import { ServerError } from '../server-client';
import type { PrefixCommand, SlashCommand } from './types';

export async function linkReply(deps: BotDeps, userId: string, code: string): Promise<BotReply> {
  if (!/^\d{8}$/.test(code)) return textReply(botText.badLinkCode);
  try {
    const { username } = await deps.server.link(userId, code);
    return textReply(botText.linked(username));
  } catch (e) {
    if (e instanceof ServerError && (e.status === 404 || e.status === 400)) return textReply(botText.badLinkCode);
    return errorReply(e, deps);
  }
}

export const linkCommand: PrefixCommand = {
  names: ['link'],
  usage: '!link CODE',
  description: 'link your Discord account with the code from your dashboard',
  async execute({ deps, userId, args }) {
    const code = args.trim();
    if (!code) return textReply(botText.linkUsage);
    return linkReply(deps, userId, code);
  },
};

export const linkSlashCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('link')
    .setDescription('Link your Discord account to kubeaula')
    .addStringOption((o) => o.setName('code').setDescription('The 8-digit code from your dashboard').setRequired(true)),
  async execute(interaction, deps) {
    const reply = await linkReply(deps, interaction.user.id, interaction.options.getString('code', true).trim());
    // Only the student needs to see it.
    await interaction.reply({ ...reply, flags: MessageFlags.Ephemeral });
  },
};
