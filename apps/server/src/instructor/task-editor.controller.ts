// The custom-task editor of the instructor dashboard: pages to list, write and edit a classroom's
// custom tasks (plain form POSTs answered with a redirect, or the form again with its errors and
// nothing saved), "try it on my own cluster" for the checks as typed, and the same trial as JSON
// for the page's script (POST /api/v1/classrooms/:classroomId/tasks/try). Only the classroom's
// instructors (403 for its students, 404 for anyone else).
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AuthUser } from '../auth/request-auth';
import { requireUser } from '../auth/request-auth';
import { CsrfService } from '../auth/csrf.service';
import { AppError } from '../common/app-error';
import { parseWith } from '../common/zod-body';
import type { Locale } from '../grading/checks/types';
import { pageContext } from '../web/page-context';
import { AssignmentsService, type TaskView } from './assignments.service';
import { InstructorAccess, type TaughtClassroom } from './instructor-access';
import { instructorNav } from './instructor-nav';
import { fillParams } from '../web/i18n';
import { taskEditorMessages } from './task-editor.i18n';
import { errorsByField, previews, trialView, usesOf, type TrialView } from './task-editor.view';
import { EXAMPLE_TASK } from './task-example';
import { checksSource, formValues, parseChecksSource, parseTaskForm, type FieldError, type TaskFormValues } from './task-form';
import { TaskTrialService, type TrialResult } from './task-trial.service';
import { parseWeights, weightField, weightRows, type WeightRow } from './task-weights';

const tryBody = z
  .object({
    /** the checks as the editor holds them: YAML or JSON text */
    source: z.string().optional(),
    /** or as the REST API takes them */
    checks: z.array(z.unknown()).optional(),
    lang: z.enum(['es', 'en']).optional(),
  })
  .strict()
  .refine((b) => (b.source === undefined) !== (b.checks === undefined), { message: 'give either source (text) or checks (a list of conditions)' });
// pages ignore query parameters they do not know (a shared link may carry some)
const newQuery = z.object({ example: z.string().optional() });
const editQuery = z.object({ saved: z.string().optional() });

interface FormState {
  values: TaskFormValues;
  task?: TaskView;
  errors?: FieldError[];
  trial?: TrialView;
  /** the task's weight in each assignment using it, as typed */
  weights?: WeightRow[];
  notice?: string;
  alert?: string;
}

@ApiTags('instructor')
@Controller()
export class TaskEditorController {
  constructor(
    private readonly access: InstructorAccess,
    private readonly assignments: AssignmentsService,
    private readonly trials: TaskTrialService,
    private readonly csrf: CsrfService,
  ) {}

  @Post('api/v1/classrooms/:classroomId/tasks/try')
  @HttpCode(200)
  @ApiOperation({ summary: "Evaluates checks (saved or not; `source`: YAML or JSON text, or `checks`: conditions) against the instructor's own cluster in the classroom, created when missing: passed, score, each condition's expected/found" })
  async tryApi(@Req() req: Request, @Param('classroomId') classroomId: string, @Body() body: unknown): Promise<TrialResult> {
    const user = requireUser(req);
    const q = parseWith(tryBody, body);
    const locale: Locale = q.lang ?? (user.locale === 'en' ? 'en' : 'es');
    const room = await this.access.require(user, classroomId);
    const parsed = q.source !== undefined ? parseChecksSource(q.source, locale) : parseChecksSource(JSON.stringify(q.checks), locale);
    if ('errors' in parsed) {
      const line = taskEditorMessages(locale).line;
      throw new AppError('BAD_REQUEST', 'Invalid request', parsed.errors.map((e) => ({ path: e.path ?? 'checks', message: e.line && q.source !== undefined ? `${fillParams(line, { n: e.line })}: ${e.message}` : e.message })));
    }
    return this.trials.tryChecks(user, room, parsed.checks, locale);
  }

  @Get('classrooms/:classroomId/tasks')
  @ApiExcludeEndpoint()
  async list(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string): Promise<void> {
    if (!req.auth) return res.redirect('/signin');
    const user = req.auth.user;
    const room = await this.access.require(user, classroomId);
    const ctx = pageContext(req, res, this.csrf);
    const labels = taskEditorMessages(ctx.locale);
    const [tasks, assignments, clusterId] = await Promise.all([this.assignments.listTasks(room), this.assignments.list(room), this.trials.ownCluster(user, room)]);
    res.render('instructor/task-list', {
      ...ctx,
      timeZone: room.timeZone,
      title: `${labels.tasks} · ${room.name} · kubeaula`,
      room,
      labels,
      nav: instructorNav(room.id, 'tasks', ctx.locale),
      notice: req.query.deleted !== undefined ? labels.deleted : undefined,
      clusterId,
      tasks: tasks.map((t) => ({ ...t, href: taskHref(room, t.id), count: fillParams(labels.conditionCount, { n: t.checks.length }), uses: usesOf(t.id, assignments, labels) })),
      styles: ['/css/instructor.css'],
    });
  }

  @Get('classrooms/:classroomId/tasks/new')
  @ApiExcludeEndpoint()
  async newPage(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Query() query: unknown): Promise<void> {
    if (!req.auth) return res.redirect('/signin');
    const room = await this.access.require(req.auth.user, classroomId);
    const { example } = parseWith(newQuery, query);
    await this.form(req, res, room, { values: example !== undefined ? EXAMPLE_TASK : formValues({}) });
  }

  @Post('classrooms/:classroomId/tasks')
  @ApiExcludeEndpoint()
  async create(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Body() body: unknown): Promise<void> {
    if (!req.auth) return res.redirect(303, '/signin');
    const room = await this.access.require(req.auth.user, classroomId);
    const values = formValues(body);
    const parsed = parseTaskForm(values, pageContext(req, res, this.csrf).locale);
    if ('errors' in parsed) return this.form(req, res, room, { values, errors: parsed.errors }, 400);
    const task = await this.assignments.createTask(room, parsed.task);
    res.redirect(303, `${taskHref(room, task.id)}?saved`);
  }

  @Post('classrooms/:classroomId/tasks/try')
  @ApiExcludeEndpoint()
  async tryNew(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Body() body: unknown): Promise<void> {
    if (!req.auth) return res.redirect(303, '/signin');
    const room = await this.access.require(req.auth.user, classroomId);
    await this.tryForm(req, res, req.auth.user, room, formValues(body));
  }

  // A page answered to a POST (a trial, a refused delete) has that POST's path: the language
  // switch, a reload by address or a bookmark comes back to it with a GET, sent to the form.
  @Get('classrooms/:classroomId/tasks/try')
  @ApiExcludeEndpoint()
  tryNewGet(@Res() res: Response, @Param('classroomId') classroomId: string): void {
    res.redirect(303, `/classrooms/${encodeURIComponent(classroomId)}/tasks/new`);
  }

  @Get(['classrooms/:classroomId/tasks/:taskId/try', 'classrooms/:classroomId/tasks/:taskId/delete'])
  @ApiExcludeEndpoint()
  taskPostGet(@Res() res: Response, @Param('classroomId') classroomId: string, @Param('taskId') taskId: string): void {
    res.redirect(303, `/classrooms/${encodeURIComponent(classroomId)}/tasks/${encodeURIComponent(taskId)}`);
  }

  @Post('classrooms/:classroomId/my-cluster')
  @ApiExcludeEndpoint()
  async myCluster(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string): Promise<void> {
    if (!req.auth) return res.redirect(303, '/signin');
    const room = await this.access.require(req.auth.user, classroomId);
    res.redirect(303, `/clusters/${encodeURIComponent(await this.trials.ensureOwnCluster(req.auth.user, room))}`);
  }

  @Get('classrooms/:classroomId/tasks/:taskId')
  @ApiExcludeEndpoint()
  async editPage(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Param('taskId') taskId: string, @Query() query: unknown): Promise<void> {
    if (!req.auth) return res.redirect('/signin');
    const room = await this.access.require(req.auth.user, classroomId);
    const { saved } = parseWith(editQuery, query);
    const task = await this.assignments.getTask(room, taskId);
    const values: TaskFormValues = { title: task.title, descriptionEs: task.description.es, descriptionEn: task.description.en, checks: checksSource(task.checks) };
    await this.form(req, res, room, { values, task, notice: saved !== undefined ? taskEditorMessages(pageContext(req, res, this.csrf).locale).saved : undefined });
  }

  @Post('classrooms/:classroomId/tasks/:taskId')
  @ApiExcludeEndpoint()
  async save(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Param('taskId') taskId: string, @Body() body: unknown): Promise<void> {
    if (!req.auth) return res.redirect(303, '/signin');
    const room = await this.access.require(req.auth.user, classroomId);
    const task = await this.assignments.getTask(room, taskId);
    const values = formValues(body);
    const locale = pageContext(req, res, this.csrf).locale;
    const parsed = parseTaskForm(values, locale);
    const assignments = await this.assignments.list(room);
    const weights = parseWeights(task.id, weightRows(task.id, assignments, body), assignments, locale);
    // nothing is saved unless the task and every weight are valid
    if ('errors' in parsed || 'rows' in weights) {
      return this.form(req, res, room, { values, task, errors: 'errors' in parsed ? parsed.errors : [], weights: 'rows' in weights ? weights.rows : weightRows(task.id, assignments, body) }, 400);
    }
    await this.assignments.editTask(room, task.id, parsed.task);
    for (const c of weights.changes) await this.assignments.edit(room, c.assignmentId, { items: c.items });
    res.redirect(303, `${taskHref(room, task.id)}?saved`);
  }

  @Post('classrooms/:classroomId/tasks/:taskId/try')
  @ApiExcludeEndpoint()
  async tryExisting(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Param('taskId') taskId: string, @Body() body: unknown): Promise<void> {
    if (!req.auth) return res.redirect(303, '/signin');
    const room = await this.access.require(req.auth.user, classroomId);
    const task = await this.assignments.getTask(room, taskId);
    await this.tryForm(req, res, req.auth.user, room, formValues(body), task, weightRows(task.id, await this.assignments.list(room), body));
  }

  @Post('classrooms/:classroomId/tasks/:taskId/delete')
  @ApiExcludeEndpoint()
  async remove(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Param('taskId') taskId: string): Promise<void> {
    if (!req.auth) return res.redirect(303, '/signin');
    const room = await this.access.require(req.auth.user, classroomId);
    const task = await this.assignments.getTask(room, taskId);
    const labels = taskEditorMessages(pageContext(req, res, this.csrf).locale);
    const uses = usesOf(task.id, await this.assignments.list(room), labels);
    if (uses.length) {
      const values: TaskFormValues = { title: task.title, descriptionEs: task.description.es, descriptionEn: task.description.en, checks: checksSource(task.checks) };
      return this.form(req, res, room, { values, task, alert: fillParams(labels.inUse, { list: uses.join(', ') }) }, 409);
    }
    await this.assignments.removeTask(room, task.id);
    res.redirect(303, `/classrooms/${encodeURIComponent(room.id)}/tasks?deleted`);
  }

  /** Tries the checks as typed; the form comes back as it was, with the result (or the checks' errors). */
  private async tryForm(req: Request, res: Response, user: AuthUser, room: TaughtClassroom, values: TaskFormValues, task?: TaskView, weights?: WeightRow[]): Promise<void> {
    const locale = pageContext(req, res, this.csrf).locale;
    const parsed = parseChecksSource(values.checks, locale);
    if ('errors' in parsed) return this.form(req, res, room, { values, task, weights, errors: parsed.errors }, 400);
    const result = await this.trials.tryChecks(user, room, parsed.checks, locale);
    await this.form(req, res, room, { values, task, weights, trial: trialView(result, taskEditorMessages(locale)) });
  }

  private async form(req: Request, res: Response, room: TaughtClassroom, state: FormState, status = 200): Promise<void> {
    const ctx = pageContext(req, res, this.csrf);
    const labels = taskEditorMessages(ctx.locale);
    const user = req.auth!.user;
    const base = state.task ? taskHref(room, state.task.id) : `/classrooms/${encodeURIComponent(room.id)}/tasks`;
    const clusterId = state.trial?.clusterId ?? (await this.trials.ownCluster(user, room));
    const shown = previews(state.values);
    const assignments = state.task ? await this.assignments.list(room) : [];
    const weights = state.task ? (state.weights ?? weightRows(state.task.id, assignments)) : [];
    res.status(status).render('instructor/task-edit', {
      ...ctx,
      title: `${state.task ? fillParams(labels.editTitle, { title: state.task.title }) : labels.newTask} · ${room.name} · kubeaula`,
      wide: true,
      room,
      labels,
      labelsJson: JSON.stringify(labels),
      nav: instructorNav(room.id, 'tasks', ctx.locale),
      heading: state.task ? fillParams(labels.editTitle, { title: state.task.title }) : labels.newTask,
      task: state.task,
      weights: weights.map((w, n) => ({ ...w, field: weightField(w.assignmentId), inputId: `weight-${n}`, label: fillParams(labels.weightFor, { title: w.title }) })),
      hasErrors: (state.errors?.length ?? 0) > 0 || weights.some((w) => w.error),
      values: state.values,
      errors: errorsByField(state.errors ?? [], labels),
      notice: state.notice,
      alert: state.alert,
      trial: state.trial,
      previews: shown,
      hasPreview: !!(shown.es || shown.en),
      action: state.task ? base : `/classrooms/${encodeURIComponent(room.id)}/tasks`,
      tryAction: `${base}/try`,
      tryApi: `/api/v1/classrooms/${encodeURIComponent(room.id)}/tasks/try`,
      listHref: `/classrooms/${encodeURIComponent(room.id)}/tasks`,
      exampleHref: `/classrooms/${encodeURIComponent(room.id)}/tasks/new?example`,
      example: EXAMPLE_TASK,
      clusterId,
      myClusterAction: `/classrooms/${encodeURIComponent(room.id)}/my-cluster`,
      styles: ['/css/instructor.css'],
      scripts: ['/js/task-editor.js'],
    });
  }
}

function taskHref(room: TaughtClassroom, taskId: string): string {
  return `/classrooms/${encodeURIComponent(room.id)}/tasks/${encodeURIComponent(taskId)}`;
}
