// The shapes of the bot's commands: prefix commands (`!kubectl ...`) return the reply, and slash
// commands answer their interaction. One file per command, gathered in commands/index.ts.
import type { MessageFile } from '../attachment';
import type { BotDeps } from '../bot-deps';
import type { BotLocale, BotStrings } from '../i18n';
import type { Place } from '../place';
import type { BotReply } from '../reply';

export interface CommandContext {
  deps: BotDeps;
  /** The Discord user who typed the command (their id, as X-Discord-User). */
  userId: string;
  /** Where: the server picks the classroom from it. */
  place: Place;
  /** Everything after the command's name, code blocks included. */
  args: string;
  /** Files attached to the message. */
  files: readonly MessageFile[];
  /** All prefix commands, for `!help`. */
  commands: readonly PrefixCommand[];
  /** What the bot says, in the user's language. */
  t: BotStrings;
  locale: BotLocale;
}

export interface PrefixCommand {
  /** The first is the command's name, the rest aliases (`k` for `kubectl`). */
  names: readonly string[];
  usage: string;
  execute(ctx: CommandContext): Promise<BotReply>;
}

/** The part of discord.js's ChatInputCommandInteraction a slash command uses. */
export interface SlashInteraction {
  commandName: string;
  user: { id: string };
  /** null in a DM. */
  guildId?: string | null;
  channelId?: string | null;
  /** The Discord client's language (`es-ES`, `en-US`...), for users not linked yet. */
  locale?: string;
  options: { getString(name: string, required?: boolean): string | null };
  reply(options: BotReply & { flags?: number }): Promise<unknown>;
  /** "The bot is thinking": buys 15 minutes instead of Discord's 3 seconds. */
  deferReply(options?: { flags?: number }): Promise<unknown>;
  editReply(options: BotReply): Promise<unknown>;
}

/** The part of discord.js's button or select-menu interaction a component handler uses. */
export interface ComponentPress {
  customId: string;
  user: { id: string };
  /** null in a DM. */
  guildId?: string | null;
  channelId?: string | null;
  locale?: string;
  /** A select menu's chosen values. */
  values?: string[];
  /** Replaces the message that holds the component. */
  update(options: BotReply): Promise<unknown>;
  reply(options: BotReply & { flags?: number }): Promise<unknown>;
  /** "Working on it": the message is replaced later with editReply (a slow command). */
  deferUpdate(): Promise<unknown>;
  editReply(options: BotReply): Promise<unknown>;
}

export interface ComponentContext {
  deps: BotDeps;
  /** The user who pressed (and owns the component). */
  userId: string;
  /** Where the component's message is. */
  place: Place;
  /** The custom id's arguments after prefix and owner. */
  args: string[];
  values: string[];
  t: BotStrings;
}

/** Buttons and menus whose custom id starts with `prefix:`; the answer replaces their message. */
export interface ComponentHandler {
  prefix: string;
  handle(ctx: ComponentContext): Promise<BotReply>;
}

export interface SlashCommand {
  /** The definition registered with Discord (a SlashCommandBuilder). */
  data: { name: string; toJSON(): unknown };
  execute(interaction: SlashInteraction, deps: BotDeps, t: BotStrings): Promise<void>;
}
