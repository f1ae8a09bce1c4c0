// A chat message in, the reply out (or null when the message is not for the bot). Shared by the
// Discord event and the console door, so both give exactly the same replies.
import type { MessageFile } from './attachment';
import type { BotDeps } from './bot-deps';
import { prefixByName, prefixCommands } from './commands';
import { texts } from './i18n';
import { DIRECT, type Place } from './place';
import { textReply, type BotReply } from './reply';
import { userLocale } from './user-locale';

export const PREFIX = '!';

export async function replyFor(text: string, userId: string, deps: BotDeps, files: readonly MessageFile[] = [], localeHint?: string | null, place: Place = DIRECT): Promise<BotReply | null> {
  if (!text.startsWith(PREFIX)) return null;
  const m = /^(\S+)([\s\S]*)$/.exec(text.slice(PREFIX.length));
  if (!m) return null;
  // Unknown `!words` may belong to another bot in the same server: stay quiet.
  const command = prefixByName.get(m[1].toLowerCase());
  if (!command) return null;
  const locale = await userLocale(deps, userId, localeHint);
  const t = texts[locale];
  if (deps.rateLimit && !deps.rateLimit.take(userId)) return textReply(t.tooFast);
  return command.execute({ deps, userId, place, args: m[2], files, commands: prefixCommands, t, locale });
}
