// What the bot, with its service token, may ask about the linked Discord user it names in
// X-Discord-User: who they are and their language (the bot speaks it), and whether they want
// notifications in their DMs.
import { Body, Controller, Get, HttpCode, Param, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { ApiTokenService } from '../auth/api-token.service';
import { AuthUser, isInstructor } from '../auth/request-auth';
import { AppError } from '../common/app-error';
import { parseWith } from '../common/zod-body';
import { PrismaService } from '../database/prisma.service';
import { NotificationHub } from '../notifications/notification-hub';
import { NotifyPreferences } from '../notifications/notify-preferences';
import { linkedUser } from './linked-user';

const notifyBody = z.object({ on: z.boolean() }).strict();

export interface BotMe {
  username: string;
  displayName: string;
  role: AuthUser['role'];
  locale: 'es' | 'en';
  notify: boolean;
}

@ApiTags('discord')
@Controller('api/v1/bot/me')
export class BotMeController {
  constructor(
    private readonly prefs: NotifyPreferences,
    private readonly hub: NotificationHub,
    private readonly tokens: ApiTokenService,
    private readonly prisma: PrismaService,
  ) {}

  @Get()
  async me(@Req() req: Request): Promise<BotMe> {
    const user = linkedUser(req);
    return { username: user.username, displayName: user.displayName, role: user.role, locale: user.locale === 'en' ? 'en' : 'es', notify: await this.prefs.isOn(user.id) };
  }

  /**
   * Instructors only: the kubeaula username behind a Discord user (for `!progress @student`), and
   * only for a student of one of their classrooms: anyone else is "not linked" to them.
   */
  @Get('linked/:discordUserId')
  async linked(@Req() req: Request, @Param('discordUserId') discordUserId: string): Promise<{ username: string }> {
    const me = linkedUser(req);
    if (!isInstructor(me)) throw new AppError('FORBIDDEN', 'Only instructors look up other students');
    if (!/^\d{1,25}$/.test(discordUserId)) throw new AppError('BAD_REQUEST', 'A Discord user id is digits');
    const other = await this.tokens.linkedUser(discordUserId);
    const taught = other && (await this.prisma.membership.count({ where: { userId: other.id, role: 'student', classroom: { memberships: { some: { userId: me.id, role: 'instructor' } } } } }));
    if (!other || !taught) throw new AppError('NOT_FOUND', 'This Discord user is not linked to a kubeaula account');
    return { username: other.username };
  }

  @Put('notify')
  @HttpCode(200)
  async notify(@Req() req: Request, @Body() body: unknown): Promise<{ notify: boolean }> {
    const user = linkedUser(req);
    const { on } = parseWith(notifyBody, body);
    await this.prefs.set(user.id, on);
    await this.hub.changed(user.id, on);
    return { notify: on };
  }
}
