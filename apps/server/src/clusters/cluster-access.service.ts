// Who may see or change a cluster: its student (read and write; an exam's cluster only until the
// exam's window ends), the instructors of its classroom (read only). Everyone else is told it
// does not exist.
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type BetterSqlite3 from 'better-sqlite3';
import type { AuthUser } from '../auth/request-auth';
import { CLOCK, Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { openReader } from '../common/sqlite-reader';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
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

interface RefRow {
  id: string;
  membershipId: string;
  purpose: string;
  shape: string;
  seed: number;
  options: string | null;
  userId: string;
  classroomId: string;
  ownerId: string;
}

@Injectable()
export class ClusterAccessService implements OnApplicationShutdown {
  // A cluster's owner, classroom and shape never change: a command need not read them every
  // time (a deleted cluster is still refused by the runner, which reads its version).
  private readonly refs = new Map<string, { ref: ClusterRef; classroomOwnerId: string; until: number }>();
  /** The cluster with its membership and classroom, read without Prisma (common/sqlite-reader.ts). */
  private readonly refOf: BetterSqlite3.Statement<[string], RefRow>;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.refOf = openReader(config.databaseFile).prepare(
      'SELECT c."id", c."membershipId", c."purpose", c."shape", c."seed", c."options", m."userId", m."classroomId", r."ownerId" FROM "Cluster" c JOIN "Membership" m ON m."id" = c."membershipId" JOIN "Classroom" r ON r."id" = m."classroomId" WHERE c."id" = ?',
    );
  }

  /** After the HTTP server closed (module destroy hooks run while requests are still in flight). */
  onApplicationShutdown(): void {
    this.refOf.database.close();
  }

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
    const c = this.refOf.get(clusterId);
    if (!c) {
      this.refs.delete(clusterId);
      throw new AppError('NOT_FOUND', 'No such cluster');
    }
    // options is a Json column: Prisma stores it as JSON text
    const options: unknown = c.options === null ? null : JSON.parse(c.options);
    const ref: ClusterRef = { id: c.id, membershipId: c.membershipId, classroomId: c.classroomId, ownerUserId: c.userId, purpose: c.purpose, shape: c.shape, seed: c.seed, options };
    const entry = { ref, classroomOwnerId: c.ownerId, until: now + REF_TTL_MS };
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
