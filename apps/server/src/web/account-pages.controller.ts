// Sign-up, sign-in and sign-out pages (forms with a CSRF field; throttled like the API).
import { Body, Controller, Get, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { credentialsBody, registerBody } from '../auth/auth.schemas';
import { AuthService } from '../auth/auth.service';
import { clearSessionCookie, readCookie, SESSION_COOKIE, setSessionCookie } from '../auth/cookies';
import { CsrfService } from '../auth/csrf.service';
import type { AuthUser } from '../auth/request-auth';
import { AppError } from '../common/app-error';
import { parseWith } from '../common/zod-body';
import { requestLocale, t } from './i18n';
import { pageError } from './page-errors';
import { pageContext } from './page-context';

@ApiExcludeController()
@Controller()
export class AccountPagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly csrf: CsrfService,
  ) {}

  @Get('signin')
  signInPage(@Req() req: Request, @Res() res: Response): void {
    if (req.auth) return res.redirect('/classrooms');
    this.page(req, res, 'signin');
  }

  @Get('signup')
  signUpPage(@Req() req: Request, @Res() res: Response): void {
    if (req.auth) return res.redirect('/classrooms');
    this.page(req, res, 'signup');
  }

  @Post('signin')
  @UseGuards(ThrottlerGuard)
  async signIn(@Req() req: Request, @Res() res: Response, @Body() body: unknown): Promise<void> {
    try {
      const { username, password } = parseWith(credentialsBody, body);
      await this.start(req, res, await this.auth.verifyCredentials(username, password));
    } catch (e) {
      this.page(req, res, 'signin', { error: pageError(e, 'signin', requestLocale(req)), username: (body as { username?: string })?.username }, e instanceof AppError ? e.status : 500);
    }
  }

  @Post('signup')
  @UseGuards(ThrottlerGuard)
  async signUp(@Req() req: Request, @Res() res: Response, @Body() body: unknown): Promise<void> {
    try {
      const input = parseWith(registerBody, stripCsrf(body));
      await this.start(req, res, await this.auth.register(input));
    } catch (e) {
      const b = (body ?? {}) as { username?: string; displayName?: string };
      this.page(req, res, 'signup', { error: pageError(e, 'signup', requestLocale(req)), username: b.username, displayName: b.displayName }, e instanceof AppError ? e.status : 500);
    }
  }

  @Post('signout')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    const token = readCookie(req, SESSION_COOKIE);
    if (token) await this.auth.endSession(token);
    clearSessionCookie(req, res);
    res.redirect(303, '/signin');
  }

  private page(req: Request, res: Response, view: 'signin' | 'signup', model: Record<string, unknown> = {}, status = 200): void {
    const ctx = pageContext(req, res, this.csrf);
    res.status(status).render(view, { ...ctx, title: `${t(ctx.locale, `${view}.title`)} · kubeaula`, ...model });
  }

  private async start(req: Request, res: Response, user: AuthUser): Promise<void> {
    const s = await this.auth.startSession(user, readCookie(req, SESSION_COOKIE), req.headers['user-agent']);
    setSessionCookie(req, res, s.token, this.auth.idleMs);
    res.redirect(303, '/classrooms');
  }
}

export function stripCsrf(body: unknown): unknown {
  if (!body || typeof body !== 'object') return body;
  const { _csrf: _ignored, ...rest } = body as Record<string, unknown>;
  if (rest.displayName === '') delete rest.displayName;
  return rest;
}
