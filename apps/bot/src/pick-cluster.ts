// Which of the user's clusters a command runs on: the one chosen with `!classroom`, else the first
// (the only one, for a student in one classroom).
import type { BotDeps } from './bot-deps';
import type { ClusterSummary } from './server-client';

export async function pickCluster(deps: BotDeps, userId: string): Promise<ClusterSummary | undefined> {
  const clusters = await deps.server.clusters(userId);
  const chosen = deps.chosen?.get(userId);
  return clusters.find((c) => c.id === chosen) ?? clusters[0];
}
