// The bot's languages: a dictionary per language, and how a Discord locale maps to one.
import { en } from './en';
import { es } from './es';
import type { BotStrings } from './strings';

export type BotLocale = 'es' | 'en';
export type { BotStrings } from './strings';

export const texts: Record<BotLocale, BotStrings> = { es, en };

/** Spanish unless the tag (kubeaula's `en`, Discord's `en-US`, `en-GB`) says English. */
export function localeOf(tag: string | null | undefined): BotLocale | undefined {
  if (!tag) return undefined;
  const lang = tag.toLowerCase().split(/[-_]/)[0];
  return lang === 'en' || lang === 'es' ? lang : undefined;
}
