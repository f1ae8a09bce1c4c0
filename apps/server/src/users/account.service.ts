// A user's own data: export all of it as JSON, delete the account (anonymised: the user row
// stays without name or password, the inputs stay without their author, so grades that rest on
// a cluster's evidence survive), and password resets by a classroom's instructor.
import { Inject, Injectable } from '@nestjs/common';
import { ApiTokenService } from '../auth/api-token.service';
import { AuthService } from '../auth/auth.service';
import type { AuthUser } from '../auth/request-auth';
import { CLOCK, Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { ClusterRunner } from '../clusters/cluster-runner';
import { PrismaService } from '../database/prisma.service';
import { fromStored } from '../engine/state/stored-cluster';

@Injectable()
export class AccountService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly auth: AuthService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runner: ClusterRunner,
    private readonly tokens: ApiTokenService,
  ) {}

  async export(user: AuthUser): Promise<Record<string, unknown>> {
    const u = await this.prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: {
        id: true, username: true, displayName: true, role: true, locale: true, timeZone: true, createdAt: true,
        memberships: {
          select: {
            role: true, joinedAt: true,
            classroom: { select: { id: true, name: true } },
            clusters: {
              select: {
                id: true, purpose: true, shape: true, seed: true, version: true, engineVersion: true, stateAt: true, state: true, createdAt: true,
                inputs: { orderBy: { seq: 'asc' }, select: { seq: true, kind: true, at: true, door: true, command: true, payload: true, stdout: true, stderr: true, outputTruncated: true, exitCode: true, durationMs: true } },
                snapshots: { select: { id: true, name: true, kind: true, clusterVersion: true, stateAt: true, createdAt: true } },
                workspaceFiles: { select: { host: true, path: true, content: true, updatedAt: true } },
              },
            },
            lessonProgress: true,
          },
        },
        shellSessions: { select: { door: true, terminalKey: true, cwd: true, host: true, env: true, history: true, lastUsedAt: true } },
        apiTokens: { select: { name: true, prefix: true, createdAt: true, revokedAt: true } },
      },
    });
    const memberships = [];
    for (const m of u.memberships) {
      const clusters = [];
      for (const c of m.clusters) clusters.push({ ...c, state: await this.currentState(c.id, c.state) });
      memberships.push({ ...m, clusters });
    }
    return { exportedAt: new Date(this.clock.now()).toISOString(), user: { ...u, memberships } };
  }

  /**
   * The cluster as it is now, in its plain readable form. The stored state may be older (the
   * input log stores it only now and then); if the cluster cannot be loaded (a state of another
   * engine), the stored one is exported as it is.
   */
  private async currentState(clusterId: string, stored: string): Promise<unknown> {
    try {
      return await this.runner.read(clusterId, (entry) => entry.sandbox.snapshot());
    } catch {
      return readableState(stored);
    }
  }

  /** The language kubeaula speaks to this user in (pages, bot replies, check messages). */
  async setLocale(user: AuthUser, locale: 'es' | 'en'): Promise<{ locale: 'es' | 'en' }> {
    await this.prisma.user.update({ where: { id: user.id }, data: { locale } });
    this.tokens.forgetUser(user.id);
    return { locale };
  }

  /** Deletes the account after checking its password; what instructors grade stays, anonymised. */
  async delete(user: AuthUser, password: string): Promise<void> {
    await this.auth.verifyCredentials(user.username, password);
    const now = new Date(this.clock.now());
    await this.prisma.$transaction([
      this.prisma.session.deleteMany({ where: { userId: user.id } }),
      this.prisma.apiToken.deleteMany({ where: { userId: user.id } }),
      this.prisma.discordLink.deleteMany({ where: { userId: user.id } }),
      this.prisma.shellSession.deleteMany({ where: { userId: user.id } }),
      this.prisma.input.updateMany({ where: { actorId: user.id }, data: { actorId: null } }),
      this.prisma.user.update({ where: { id: user.id }, data: { username: `deleted-${user.id}`, displayName: 'Deleted user', passwordHash: null, deletedAt: now } }),
    ]);
    this.tokens.forgetUser(user.id);
  }

  /** An instructor sets a new password for a student of one of their classrooms. */
  async resetStudentPassword(instructor: AuthUser, classroomId: string, studentId: string, password: string): Promise<void> {
    const me = await this.prisma.membership.findUnique({ where: { userId_classroomId: { userId: instructor.id, classroomId } } });
    if (!me) throw new AppError('NOT_FOUND', 'No such classroom');
    if (me.role !== 'instructor') throw new AppError('FORBIDDEN', "Only the classroom's instructors reset its students' passwords");
    const student = await this.prisma.membership.findUnique({ where: { userId_classroomId: { userId: studentId, classroomId } }, include: { user: true } });
    if (!student || student.role !== 'student' || student.user.deletedAt) throw new AppError('NOT_FOUND', 'No such student in this classroom');
    await this.auth.setPassword(studentId, password);
  }
}

/** The stored state in its plain, readable form (the stored form is packed: engine/state/json-pack.ts). */
function readableState(state: string): unknown {
  try {
    return fromStored(JSON.parse(state) as Parameters<typeof fromStored>[0]);
  } catch {
    return JSON.parse(state) as unknown; // a state this engine cannot unpack is exported as stored
  }
}
