// messageCreate: a prefix command in a guild channel or a DM gets its reply. A failure to send
// (Discord down, missing permission) is logged, never thrown: the bot does not crash.
import type { MessageFile } from '../attachment';
import type { BotDeps } from '../bot-deps';
import { replyFor } from '../handle-message';
import { placeOf } from '../place';
import type { BotReply } from '../reply';

/** The part of discord.js's Message the bot uses (a real Message satisfies it). */
export interface ChatMessage {
  content: string;
  author: { id: string; bot: boolean };
  /** In a guild channel: the guild's preferred locale, the language for users not linked yet. */
  guild?: { preferredLocale?: string } | null;
  /** The guild of a guild channel; null in a DM (discord.js's Message.guildId). */
  guildId?: string | null;
  channelId?: string;
  /** discord.js's Collection of attachments (a Map by id). */
  attachments?: ReadonlyMap<string, MessageFile>;
  reply(options: BotReply): Promise<unknown>;
}

export async function onMessageCreate(message: ChatMessage, deps: BotDeps, log: (line: string) => void = console.error): Promise<void> {
  if (message.author.bot) return;
  let reply: BotReply | null;
  try {
    reply = await replyFor(message.content, message.author.id, deps, message.attachments ? [...message.attachments.values()] : [], message.guild?.preferredLocale, placeOf(message));
  } catch (e) {
    log(`kubeaula-bot: handling a message failed: ${e instanceof Error ? e.stack : String(e)}`);
    return;
  }
  if (!reply) return;
  try {
    await message.reply(reply);
  } catch (e) {
    log(`kubeaula-bot: sending a reply failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
