// `npm run bot`: the Discord bot, or with `--console --as DISCORD_USER_ID` the same handlers on
// stdin and stdout against a running server.
import { parseArgs } from 'node:util';
import type { BotDeps } from './bot-deps';
import { BotConfigError, loadBotConfig } from './config';
import { runConsole } from './console-door';
import { createDiscordClient } from './discord-client';
import { KubeaulaClient } from './server-client';

const USAGE = `usage: npm run bot [-- --console --as DISCORD_USER_ID]

Environment: KUBEAULA_URL, KUBEAULA_BOT_TOKEN (a service token: npx kubeaula admin service-token NAME),
and for Discord DISCORD_TOKEN and DISCORD_APP_ID; KUBEAULA_PUBLIC_URL is the dashboard address shown
to unlinked users (default KUBEAULA_URL).`;

export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { console: { type: 'boolean' }, as: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    console.error(`kubeaula-bot: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.console && !/^\d{1,25}$/.test(values.as ?? '')) {
    console.error(`kubeaula-bot: --console needs --as DISCORD_USER_ID (digits)\n${USAGE}`);
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
  const deps: BotDeps = { server: new KubeaulaClient(config.serverUrl, config.botToken), dashboardUrl: config.dashboardUrl };
  if (values.console) {
    await runConsole(process.stdin, process.stdout, deps, values.as as string);
    return 0;
  }
  const client = createDiscordClient(deps);
  await client.login(config.discordToken);
  return new Promise<number>((resolve) => {
    const stop = () => {
      void client.destroy().finally(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
