// What every page's layout needs (layouts/main.hbs, partials/header.hbs): the language, the
// signed-in user, a CSRF token for the header's forms, the path to come back to, and the
// client scripts' messages. Page controllers spread it into their view model.
import type { Request, Response } from 'express';
import type { AuthUser } from '../auth/request-auth';
import type { CsrfService } from '../auth/csrf.service';
import { clientMessages, requestLocale, type Locale } from './i18n';

export interface PageContext {
  locale: Locale;
  user?: AuthUser;
  csrf: string;
  /** This page's path and query, where the language switch returns to. */
  path: string;
  /** JSON of the client scripts' messages, for <body data-i18n> (escaped as an attribute). */
  i18n: string;
}

// the dictionaries are fixed: each language's JSON is built once, not on every page
const CLIENT_I18N: Record<Locale, string> = { es: JSON.stringify(clientMessages('es')), en: JSON.stringify(clientMessages('en')) };

export function pageContext(req: Request, res: Response, csrf: CsrfService): PageContext {
  const locale = requestLocale(req);
  return {
    locale,
    user: req.auth?.user,
    csrf: csrf.token(req, res),
    path: safeNext(req.originalUrl),
    i18n: CLIENT_I18N[locale],
  };
}

/** A same-site path to return to (never another origin: `//evil` or `https://...`). */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.length > 500) return '/';
  return next;
}
