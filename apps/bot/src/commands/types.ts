// The shapes of the bot's commands: prefix commands (`!kubectl ...`) return the reply, and slash
// commands answer their interaction. One file per command, gathered in commands/index.ts.
import type { MessageFile } from '../attachment';
import type { BotDeps } from '../bot-deps';
import type { BotReply } from '../reply';

export interface CommandContext {
  deps: BotDeps;
  /** The Discord user who typed the command (their id, as X-Discord-User). */
  userId: string;
  /** Everything after the command's name, code blocks included. */
  args: string;
  /** Files attached to the message. */
  files: readonly MessageFile[];
  /** All prefix commands, for `!help`. */
  commands: readonly PrefixCommand[];
}

export interface PrefixCommand {
  /** The first is the command's name, the rest aliases (`k` for `kubectl`). */
  names: readonly string[];
  usage: string;
  description: string;
  execute(ctx: CommandContext): Promise<BotReply>;
}

/** The part of discord.js's ChatInputCommandInteraction a slash command uses. */
export interface SlashInteraction {
  commandName: string;
  user: { id: string };
  options: { getString(name: string, required: true): string };
  reply(options: BotReply & { flags?: number }): Promise<unknown>;
  /** "The bot is thinking": buys 15 minutes instead of Discord's 3 seconds. */
  deferReply(options?: { flags?: number }): Promise<unknown>;
  editReply(options: BotReply): Promise<unknown>;
}

export interface SlashCommand {
  /** The definition registered with Discord (a SlashCommandBuilder). */
  data: { name: string; toJSON(): unknown };
  execute(interaction: SlashInteraction, deps: BotDeps): Promise<void>;
}
