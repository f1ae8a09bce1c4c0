// A lesson step's markdown source, for the bot: Discord shows markdown itself (the course API
// gives the dashboard sanitized HTML). Course material, the same for every student: any linked
// user may read it; the lesson and step must exist.
import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { requireUser } from '../auth/request-auth';
import { AppError } from '../common/app-error';
import { parseWith } from '../common/zod-body';
import { LessonLibrary } from '../course/lesson-library';

const textQuery = z.object({ lang: z.enum(['es', 'en']).optional() }).strict();

@ApiTags('discord')
@Controller('api/v1/bot/lessons')
export class BotLessonTextController {
  constructor(private readonly library: LessonLibrary) {}

  @Get(':lessonId/steps/:stepId/markdown')
  markdown(@Req() req: Request, @Param('lessonId') lessonId: string, @Param('stepId') stepId: string, @Query() query: unknown): { markdown: string } {
    const user = requireUser(req);
    if (!req.service) throw new AppError('FORBIDDEN', "Only the bot's service token may use /api/v1/bot");
    const lang = parseWith(textQuery, query).lang ?? (user.locale === 'en' ? 'en' : 'es');
    const lesson = this.library.get(lessonId);
    return { markdown: this.library.step(lesson, stepId).text[lang] };
  }
}
