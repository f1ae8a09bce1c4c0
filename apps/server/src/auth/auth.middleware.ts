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
import { RateLimiter } from '../clusters/rate-limiter';

/** Routes exempt from CSRF: the test clock, which exists only under the virtual clock. */
const CSRF_EXEMPT_PREFIXES = ['/api/v1/test/'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The Discord user the bot acts for. */
export const DISCORD_USER_HEADER = 'x-discord-user';
/** Requests per minute of one service token (the whole bot). */
export const SERVICE_RATE_PER_MINUTE = 6000;

@Injectable()
export class AuthMiddleware implements NestMiddleware {
  private readonly serviceRate = new RateLimiter(SERVICE_RATE_PER_MINUTE);

  constructor(
    private readonly auth: AuthService,
    private readonly tokens: ApiTokenService,
    private readonly csrf: CsrfService,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
      const who = m ? await this.tokens.resolveBearer(m[1]) : undefined;
      if (!who) throw new AppError('UNAUTHENTICATED', 'Invalid or expired API token');
      if (who.kind === 'personal') {
        req.auth = { user: who.user, via: 'token' };
        return next();
      }
      // The bot: its own rate limit, and it acts only for a linked Discord user it names.
      if (!this.serviceRate.take(who.tokenId)) throw new AppError('TOO_MANY_REQUESTS', 'The service token is over its rate limit');
      req.service = { tokenId: who.tokenId };
      const discordUser = req.headers[DISCORD_USER_HEADER];
      if (discordUser !== undefined) {
        if (typeof discordUser !== 'string' || !/^\d{1,25}$/.test(discordUser)) throw new AppError('BAD_REQUEST', `Invalid ${DISCORD_USER_HEADER} header`);
        const user = await this.tokens.linkedUser(discordUser);
        if (!user) throw new AppError('FORBIDDEN', 'This Discord user is not linked to a kubeaula account');
        req.auth = { user, via: 'service' };
      }
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
