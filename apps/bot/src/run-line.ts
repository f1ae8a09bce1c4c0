// Runs one shell line on the Discord user's cluster through the REST exec and shows what the web
// terminal would: stdout then stderr, as the shell printed them.
import type { BotDeps } from './bot-deps';
import type { BotStrings } from './i18n';
import { errorReply } from './error-reply';
import { pickCluster } from './pick-cluster';
import type { Place } from './place';
import { BotReply, outputReply } from './reply';

/** `note` (the builder's "Ran: ...") goes under the output. */
export async function runLine(deps: BotDeps, discordUser: string, place: Place, line: string, t: BotStrings, note = ''): Promise<BotReply> {
  try {
    const picked = await pickCluster(deps, discordUser, place, t);
    if ('reply' in picked) return picked.reply;
    const r = await deps.server.exec(discordUser, picked.clusterId, line);
    return outputReply(r.stdout + r.stderr, t, [r.capped ? t.capped : '', note].filter(Boolean).join('\n'));
  } catch (e) {
    return errorReply(e, deps, t);
  }
}
