// Runs one shell line on the Discord user's cluster through the REST exec and shows what the web
// terminal would: stdout then stderr, as the shell printed them.
import type { BotDeps } from './bot-deps';
import type { BotStrings } from './i18n';
import { errorReply } from './error-reply';
import { pickCluster } from './pick-cluster';
import { BotReply, outputReply, textReply } from './reply';

/** `note` (the builder's "Ran: ...") goes under the output. */
export async function runLine(deps: BotDeps, discordUser: string, line: string, t: BotStrings, note = ''): Promise<BotReply> {
  try {
    const cluster = await pickCluster(deps, discordUser);
    if (!cluster) return textReply(t.noCluster);
    const r = await deps.server.exec(discordUser, cluster.id, line);
    return outputReply(r.stdout + r.stderr, t, [r.capped ? t.capped : '', note].filter(Boolean).join('\n'));
  } catch (e) {
    return errorReply(e, deps, t);
  }
}
