// Who may see or change a cluster: its student (read and write; an exam's cluster only until the
// exam's window ends), the instructors of its classroom (read only). Everyone else is told it
// does not exist.
import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/request-auth';
import { CLOCK, Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { PrismaService } from '../database/prisma.service';

export interface ClusterRef {
  id: string;
  membershipId: string;
  classroomId: string;
  ownerUserId: string;
  purpose: string;
  shape: string;
  seed: number;
  options: unknown;
}

/** How long a cluster's owner and classroom are trusted without asking the database again. */
const REF_TTL_MS = 10_000;

@Injectable()
export class ClusterAccessService {
  // A cluster's owner, classroom and shape never change: a command need not read them every
  // time (a deleted cluster is still refused by the runner, which reads its version).
  private readonly refs = new Map<string, { ref: ClusterRef; classroomOwnerId: string; until: number }>();

  constructor(
    private readonly prisma: PrismaService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async check(user: AuthUser, clusterId: string, mode: 'read' | 'write'): Promise<ClusterRef> {
    const { ref, classroomOwnerId } = await this.lookup(clusterId);
    if (ref.ownerUserId === user.id) {
      if (mode === 'write' && ref.purpose.startsWith('exam:')) await this.examOpen(clusterId);
      return ref;
    }
    if (await this.teaches(user, ref.classroomId, classroomOwnerId)) {
      if (mode === 'write') throw new AppError('FORBIDDEN', "An instructor can look at a student's cluster, not change it");
      return ref;
    }
    throw new AppError('NOT_FOUND', 'No such cluster');
  }

  private async lookup(clusterId: string): Promise<{ ref: ClusterRef; classroomOwnerId: string }> {
    const now = Date.now();
    const hit = this.refs.get(clusterId);
    if (hit && hit.until > now) return hit;
    const c = await this.prisma.cluster.findUnique({
      where: { id: clusterId },
      select: { id: true, membershipId: true, purpose: true, shape: true, seed: true, options: true, membership: { select: { userId: true, classroomId: true, classroom: { select: { ownerId: true } } } } },
    });
    if (!c) {
      this.refs.delete(clusterId);
      throw new AppError('NOT_FOUND', 'No such cluster');
    }
    const ref: ClusterRef = { id: c.id, membershipId: c.membershipId, classroomId: c.membership.classroomId, ownerUserId: c.membership.userId, purpose: c.purpose, shape: c.shape, seed: c.seed, options: c.options };
    const entry = { ref, classroomOwnerId: c.membership.classroom.ownerId, until: now + REF_TTL_MS };
    if (this.refs.size > 10_000) this.refs.clear();
    this.refs.set(clusterId, entry);
    return entry;
  }

  /** An exam's cluster turns read-only when the student's window ends (it is graded as of then). */
  private async examOpen(clusterId: string): Promise<void> {
    const attempt = await this.prisma.examAttempt.findFirst({ where: { clusterId }, select: { endsAt: true, endedAt: true } });
    if (attempt && (attempt.endedAt !== null || this.clock.now() >= attempt.endsAt.getTime())) {
      throw new AppError('FORBIDDEN', "The exam's time is over: its cluster can be looked at, not changed");
    }
  }

  private async teaches(user: AuthUser, classroomId: string, ownerId: string): Promise<boolean> {
    if (ownerId === user.id) return true;
    if (user.role === 'student') return false;
    const m = await this.prisma.membership.findUnique({ where: { userId_classroomId: { userId: user.id, classroomId } }, select: { role: true } });
    return m?.role === 'instructor';
  }
}
