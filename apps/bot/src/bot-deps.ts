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
  /**
   * The cluster of the lesson each Discord user was shown last, when it has one of its own (bare
   * hosts, a cloud): their commands go there while it is in the classroom of the message. Kept in
   * memory (after a restart, the course cluster until `!lesson` shows that lesson again); the
   * classroom itself, chosen with `!classroom`, is kept on the server.
   */
  lessonClusters?: Map<string, string>;
  /** Each user's language, looked up on the server now and then. */
  locales?: LocaleCache;
  /** Open command builders (`!build`). */
  builders?: BuilderSessions;
}
