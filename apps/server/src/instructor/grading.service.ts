// Grading an assignment: for every student, the state of each cluster the assignment checks is
// taken (now for "grade now", as of the deadline for the deadline job, as of the window's end for
// an exam), stored as a Snapshot of kind `graded`, evaluated with the check language and kept as
// a Grade with its evidence (snapshot id, cluster version, where the state came from). A re-grade
// evaluates the same snapshots again with the current checks. Overrides stay beside the score.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { PrismaPromise } from '../../../../generated/prisma';
import type { AuthUser } from '../auth/request-auth';
import { CLOCK, Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { KeyedMutex } from '../clusters/keyed-mutex';
import { checkContext } from '../course/check-context';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { LessonLibrary, lessonPurpose } from '../course/lesson-library';
import { PrismaService } from '../database/prisma.service';
import { ENGINE_VERSION } from '../engine/cluster-state';
import type { AssignmentItem } from '../grading/assignment-schema';
import type { CheckContext, Condition, Locale, TransitionRecord } from '../grading/checks/types';
import { gradeContext, ObjectsByResource } from '../grading/grade-context';
import { GradedState, GradedStateService, StateSource } from '../grading/graded-state';
import { HistoryReader } from '../grading/history-reader';
import { GradableItem, scoreAssignment } from '../grading/score';
import { snapshotIdsOf } from './assignments.service';
import { GradeBatch, GradeWriter } from './grade-writer';

export type GradeTrigger = 'manual' | 'deadline' | 'exam-end';

/** Where each graded cluster's state came from: the evidence a grade rests on. */
export interface Evidence {
  purpose: string;
  clusterId?: string;
  snapshotId?: string;
  clusterVersion?: number;
  stateAt?: string;
  source?: StateSource;
  /** changes made by time passing up to stateAt (no input recorded them) */
  timedTransitions?: TransitionRecord[];
  /** why there is no state (no such cluster, exam never started, not rebuildable) */
  reason?: string;
}

export interface GradeRunResult {
  graded: number;
  /** the time the graded states are from (ISO UTC); per student for exams */
  asOf: string;
}

/** Students graded per transaction: one fsync per batch, not per student. */
const BATCH = 50;

type Member = { id: string; user: { locale: string }; clusters: { id: string; purpose: string }[]; examAttempts: { endsAt: Date; clusterId: string }[] };

@Injectable()
export class GradingService implements OnModuleDestroy {
  private readonly logger = new Logger('Grading');
  private readonly history: HistoryReader;
  private readonly writer: GradeWriter;
  /** One grading run per assignment at a time (grade now, the deadline job, a re-grade). */
  private readonly running = new KeyedMutex();

  constructor(
    private readonly prisma: PrismaService,
    private readonly states: GradedStateService,
    private readonly lessons: LessonLibrary,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.history = new HistoryReader(config.databaseFile);
    this.writer = new GradeWriter(config.databaseFile, config.sqliteSynchronous);
  }

  async onModuleDestroy(): Promise<void> {
    this.history.close();
    await this.writer.close();
  }

  /**
   * Grades every student of the assignment's classroom (or only `membershipIds`). `asOf`
   * undefined: the live state now; else the state as of that time, never counting later inputs.
   */
  async grade(assignmentId: string, trigger: GradeTrigger, opts: { asOf?: number; membershipIds?: string[] } = {}): Promise<GradeRunResult> {
    const release = await this.running.acquire(assignmentId);
    try {
      return await this.gradeLocked(assignmentId, trigger, opts);
    } finally {
      release();
    }
  }

  private async gradeLocked(assignmentId: string, trigger: GradeTrigger, opts: { asOf?: number; membershipIds?: string[] }): Promise<GradeRunResult> {
    const assignment = await this.prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    const items = await this.resolve(assignment);
    const members: Member[] = await this.prisma.membership.findMany({
      where: { classroomId: assignment.classroomId, role: 'student', ...(opts.membershipIds ? { id: { in: opts.membershipIds } } : {}) },
      select: { id: true, user: { select: { locale: true } }, clusters: { select: { id: true, purpose: true } }, examAttempts: { where: { assignmentId }, select: { endsAt: true, clusterId: true } } },
      orderBy: { joinedAt: 'asc' },
    });
    const previous = await this.prisma.grade.findMany({ where: { assignmentId, membershipId: { in: members.map((m) => m.id) } }, select: { membershipId: true, evidence: true } });
    const oldSnapshots = new Map(previous.map((g) => [g.membershipId, snapshotIdsOf(g)]));
    const purposes = [...new Set(items.map((i) => i.purpose))];
    const history = needsHistory(items);
    const commits: Promise<void>[] = [];
    const now = this.clock.now();
    let asOfShown = opts.asOf ?? now;
    for (let i = 0; i < members.length; i += BATCH) {
      const batch: GradeBatch = { snapshots: [], grades: [], deleteSnapshots: [] };
      for (const m of members.slice(i, i + BATCH)) {
        // an exam is graded as of the end of the student's own window, if it ended before
        const exam = assignment.examMinutes !== null;
        const attempt = m.examAttempts[0];
        const asOf = exam && attempt ? Math.min(attempt.endsAt.getTime(), opts.asOf ?? now) : opts.asOf;
        if (exam && attempt) asOfShown = asOf ?? now;
        const evidence: Evidence[] = [];
        const contexts = new Map<string, CheckContext | { reason: string }>();
        for (const purpose of purposes) {
          const clusterId = exam ? attempt?.clusterId : m.clusters.find((c) => c.purpose === purpose)?.id;
          if (!clusterId) {
            const reason = exam ? 'never started the exam' : `no ${purpose} cluster`;
            evidence.push({ purpose, reason });
            contexts.set(purpose, { reason });
            continue;
          }
          const state = asOf === undefined ? await this.states.live(clusterId) : await this.states.asOf(clusterId, asOf);
          if ('error' in state) {
            evidence.push({ purpose, clusterId, reason: state.error });
            contexts.set(purpose, { reason: state.error });
            continue;
          }
          const snapshotId = randomUUID();
          batch.snapshots.push({ id: snapshotId, clusterId, name: `graded: ${assignment.title}`.slice(0, 80), state: state.state, engineVersion: ENGINE_VERSION, clusterVersion: state.version, stateAt: state.stateAt });
          evidence.push({ purpose, clusterId, snapshotId, clusterVersion: state.version, stateAt: new Date(state.stateAt).toISOString(), source: state.source, timedTransitions: state.timedTransitions });
          contexts.set(purpose, await this.context(state, state.timedTransitions, history));
        }
        const scored = scoreAssignment(items, (p) => contexts.get(p) ?? { reason: `no ${p} cluster` }, locale(m.user.locale));
        batch.grades.push({ assignmentId, membershipId: m.id, trigger, asOf: asOf ?? now, score: scored.score, max: scored.max, items: scored.items, evidence });
        batch.deleteSnapshots.push(...(oldSnapshots.get(m.id) ?? []));
      }
      // written on the writer's thread while the next batch is taken
      const written = this.writer.commit(batch, now);
      written.catch(() => {}); // awaited below: not an unhandled rejection meanwhile
      commits.push(written);
    }
    await Promise.all(commits);
    this.logger.log(`graded ${members.length} students of assignment ${assignmentId} (${trigger})`);
    return { graded: members.length, asOf: new Date(asOfShown).toISOString() };
  }

  /** Evaluates the stored graded snapshots again with the assignment's current items and checks. */
  async regrade(assignmentId: string): Promise<GradeRunResult> {
    const release = await this.running.acquire(assignmentId);
    try {
      return await this.regradeLocked(assignmentId);
    } finally {
      release();
    }
  }

  private async regradeLocked(assignmentId: string): Promise<GradeRunResult> {
    const assignment = await this.prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    const items = await this.resolve(assignment);
    const history = needsHistory(items);
    const grades = await this.prisma.grade.findMany({ where: { assignmentId }, select: { id: true, asOf: true, evidence: true, membership: { select: { user: { select: { locale: true } } } } } });
    const now = this.clock.now();
    for (let i = 0; i < grades.length; i += BATCH) {
      const ops: PrismaPromise<unknown>[] = [];
      const batch = grades.slice(i, i + BATCH);
      // the batch's graded snapshots in one query, not one per student
      const snaps = await this.prisma.snapshot.findMany({ where: { id: { in: batch.flatMap(snapshotIdsOf) } }, select: { id: true, clusterId: true, state: true, clusterVersion: true } });
      for (const g of batch) {
        const evidence = (g.evidence ?? []) as unknown as Evidence[];
        const contexts = new Map<string, CheckContext | { reason: string }>();
        for (const e of evidence) {
          const snap = snaps.find((s) => s.id === e.snapshotId);
          if (!snap) {
            contexts.set(e.purpose, { reason: e.reason ?? 'the graded snapshot is gone' });
            continue;
          }
          const state = this.states.fromSnapshot(snap.clusterId, snap.state, snap.clusterVersion);
          contexts.set(e.purpose, await this.context({ ...state, stateAt: g.asOf.getTime() }, e.timedTransitions ?? [], history));
        }
        const scored = scoreAssignment(items, (p) => contexts.get(p) ?? { reason: `${p} was not part of the graded state: grade again` }, locale(g.membership.user.locale));
        ops.push(this.prisma.grade.update({ where: { id: g.id }, data: { score: scored.score, max: scored.max, items: scored.items as object[], at: new Date(now) } }));
      }
      await this.prisma.$transaction(ops);
    }
    return { graded: grades.length, asOf: new Date(now).toISOString() };
  }

  async override(user: AuthUser, assignmentId: string, userId: string, score: number | null, comment: string): Promise<void> {
    const a = await this.prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { classroomId: true } });
    const m = await this.prisma.membership.findUnique({ where: { userId_classroomId: { userId, classroomId: a.classroomId } }, select: { id: true, role: true } });
    if (!m || m.role !== 'student') throw new AppError('NOT_FOUND', 'No such student in this classroom');
    const r = await this.prisma.grade.updateMany({
      where: { assignmentId, membershipId: m.id },
      data: { overrideScore: score, overrideComment: comment, overrideById: user.id, overrideAt: new Date(this.clock.now()) },
    });
    if (r.count === 0) throw new AppError('CONFLICT', 'The student has no grade for this assignment yet: grade it first');
  }

  /** The assignment's items with what they check and on which cluster. */
  async resolve(a: { id: string; classroomId: string; items: unknown; examMinutes: number | null }): Promise<GradableItem[]> {
    const items = a.items as AssignmentItem[];
    const taskIds = items.flatMap((i) => (i.kind === 'task' ? [i.taskId] : []));
    const tasks = await this.prisma.customTask.findMany({ where: { id: { in: taskIds }, classroomId: a.classroomId } });
    const exam = a.examMinutes !== null ? `exam:${a.id}` : undefined;
    return items.map((item): GradableItem => {
      if (item.kind === 'task') {
        const t = tasks.find((x) => x.id === item.taskId);
        return { key: `task:${item.taskId}`, title: t?.title ?? item.taskId, weight: item.weight, purpose: exam ?? 'course', steps: t ? [{ id: t.id, checks: t.checks as Condition[] }] : [] };
      }
      const lesson = this.lessons.lessons.find((l) => l.id === item.lessonId);
      return {
        key: `lesson:${item.lessonId}`,
        title: lesson?.title.en ?? item.lessonId,
        weight: item.weight,
        purpose: exam ?? (lesson ? lessonPurpose(lesson) : 'course'),
        steps: lesson ? lesson.steps.map((s) => ({ id: s.id, checks: s.checks })) : [],
      };
    });
  }

  private async context(state: Pick<GradedState, 'clusterId' | 'version' | 'stateAt' | 'objects'>, timed: TransitionRecord[], needsHistory = true): Promise<CheckContext> {
    // conditions on objects only need no history: three queries per cluster saved
    const h = needsHistory ? this.history.read(state.clusterId, state.version, state.stateAt) : { inputs: [], transitions: [] };
    const transitions = [...h.transitions];
    const seen = new Set(transitions.map(transitionKey));
    for (const t of timed) if (!seen.has(transitionKey(t))) transitions.push(t);
    transitions.sort((a, b) => a.at - b.at);
    return checkContext(objectsFn(state.objects), { inputs: h.inputs, transitions }, state.stateAt);
  }
}

const HISTORY_KINDS = new Set(['command', 'transition', 'replaced']);

function needsHistory(items: GradableItem[]): boolean {
  return items.some((i) => i.steps.some((s) => s.checks.some((c) => HISTORY_KINDS.has(c.type))));
}

function objectsFn(objects: ObjectsByResource) {
  return gradeContext(objects, [], [], 0).objects;
}

function transitionKey(t: TransitionRecord): string {
  return `${t.at}|${t.kind}|${t.resource}|${t.namespace ?? ''}|${t.name}|${t.phase ?? ''}`;
}

function locale(l: string): Locale {
  return l === 'en' ? 'en' : 'es';
}
