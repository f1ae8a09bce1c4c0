// /api/v1/auth: register, sign in and out, who am I, a CSRF token, personal API tokens.
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AppError } from '../common/app-error';
import { parseWith } from '../common/zod-body';
import { ApiTokenService, CreatedToken } from './api-token.service';
import { credentialsBody, registerBody, tokenBody } from './auth.schemas';
import { AuthService } from './auth.service';
import { clearSessionCookie, readCookie, SESSION_COOKIE, setSessionCookie } from './cookies';
import { CsrfService } from './csrf.service';
import { AuthUser, requireUser } from './request-auth';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly csrf: CsrfService,
    private readonly tokens: ApiTokenService,
  ) {}

  @Get('csrf')
  token(@Req() req: Request, @Res({ passthrough: true }) res: Response): { token: string } {
    return { token: this.csrf.token(req, res) };
  }

  @Post('register')
  @UseGuards(ThrottlerGuard)
  async register(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Body() body: unknown): Promise<{ user: AuthUser }> {
    const input = parseWith(registerBody, body);
    const user = await this.auth.register(input);
    const s = await this.auth.startSession(user, readCookie(req, SESSION_COOKIE), req.headers['user-agent']);
    setSessionCookie(req, res, s.token, this.auth.idleMs);
    return { user };
  }

  @Post('signin')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  async signIn(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Body() body: unknown): Promise<{ user: AuthUser }> {
    const { username, password } = parseWith(credentialsBody, body);
    const user = await this.auth.verifyCredentials(username, password);
    const s = await this.auth.startSession(user, readCookie(req, SESSION_COOKIE), req.headers['user-agent']);
    setSessionCookie(req, res, s.token, this.auth.idleMs);
    return { user };
  }

  @Post('signout')
  @HttpCode(204)
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = readCookie(req, SESSION_COOKIE);
    if (token) await this.auth.endSession(token);
    clearSessionCookie(req, res);
  }

  @Get('me')
  me(@Req() req: Request): { user: AuthUser } {
    return { user: requireUser(req) };
  }

  @Post('tokens')
  async createToken(@Req() req: Request, @Body() body: unknown): Promise<CreatedToken> {
    const user = requireUser(req);
    if (req.auth?.via !== 'session') throw new AppError('FORBIDDEN', 'API tokens are created from a signed-in browser session');
    return this.tokens.create(user.id, parseWith(tokenBody, body).name);
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  async revokeToken(@Req() req: Request, @Param('id') id: string): Promise<void> {
    const user = requireUser(req);
    if (!(await this.tokens.revoke(user.id, id))) throw new AppError('NOT_FOUND', 'No such token');
  }
}
