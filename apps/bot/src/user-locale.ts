// The language the bot speaks to a Discord user: their kubeaula account's (User.locale, from
// GET /api/v1/bot/me), else the hint from Discord (an interaction's locale, a guild's preferred
// locale), else Spanish. Accounts are looked up at most once a minute per user.
import type { BotDeps } from './bot-deps';
import { BotLocale, BotStrings, localeOf, texts } from './i18n';
import { ServerError } from './server-client';

const TTL_MS = 60_000;

export class LocaleCache {
  private readonly known = new Map<string, { locale: BotLocale | undefined; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(userId: string): { locale: BotLocale | undefined } | undefined {
    const hit = this.known.get(userId);
    return hit && this.now() - hit.at < TTL_MS ? hit : undefined;
  }

  forget(userId: string): void {
    this.known.delete(userId);
  }

  set(userId: string, locale: BotLocale | undefined): void {
    this.known.set(userId, { locale, at: this.now() });
    if (this.known.size > 10_000) this.known.delete(this.known.keys().next().value as string);
  }
}

export async function userLocale(deps: BotDeps, userId: string, hint?: string | null): Promise<BotLocale> {
  deps.locales ??= new LocaleCache();
  let hit = deps.locales.get(userId);
  if (!hit) {
    let locale: BotLocale | undefined;
    try {
      locale = (await deps.server.me(userId)).locale;
    } catch (e) {
      // Unlinked (remembered for a minute, as an account's language is: `/link` forgets it), or
      // the server is down (not remembered): the command itself will say so, in the hinted language.
      if (e instanceof ServerError) deps.locales.set(userId, undefined);
      return localeOf(hint) ?? 'es';
    }
    deps.locales.set(userId, locale);
    hit = { locale };
  }
  return hit.locale ?? localeOf(hint) ?? 'es';
}

export async function userStrings(deps: BotDeps, userId: string, hint?: string | null): Promise<BotStrings> {
  return texts[await userLocale(deps, userId, hint)];
}
