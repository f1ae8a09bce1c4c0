// `npm run bot:register`: registers the slash commands with Discord's REST API, for one guild
// while developing (DISCORD_GUILD_ID: visible at once) or globally (may take up to an hour).
import { REST, Routes } from 'discord.js';
import { slashCommands } from './commands';

export interface RegisterOptions {
  token: string;
  appId: string;
  guildId?: string;
  /** Discord's API base (a fake one in tests). */
  api?: string;
}

export async function registerCommands(o: RegisterOptions): Promise<{ count: number; scope: string }> {
  const rest = new REST({ version: '10', ...(o.api ? { api: o.api } : {}) }).setToken(o.token);
  const body = slashCommands.map((c) => c.data.toJSON());
  const route = o.guildId ? Routes.applicationGuildCommands(o.appId, o.guildId) : Routes.applicationCommands(o.appId);
  const saved = (await rest.put(route, { body })) as unknown[];
  return { count: saved.length, scope: o.guildId ? `guild ${o.guildId}` : 'global' };
}
