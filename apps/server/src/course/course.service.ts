// The course for a student of a classroom: the lessons with their progress, a lesson started on
// its cluster (the course cluster, continuing from the lesson before, or one of its own), steps
// checked on the server against the cluster's state now and its recorded history, hints, the
// quiz, and rewinding to the start of a step (each step's start is kept as a snapshot).
import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/request-auth';
import { CLOCK, Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { ClusterRunner } from '../clusters/cluster-runner';
import { ClustersService } from '../clusters/clusters.service';
import { KeyedMutex } from '../clusters/keyed-mutex';
import { PrismaService } from '../database/prisma.service';
import { ENGINE_VERSION, type ClusterOptions, type ClusterShape } from '../engine/cluster-state';
import { evaluateStep } from '../grading/checks/evaluate';
import type { Locale, StepResult } from '../grading/checks/types';
import { LOCALES } from '../lessons/lesson-schema';
import type { Lesson } from '../lessons/lesson-catalog';
import { HistoryReader } from '../grading/history-reader';
import { checkContext } from './check-context';
import type { CheckView, CourseDoor, HintsView, LessonHeadView, LessonStatus, LessonSummaryView, LessonView, ProgressView, QuizResultView, RewindView, StepCheckView } from './course.types';
import { applyLessonSetup } from './lesson-setup';
import { LessonLibrary, lessonPurpose } from './lesson-library';
import { afterPass, afterRewind, passedIn, reached, statusOf } from './progress';
import { quizQuestions, scoreQuiz, validateAnswers } from './quiz';
import { TransitionRecorder } from './transition-recorder';
import { ProgressEvents } from './progress-events';

/** Snapshot kind of a step's start, named `<lessonId>/<stepId>`. */
export const STEP_SNAPSHOT = 'step';
/** How often a check retries when a command slipped in while it loaded the history. */
const CHECK_ATTEMPTS = 5;

interface ProgressRow {
  id: string;
  clusterId: string | null;
  lessonId: string;
  stepId: string | null;
  status: string;
  startedAt: Date;
  stepStartedAt: Date | null;
  startVersion: number | null;
  passedSteps: unknown;
  quizAnswers: unknown;
  quizScore: number | null;
  completedAt: Date | null;
}

/** A check's outcome in both languages, as stored in CheckResult.detail (with the door it was asked from). */
type StoredDetail = Record<Locale, StepResult>;

const snapshotName = (lessonId: string, stepId: string) => `${lessonId}/${stepId}`;

@Injectable()
export class CourseService {
  /** One change of a student's progress in a lesson at a time (in this process). */
  private readonly progressLock = new KeyedMutex();

  constructor(
    private readonly prisma: PrismaService,
    private readonly library: LessonLibrary,
    private readonly clusters: ClustersService,
    private readonly runner: ClusterRunner,
    private readonly recorder: TransitionRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly progressEvents: ProgressEvents,
    private readonly history: HistoryReader,
  ) {}

  /** The classroom's lessons in order, with the student's progress in each. */
  async listLessons(user: AuthUser, classroomId: string, locale: Locale): Promise<LessonSummaryView[]> {
    const m = await this.membership(user, classroomId);
    const rows = await this.prisma.lessonProgress.findMany({ where: { membershipId: m.id } });
    const byLesson = new Map(rows.map((r) => [r.lessonId, r]));
    return this.library.lessons.map((l) => this.summary(l, byLesson.get(l.id), locale));
  }

  /** One lesson with its steps (rendered), their last checks and the quiz without answers. */
  async lessonView(user: AuthUser, classroomId: string, lessonId: string, locale: Locale): Promise<LessonView> {
    const m = await this.membership(user, classroomId);
    const lesson = this.library.get(lessonId);
    const p = await this.progressRow(m.id, lessonId);
    const passed = passedIn(lesson, p?.passedSteps);
    const status = statusOf(lesson, p !== null, passed);
    const purpose = lessonPurpose(lesson);
    const clusterId = p?.clusterId ?? (await this.prisma.cluster.findUnique({ where: { membershipId_purpose: { membershipId: m.id, purpose } }, select: { id: true } }))?.id ?? null;
    const checks = await this.prisma.checkResult.findMany({ where: { membershipId: m.id, lessonId }, orderBy: { at: 'desc' } });
    const last = new Map<string, (typeof checks)[number]>();
    for (const c of checks) if (!last.has(c.checkId)) last.set(c.checkId, c);
    const i = this.library.lessons.indexOf(lesson);
    return {
      ...lessonHead(lesson, locale),
      status,
      currentStepId: p?.stepId ?? null,
      clusterId,
      clusterPurpose: purpose,
      startedAt: p ? p.startedAt.toISOString() : null,
      completedAt: p?.completedAt ? p.completedAt.toISOString() : null,
      steps: lesson.steps.map((s, n) => {
        const c = last.get(s.id);
        return {
          id: s.id,
          number: n + 1,
          title: s.title[locale],
          html: this.library.stepHtml(lesson, s.id, locale),
          lastCheck: c ? checkView(c, locale) : null,
          passed: passed.includes(s.id),
          current: p?.stepId === s.id,
          hintCount: s.hints.length,
        };
      }),
      quiz: lesson.quiz
        ? { questions: quizQuestions(lesson.quiz, locale), result: p?.quizAnswers ? scoreQuiz(lesson.quiz, p.quizAnswers as Record<string, number>, locale) : null }
        : null,
      previousLessonId: this.library.lessons[i - 1]?.id ?? null,
      nextLessonId: this.library.lessons[i + 1]?.id ?? null,
    };
  }

  /**
   * Starts the lesson: its cluster (created if needed), its starter files and setup applied as
   * one `lesson-start` input, a snapshot of the first step's start, the student on step one.
   * Starting a lesson already started changes nothing (rewind goes back to a step's start).
   */
  async start(user: AuthUser, classroomId: string, lessonId: string, door: CourseDoor, locale: Locale = 'es'): Promise<LessonView> {
    const m = await this.membership(user, classroomId);
    const lesson = this.library.get(lessonId);
    const release = await this.progressLock.acquire(`${m.id}/${lessonId}`);
    try {
      if (await this.progressRow(m.id, lessonId)) return await this.lessonView(user, classroomId, lessonId, locale);
      const clusterId = await this.clusters.ensureCluster(m.id, lessonPurpose(lesson), lesson.cluster.shape as ClusterShape, lesson.cluster.options as ClusterOptions);
      const committed = await this.runner.mutate(clusterId, async (entry) => {
        const cluster = entry.sandbox.cluster;
        const at = entry.clock.now();
        cluster.step(at);
        const changes = lesson.starterFiles.length > 0 || lesson.setupScript !== undefined;
        // the setup runs from the cluster's own time (which a setup's `sleep` may have put ahead of the clock)
        const setup = changes ? await applyLessonSetup(JSON.stringify(entry.sandbox.serialize()), cluster.now, lesson) : undefined;
        const replace = setup ? this.runner.loadSandbox(JSON.stringify(setup.sandbox.serialize())) : undefined;
        if (replace) this.recorder.track(replace);
        return {
          input: {
            kind: 'lesson-start',
            at: new Date(at),
            door,
            actorId: user.id,
            payload: { lessonId, files: lesson.starterFiles.map((f) => f.path), setup: lesson.cluster.setup ?? null, setupFailed: setup?.failed ?? [] },
          },
          replace,
          result: null,
        };
      });
      const now = new Date(this.clock.now());
      const first = lesson.steps[0].id;
      // step snapshots of an earlier run of this lesson belong to another history
      await this.prisma.snapshot.deleteMany({ where: { clusterId, kind: STEP_SNAPSHOT, name: { startsWith: `${lessonId}/` } } });
      await this.pruneOtherLessons(clusterId, lessonId);
      const stepStartedAt = await this.snapshotStep(clusterId, lessonId, first);
      await this.prisma.lessonProgress
        .create({
          data: { membershipId: m.id, clusterId, lessonId, stepId: first, status: 'started', startedAt: now, stepStartedAt, startVersion: committed.version, passedSteps: [], updatedAt: now },
        })
        .catch((e: { code?: string }) => {
          // another server process started it at the same moment: theirs stands
          if (e.code !== 'P2002') throw e;
        });
      return await this.lessonView(user, classroomId, lessonId, locale);
    } finally {
      release();
    }
  }

  /** Moves the student to a step they have reached (passed, or the first not passed). */
  async goToStep(user: AuthUser, classroomId: string, lessonId: string, stepId: string, locale: Locale = 'es'): Promise<LessonView> {
    const m = await this.membership(user, classroomId);
    const lesson = this.library.get(lessonId);
    this.library.step(lesson, stepId);
    await this.locked(m.id, lessonId, async () => {
      const p = await this.startedProgress(m.id, lesson);
      const passed = passedIn(lesson, p.passedSteps);
      if (!reached(lesson, passed, stepId)) throw notReached(lesson, passed);
      if (p.stepId === stepId) return;
      const stepStartedAt = await this.enterStep(p.clusterId, lessonId, stepId);
      await this.prisma.lessonProgress.update({ where: { id: p.id }, data: { stepId, stepStartedAt, updatedAt: new Date(this.clock.now()) } });
    });
    return this.lessonView(user, classroomId, lessonId, locale);
  }

  /**
   * Checks a step against the cluster now (objects, and the commands and transitions since the
   * lesson started, in the cluster's present history), stores the result, and moves the student
   * on when the current step passed; the lesson completes when every step has passed.
   */
  async check(user: AuthUser, classroomId: string, lessonId: string, stepId: string, locale: Locale, door: CourseDoor): Promise<CheckView> {
    const m = await this.membership(user, classroomId);
    const lesson = this.library.get(lessonId);
    const step = this.library.step(lesson, stepId);
    return this.locked(m.id, lessonId, async () => {
      const p = await this.startedProgress(m.id, lesson);
      const passedBefore = passedIn(lesson, p.passedSteps);
      if (!reached(lesson, passedBefore, stepId)) throw notReached(lesson, passedBefore);
      const clusterId = p.clusterId;
      const { results, version } = await this.evaluate(clusterId, p, step.checks, p.stepId === stepId ? p.stepStartedAt : null);
      const at = new Date(this.clock.now());
      const r = results[locale];
      await this.prisma.checkResult.create({
        data: { membershipId: m.id, clusterId, lessonId, checkId: stepId, passed: r.passed, score: r.score, detail: { ...results, door } as object, clusterVersion: version, at },
      });
      let current = p.stepId ?? stepId;
      let passed = passedBefore;
      if (r.passed) {
        const next = afterPass(lesson, passedBefore, current, stepId);
        passed = next.passed;
        const status = statusOf(lesson, true, passed);
        const moved = next.current !== current;
        const stepStartedAt = moved ? await this.enterStep(clusterId, lessonId, next.current) : undefined;
        current = next.current;
        await this.prisma.lessonProgress.update({
          where: { id: p.id },
          data: {
            passedSteps: passed,
            stepId: current,
            ...(stepStartedAt ? { stepStartedAt } : {}),
            status,
            completedAt: status === 'completed' ? (p.completedAt ?? at) : null,
            updatedAt: at,
          },
        });
      }
      this.progressEvents.publish({ classroomId, userId: user.id });
      return { ...stepCheck(r, version, at), stepId, currentStepId: current, lessonStatus: statusOf(lesson, true, passed) };
    });
  }

  /** The automatic hint from the cluster now (none when the step's checks pass), then the hand-written ones. */
  async hints(user: AuthUser, classroomId: string, lessonId: string, stepId: string, locale: Locale): Promise<HintsView> {
    const m = await this.membership(user, classroomId);
    const lesson = this.library.get(lessonId);
    const step = this.library.step(lesson, stepId);
    const p = await this.progressRow(m.id, lessonId);
    let automatic: string | null = null;
    if (p?.clusterId) {
      const { results } = await this.evaluate(p.clusterId, p, step.checks, p.stepId === stepId ? p.stepStartedAt : null);
      automatic = results[locale].passed ? null : (results[locale].hint ?? null);
    }
    return { stepId, automatic, hints: step.hints.map((h) => h[locale]) };
  }

  /** Restores the lesson's cluster to the start of a step the student has reached. */
  async rewind(user: AuthUser, classroomId: string, lessonId: string, stepId: string, door: CourseDoor): Promise<RewindView> {
    const m = await this.membership(user, classroomId);
    const lesson = this.library.get(lessonId);
    this.library.step(lesson, stepId);
    return this.locked(m.id, lessonId, async () => {
      const p = await this.startedProgress(m.id, lesson);
      const clusterId = p.clusterId;
      const snap = await this.prisma.snapshot.findFirst({ where: { clusterId, kind: STEP_SNAPSHOT, name: snapshotName(lessonId, stepId) }, orderBy: { createdAt: 'desc' } });
      if (!snap) {
        const passed = passedIn(lesson, p.passedSteps);
        if (reached(lesson, passed, stepId)) {
          throw new AppError('CONFLICT', `The start of step ${stepId} was not kept once another lesson started on this cluster: rewind to the lesson's first step (${lesson.steps[0].id}) instead`);
        }
        throw new AppError('CONFLICT', `Step ${stepId} of lesson ${lessonId} has not been reached yet: there is no start of it to go back to`);
      }
      const version = await this.restoreStep(user, clusterId, snap, door);
      // the starts of later steps belong to the history just left
      const later = lesson.steps.slice(lesson.steps.findIndex((s) => s.id === stepId) + 1).map((s) => snapshotName(lessonId, s.id));
      await this.prisma.snapshot.deleteMany({ where: { clusterId, kind: STEP_SNAPSHOT, name: { in: later } } });
      const stepStartedAt = await this.runner.read(clusterId, (entry) => new Date(entry.clock.now()));
      const at = new Date(this.clock.now());
      await this.prisma.lessonProgress.update({
        where: { id: p.id },
        data: { stepId, stepStartedAt, passedSteps: afterRewind(lesson, passedIn(lesson, p.passedSteps), stepId), status: 'started', completedAt: null, updatedAt: at },
      });
      return { lessonId, stepId, clusterId, version };
    });
  }

  /** Scores the quiz ({questionId: choiceIndex}) and keeps the answers; it may be taken again. */
  async submitQuiz(user: AuthUser, classroomId: string, lessonId: string, answers: Record<string, number>, locale: Locale): Promise<QuizResultView> {
    const m = await this.membership(user, classroomId);
    const lesson = this.library.get(lessonId);
    if (!lesson.quiz) throw new AppError('NOT_FOUND', `Lesson ${lessonId} has no quiz`);
    validateAnswers(lesson.quiz, answers);
    const p = await this.startedProgress(m.id, lesson);
    const result = scoreQuiz(lesson.quiz, answers, locale);
    await this.prisma.lessonProgress.update({ where: { id: p.id }, data: { quizAnswers: answers, quizScore: result.score, updatedAt: new Date(this.clock.now()) } });
    this.progressEvents.publish({ classroomId, userId: user.id });
    return result;
  }

  /** The student's progress through the classroom's course. */
  async progress(user: AuthUser, classroomId: string, locale: Locale): Promise<ProgressView> {
    const m = await this.membership(user, classroomId);
    const lessons = await this.listLessons(user, classroomId, locale);
    const recent = await this.prisma.lessonProgress.findMany({ where: { membershipId: m.id, status: 'started' }, orderBy: { updatedAt: 'desc' }, select: { lessonId: true } });
    const started = recent.map((r) => lessons.find((l) => l.id === r.lessonId && l.status === 'started')).find((l) => l !== undefined);
    const next = started ?? lessons.find((l) => l.status === 'not-started');
    return {
      classroomId,
      lessons,
      completedLessons: lessons.filter((l) => l.status === 'completed').length,
      totalLessons: lessons.length,
      passedSteps: lessons.reduce((s, l) => s + l.passedCount, 0),
      totalSteps: lessons.reduce((s, l) => s + l.stepCount, 0),
      nextLessonId: next?.id ?? null,
    };
  }

  // --- helpers ---------------------------------------------------------------------------

  private async locked<T>(membershipId: string, lessonId: string, fn: () => Promise<T>): Promise<T> {
    const release = await this.progressLock.acquire(`${membershipId}/${lessonId}`);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** The user's membership of the classroom; anyone else is told it does not exist. */
  private async membership(user: AuthUser, classroomId: string): Promise<{ id: string; role: string }> {
    const m = await this.prisma.membership.findUnique({ where: { userId_classroomId: { userId: user.id, classroomId } }, select: { id: true, role: true } });
    if (!m) throw new AppError('NOT_FOUND', 'No such classroom');
    return m;
  }

  private progressRow(membershipId: string, lessonId: string): Promise<ProgressRow | null> {
    return this.prisma.lessonProgress.findUnique({ where: { membershipId_lessonId: { membershipId, lessonId } } });
  }

  private async startedProgress(membershipId: string, lesson: Lesson): Promise<ProgressRow & { clusterId: string }> {
    const p = await this.progressRow(membershipId, lesson.id);
    if (!p) throw new AppError('CONFLICT', `Lesson ${lesson.id} has not been started: start it first`);
    if (!p.clusterId) throw new AppError('CONFLICT', `The cluster of lesson ${lesson.id} is gone: start the lesson again`);
    return p as ProgressRow & { clusterId: string };
  }

  private summary(l: Lesson, p: ProgressRow | undefined, locale: Locale): LessonSummaryView {
    const passed = passedIn(l, p?.passedSteps);
    return {
      ...lessonHead(l, locale),
      stepCount: l.steps.length,
      passedCount: passed.length,
      status: statusOf(l, p !== undefined, passed) as LessonStatus,
      currentStepId: p?.stepId ?? null,
      hasQuiz: l.quiz !== undefined,
      quizScore: p?.quizScore ?? null,
    };
  }

  /**
   * Takes the snapshot of a step's start, unless one is kept already (going back to a step does
   * not move its start). Returns the step's start: the sandbox clock's now, as inputs are stamped.
   */
  private async enterStep(clusterId: string, lessonId: string, stepId: string): Promise<Date> {
    const kept = await this.prisma.snapshot.findFirst({ where: { clusterId, kind: STEP_SNAPSHOT, name: snapshotName(lessonId, stepId) }, select: { id: true } });
    if (kept) return this.runner.read(clusterId, (entry) => new Date(entry.clock.now()));
    return this.snapshotStep(clusterId, lessonId, stepId);
  }

  /**
   * Puts a step's start back, recorded as a restore (as ClustersService.restoreSnapshot does),
   * but not stepped to now inside the restore: the read after it steps it, so what happens
   * from the step's start to now is published and recorded as transitions of the new history.
   */
  private async restoreStep(user: AuthUser, clusterId: string, snap: { id: string; name: string; state: string; engineVersion: string }, door: CourseDoor): Promise<number> {
    if (snap.engineVersion !== ENGINE_VERSION) throw new AppError('CONFLICT', `The start of this step was saved by engine ${snap.engineVersion}; this server runs ${ENGINE_VERSION}`);
    const c = await this.runner.mutate(clusterId, async () => {
      const sandbox = this.runner.loadSandbox(snap.state);
      this.recorder.track(sandbox);
      return { input: { kind: 'restore', at: new Date(this.clock.now()), door, actorId: user.id, payload: { snapshotId: snap.id, name: snap.name } }, replace: sandbox, result: null };
    });
    await this.runner.tick(clusterId);
    return c.version;
  }

  /**
   * A cluster shared by lessons (the course cluster) keeps every step start of the lesson in
   * progress, and of the others only their first step's (about 50 kB each: a whole course would
   * be some 45 states per student).
   */
  private async pruneOtherLessons(clusterId: string, lessonId: string): Promise<void> {
    const firsts = this.library.lessons.filter((l) => l.id !== lessonId).map((l) => snapshotName(l.id, l.steps[0].id));
    await this.prisma.snapshot.deleteMany({ where: { clusterId, kind: STEP_SNAPSHOT, NOT: [{ name: { startsWith: `${lessonId}/` } }, { name: { in: firsts } }] } });
  }

  private async snapshotStep(clusterId: string, lessonId: string, stepId: string): Promise<Date> {
    const { state, version, stateAt, startedAt } = await this.runner.read(clusterId, (entry) => {
      this.recorder.track(entry.sandbox);
      return { state: JSON.stringify(entry.sandbox.serialize()), version: entry.version, stateAt: entry.sandbox.cluster.now, startedAt: entry.clock.now() };
    });
    const name = snapshotName(lessonId, stepId);
    await this.prisma.$transaction([
      this.prisma.snapshot.deleteMany({ where: { clusterId, kind: STEP_SNAPSHOT, name } }),
      this.prisma.snapshot.create({
        data: { clusterId, name, kind: STEP_SNAPSHOT, state, engineVersion: ENGINE_VERSION, clusterVersion: version, stateAt: new Date(stateAt), createdAt: new Date(this.clock.now()) },
      }),
    ]);
    return new Date(startedAt);
  }

  /**
   * Evaluates checks on the cluster at now, in both languages. The cluster is first stepped to
   * now and its transitions stored, then the history is loaded for the version the objects are
   * read at (a command that lands in between makes it start over).
   */
  private async evaluate(clusterId: string, p: ProgressRow, checks: Lesson['steps'][number]['checks'], stepStartedAt: Date | null): Promise<{ results: StoredDetail; version: number }> {
    for (let attempt = 1; ; attempt++) {
      const version = await this.runner.read(clusterId, (entry) => {
        this.recorder.track(entry.sandbox);
        return entry.version;
      });
      await this.recorder.flush(clusterId);
      const history = this.history.read(clusterId, version, undefined, p.startVersion ?? undefined);
      const out = await this.runner.read(clusterId, (entry) => {
        if (entry.version !== version && attempt < CHECK_ATTEMPTS) return undefined;
        const store = entry.sandbox.cluster.store;
        // inputs are stamped with the sandbox clock's time, transitions with the cluster's (ahead of
        // it for a while after a setup that slept): nothing recorded so far is in the future
        const now = Math.max(entry.clock.now(), entry.sandbox.cluster.now);
        const ctx = checkContext((resource, ns) => store.list(resource, ns), history, now, stepStartedAt?.getTime());
        const results = Object.fromEntries(LOCALES.map((loc) => [loc, evaluateStep(checks, ctx, loc)])) as StoredDetail;
        return { results, version: entry.version };
      });
      if (out) return out;
    }
  }
}

function lessonHead(l: Lesson, locale: Locale): LessonHeadView {
  return { id: l.id, order: l.order, title: l.title[locale], summary: l.summary[locale], shape: l.cluster.shape, prerequisites: l.prerequisites };
}

function stepCheck(r: StepResult, clusterVersion: number, at: Date): StepCheckView {
  return { passed: r.passed, score: r.score, conditions: r.conditions, hint: r.hint ?? null, clusterVersion, at: at.toISOString() };
}

function checkView(row: { passed: boolean; score: number; detail: unknown; clusterVersion: number; at: Date }, locale: Locale): StepCheckView {
  const detail = (row.detail ?? {}) as Partial<StoredDetail>;
  const r = detail[locale] ?? { passed: row.passed, score: row.score, conditions: [] };
  return stepCheck(r, row.clusterVersion, row.at);
}

function notReached(lesson: Lesson, passed: string[]): AppError {
  const next = lesson.steps.find((s) => !passed.includes(s.id));
  return new AppError('CONFLICT', next ? `Finish step ${next.id} first` : 'That step has not been reached yet');
}
