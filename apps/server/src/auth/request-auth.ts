// Who a request acts as, resolved once per request by the auth middleware.
import type { Request } from 'express';
import { AppError } from '../common/app-error';

export type Role = 'student' | 'instructor' | 'admin';
export const ROLES: readonly Role[] = ['student', 'instructor', 'admin'];

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  locale: string;
}

export interface RequestAuth {
  user: AuthUser;
  /** How the request authenticated: the browser session cookie or a bearer token. */
  via: 'session' | 'token' | 'service';
  sessionId?: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: RequestAuth;
    /** Set when the bot's service token authenticated the request. */
    service?: { tokenId: string };
  }
}

/** The signed-in user, or a 401 in the one error shape. */
export function requireUser(req: Request): AuthUser {
  if (!req.auth) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return req.auth.user;
}

export function isInstructor(user: AuthUser): boolean {
  return user.role === 'instructor' || user.role === 'admin';
}
