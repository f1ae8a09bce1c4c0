// Runs one shell line on the Discord user's cluster through the REST exec and shows what the web
// terminal would: stdout then stderr, as the shell printed them.
import { botText } from './bot-messages';
import type { BotDeps } from './bot-deps';
import { errorReply } from './error-reply';
import { pickCluster } from './pick-cluster';
import { BotReply, outputReply, textReply } from './reply';

export async function runLine(deps: BotDeps, discordUser: string, line: string): Promise<BotReply> {
  try {
    const cluster = await pickCluster(deps, discordUser);
    if (!cluster) return textReply(botText.noCluster);
    const r = await deps.server.exec(discordUser, cluster.id, line);
    return outputReply(r.stdout + r.stderr, r.capped ? botText.capped : '');
  } catch (e) {
    return errorReply(e, deps);
  }
}
