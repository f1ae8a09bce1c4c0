// Linking a Discord user to a kubeaula account: the student asks for a short code while signed
// in (valid ten minutes, stored hashed like a token), types it to the bot, and the bot, with its
// service token, submits it with the Discord user id.
import { Body, Controller, Delete, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { CLOCK, Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { parseWith } from '../common/zod-body';
import { PrismaService } from '../database/prisma.service';
import { requireUser } from './request-auth';
import { hashToken } from './tokens';

const CODE_TTL_MS = 10 * 60_000;
const linkBody = z.object({ code: z.string().regex(/^\d{8}$/), discordUserId: z.string().regex(/^\d{1,25}$/) }).strict();

@ApiTags('discord')
@Controller('api/v1')
export class DiscordLinkController {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('me/discord/link-code')
  async code(@Req() req: Request): Promise<{ code: string; expiresAt: string }> {
    const user = requireUser(req);
    if (req.auth?.via !== 'session') throw new AppError('FORBIDDEN', 'Ask for a link code from a signed-in browser session');
    const code = String(randomInt(10_000_000, 100_000_000));
    const now = this.clock.now();
    const expiresAt = new Date(now + CODE_TTL_MS);
    await this.prisma.$transaction([
      this.prisma.apiToken.deleteMany({ where: { userId: user.id, kind: 'discord-link' } }),
      this.prisma.apiToken.create({ data: { userId: user.id, kind: 'discord-link', name: 'discord link code', prefix: '', tokenHash: hashToken(`discord-link:${code}`), scopes: [], createdAt: new Date(now), expiresAt } }),
    ]);
    return { code, expiresAt: expiresAt.toISOString() };
  }

  @Delete('me/discord')
  @HttpCode(204)
  async unlink(@Req() req: Request): Promise<void> {
    await this.prisma.discordLink.deleteMany({ where: { userId: requireUser(req).id } });
  }

  /** The bot only: links the Discord user who typed the code. */
  @Post('discord/link')
  @HttpCode(200)
  async link(@Req() req: Request, @Body() body: unknown): Promise<{ username: string }> {
    if (!req.service) throw new AppError('FORBIDDEN', "Only the bot's service token links Discord users");
    const { code, discordUserId } = parseWith(linkBody, body);
    const row = await this.prisma.apiToken.findUnique({ where: { tokenHash: hashToken(`discord-link:${code}`) }, include: { user: true } });
    if (!row || row.kind !== 'discord-link' || !row.user || !row.expiresAt || row.expiresAt.getTime() <= this.clock.now()) {
      throw new AppError('NOT_FOUND', 'Unknown or expired link code');
    }
    const now = new Date(this.clock.now());
    await this.prisma.$transaction([
      this.prisma.apiToken.delete({ where: { id: row.id } }),
      this.prisma.discordLink.deleteMany({ where: { OR: [{ userId: row.user.id }, { discordUserId }] } }),
      this.prisma.discordLink.create({ data: { userId: row.user.id, discordUserId, linkedAt: now } }),
    ]);
    return { username: row.user.username };
  }
}
