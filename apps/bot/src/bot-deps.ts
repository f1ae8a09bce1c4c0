// What every command handler uses: the server client and the dashboard's address.
import type { KubeaulaClient } from './server-client';
import type { BuilderSessions } from './builder/builder-sessions';
import type { LocaleCache } from './user-locale';
import type { UserRateLimit } from './user-rate-limit';

export interface BotDeps {
  server: KubeaulaClient;
  dashboardUrl: string;
  /** Commands per user; none means unlimited (the server still limits). */
  rateLimit?: UserRateLimit;
  /** The cluster each Discord user chose with `!classroom` (kept in memory: lost on restart). */
  chosen?: Map<string, string>;
  /** The classroom each instructor last looked at with `!class N`: `!drill` acts there. */
  teaching?: Map<string, string>;
  /** Each user's language, looked up on the server now and then. */
  locales?: LocaleCache;
  /** Open command builders (`!build`). */
  builders?: BuilderSessions;
}
