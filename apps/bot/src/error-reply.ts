// Turns a failed call to the server into a friendly reply: the bot never crashes on a server
// error, and tells an unlinked user how to link.
import type { BotDeps } from './bot-deps';
import type { BotStrings } from './i18n';
import { BotReply, textReply } from './reply';
import { ServerError, ServerUnreachable } from './server-client';

export function errorReply(e: unknown, deps: BotDeps, t: BotStrings): BotReply {
  if (e instanceof ServerUnreachable) return textReply(t.serverDown);
  if (e instanceof ServerError) {
    if (e.status === 403 && /not linked/i.test(e.message)) return textReply(t.notLinked(deps.dashboardUrl));
    if (e.status === 429) return textReply(t.tooFast);
    if (e.status >= 500) return textReply(t.serverDown);
    return textReply(t.failed(e.message));
  }
  throw e;
}
