// The dashboard's words in Spanish (the default) and English: one dictionary per language, a
// `t` lookup with {name} placeholders, and how a request's language is chosen.
import type { Request } from 'express';
import { en } from './en';
import { es, type MessageKey } from './es';

export type { MessageKey } from './es';
export type Locale = 'es' | 'en';
export const LOCALES: readonly Locale[] = ['es', 'en'];
export const DEFAULT_LOCALE: Locale = 'es';
/** A visitor's choice before signing in (a signed-in user's lives in User.locale). */
export const LOCALE_COOKIE = 'kubeaula_locale';

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { es, en };

export function isLocale(v: unknown): v is Locale {
  return v === 'es' || v === 'en';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(es, key);
}

/** The message for `key` with its {placeholders} filled; an unknown key is a programming error. */
export function t(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  if (!isMessageKey(key)) throw new Error(`No message ${JSON.stringify(key)} in the dictionaries`);
  return fillParams(DICTIONARIES[locale][key], params);
}

/** The client scripts' messages (keys starting with `js.`), for a page's data-i18n attribute. */
export function clientMessages(locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(DICTIONARIES[locale])) if (k.startsWith('js.')) out[k.slice(3)] = v;
  return out;
}

/** The signed-in user's language, else the visitor's cookie, else the browser's preference. */
export function requestLocale(req: Request): Locale {
  const mine = req.auth?.user.locale;
  if (isLocale(mine)) return mine;
  const cookie = (req.cookies as Record<string, unknown> | undefined)?.[LOCALE_COOKIE];
  if (isLocale(cookie)) return cookie;
  return acceptLanguage(req.headers['accept-language']);
}

/** The first of our languages in an Accept-Language header, by quality; Spanish if none. */
export function acceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q[1]) : 1, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked.map((x) => x.lang).find(isLocale) ?? DEFAULT_LOCALE;
}

/** A message with its `{name}` marks filled in from `params` (a mark without a value stays). */
export function fillParams(text: string, params: Record<string, unknown>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
