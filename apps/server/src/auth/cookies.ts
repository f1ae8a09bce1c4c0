// The cookies kubeaula sets. The session cookie is HttpOnly and SameSite=Lax, and Secure whenever
// the request came over HTTPS (directly or through a proxy on this machine: trust proxy).
import type { CookieOptions, Request, Response } from 'express';

export const SESSION_COOKIE = 'kubeaula_session';
/** A random id for visitors not signed in, so their forms' CSRF tokens are bound to something. */
export const VISITOR_COOKIE = 'kubeaula_visitor';
export const CSRF_COOKIE = 'kubeaula_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';

export function cookieOptions(req: Request, maxAgeMs?: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', ...(maxAgeMs === undefined ? {} : { maxAge: maxAgeMs }) };
}

export function readCookie(req: Request, name: string): string | undefined {
  const v = (req.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined;
}

export function setSessionCookie(req: Request, res: Response, token: string, idleMs: number): void {
  res.cookie(SESSION_COOKIE, token, cookieOptions(req, idleMs));
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req));
}
