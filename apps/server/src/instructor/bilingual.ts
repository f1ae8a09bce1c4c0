// The instructor pages' dictionaries are `{ key: { es, en } }` tables beside each page; this picks
// one language's words from such a table.
import type { Locale } from '../grading/checks/types';

export function inLocale<K extends string>(messages: Record<K, Record<Locale, string>>, locale: Locale): Record<K, string> {
  return Object.fromEntries(Object.entries<Record<Locale, string>>(messages).map(([k, v]) => [k, v[locale]])) as Record<K, string>;
}
