// Fault drills: the instructor stages a failure (drill-ops.ts) on one student's course cluster
// or every student's, and ends it later. Each start and end runs through the cluster runner as
// an Input of kind `drill` (door `system`, the instructor as actor), so it is on the student's
// timeline, stored with the cluster's state, and pushed live like any change.
import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/request-auth';
import { CLOCK, Clock } from '../clock/clock';
import { ClusterRunner } from '../clusters/cluster-runner';
import { AppError } from '../common/app-error';
import { PrismaService } from '../database/prisma.service';
import { applyDrill, drillLasts, DrillSpec } from './drill-ops';
import type { TaughtClassroom } from './instructor-access';

export interface DrillTarget {
  userId: string;
  username: string;
  clusterId: string | null;
  /** the cluster version the drill's input produced; null when it could not be applied */
  version: number | null;
  error?: string;
}

export interface DrillView {
  id: string;
  spec: DrillSpec;
  /** null: the whole class */
  userId: string | null;
  lasts: boolean;
  startedAt: string;
  endedAt: string | null;
  targets: DrillTarget[];
}

@Injectable()
export class DrillsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly runner: ClusterRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async start(user: AuthUser, room: TaughtClassroom, spec: DrillSpec, userId?: string): Promise<DrillView> {
    const members = await this.prisma.membership.findMany({
      where: { classroomId: room.id, role: 'student', ...(userId ? { userId } : {}) },
      select: { id: true, userId: true, user: { select: { username: true } }, clusters: { where: { purpose: 'course' }, select: { id: true } } },
      orderBy: { joinedAt: 'asc' },
    });
    if (userId && !members.length) throw new AppError('NOT_FOUND', 'No such student in this classroom');
    if (!members.length) throw new AppError('CONFLICT', 'The classroom has no students yet');
    const drill = await this.prisma.drill.create({
      data: { classroomId: room.id, membershipId: userId ? members[0].id : null, kind: spec.kind, params: spec, clusterIds: [], startedById: user.id, startedAt: new Date(this.clock.now()) },
    });
    const targets: DrillTarget[] = [];
    for (const m of members) {
      const clusterId = m.clusters[0]?.id ?? null;
      const t: DrillTarget = { userId: m.userId, username: m.user.username, clusterId, version: null };
      if (!clusterId) t.error = 'no course cluster';
      else t.version = await this.apply(clusterId, drill.id, spec, 'start', user).catch((e: unknown) => ((t.error = errorText(e)), null));
      targets.push(t);
    }
    const applied = targets.filter((t) => t.version !== null);
    if (!applied.length) {
      await this.prisma.drill.delete({ where: { id: drill.id } });
      throw new AppError('CONFLICT', `The drill could not be applied: ${targets.map((t) => `${t.username}: ${t.error}`).join('; ')}`);
    }
    // one-off faults (a killed container) are over as soon as they are applied
    const endedAt = drillLasts(spec) ? null : new Date(this.clock.now());
    await this.prisma.drill.update({ where: { id: drill.id }, data: { clusterIds: applied.map((t) => t.clusterId!), endedAt } });
    return { id: drill.id, spec, userId: userId ?? null, lasts: drillLasts(spec), startedAt: drill.startedAt.toISOString(), endedAt: endedAt?.toISOString() ?? null, targets };
  }

  async end(user: AuthUser, room: TaughtClassroom, drillId: string): Promise<DrillView> {
    const drill = await this.prisma.drill.findFirst({ where: { id: drillId, classroomId: room.id } });
    if (!drill) throw new AppError('NOT_FOUND', 'No such drill');
    if (drill.endedAt) throw new AppError('CONFLICT', 'The drill is already over');
    const spec = drill.params as DrillSpec;
    const clusters = await this.prisma.cluster.findMany({ where: { id: { in: drill.clusterIds as string[] } }, select: { id: true, membership: { select: { userId: true, user: { select: { username: true } } } } } });
    const targets: DrillTarget[] = [];
    for (const c of clusters) {
      const t: DrillTarget = { userId: c.membership.userId, username: c.membership.user.username, clusterId: c.id, version: null };
      t.version = await this.apply(c.id, drill.id, spec, 'end', user).catch((e: unknown) => ((t.error = errorText(e)), null));
      targets.push(t);
    }
    const endedAt = new Date(this.clock.now());
    await this.prisma.drill.update({ where: { id: drill.id }, data: { endedAt } });
    const userId = drill.membershipId ? (await this.prisma.membership.findUnique({ where: { id: drill.membershipId }, select: { userId: true } }))?.userId ?? null : null;
    return { id: drill.id, spec, userId, lasts: true, startedAt: drill.startedAt.toISOString(), endedAt: endedAt.toISOString(), targets };
  }

  async list(room: TaughtClassroom): Promise<Omit<DrillView, 'targets'>[]> {
    const rows = await this.prisma.drill.findMany({ where: { classroomId: room.id }, orderBy: { startedAt: 'asc' } });
    const members = await this.prisma.membership.findMany({ where: { id: { in: rows.flatMap((r) => (r.membershipId ? [r.membershipId] : [])) } }, select: { id: true, userId: true } });
    return rows.map((r) => ({ id: r.id, spec: r.params as DrillSpec, userId: members.find((m) => m.id === r.membershipId)?.userId ?? null, lasts: drillLasts(r.params as DrillSpec), startedAt: r.startedAt.toISOString(), endedAt: r.endedAt?.toISOString() ?? null }));
  }

  private async apply(clusterId: string, drillId: string, spec: DrillSpec, phase: 'start' | 'end', user: AuthUser): Promise<number> {
    const c = await this.runner.mutate(clusterId, async (entry) => {
      const at = entry.clock.now();
      try {
        applyDrill(entry.sandbox.cluster, spec, phase, at);
      } catch (e) {
        // the operation's own reason (no such node, pod or container): nothing was changed
        throw new AppError('CONFLICT', errorText(e));
      }
      return { input: { kind: 'drill', at: new Date(at), door: 'system', actorId: user.id, payload: { drillId, phase, spec } }, result: null };
    });
    return c.version;
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
