// CSRF protection (csrf-csrf's double-submit cookie, the token an HMAC bound to the session
// cookie, or to the visitor cookie before sign-in). Forms send it in the `_csrf` field, API
// clients in the X-CSRF-Token header; a page embeds it, an API client gets it from
// GET /api/v1/auth/csrf.
import { Inject, Injectable } from '@nestjs/common';
import { doubleCsrf, DoubleCsrfUtilities } from 'csrf-csrf';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, readCookie, SESSION_COOKIE, VISITOR_COOKIE } from './cookies';
import { serverSecret } from './secret';

@Injectable()
export class CsrfService {
  private readonly utils: DoubleCsrfUtilities;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const secret = serverSecret(config);
    this.utils = doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: (req) => readCookie(req, SESSION_COOKIE) ?? readCookie(req, VISITOR_COOKIE) ?? '',
      cookieName: CSRF_COOKIE,
      cookieOptions: { sameSite: 'lax', path: '/', httpOnly: true, secure: false },
      getCsrfTokenFromRequest: (req) => {
        const h = req.headers[CSRF_HEADER];
        if (typeof h === 'string') return h;
        const body = req.body as Record<string, unknown> | undefined;
        const field = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
        return typeof field === 'string' ? field : undefined;
      },
    });
  }

  /** A token for a form or an API client (sets the CSRF cookie when it must). */
  token(req: Request, res: Response): string {
    return this.utils.generateCsrfToken(req, res, { cookieOptions: { secure: req.secure } });
  }

  valid(req: Request): boolean {
    return this.utils.validateRequest(req);
  }
}
