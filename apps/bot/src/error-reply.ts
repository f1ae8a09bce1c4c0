// Turns a failed call to the server into a friendly reply: the bot never crashes on a server
// error, and tells an unlinked user how to link.
import { botText } from './bot-messages';
import type { BotDeps } from './bot-deps';
import { BotReply, textReply } from './reply';
import { ServerError, ServerUnreachable } from './server-client';

export function errorReply(e: unknown, deps: BotDeps): BotReply {
  if (e instanceof ServerUnreachable) return textReply(botText.serverDown);
  if (e instanceof ServerError) {
    if (e.status === 403 && /not linked/i.test(e.message)) return textReply(botText.notLinked(deps.dashboardUrl));
    if (e.status === 429) return textReply(botText.tooFast);
    if (e.status >= 500) return textReply(botText.serverDown);
    return textReply(botText.failed(e.message));
  }
  throw e;
}
