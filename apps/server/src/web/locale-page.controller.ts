// The header's language switch (a form, so it works without scripts): a signed-in user's
// choice is kept in User.locale, a visitor's in a cookie; then back to the page it came from.
import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { cookieOptions } from '../auth/cookies';
import { AccountService } from '../users/account.service';
import { isLocale, LOCALE_COOKIE } from './i18n';
import { safeNext } from './page-context';

const YEAR_MS = 365 * 24 * 3600 * 1000;

@ApiExcludeController()
@Controller()
export class LocalePageController {
  constructor(private readonly account: AccountService) {}

  @Post('locale')
  async switch(@Req() req: Request, @Res() res: Response, @Body() body: { locale?: unknown; next?: unknown }): Promise<void> {
    const next = safeNext(body?.next);
    if (!isLocale(body?.locale)) return res.redirect(303, next);
    if (req.auth) await this.account.setLocale(req.auth.user, body.locale);
    res.cookie(LOCALE_COOKIE, body.locale, cookieOptions(req, YEAR_MS));
    res.redirect(303, next);
  }
}
