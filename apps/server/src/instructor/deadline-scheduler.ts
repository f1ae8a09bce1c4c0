// Grades every assignment when its deadline comes, as of the deadline, and every timed exam when a
// student's window ends, as of its end. It reads the server's
// Clock: under the virtual clock each advance wakes it, under the wall clock a timer does (never
// armed further than an hour ahead, so a moved deadline or a long sleep cannot make it miss).
// At start-up, before the server takes requests, it catches up on the deadlines that passed
// while it was down: no input can have come after them, so the stored state plus the inputs
// logged after it, stepped to the deadline, is exactly the state as of the deadline
// (graded-state.ts).
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CLOCK, Clock, isVirtualClock } from '../clock/clock';
import { PrismaService } from '../database/prisma.service';
import { AssignmentsService } from './assignments.service';
import { ExamService } from './exam.service';
import { GradingService } from './grading.service';

const MAX_SLEEP_MS = 3600_000;

@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Deadlines');
  private chain: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private off?: () => void;
  private stopped = false;

  constructor(
    private readonly prisma: PrismaService,
    private readonly grading: GradingService,
    assignments: AssignmentsService,
    exams: ExamService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    assignments.onDeadlineChange = () => this.kick();
    exams.onWindowStart = () => this.kick();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runDue();
    if (isVirtualClock(this.clock)) this.off = this.clock.onAdvance(() => this.kick());
    this.arm();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    this.off?.();
    if (this.timer) clearTimeout(this.timer);
  }

  /** Resolves when the grading started so far is done (tests, shutdown). */
  idle(): Promise<void> {
    return this.chain;
  }

  kick(): void {
    this.chain = this.chain.then(() => this.runDue()).catch((e: unknown) => this.logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e)));
    void this.chain.then(() => this.arm());
  }

  private async runDue(): Promise<void> {
    if (this.stopped) return;
    const now = this.clock.now();
    const due = await this.prisma.assignment.findMany({ where: { gradedAt: null, deadline: { lte: new Date(now) } }, orderBy: { deadline: 'asc' }, select: { id: true, deadline: true } });
    // exam windows that ended: that student's exam cluster, as of the window's end
    const windows = await this.prisma.examAttempt.findMany({ where: { endedAt: null, endsAt: { lte: new Date(now) } }, orderBy: { endsAt: 'asc' }, select: { id: true, assignmentId: true, membershipId: true, endsAt: true } });
    for (const w of windows) {
      if (this.stopped) return;
      await this.grading.grade(w.assignmentId, 'exam-end', { asOf: w.endsAt.getTime(), membershipIds: [w.membershipId] });
      await this.prisma.examAttempt.update({ where: { id: w.id }, data: { endedAt: new Date(this.clock.now()) } });
    }
    for (const a of due) {
      if (this.stopped) return;
      await this.grading.grade(a.id, 'deadline', { asOf: a.deadline.getTime() });
      // only if nobody moved the deadline meanwhile
      await this.prisma.assignment.updateMany({ where: { id: a.id, gradedAt: null, deadline: a.deadline }, data: { gradedAt: new Date(this.clock.now()) } });
    }
  }

  private arm(): void {
    if (this.stopped || isVirtualClock(this.clock)) return;
    if (this.timer) clearTimeout(this.timer);
    void Promise.all([
      this.prisma.assignment.findFirst({ where: { gradedAt: null }, orderBy: { deadline: 'asc' }, select: { deadline: true } }),
      this.prisma.examAttempt.findFirst({ where: { endedAt: null }, orderBy: { endsAt: 'asc' }, select: { endsAt: true } }),
    ]).then(([next, exam]) => {
      const at = Math.min(next?.deadline.getTime() ?? Infinity, exam?.endsAt.getTime() ?? Infinity);
      if (this.stopped || at === Infinity) return;
      const wait = Math.min(MAX_SLEEP_MS, Math.max(0, at - this.clock.now()));
      this.timer = setTimeout(() => this.kick(), wait);
      this.timer.unref();
    });
  }
}
