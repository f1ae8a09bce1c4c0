// The classroom settings page (its instructors): the Discord server, and optionally channels,
// the bot serves this classroom in. A plain form (no scripts needed), CSRF-checked as every form.
import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CsrfService } from '../auth/csrf.service';
import { CHANNELS_NEED_GUILD, MAX_CHANNELS } from '../classrooms/classroom-discord.schemas';
import { ClassroomDiscordService } from '../classrooms/classroom-discord.service';
import { AppError } from '../common/app-error';
import { instructorNav } from '../instructor/instructor-nav';
import { t, type Locale } from './i18n';
import { pageContext } from './page-context';

interface DiscordForm {
  guildId: string;
  channelIds: string;
}

@ApiExcludeController()
@Controller('classrooms/:classroomId/settings')
export class ClassroomSettingsController {
  constructor(
    private readonly discord: ClassroomDiscordService,
    private readonly csrf: CsrfService,
  ) {}

  @Get()
  async page(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Query('saved') saved: unknown): Promise<void> {
    if (!req.auth) return res.redirect('/signin');
    const user = req.auth.user;
    await this.orError(req, res, async () => {
      const now = await this.discord.forPage(user, classroomId);
      this.render(req, res, now, { guildId: now.guildId ?? '', channelIds: now.channelIds.join('\n') }, saved === '1');
    });
  }

  @Post('discord')
  async save(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Body() body: Record<string, unknown>): Promise<void> {
    if (!req.auth) return res.redirect(303, '/signin');
    const user = req.auth.user;
    const form: DiscordForm = { guildId: text(body?.guildId).trim(), channelIds: text(body?.channelIds) };
    // Channels one per line, or separated by spaces or commas, as pasted.
    const channelIds = form.channelIds.split(/[\s,]+/).filter(Boolean);
    await this.orError(req, res, async () => {
      try {
        await this.discord.set(user, classroomId, { guildId: form.guildId || null, channelIds });
        res.redirect(303, `/classrooms/${encodeURIComponent(classroomId)}/settings?saved=1`);
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'BAD_REQUEST') throw e;
        const now = await this.discord.forPage(user, classroomId);
        this.render(req, res, now, form, false, formProblem(e, pageContext(req, res, this.csrf).locale), 400);
      }
    });
  }

  private render(req: Request, res: Response, room: { id: string; name: string }, form: DiscordForm, saved: boolean, error?: string, status = 200): void {
    const ctx = pageContext(req, res, this.csrf);
    res.status(status).render('classroom-settings', { ...ctx, title: `${t(ctx.locale, 'settings.title', { classroom: room.name })} · kubeaula`, classroom: room, nav: instructorNav(room.id, 'settings', ctx.locale), styles: ['/css/instructor.css'], ...form, saved, error });
  }

  /** Not an instructor of it, or no such classroom: the error page, in the reader's language. */
  private async orError(req: Request, res: Response, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const ctx = pageContext(req, res, this.csrf);
      const message = e.code === 'FORBIDDEN' ? t(ctx.locale, 'settings.forbidden') : e.message;
      res.status(e.status).render('error', { ...ctx, title: `${e.status} · kubeaula`, status: e.status, message });
    }
  }
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.slice(0, 2000) : '';
}

/** The validation failure in the instructor's words. */
function formProblem(e: AppError, locale: Locale): string {
  const paths = (e.details ?? []).map((d) => d.path);
  if (paths.some((p) => p === 'guildId' || /^channelIds\.\d+$/.test(p))) return t(locale, 'settings.badId');
  if ((e.details ?? []).some((d) => d.message === CHANNELS_NEED_GUILD)) return t(locale, 'settings.channelsNeedGuild');
  if (paths.includes('channelIds')) return t(locale, 'settings.tooManyChannels', { max: MAX_CHANNELS });
  return e.message;
}
