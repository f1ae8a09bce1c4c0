// /api/v1/me: export my data, choose my language, delete my account; /api/v1/classrooms/:id/students/:userId/password.
import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { clearSessionCookie } from '../auth/cookies';
import { requireUser } from '../auth/request-auth';
import { parseWith } from '../common/zod-body';
import { AccountService } from './account.service';

const passwordBody = z.object({ password: z.string().min(1).max(200) }).strict();
const localeBody = z.object({ locale: z.enum(['es', 'en']) }).strict();

@ApiTags('account')
@Controller('api/v1')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Get('me/export')
  async export(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    const user = requireUser(req);
    res.setHeader('Content-Disposition', `attachment; filename="kubeaula-${user.username}.json"`);
    res.setHeader('Cache-Control', 'no-store');
    return this.account.export(user);
  }

  @Put('me/locale')
  @HttpCode(200)
  setLocale(@Req() req: Request, @Body() body: unknown): Promise<{ locale: 'es' | 'en' }> {
    return this.account.setLocale(requireUser(req), parseWith(localeBody, body).locale);
  }

  @Post('me/delete')
  @HttpCode(204)
  async delete(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Body() body: unknown): Promise<void> {
    await this.account.delete(requireUser(req), parseWith(passwordBody, body).password);
    clearSessionCookie(req, res);
  }

  @Post('classrooms/:id/students/:userId/password')
  @HttpCode(204)
  async resetPassword(@Req() req: Request, @Param('id') id: string, @Param('userId') userId: string, @Body() body: unknown): Promise<void> {
    await this.account.resetStudentPassword(requireUser(req), id, userId, parseWith(passwordBody, body).password);
  }
}
