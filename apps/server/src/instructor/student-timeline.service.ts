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
import { mergeTimeline, podsTable, TimelineCursor, TimelineEntry, TimelineInput, TimelineTransition } from './student-timeline';

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
  /** Where this page ends: what the live socket sends starts after it. */
  cursor: TimelineCursor;
}

/** What came to the timeline after a cursor (the live socket's pushes). */
export interface TimelineUpdate {
  entries: TimelineEntry[];
  cursor: TimelineCursor;
  /** More entries came than one update carries: ask again from `cursor`. */
  more: boolean;
}

/** The student's cluster as it is now, stepped to the server's time (the live picture). */
export interface LiveState {
  clusterId: string;
  version: number;
  /** Simulated time of the state. */
  at: string;
  picture: ClusterPicture;
  /** `kubectl get pods -A` as it would print now. */
  pods: string;
}

/** Transitions one update carries at most (a long idle catch-up can record many). */
const MAX_UPDATE_TRANSITIONS = 2000;

type InputRecord = { seq: number; kind: string; at: Date; door: string; actor: { username: string } | null; command: string | null; exitCode: number | null; stdout: string | null; stderr: string | null; outputTruncated: boolean; durationMs: number | null };
type TransitionRecord = { clusterVersion: number; at: Date; kind: string; resource: string; namespace: string | null; name: string; phase: string | null; lineage: number; resourceVersion: number };

const inputEntry = (r: InputRecord): TimelineInput => ({
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
});

const transitionEntry = (t: TransitionRecord): TimelineTransition => ({ type: 'transition', seq: t.clusterVersion, at: t.at.toISOString(), kind: t.kind, resource: t.resource, namespace: t.namespace, name: t.name, phase: t.phase });

/** Transitions are recorded in (lineage, resourceVersion) order: the later of two positions. */
const later = (a: { lineage: number; rv: number }, b: { lineage: number; rv: number }) => (a.lineage > b.lineage || (a.lineage === b.lineage && a.rv > b.rv) ? a : b);

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
  async cluster(room: TaughtClassroom, userId: string, clusterId: string) {
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
    return {
      userId: m.user.id,
      username: m.user.username,
      displayName: m.user.displayName,
      clusters: clusters.map((c) => ({ id: c.id, purpose: c.purpose, shape: c.shape, version: c.version, snapshots: c.snapshots.map((s) => ({ id: s.id, name: s.name, clusterVersion: s.clusterVersion, createdAt: s.createdAt.toISOString() })) })),
      checks: await this.checksOf(m.id, locale),
    };
  }

  /** The student's latest check result per lesson step. */
  async checks(room: TaughtClassroom, userId: string, locale: Locale): Promise<StudentCheck[]> {
    return this.checksOf((await this.membership(room, userId)).id, locale);
  }

  private async checksOf(membershipId: string, locale: Locale): Promise<StudentCheck[]> {
    const rows = await this.prisma.checkResult.findMany({ where: { membershipId }, orderBy: { at: 'desc' } });
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
    return checks;
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
    // the page's last transition, or the last one before it (none shown: the live socket starts there)
    let position = trans.reduce((p, t) => later(p, { lineage: t.lineage, rv: t.resourceVersion }), { lineage: 0, rv: 0 });
    if (trans.length === 0) {
      const before = await this.prisma.transition.findFirst({ where: { clusterId, clusterVersion: { lte: after } }, orderBy: [{ lineage: 'desc' }, { resourceVersion: 'desc' }], select: { lineage: true, resourceVersion: true } });
      if (before) position = { lineage: before.lineage, rv: before.resourceVersion };
    }
    return { clusterId, version: c.version, entries: mergeTimeline(rows.map(inputEntry), trans.map(transitionEntry)), next: last < c.version ? last : null, cursor: { seq: last, ...position } };
  }

  /**
   * What was recorded after `cursor`: the inputs after its seq (at most `limit`) and the
   * transitions after its position (those of the inputs returned, and timed ones), merged.
   * The caller has checked that the cluster is the student's.
   */
  async entriesAfter(clusterId: string, cursor: TimelineCursor, limit: number): Promise<TimelineUpdate> {
    const rows = await this.prisma.input.findMany({ where: { clusterId, seq: { gt: cursor.seq } }, orderBy: { seq: 'asc' }, take: limit, include: { actor: { select: { username: true } } } });
    let more = rows.length === limit;
    const upTo = more ? rows[rows.length - 1].seq : undefined;
    const trans = await this.prisma.transition.findMany({
      where: {
        clusterId,
        OR: [{ lineage: { gt: cursor.lineage } }, { lineage: cursor.lineage, resourceVersion: { gt: cursor.rv } }],
        ...(upTo === undefined ? {} : { clusterVersion: { lte: upTo } }),
      },
      orderBy: [{ lineage: 'asc' }, { resourceVersion: 'asc' }],
      take: MAX_UPDATE_TRANSITIONS,
    });
    if (trans.length === MAX_UPDATE_TRANSITIONS) more = true;
    const lastTrans = trans[trans.length - 1];
    return {
      entries: mergeTimeline(rows.map(inputEntry), trans.map(transitionEntry)),
      cursor: {
        seq: rows.length ? rows[rows.length - 1].seq : cursor.seq,
        ...(lastTrans ? { lineage: lastTrans.lineage, rv: lastTrans.resourceVersion } : { lineage: cursor.lineage, rv: cursor.rv }),
      },
      more,
    };
  }

  /** The end of the timeline as recorded so far (the cluster's version and its last transition). */
  async cursorNow(clusterId: string): Promise<TimelineCursor> {
    const c = await this.prisma.cluster.findUnique({ where: { id: clusterId }, select: { version: true } });
    if (!c) throw new AppError('NOT_FOUND', 'No such cluster for this student');
    const last = await this.prisma.transition.findFirst({ where: { clusterId }, orderBy: [{ lineage: 'desc' }, { resourceVersion: 'desc' }], select: { lineage: true, resourceVersion: true } });
    return { seq: c.version, lineage: last?.lineage ?? 0, rv: last?.resourceVersion ?? 0 };
  }

  /** The student's cluster now (timed transitions applied up to the server's time). */
  async live(room: TaughtClassroom, userId: string, clusterId: string): Promise<LiveState> {
    await this.cluster(room, userId, clusterId);
    return this.liveState(clusterId);
  }

  /** The cluster now; the caller has checked that it is the student's. */
  liveState(clusterId: string): Promise<LiveState> {
    return this.runner.read(clusterId, (entry) => {
      const { store, now } = entry.sandbox.cluster;
      return { clusterId, version: entry.version, at: new Date(now).toISOString(), picture: clusterPicture(entry.version, store.list('nodes'), store.list('pods'), store.list('services')), pods: podsTable(store.list('pods'), now) };
    });
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
