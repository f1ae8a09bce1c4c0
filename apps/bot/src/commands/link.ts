// Linking: `/link code:CODE` (slash) or `!link CODE` redeems the one-time code from the dashboard.
import { MessageFlags } from 'discord.js';
import type { BotDeps } from '../bot-deps';
import { errorReply } from '../error-reply';
import type { BotStrings } from '../i18n';
import { BotReply, textReply } from '../reply';
import { ServerError } from '../server-client';
import { userStrings } from '../user-locale';
import { slashData } from './slash-data';
import type { PrefixCommand, SlashCommand } from './types';

export async function linkReply(deps: BotDeps, userId: string, code: string, t: BotStrings): Promise<BotReply> {
  if (!/^\d{8}$/.test(code)) return textReply(t.badLinkCode);
  try {
    const { username } = await deps.server.link(userId, code);
    // Now linked: speak the account's language from here on.
    deps.locales?.forget(userId);
    const now = await userStrings(deps, userId);
    return textReply(now.linked(username));
  } catch (e) {
    if (e instanceof ServerError && (e.status === 404 || e.status === 400)) return textReply(t.badLinkCode);
    return errorReply(e, deps, t);
  }
}

export const linkCommand: PrefixCommand = {
  names: ['link'],
  usage: '!link CODE',
  async execute({ deps, userId, args, t }) {
    const code = args.trim();
    if (!code) return textReply(t.linkUsage);
    return linkReply(deps, userId, code, t);
  },
};

export const linkSlashCommand: SlashCommand = {
  data: slashData('link', (b, describe) => b.addStringOption((o) => describe(o.setName('code'), 'link.code').setRequired(true))),
  async execute(interaction, deps, t) {
    const reply = await linkReply(deps, interaction.user.id, (interaction.options.getString('code', true) ?? '').trim(), t);
    // Only the student needs to see it.
    await interaction.reply({ ...reply, flags: MessageFlags.Ephemeral });
  },
};
