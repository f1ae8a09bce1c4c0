// The discord.js client: the intents the bot needs (MessageContent is privileged: enable it in
// the developer portal, see README), the Channel partial so that DMs arrive, and the events.
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { BotDeps } from './bot-deps';
import { onButtonPress } from './events/button-press';
import { onClientReady } from './events/client-ready';
import { onInteractionCreate } from './events/interaction-create';
import { onMessageCreate } from './events/message-create';

export const BOT_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages, GatewayIntentBits.MessageContent] as const;

export function createDiscordClient(deps: BotDeps): Client {
  const client = new Client({ intents: [...BOT_INTENTS], partials: [Partials.Channel], allowedMentions: { parse: [], repliedUser: false } });
  client.once(Events.ClientReady, (c) => onClientReady(c.user.tag));
  client.on(Events.MessageCreate, (message) => void onMessageCreate(message, deps));
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) void onInteractionCreate(interaction, deps);
    else if (interaction.isButton() || interaction.isStringSelectMenu()) void onButtonPress(interaction, deps);
  });
  // A gateway error must not end the process: discord.js reconnects by itself.
  client.on(Events.Error, (e) => console.error(`kubeaula-bot: Discord error: ${e.message}`));
  return client;
}
