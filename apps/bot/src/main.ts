// `npm run bot`: the Discord bot, or with `--console --as DISCORD_USER_ID` the same handlers on
// stdin and stdout against a running server.
import { parseArgs } from 'node:util';
import type { BotDeps } from './bot-deps';
import { BotConfigError, loadBotConfig } from './config';
import { runConsole } from './console-door';
import { createDiscordClient } from './discord-client';
import { registerCommands } from './register-commands';
import { dmDelivery } from './notifications/deliver';
import { placeOf } from './place';
import { PushChannel } from './notifications/push-channel';
import { KubeaulaClient } from './server-client';
import { UserRateLimit } from './user-rate-limit';

const USAGE = `usage: npm run bot [-- --console --as DISCORD_USER_ID [--guild GUILD_ID [--channel CHANNEL_ID]]]
       npm run bot:register    (slash commands: DISCORD_TOKEN, DISCORD_APP_ID, optional DISCORD_GUILD_ID)

Environment: KUBEAULA_URL, KUBEAULA_BOT_TOKEN (a service token: npx kubeaula admin service-token NAME),
and for Discord DISCORD_TOKEN and DISCORD_APP_ID; KUBEAULA_PUBLIC_URL is the dashboard address shown
to unlinked users (default KUBEAULA_URL).`;

export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { console: { type: 'boolean' }, as: { type: 'string' }, guild: { type: 'string' }, channel: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    console.error(`kubeaula-bot: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals[0] === 'register') return register(env);
  if (positionals.length) {
    console.error(`kubeaula-bot: unknown command "${positionals[0]}"\n${USAGE}`);
    return 2;
  }
  if (values.console && !/^\d{1,25}$/.test(values.as ?? '')) {
    console.error(`kubeaula-bot: --console needs --as DISCORD_USER_ID (digits)\n${USAGE}`);
    return 2;
  }
  // The console acts as a DM, or as a channel of a server (to try servers attached to classrooms).
  const badPlace = (['guild', 'channel'] as const).find((k) => values[k] !== undefined && (!values.console || !/^\d{1,25}$/.test(values[k] ?? '')));
  if (badPlace || (values.channel !== undefined && values.guild === undefined)) {
    console.error(`kubeaula-bot: --guild and --channel go with --console, as Discord ids (digits), --channel with --guild\n${USAGE}`);
    return 2;
  }
  let config;
  try {
    config = loadBotConfig(env, { needDiscord: !values.console });
  } catch (e) {
    if (e instanceof BotConfigError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
  const deps: BotDeps = { server: new KubeaulaClient(config.serverUrl, config.botToken), dashboardUrl: config.dashboardUrl, rateLimit: new UserRateLimit(config.commandsPerMinute, 60_000) };
  if (values.console) {
    await runConsole(process.stdin, process.stdout, deps, values.as as string, placeOf({ guildId: values.guild, channelId: values.channel }));
    return 0;
  }
  // The bot never crashes on a stray rejection (a Discord hiccup mid-reply): log it and go on.
  process.on('unhandledRejection', (e) => console.error(`kubeaula-bot: unhandled rejection: ${e instanceof Error ? e.stack : String(e)}`));
  const client = createDiscordClient(deps);
  await client.login(config.discordToken);
  // Notifications pushed by the server go to the students' DMs.
  const push = new PushChannel({ serverUrl: config.serverUrl, token: config.botToken, deliver: dmDelivery(client) });
  push.start();
  return new Promise<number>((resolve) => {
    const stop = () => {
      push.stop();
      void client.destroy().finally(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

async function register(env: Record<string, string | undefined>): Promise<number> {
  if (!env.DISCORD_TOKEN || !env.DISCORD_APP_ID) {
    console.error('kubeaula-bot: bad configuration:\n  - DISCORD_TOKEN and DISCORD_APP_ID are needed to register the slash commands');
    return 2;
  }
  const r = await registerCommands({ token: env.DISCORD_TOKEN, appId: env.DISCORD_APP_ID, guildId: env.DISCORD_GUILD_ID || undefined, api: env.DISCORD_API_URL || undefined });
  console.log(`kubeaula-bot: registered ${r.count} slash commands (${r.scope})`);
  return 0;
}
