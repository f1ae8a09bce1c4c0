// One student in depth for the instructor: their clusters, their latest check results, their
// timeline (inputs and timed changes), the state of a cluster after any past input (rebuilt by
// the timeline service, never the live one), and the instructor's reset and restore of it.
import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/request-auth';
import { CLOCK, Clock } from '../clock/clock';
import { ClusterRunner } from '../clusters/cluster-runner';
import { AppError } from '../common/app-error';
import { LessonLibrary } from '../course/lesson-library';
import { PrismaService } from '../database/prisma.service';
import { loadsEngineVersion, ENGINE_VERSION, type ClusterOptions, type ClusterShape } from '../engine/cluster-state';
import type { Locale } from '../grading/checks/types';
import { TimelineService } from '../timeline/timeline.service';
import { clusterPicture, type ClusterPicture } from '../web/cluster-picture';
import type { TaughtClassroom } from './instructor-access';
import { mergeTimeline, podsTable, TimelineEntry, TimelineInput, TimelineTransition } from './student-timeline';

export interface StudentCluster {
  id: string;
  purpose: string;
  shape: string;
  version: number;
  snapshots: { id: string; name: string; clusterVersion: number; createdAt: string }[];
}

export interface StudentCheck {
  lessonId: string;
  lessonTitle: string;
  stepId: string;
  stepTitle: string;
  passed: boolean;
  score: number;
  at: string;
  clusterVersion: number;
  conditions: { passed: boolean; expected: string; found: string; message: string }[];
}

export interface StudentOverview {
  userId: string;
  username: string;
  displayName: string;
  clusters: StudentCluster[];
  checks: StudentCheck[];
}

export interface TimelinePage {
  clusterId: string;
  version: number;
  entries: TimelineEntry[];
  /** The `after` for the next page; null at the end. */
  next: number | null;
}

export interface PastState {
  clusterId: string;
  seq: number;
  /** Simulated time of the rebuilt state. */
  at: string;
  picture: ClusterPicture;
  /** `kubectl get pods -A` as it would have printed then. */
  pods: string;
}

@Injectable()
export class StudentTimelineService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly timeline: TimelineService,
    private readonly runner: ClusterRunner,
    private readonly lessons: LessonLibrary,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The student's membership of the classroom (404 for anyone else, instructors included). */
  private async membership(room: TaughtClassroom, userId: string) {
    const m = await this.prisma.membership.findUnique({
      where: { userId_classroomId: { userId, classroomId: room.id } },
      select: { id: true, role: true, user: { select: { id: true, username: true, displayName: true } } },
    });
    if (!m || m.role !== 'student') throw new AppError('NOT_FOUND', 'No such student in this classroom');
    return m;
  }

  /** A cluster of that student in that classroom (404 otherwise). */
  private async cluster(room: TaughtClassroom, userId: string, clusterId: string) {
    const m = await this.membership(room, userId);
    const c = await this.prisma.cluster.findFirst({ where: { id: clusterId, membershipId: m.id }, select: { id: true, version: true, shape: true, options: true } });
    if (!c) throw new AppError('NOT_FOUND', 'No such cluster for this student');
    return c;
  }

  async overview(room: TaughtClassroom, userId: string, locale: Locale): Promise<StudentOverview> {
    const m = await this.membership(room, userId);
    const clusters = await this.prisma.cluster.findMany({
      where: { membershipId: m.id },
      orderBy: { createdAt: 'asc' },
      select: { id: true, purpose: true, shape: true, version: true, snapshots: { where: { kind: 'user' }, orderBy: { createdAt: 'asc' }, select: { id: true, name: true, clusterVersion: true, createdAt: true } } },
    });
    const rows = await this.prisma.checkResult.findMany({ where: { membershipId: m.id }, orderBy: { at: 'desc' } });
    const seen = new Set<string>();
    const checks: StudentCheck[] = [];
    for (const r of rows) {
      const key = `${r.lessonId}/${r.checkId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const lesson = this.lessons.lessons.find((l) => l.id === r.lessonId);
      const step = lesson?.steps.find((s) => s.id === r.checkId);
      const detail = (r.detail ?? {}) as Record<string, { conditions?: { passed?: boolean; expected?: string; found?: string; message?: string }[] } | undefined>;
      const conditions = (detail[locale] ?? detail.es ?? detail.en)?.conditions ?? [];
      checks.push({
        lessonId: r.lessonId,
        lessonTitle: lesson ? lesson.title[locale] : r.lessonId,
        stepId: r.checkId,
        stepTitle: step ? step.title[locale] : r.checkId,
        passed: r.passed,
        score: r.score,
        at: r.at.toISOString(),
        clusterVersion: r.clusterVersion,
        conditions: conditions.map((c) => ({ passed: c.passed === true, expected: String(c.expected ?? ''), found: String(c.found ?? ''), message: String(c.message ?? '') })),
      });
    }
    checks.sort((a, b) => a.lessonId.localeCompare(b.lessonId) || a.stepId.localeCompare(b.stepId));
    return {
      userId: m.user.id,
      username: m.user.username,
      displayName: m.user.displayName,
      clusters: clusters.map((c) => ({ id: c.id, purpose: c.purpose, shape: c.shape, version: c.version, snapshots: c.snapshots.map((s) => ({ id: s.id, name: s.name, clusterVersion: s.clusterVersion, createdAt: s.createdAt.toISOString() })) })),
      checks,
    };
  }

  /** Inputs after `after` (at most `limit`) and the transitions their commits recorded. */
  async timelinePage(room: TaughtClassroom, userId: string, clusterId: string, after: number, limit: number): Promise<TimelinePage> {
    const c = await this.cluster(room, userId, clusterId);
    const rows = await this.prisma.input.findMany({
      where: { clusterId, seq: { gt: after } },
      orderBy: { seq: 'asc' },
      take: limit,
      include: { actor: { select: { username: true } } },
    });
    const last = rows.length === limit ? rows[rows.length - 1].seq : c.version;
    const trans = await this.prisma.transition.findMany({ where: { clusterId, clusterVersion: { gt: after, lte: last } }, orderBy: [{ at: 'asc' }, { resourceVersion: 'asc' }] });
    const inputs: TimelineInput[] = rows.map((r) => ({
      type: 'input',
      seq: r.seq,
      kind: r.kind,
      at: r.at.toISOString(),
      door: r.door,
      who: r.actor?.username ?? null,
      command: r.command,
      exitCode: r.exitCode,
      stdout: r.stdout,
      stderr: r.stderr,
      outputTruncated: r.outputTruncated,
      durationMs: r.durationMs,
    }));
    const transitions: TimelineTransition[] = trans.map((t) => ({ type: 'transition', seq: t.clusterVersion, at: t.at.toISOString(), kind: t.kind, resource: t.resource, namespace: t.namespace, name: t.name, phase: t.phase }));
    return { clusterId, version: c.version, entries: mergeTimeline(inputs, transitions), next: last < c.version ? last : null };
  }

  async stateAfter(room: TaughtClassroom, userId: string, clusterId: string, seq: number): Promise<PastState> {
    await this.cluster(room, userId, clusterId);
    const { sandbox } = await this.timeline.stateAfter(clusterId, seq);
    const { store, now } = sandbox.cluster;
    return {
      clusterId,
      seq,
      at: new Date(now).toISOString(),
      picture: clusterPicture(seq, store.list('nodes'), store.list('pods'), store.list('services')),
      pods: podsTable(store.list('pods'), now),
    };
  }

  /**
   * A fresh cluster in place of the student's, by the instructor: an Input of kind `reset` (the
   * kind the transition lineage and the checks' history look for) at the system door, the
   * instructor its actor.
   */
  async reset(instructor: AuthUser, room: TaughtClassroom, userId: string, clusterId: string): Promise<{ version: number }> {
    const c = await this.cluster(room, userId, clusterId);
    const seed = randomInt(1, 2 ** 31 - 1);
    const done = await this.runner.mutate(clusterId, async () => ({
      input: { kind: 'reset', at: new Date(this.clock.now()), door: 'system', actorId: instructor.id, payload: { seed, by: 'instructor' } },
      replace: this.runner.createSandbox({ seed, shape: c.shape as ClusterShape, options: (c.options ?? {}) as ClusterOptions }),
      result: null,
    }));
    return { version: done.version };
  }

  /** One of the student's snapshots put back by the instructor (kind `restore`, system door). */
  async restore(instructor: AuthUser, room: TaughtClassroom, userId: string, clusterId: string, snapshotId: string): Promise<{ version: number }> {
    await this.cluster(room, userId, clusterId);
    const snap = await this.prisma.snapshot.findFirst({ where: { id: snapshotId, clusterId, kind: 'user' } });
    if (!snap) throw new AppError('NOT_FOUND', 'No such snapshot');
    if (!loadsEngineVersion(snap.engineVersion)) throw new AppError('CONFLICT', `The snapshot was taken by engine ${snap.engineVersion}; this server runs ${ENGINE_VERSION}`);
    const done = await this.runner.mutate(clusterId, async () => {
      const sandbox = this.runner.loadSandbox(snap.state);
      sandbox.cluster.step(sandbox.clock.now());
      return { input: { kind: 'restore', at: new Date(this.clock.now()), door: 'system', actorId: instructor.id, payload: { snapshotId, name: snap.name, by: 'instructor' } }, replace: sandbox, result: null };
    });
    return { version: done.version };
  }
}
