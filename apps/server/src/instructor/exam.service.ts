// Timed exams: an assignment with examMinutes. A student starts it (once) and gets a cluster of
// its own for it (purpose exam:<assignment>); the window ends examMinutes later, or at the
// deadline if that comes first, and the deadline job then grades the exam cluster as of the
// window's end (trigger exam-end). A student who never started gets zero, with that reason.
import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/request-auth';
import { CLOCK, Clock } from '../clock/clock';
import { ClustersService } from '../clusters/clusters.service';
import { AppError } from '../common/app-error';
import { PrismaService } from '../database/prisma.service';

export interface ExamAttemptView {
  assignmentId: string;
  clusterId: string;
  startedAt: string;
  endsAt: string;
  /** when it was graded at the window's end; null while it runs */
  endedAt: string | null;
}

@Injectable()
export class ExamService {
  /** Told when a window starts (the deadline job re-arms for its end). */
  onWindowStart: () => void = () => {};

  constructor(
    private readonly prisma: PrismaService,
    private readonly clusters: ClustersService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async start(user: AuthUser, classroomId: string, assignmentId: string): Promise<ExamAttemptView> {
    const { m, a } = await this.find(user, classroomId, assignmentId);
    const existing = await this.prisma.examAttempt.findUnique({ where: { assignmentId_membershipId: { assignmentId, membershipId: m.id } } });
    if (existing) return view(existing);
    const now = this.clock.now();
    if (now >= a.deadline.getTime()) throw new AppError('CONFLICT', 'The exam is closed: its deadline has passed');
    const clusterId = await this.clusters.ensureCluster(m.id, `exam:${a.id}`);
    const endsAt = Math.min(now + a.examMinutes! * 60_000, a.deadline.getTime());
    const row = await this.prisma.examAttempt
      .create({ data: { assignmentId, membershipId: m.id, clusterId, startedAt: new Date(now), endsAt: new Date(endsAt) } })
      .catch(async (e: { code?: string }) => {
        if (e.code !== 'P2002') throw e;
        return this.prisma.examAttempt.findUniqueOrThrow({ where: { assignmentId_membershipId: { assignmentId, membershipId: m.id } } });
      });
    this.onWindowStart();
    return view(row);
  }

  async mine(user: AuthUser, classroomId: string, assignmentId: string): Promise<ExamAttemptView> {
    const { m } = await this.find(user, classroomId, assignmentId);
    const row = await this.prisma.examAttempt.findUnique({ where: { assignmentId_membershipId: { assignmentId, membershipId: m.id } } });
    if (!row) throw new AppError('NOT_FOUND', 'You have not started this exam');
    return view(row);
  }

  private async find(user: AuthUser, classroomId: string, assignmentId: string) {
    const m = await this.prisma.membership.findUnique({ where: { userId_classroomId: { userId: user.id, classroomId } }, select: { id: true, role: true } });
    if (!m) throw new AppError('NOT_FOUND', 'No such classroom');
    if (m.role !== 'student') throw new AppError('FORBIDDEN', 'Exams are taken by the students of the classroom');
    const a = await this.prisma.assignment.findFirst({ where: { id: assignmentId, classroomId } });
    if (!a) throw new AppError('NOT_FOUND', 'No such assignment');
    if (a.examMinutes === null) throw new AppError('CONFLICT', 'This assignment is not a timed exam');
    return { m, a };
  }
}

function view(r: { assignmentId: string; clusterId: string; startedAt: Date; endsAt: Date; endedAt: Date | null }): ExamAttemptView {
  return { assignmentId: r.assignmentId, clusterId: r.clusterId, startedAt: r.startedAt.toISOString(), endsAt: r.endsAt.toISOString(), endedAt: r.endedAt?.toISOString() ?? null };
}
