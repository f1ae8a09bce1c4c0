// Runs before every route: resolves who the request acts as (bearer token, or the session
// cookie) into req.auth, gives visitors a cookie to bind their CSRF tokens to, and refuses a
// state-changing request sent with cookies unless it carries a valid CSRF token. A request with
// an Authorization header does not use cookies, so it needs no CSRF token.
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../common/app-error';
import { ApiTokenService } from './api-token.service';
import { AuthService } from './auth.service';
import { cookieOptions, readCookie, SESSION_COOKIE, VISITOR_COOKIE } from './cookies';
import { CsrfService } from './csrf.service';
import { newToken } from './tokens';

/** Routes exempt from CSRF: the test clock, which exists only under the virtual clock. */
const CSRF_EXEMPT_PREFIXES = ['/api/v1/test/'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

@Injectable()
export class AuthMiddleware implements NestMiddleware {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: ApiTokenService,
    private readonly csrf: CsrfService,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
      const user = m ? await this.tokens.resolve(m[1]) : undefined;
      if (!user) throw new AppError('UNAUTHENTICATED', 'Invalid or expired API token');
      req.auth = { user, via: 'token' };
      return next();
    }
    const token = readCookie(req, SESSION_COOKIE);
    const session = token ? await this.auth.resolveSession(token) : undefined;
    if (session) req.auth = { user: session.user, via: 'session', sessionId: session.sessionId };
    else if (!readCookie(req, VISITOR_COOKIE)) {
      const visitor = newToken(16);
      res.cookie(VISITOR_COOKIE, visitor, cookieOptions(req));
      req.cookies = { ...(req.cookies as Record<string, string>), [VISITOR_COOKIE]: visitor };
    }
    if (!SAFE_METHODS.has(req.method) && !CSRF_EXEMPT_PREFIXES.some((p) => req.originalUrl.startsWith(p)) && !this.csrf.valid(req)) {
      throw new AppError('FORBIDDEN', 'Invalid or missing CSRF token');
    }
    next();
  }
}
