// "Try it on my own cluster": a custom task's checks (as typed, saved or not) evaluated against
// the instructor's own cluster in the classroom, as a student's Check is evaluated against theirs.
// The instructor's own cluster is the course cluster of their membership of the classroom,
// created on first need exactly as a student's is when they join; instructors are never graded
// (grading, drills and the class view take only members with the role student).
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/request-auth';
import { ClusterRunner } from '../clusters/cluster-runner';
import { ClustersService } from '../clusters/clusters.service';
import { checkContext } from '../course/check-context';
import { TransitionRecorder } from '../course/transition-recorder';
import { PrismaService } from '../database/prisma.service';
import { evaluateStep } from '../grading/checks/evaluate';
import type { Condition, Locale, StepResult } from '../grading/checks/types';
import { HistoryReader } from '../grading/history-reader';
import type { TaughtClassroom } from './instructor-access';

export interface TrialResult extends StepResult {
  clusterId: string;
  /** the cluster's version the checks saw */
  clusterVersion: number;
}

/** How often a trial starts over when a command slipped in while it loaded the history. */
const ATTEMPTS = 3;
const PURPOSE = 'course';

@Injectable()
export class TaskTrialService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clusters: ClustersService,
    private readonly runner: ClusterRunner,
    private readonly recorder: TransitionRecorder,
    private readonly history: HistoryReader,
  ) {}

  /** The instructor's own cluster in the classroom, if they have one yet. */
  async ownCluster(user: AuthUser, room: TaughtClassroom): Promise<string | undefined> {
    const row = await this.prisma.cluster.findFirst({ where: { purpose: PURPOSE, membership: { userId: user.id, classroomId: room.id } }, select: { id: true } });
    return row?.id;
  }

  /** The instructor's own cluster in the classroom, created when missing. */
  async ensureOwnCluster(user: AuthUser, room: TaughtClassroom): Promise<string> {
    // the owner always has a membership (made with the classroom); upsert all the same
    const m = await this.prisma.membership.upsert({
      where: { userId_classroomId: { userId: user.id, classroomId: room.id } },
      create: { userId: user.id, classroomId: room.id, role: 'instructor' },
      update: {},
      select: { id: true },
    });
    return this.clusters.ensureCluster(m.id, PURPOSE);
  }

  /**
   * Evaluates the checks on the instructor's cluster now, as the course checks a step: the
   * cluster stepped to now and its transitions stored, then the history read for the version the
   * objects are read at (a command landing in between makes it start over). Its whole present
   * history counts: there is no step start on an instructor's cluster.
   */
  async tryChecks(user: AuthUser, room: TaughtClassroom, checks: Condition[], locale: Locale): Promise<TrialResult> {
    const clusterId = await this.ensureOwnCluster(user, room);
    for (let attempt = 1; ; attempt++) {
      const version = await this.runner.read(clusterId, (entry) => {
        this.recorder.track(entry.sandbox);
        return entry.version;
      });
      await this.recorder.flush(clusterId);
      const history = this.history.read(clusterId, version);
      const out = await this.runner.read(clusterId, (entry) => {
        if (entry.version !== version && attempt < ATTEMPTS) return undefined;
        const store = entry.sandbox.cluster.store;
        const now = Math.max(entry.clock.now(), entry.sandbox.cluster.now);
        const ctx = checkContext((resource, ns) => store.list(resource, ns), history, now);
        return { ...evaluateStep(checks, ctx, locale), clusterId, clusterVersion: entry.version };
      });
      if (out) return out;
    }
  }
}
