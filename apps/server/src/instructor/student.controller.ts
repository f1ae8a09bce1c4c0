// One student in depth, for the instructors of the classroom: the REST routes
// (/api/v1/classrooms/:classroomId/students/:userId/...) and the page
// (/classrooms/:classroomId/students/:userId) that uses them.
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { CsrfService } from '../auth/csrf.service';
import { requireUser } from '../auth/request-auth';
import { AppError } from '../common/app-error';
import { parseWith } from '../common/zod-body';
import { pageContext } from '../web/page-context';
import { InstructorAccess } from './instructor-access';
import { studentViewMessages } from './student-view.i18n';
import { LiveState, PastState, StudentOverview, StudentTimelineService, TimelinePage } from './student-timeline.service';

const overviewQuery = z.object({ lang: z.enum(['es', 'en']).optional() }).strict();
const timelineQuery = z
  .object({
    cluster: z.string().min(1).max(100),
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
const stateQuery = z.object({ cluster: z.string().min(1).max(100) }).strict();
const seqParam = z.coerce.number().int().min(0);
const pageQuery = z.object({ cluster: z.string().max(100).optional(), lang: z.enum(['es', 'en']).optional() });
/** Inputs the page shows before the script loads older ones. */
const PAGE_INPUTS = 200;

@ApiTags('instructor')
@Controller()
export class StudentController {
  constructor(
    private readonly access: InstructorAccess,
    private readonly students: StudentTimelineService,
    private readonly csrf: CsrfService,
  ) {}

  @Get('api/v1/classrooms/:classroomId/students/:userId')
  @ApiOperation({ summary: "A student's clusters (with their snapshots) and latest check result per lesson step, with expected/found per condition" })
  async overview(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('userId') userId: string, @Query() query: unknown): Promise<StudentOverview> {
    const user = requireUser(req);
    const { lang } = parseWith(overviewQuery, query);
    const room = await this.access.require(user, classroomId);
    return this.students.overview(room, userId, lang ?? (user.locale === 'en' ? 'en' : 'es'));
  }

  @Get('api/v1/classrooms/:classroomId/students/:userId/timeline')
  @ApiOperation({ summary: "A student's cluster timeline: inputs after `after` (at most `limit`, every door, with output and actor) merged in simulated-time order with the object changes they recorded" })
  async timeline(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('userId') userId: string, @Query() query: unknown): Promise<TimelinePage> {
    const user = requireUser(req);
    const q = parseWith(timelineQuery, query);
    const room = await this.access.require(user, classroomId);
    return this.students.timelinePage(room, userId, q.cluster, q.after, q.limit);
  }

  @Get('api/v1/classrooms/:classroomId/students/:userId/timeline/:seq/state')
  @ApiOperation({ summary: 'The cluster as it was right after input `seq` (0: as created), rebuilt from stored states and the input log: its picture and `kubectl get pods -A`' })
  async state(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('userId') userId: string, @Param('seq') seq: string, @Query() query: unknown): Promise<PastState> {
    const user = requireUser(req);
    const { cluster } = parseWith(stateQuery, query);
    const n = parseWith(seqParam, seq);
    const room = await this.access.require(user, classroomId);
    return this.students.stateAfter(room, userId, cluster, n);
  }

  @Get('api/v1/classrooms/:classroomId/students/:userId/live')
  @ApiOperation({ summary: "A student's cluster as it is now (timed transitions applied): its picture and `kubectl get pods -A`. Pushed as it changes over ws /ws/instructor?classroom=ID&student=USER&cluster=ID" })
  async live(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('userId') userId: string, @Query() query: unknown): Promise<LiveState> {
    const user = requireUser(req);
    const { cluster } = parseWith(stateQuery, query);
    const room = await this.access.require(user, classroomId);
    return this.students.live(room, userId, cluster);
  }

  @Post('api/v1/classrooms/:classroomId/students/:userId/clusters/:clusterId/reset')
  @HttpCode(200)
  @ApiOperation({ summary: "Reset a student's cluster (recorded on the timeline: door system, the instructor as actor)" })
  async reset(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('userId') userId: string, @Param('clusterId') clusterId: string): Promise<{ version: number }> {
    const user = requireUser(req);
    const room = await this.access.require(user, classroomId);
    return this.students.reset(user, room, userId, clusterId);
  }

  @Post('api/v1/classrooms/:classroomId/students/:userId/clusters/:clusterId/snapshots/:snapshotId/restore')
  @HttpCode(200)
  @ApiOperation({ summary: "Restore one of a student's snapshots on their cluster (recorded on the timeline: door system, the instructor as actor)" })
  async restore(@Req() req: Request, @Param('classroomId') classroomId: string, @Param('userId') userId: string, @Param('clusterId') clusterId: string, @Param('snapshotId') snapshotId: string): Promise<{ version: number }> {
    const user = requireUser(req);
    const room = await this.access.require(user, classroomId);
    return this.students.restore(user, room, userId, clusterId, snapshotId);
  }

  @Get('classrooms/:classroomId/students/:userId')
  @ApiExcludeEndpoint()
  async page(@Req() req: Request, @Res() res: Response, @Param('classroomId') classroomId: string, @Param('userId') userId: string): Promise<void> {
    if (!req.auth) return res.redirect('/signin');
    const room = await this.access.require(req.auth.user, classroomId);
    const ctx = pageContext(req, res, this.csrf);
    const labels = studentViewMessages(ctx.locale);
    const student = await this.students.overview(room, userId, ctx.locale);
    const q = parseWith(pageQuery, req.query);
    const selected = student.clusters.find((c) => c.id === q.cluster) ?? student.clusters[0];
    // the latest inputs first on the page; older ones are loaded by the script
    const timeline = selected ? await this.students.timelinePage(room, userId, selected.id, Math.max(0, selected.version - PAGE_INPUTS), PAGE_INPUTS) : undefined;
    // the cluster now, drawn without a script too; the page script then keeps it live
    let liveError: string | undefined;
    const live = selected
      ? await this.students.liveState(selected.id).catch((e: unknown) => {
          // a cluster this server cannot load (recorded by another engine) still has its timeline
          if (!(e instanceof AppError)) throw e;
          liveError = labels.loadError.replace('{message}', e.message);
          return undefined;
        })
      : undefined;
    const when = new Intl.DateTimeFormat(ctx.locale, { timeZone: room.timeZone, dateStyle: 'short', timeStyle: 'medium' });
    const entries = (timeline?.entries ?? []).map((e) => ({ ...e, isInput: e.type === 'input', when: when.format(new Date(e.at)), hasOutput: e.type === 'input' && !!(e.stdout || e.stderr), hasExit: e.type === 'input' && e.exitCode !== null }));
    res.render('instructor-student', {
      ...ctx,
      title: `${student.displayName} · ${room.name} · kubeaula`,
      wide: true,
      room,
      student,
      selected,
      entries,
      live: live && { ...live, title: labels.stateNow.replace('{time}', when.format(new Date(live.at))), nodes: live.picture.nodes.map((n) => ({ ...n, pods: n.pods.filter((p) => !p.system) })), services: live.picture.services.filter((x) => !x.system) },
      liveError,
      cursor: timeline?.cursor,
      lastSeq: timeline?.cursor.seq ?? 0,
      firstSeq: Math.max(0, (selected?.version ?? 0) - PAGE_INPUTS),
      classHref: `/classrooms/${encodeURIComponent(room.id)}/class`,
      labels,
      labelsJson: JSON.stringify(labels),
      styles: ['/css/instructor.css'],
      scripts: ['/js/instructor-student.js'],
    });
  }
}
