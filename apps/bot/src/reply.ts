// Replies as Discord gets them: output in a code block within the 2,000-character limit, longer
// output as an attached text file, and never a mention (no reply pings anyone, not even the
// author). The shape is a subset of discord.js's MessageReplyOptions.
import type { APIActionRowComponent, APIComponentInMessageActionRow } from 'discord.js';
import type { BotStrings } from './i18n';

export const DISCORD_MESSAGE_LIMIT = 2000;
export const OUTPUT_FILE_NAME = 'output.txt';

export interface BotReply {
  content: string;
  files?: { attachment: Buffer; name: string }[];
  /** Rows of buttons and select menus, as Discord's API takes them. */
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: { parse: []; repliedUser: false };
}

const NO_MENTIONS = (): BotReply['allowedMentions'] => ({ parse: [], repliedUser: false });

export function textReply(content: string): BotReply {
  return { content, allowedMentions: NO_MENTIONS() };
}

/** Lines in one message; the rare overflow (many long lines) is cut with an ellipsis. */
export function linesReply(lines: readonly string[]): BotReply {
  const text = lines.join('\n');
  return textReply(text.length <= DISCORD_MESSAGE_LIMIT ? text : text.slice(0, DISCORD_MESSAGE_LIMIT - 1) + '…');
}

/** Breaks every run of three backticks with a zero-width space so output cannot close the block. */
export function escapeCodeBlock(text: string): string {
  return text.replace(/`(?=``)/g, '`\u200b');
}

export function codeBlock(text: string): string {
  const body = escapeCodeBlock(text);
  return '```\n' + body + (body.endsWith('\n') ? '' : '\n') + '```';
}

/** Command output: a code block, or a text file when the block would not fit one message. */
export function outputReply(text: string, t: BotStrings, note = ''): BotReply {
  if (text === '') return textReply(note || t.noOutput);
  const block = codeBlock(text);
  const content = note ? `${block}\n${note}` : block;
  if (content.length <= DISCORD_MESSAGE_LIMIT) return textReply(content);
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  const summary = t.outputAttached(text.length, lines, OUTPUT_FILE_NAME);
  return { ...textReply(note ? `${summary}\n${note}` : summary), files: [{ attachment: Buffer.from(text, 'utf8'), name: OUTPUT_FILE_NAME }] };
}
