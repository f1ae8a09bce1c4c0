// Handlebars helpers of the dashboard's views. Every one returns plain text, which Handlebars
// escapes where `{{ }}` prints it: `{{t "key" name=value}}`, `{{time date}}`, `{{eq a b}}`.
import type { HelperOptions } from 'handlebars';
import { DEFAULT_LOCALE, isLocale, t, type Locale } from './index';

interface Root {
  locale?: unknown;
  timeZone?: unknown;
}

function rootOf(options: HelperOptions): Root {
  return ((options.data as { root?: Root } | undefined)?.root ?? {}) as Root;
}

function localeOf(options: HelperOptions): Locale {
  const l = rootOf(options).locale;
  return isLocale(l) ? l : DEFAULT_LOCALE;
}

/** A date and time in `timeZone` (an IANA name; UTC when unknown), in the page's language. */
export function formatTime(value: Date | string | number, locale: Locale, timeZone: string | undefined): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(locale, { ...opts, timeZone: timeZone || 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { ...opts, timeZone: 'UTC' }).format(date);
  }
}

/** Also in public/js/picture.js. */
export const PHASE_ICONS: Record<string, string> = { Running: '▶', Pending: '…', Succeeded: '✓', Failed: '✕', Unknown: '?' };

export const viewHelpers = {
  t(key: unknown, options: HelperOptions): string {
    return t(localeOf(options), String(key), options.hash as Record<string, unknown>);
  },
  time(value: unknown, options: HelperOptions): string {
    if (!(value instanceof Date) && typeof value !== 'string' && typeof value !== 'number') return '';
    const zone = rootOf(options).timeZone;
    return formatTime(value, localeOf(options), typeof zone === 'string' ? zone : undefined);
  },
  eq(a: unknown, b: unknown): boolean {
    return a === b;
  },
  add(a: unknown, b: unknown): number {
    return Number(a) + Number(b);
  },
  join(list: unknown, sep: unknown): string {
    return Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : ', ') : '';
  },
  /** The symbol beside a pod's phase (the phase is also written out and coloured). */
  phaseIcon(phase: unknown): string {
    return PHASE_ICONS[String(phase)] ?? '?';
  },
  percent(x: unknown): number {
    return Math.round(Number(x) * 100);
  },
};
