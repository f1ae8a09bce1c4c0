// /api/v1/classrooms/:classroomId/lessons and /progress: the course for the signed-in student
// (or the linked Discord user the bot's service token acts for). Thin: validate, one service
// call. The language is the request's `lang` (query or body: es | en), else the user's own.
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { requireUser } from '../auth/request-auth';
import { parseWith } from '../common/zod-body';
import type { Locale } from '../grading/checks/types';
import { CourseService } from './course.service';
import type { CheckView, CourseDoor, HintsView, LessonSummaryView, LessonView, ProgressView, QuizResultView, RewindView } from './course.types';

const lang = z.enum(['es', 'en']).optional();
export const langQuery = z.object({ lang }).strict();
export const langBody = z.object({ lang }).strict();
export const quizBody = z
  .object({
    /** {questionId: index of the chosen answer} */
    answers: z.record(z.string().max(100), z.number().int().min(0).max(10)),
    lang,
  })
  .strict();

const LANG_QUERY = { name: 'lang', required: false, enum: ['es', 'en'], description: "the language of the texts (default: the user's)" };
const LANG_BODY = { schema: { type: 'object', properties: { lang: { type: 'string', enum: ['es', 'en'] } } }, required: false };

/** The request's language: `lang` if given, else the user's (es when it is neither). */
export function localeFor(req: Request, given: Locale | undefined): Locale {
  if (given) return given;
  const own = req.auth?.user.locale;
  return own === 'en' ? 'en' : 'es';
}

/** The door a request came through: the browser, a personal token, or the bot for a Discord user. */
export function doorFor(req: Request): CourseDoor {
  if (req.auth?.via === 'service') return 'discord';
  return req.auth?.via === 'token' ? 'api' : 'web';
}

@ApiTags('course')
@Controller('api/v1/classrooms/:classroomId')
export class CourseController {
  constructor(private readonly course: CourseService) {}

  @Get('lessons')
  @ApiOperation({ summary: "The classroom's lessons in order, with your progress in each" })
  @ApiQuery(LANG_QUERY)
  lessons(@Req() req: Request, @Param('classroomId') classroomId: string, @Query() query: unknown): Promise<LessonSummaryView[]> {
    const q = parseWith(langQuery, query);
    return this.course.listLessons(requireUser(req), classroomId, localeFor(req, q.lang));
  }

  @Get('progress')
  @ApiOperation({ summary: 'Your progress through the course: lessons, steps passed, the lesson to continue with' })
  @ApiQuery(LANG_QUERY)
  progress(@Req() req: Request, @Param('classroomId') classroomId: string, @Query() query: unknown): Promise<ProgressView> {
    const q = parseWith(langQuery, query);
    return this.course.progress(requireUser(req), classroomId, localeFor(req, q.lang));
  }

  @Get('lessons/:lessonId')
  @ApiOperation({ summary: 'A lesson: its steps as sanitized HTML with their last check, your current step, its cluster, the quiz without answers' })
  @ApiQuery(LANG_QUERY)
  lesson(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('lessonId') lessonId: string, @Query() query: unknown): Promise<LessonView> {
    const q = parseWith(langQuery, query);
    return this.course.lessonView(requireUser(req), classroomId, lessonId, localeFor(req, q.lang));
  }

  @Post('lessons/:lessonId/start')
  @HttpCode(200)
  @ApiOperation({ summary: "Starts the lesson (starter files and setup on its cluster, snapshot of step one's start); again: no change" })
  @ApiBody(LANG_BODY)
  start(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('lessonId') lessonId: string, @Body() body: unknown): Promise<LessonView> {
    const b = parseWith(langBody, body ?? {});
    return this.course.start(requireUser(req), classroomId, lessonId, doorFor(req), localeFor(req, b.lang));
  }

  @Post('lessons/:lessonId/steps/:stepId/go')
  @HttpCode(200)
  @ApiOperation({ summary: 'Moves you to a step you have reached (passed, or the first not passed)' })
  @ApiBody(LANG_BODY)
  go(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('lessonId') lessonId: string, @Param('stepId') stepId: string, @Body() body: unknown): Promise<LessonView> {
    const b = parseWith(langBody, body ?? {});
    return this.course.goToStep(requireUser(req), classroomId, lessonId, stepId, localeFor(req, b.lang));
  }

  @Post('lessons/:lessonId/steps/:stepId/check')
  @HttpCode(200)
  @ApiOperation({ summary: "Checks the step against your cluster now: each condition's expected/found, the score, the automatic hint; a pass moves you on" })
  @ApiBody(LANG_BODY)
  check(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('lessonId') lessonId: string, @Param('stepId') stepId: string, @Body() body: unknown): Promise<CheckView> {
    const b = parseWith(langBody, body ?? {});
    return this.course.check(requireUser(req), classroomId, lessonId, stepId, localeFor(req, b.lang), doorFor(req));
  }

  @Get('lessons/:lessonId/steps/:stepId/hints')
  @ApiOperation({ summary: "The step's automatic hint from your cluster now, then its hand-written hints" })
  @ApiQuery(LANG_QUERY)
  hints(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('lessonId') lessonId: string, @Param('stepId') stepId: string, @Query() query: unknown): Promise<HintsView> {
    const q = parseWith(langQuery, query);
    return this.course.hints(requireUser(req), classroomId, lessonId, stepId, localeFor(req, q.lang));
  }

  @Post('lessons/:lessonId/steps/:stepId/rewind')
  @HttpCode(200)
  @ApiOperation({ summary: "Restores the lesson's cluster to the start of a step you have reached (recorded as a restore)" })
  rewind(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('lessonId') lessonId: string, @Param('stepId') stepId: string, @Body() body: unknown): Promise<RewindView> {
    parseWith(langBody, body ?? {});
    return this.course.rewind(requireUser(req), classroomId, lessonId, stepId, doorFor(req));
  }

  @Post('lessons/:lessonId/quiz')
  @HttpCode(200)
  @ApiOperation({ summary: "Submits the lesson's quiz and returns its score with each right answer and its explanation" })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['answers'],
      properties: { answers: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 }, example: { 'smallest-unit': 1 } }, lang: { type: 'string', enum: ['es', 'en'] } },
    },
  })
  quiz(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('lessonId') lessonId: string, @Body() body: unknown): Promise<QuizResultView> {
    const b = parseWith(quizBody, body);
    return this.course.submitQuiz(requireUser(req), classroomId, lessonId, b.answers, localeFor(req, b.lang));
  }
}
