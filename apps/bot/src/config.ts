// The bot's configuration, read once at start-up from the environment, with every bad variable
// listed at once.
export interface BotConfig {
  /** Discord's bot token; absent in console mode. */
  discordToken?: string;
  discordAppId?: string;
  /** The kubeaula server the bot talks to (REST under /api/v1). */
  serverUrl: string;
  /** The service token from `kubeaula admin service-token NAME`. */
  botToken: string;
  /** The address students open to reach the dashboard (defaults to serverUrl). */
  dashboardUrl: string;
  /** Commands one Discord user may send per minute (BOT_COMMANDS_PER_MINUTE, default 20). */
  commandsPerMinute: number;
}

export class BotConfigError extends Error {}

export function loadBotConfig(env: Record<string, string | undefined>, opts: { needDiscord: boolean }): BotConfig {
  const problems: string[] = [];
  const serverUrl = (env.KUBEAULA_URL ?? '').replace(/\/+$/, '');
  if (!/^https?:\/\/\S+$/.test(serverUrl)) problems.push('KUBEAULA_URL: the server address, like http://localhost:3000');
  const botToken = env.KUBEAULA_BOT_TOKEN ?? '';
  if (!botToken) problems.push('KUBEAULA_BOT_TOKEN: a service token from `npx kubeaula admin service-token NAME`');
  const perMinute = Number(env.BOT_COMMANDS_PER_MINUTE ?? '20');
  if (!Number.isInteger(perMinute) || perMinute < 1) problems.push('BOT_COMMANDS_PER_MINUTE: a whole number of commands per minute, at least 1');
  if (opts.needDiscord) {
    if (!env.DISCORD_TOKEN) problems.push('DISCORD_TOKEN: the bot token from the Discord developer portal (or run with --console --as DISCORD_USER_ID)');
    if (!env.DISCORD_APP_ID) problems.push('DISCORD_APP_ID: the application id from the Discord developer portal');
  }
  if (problems.length) throw new BotConfigError(`kubeaula-bot: bad configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return {
    discordToken: env.DISCORD_TOKEN || undefined,
    discordAppId: env.DISCORD_APP_ID || undefined,
    serverUrl,
    botToken,
    dashboardUrl: (env.KUBEAULA_PUBLIC_URL || serverUrl).replace(/\/+$/, ''),
    commandsPerMinute: perMinute,
  };
}
