// The forms' errors in the reader's language: the failures a student meets on the account and
// classroom forms have their own words; anything else keeps the service's message.
import { AppError } from '../common/app-error';
import { t, type Locale } from './i18n';

/** An AppError as one line: its message and what was wrong with which field. */
export function formError(e: unknown): string {
  if (!(e instanceof AppError)) throw e;
  return e.details?.length ? `${e.message}: ${e.details.map((d) => `${d.path} ${d.message}`).join('; ')}` : e.message;
}

export type FormName = 'signin' | 'signup' | 'join' | 'create';

export function pageError(e: unknown, form: FormName, locale: Locale): string {
  if (!(e instanceof AppError)) throw e;
  const on = (path: string) => e.details?.some((d) => d.path === path) ?? false;
  if (form === 'signin' && (e.code === 'UNAUTHENTICATED' || e.code === 'BAD_REQUEST')) return t(locale, 'errors.wrongCredentials');
  if (form === 'signup' && e.code === 'CONFLICT') return t(locale, 'errors.usernameTaken');
  if (form === 'signup' && e.code === 'BAD_REQUEST' && on('username')) return t(locale, 'errors.badUsername');
  if (form === 'signup' && e.code === 'BAD_REQUEST' && on('password')) return t(locale, 'errors.badPassword');
  if (form === 'join' && e.code === 'NOT_FOUND') return t(locale, 'errors.badJoinCode');
  if (form === 'create' && e.code === 'FORBIDDEN') return t(locale, 'errors.notInstructor');
  return formError(e);
}
