// The student's course pages: the lesson list of a classroom and the lesson page (steps beside
// the terminal, the live picture and the file editor). Rendered through the course service;
// every action is also a plain form posting here (the page works without scripts), which the
// page's scripts replace with calls to the REST API.
import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CsrfService } from '../auth/csrf.service';
import type { AuthUser } from '../auth/request-auth';
import { AppError } from '../common/app-error';
import { CourseService } from '../course/course.service';
import type { HintsView } from '../course/course.types';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { ExecService } from '../clusters/exec.service';
import { WorkspaceService } from '../clusters/workspace.service';
import { formError } from './page-errors';
import { ClusterViewService } from './cluster-view.service';
import { ClassroomInfoService } from './classroom-info.service';
import { t, type Locale } from './i18n';
import { lessonCards, lessonPage, type LessonPageOptions } from './lesson-page.view';
import { pageContext, type PageContext } from './page-context';
import { terminalPageCsp } from './terminal-csp';

const LESSON_SCRIPTS = ['/vendor/xterm/lib/xterm.js', '/vendor/xterm-fit/addon-fit.js', '/js/i18n.js', '/js/terminal.js', '/js/picture.js', '/js/editor.js', '/js/lesson.js'];
const QUIZ_FIELD = /^answer-([a-z0-9][a-z0-9-]*)$/;

@ApiExcludeController()
@Controller('classrooms/:classroomId/lessons')
export class LessonPagesController {
  constructor(
    private readonly course: CourseService,
    private readonly classrooms: ClassroomInfoService,
    private readonly csrf: CsrfService,
    private readonly view: ClusterViewService,
    private readonly workspace: WorkspaceService,
    private readonly execService: ExecService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async list(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string): Promise<void> {
    if (!req.auth) return res.redirect('/signin');
    const ctx = pageContext(req, res, this.csrf);
    await this.orErrorPage(res, ctx, async () => {
      const classroom = await this.classrooms.forMember(req.auth!.user, classroomId);
      const lessons = lessonCards(await this.course.listLessons(req.auth!.user, classroomId, ctx.locale));
      res.render('lessons', { ...ctx, title: `${t(ctx.locale, 'lessons.title', { classroom: classroom.name })} · kubeaula`, classroom, timeZone: classroom.timeZone, lessons });
    });
  }

  @Get(':lessonId')
  async lesson(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Param('lessonId') lessonId: string, @Query() query: Record<string, unknown>): Promise<void> {
    if (!req.auth) return res.redirect('/signin');
    const ctx = pageContext(req, res, this.csrf);
    await this.orErrorPage(res, ctx, () => this.renderLesson(res, ctx, req.auth!.user, classroomId, lessonId, pageOptions(query)));
  }

  @Post(':lessonId/start')
  start(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Param('lessonId') lessonId: string): Promise<void> {
    return this.act(req, res, classroomId, lessonId, (user, locale) => this.course.start(user, classroomId, lessonId, 'web', locale));
  }

  @Post(':lessonId/go')
  go(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Param('lessonId') lessonId: string, @Body() body: { step?: unknown }): Promise<void> {
    const stepId = typeof body?.step === 'string' ? body.step : '';
    return this.act(req, res, classroomId, lessonId, (user, locale) => this.course.goToStep(user, classroomId, lessonId, stepId, locale));
  }

  @Post(':lessonId/steps/:stepId/check')
  check(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Param('lessonId') lessonId: string, @Param('stepId') stepId: string): Promise<void> {
    return this.act(req, res, classroomId, lessonId, (user, locale) => this.course.check(user, classroomId, lessonId, stepId, locale, 'web'), `?step=${encodeURIComponent(stepId)}#step-${encodeURIComponent(stepId)}`);
  }

  @Post(':lessonId/steps/:stepId/rewind')
  rewind(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Param('lessonId') lessonId: string, @Param('stepId') stepId: string): Promise<void> {
    return this.act(req, res, classroomId, lessonId, (user) => this.course.rewind(user, classroomId, lessonId, stepId, 'web'));
  }

  @Post(':lessonId/quiz')
  quiz(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Param('lessonId') lessonId: string, @Body() body: Record<string, unknown>): Promise<void> {
    const answers: Record<string, number> = {};
    for (const [k, v] of Object.entries(body ?? {})) {
      const m = QUIZ_FIELD.exec(k);
      if (m && typeof v === 'string' && /^\d{1,2}$/.test(v)) answers[m[1]] = Number(v);
    }
    return this.act(req, res, classroomId, lessonId, (user, locale) => this.course.submitQuiz(user, classroomId, lessonId, answers, locale), '#quiz');
  }

  /** The terminal without scripts: one command line, run like REST's (a command that waits is cut short). */
  @Post(':lessonId/exec')
  exec(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Param('lessonId') lessonId: string, @Body() body: { line?: unknown }): Promise<void> {
    const line = typeof body?.line === 'string' ? body.line : '';
    return this.act(req, res, classroomId, lessonId, async (user, locale) => {
      const lesson = await this.course.lessonView(user, classroomId, lessonId, locale);
      if (!lesson.clusterId) throw new AppError('CONFLICT', t(locale, 'lesson.notStarted'));
      await this.execService.exec({ user, clusterId: lesson.clusterId, door: 'web', terminal: 'page', line, waitCapMs: this.config.auth.restWaitMs });
    });
  }

  /** Runs a form's action, then back to the lesson page; a refused action shows the page with why. */
  private async act(req: Request, res: Response, classroomId: string, lessonId: string, fn: (user: AuthUser, locale: Locale) => Promise<unknown>, then = ''): Promise<void> {
    if (!req.auth) return res.redirect(303, '/signin');
    const user = req.auth.user;
    const ctx = pageContext(req, res, this.csrf);
    try {
      await fn(user, ctx.locale);
      res.redirect(303, `/classrooms/${encodeURIComponent(classroomId)}/lessons/${encodeURIComponent(lessonId)}${then}`);
    } catch (e) {
      const error = formError(e);
      const status = e instanceof AppError ? e.status : 500;
      await this.orErrorPage(res, ctx, () => this.renderLesson(res, ctx, user, classroomId, lessonId, {}, error, status));
    }
  }

  private async renderLesson(res: Response, ctx: PageContext, user: AuthUser, classroomId: string, lessonId: string, opts: PageQuery, error?: string, status = 200): Promise<void> {
    const classroom = await this.classrooms.forMember(user, classroomId);
    const lesson = await this.course.lessonView(user, classroomId, lessonId, ctx.locale);
    let hints: HintsView | undefined;
    if (opts.hintsStepId && lesson.status !== 'not-started') hints = await this.course.hints(user, classroomId, lessonId, opts.hintsStepId, ctx.locale);
    const page = lessonPage(lesson, { ...opts, stepId: opts.stepId ?? opts.hintsStepId ?? opts.rewindStepId, hints });
    const clusterId = page.started ? lesson.clusterId : null;
    const side = clusterId ? await this.clusterSide(user, clusterId, opts.filePath) : {};
    res.setHeader('Content-Security-Policy', terminalPageCsp());
    res.status(status).render('lesson', {
      ...ctx,
      title: `${lesson.title} · kubeaula`,
      wide: true,
      classroom,
      timeZone: classroom.timeZone,
      page,
      lesson,
      ...side,
      error,
      base: `/classrooms/${classroom.id}/lessons/${lesson.id}`,
      styles: clusterId ? ['/vendor/xterm/css/xterm.css'] : [],
      scripts: clusterId ? LESSON_SCRIPTS : [],
    });
  }

  /** The started lesson's side of the page: the live picture, the workspace's files, the last commands. */
  private async clusterSide(user: AuthUser, clusterId: string, filePath: string | undefined) {
    const picture = await this.view.picture(user, clusterId);
    return {
      picture,
      files: await this.workspace.list(user, clusterId),
      file: filePath ? await this.workspace.read(user, clusterId, filePath).catch(() => undefined) : undefined,
      // up to the picture's version: no second read of the cluster to learn it
      recent: await this.view.recentCommands(user, clusterId, picture.version),
    };
  }

  /** A page that cannot be shown (no such classroom or lesson, ...): a page saying so, in the reader's language. */
  private async orErrorPage(res: Response, ctx: PageContext, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      res.status(e.status).render('error', { ...ctx, title: `${e.status} · kubeaula`, status: e.status, message: e.message });
    }
  }
}

type PageQuery = LessonPageOptions & { hintsStepId?: string; filePath?: string };

function pageOptions(query: Record<string, unknown>): PageQuery {
  const str = (v: unknown): string | undefined => (typeof v === 'string' && /^[a-z0-9][a-z0-9-]{0,99}$/.test(v) ? v : undefined);
  const opts: PageQuery = {};
  if (typeof query.file === 'string' && query.file.length <= 255) opts.filePath = query.file;
  const step = str(query.step);
  if (step) opts.stepId = step;
  const hintsFor = str(query.hintsFor);
  if (hintsFor) {
    opts.hintsStepId = hintsFor;
    const n = typeof query.hints === 'string' ? Number.parseInt(query.hints, 10) : 0;
    opts.hintsShown = Number.isFinite(n) ? Math.max(0, Math.min(n, 20)) : 0;
  }
  const rewind = str(query.rewind);
  if (rewind) opts.rewindStepId = rewind;
  return opts;
}
