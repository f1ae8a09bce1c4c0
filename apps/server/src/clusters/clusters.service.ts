// A student's clusters: created on first need, listed, read, reset, snapshotted and restored.
import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/request-auth';
import { CLOCK, Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { PrismaService } from '../database/prisma.service';
import { resolveResourceArg } from '../engine/api/resources';
import { ENGINE_VERSION, loadsEngineVersion, type ClusterOptions, type ClusterShape } from '../engine/cluster-state';
import { ClusterAccessService } from './cluster-access.service';
import { ClusterRunner } from './cluster-runner';
import { MAX_SNAPSHOTS } from './limits';
import { ObjectView, objectView } from './object-view';

export interface ClusterSummary {
  id: string;
  purpose: string;
  shape: string;
  classroomId: string;
  classroomName: string;
  ownerUsername: string;
  version: number;
  mine: boolean;
}

export interface SnapshotView {
  id: string;
  name: string;
  clusterVersion: number;
  stateAt: string;
  createdAt: string;
}

export interface InputView {
  seq: number;
  kind: string;
  door: string;
  at: string;
  command: string | null;
  exitCode: number | null;
  stdout: string | null;
  stderr: string | null;
  outputTruncated: boolean;
  durationMs: number | null;
}

const ACTOR = (user: AuthUser, door: string) => ({ actorId: user.id, door });

@Injectable()
export class ClustersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly runner: ClusterRunner,
    private readonly access: ClusterAccessService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The membership's cluster for `purpose`, created (a fresh kubeadm cluster) if missing. */
  async ensureCluster(membershipId: string, purpose = 'course', shape: ClusterShape = 'kubeadm', options?: ClusterOptions): Promise<string> {
    const existing = await this.prisma.cluster.findUnique({ where: { membershipId_purpose: { membershipId, purpose } }, select: { id: true } });
    if (existing) return existing.id;
    const seed = randomInt(1, 2 ** 31 - 1);
    const sandbox = this.runner.createSandbox({ seed, shape, options });
    const now = new Date(this.clock.now());
    const next = sandbox.cluster.nextTransitionAt();
    const state = JSON.stringify(sandbox.serialize());
    const stateAt = new Date(sandbox.cluster.now);
    try {
      const row = await this.prisma.cluster.create({
        data: {
          membershipId, purpose, shape, options: (options ?? {}) as object, seed,
          state, engineVersion: ENGINE_VERSION, version: 0, stateVersion: 0,
          stateAt, nextTransitionAt: next === undefined ? null : new Date(next), updatedAt: now,
          // the first state of the input log: the timeline rebuilds from it (runner: 'input N')
          snapshots: { create: { name: 'input 0', kind: 'auto', state, engineVersion: ENGINE_VERSION, clusterVersion: 0, stateAt, createdAt: now } },
        },
        select: { id: true },
      });
      // kept as loaded from what was stored: a loaded cluster shares its objects' equal parts
      // with every other one (engine/state/shared-objects.ts), a fresh one holds its own copies
      this.runner.remember(row.id, this.runner.loadSandbox(state), 0);
      return row.id;
    } catch (e) {
      if ((e as { code?: string }).code !== 'P2002') throw e;
      const row = await this.prisma.cluster.findUniqueOrThrow({ where: { membershipId_purpose: { membershipId, purpose } }, select: { id: true } });
      return row.id;
    }
  }

  /** The user's own clusters (course clusters created for every classroom joined as a student). */
  async listMine(user: AuthUser): Promise<ClusterSummary[]> {
    const memberships = await this.prisma.membership.findMany({ where: { userId: user.id, role: 'student', classroom: { archivedAt: null } }, select: { id: true } });
    for (const m of memberships) await this.ensureCluster(m.id);
    const rows = await this.prisma.cluster.findMany({
      where: { membership: { userId: user.id } },
      select: { id: true, purpose: true, shape: true, version: true, membership: { select: { classroomId: true, classroom: { select: { name: true } } } } },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((r) => ({ id: r.id, purpose: r.purpose, shape: r.shape, version: r.version, classroomId: r.membership.classroomId, classroomName: r.membership.classroom.name, ownerUsername: user.username, mine: true }));
  }

  async summary(user: AuthUser, clusterId: string): Promise<ClusterSummary> {
    const ref = await this.access.check(user, clusterId, 'read');
    const r = await this.prisma.cluster.findUniqueOrThrow({
      where: { id: ref.id },
      select: { id: true, purpose: true, shape: true, version: true, membership: { select: { classroomId: true, classroom: { select: { name: true } }, user: { select: { username: true } } } } },
    });
    return { id: r.id, purpose: r.purpose, shape: r.shape, version: r.version, classroomId: r.membership.classroomId, classroomName: r.membership.classroom.name, ownerUsername: r.membership.user.username, mine: ref.ownerUserId === user.id };
  }

  /** The cluster's objects at now, all or of one resource (`pods`, `deploy`, `Service`...). */
  async objects(user: AuthUser, clusterId: string, resourceArg?: string, full = false): Promise<{ version: number; objects: ObjectView[] }> {
    await this.access.check(user, clusterId, 'read');
    let only: string | undefined;
    if (resourceArg !== undefined) {
      const r = resolveResourceArg(resourceArg);
      if (!r) throw new AppError('BAD_REQUEST', `Unknown resource type "${resourceArg}"`);
      only = r.resource;
    }
    return this.runner.read(clusterId, (entry) => {
      const store = entry.sandbox.cluster.store;
      const objects: ObjectView[] = [];
      for (const resource of store.resources()) {
        if (only !== undefined && resource !== only) continue;
        if (only === undefined && resource === 'events') continue;
        for (const o of store.list(resource)) objects.push(objectView(resource, o, full));
      }
      return { version: entry.version, objects };
    });
  }

  async inputs(user: AuthUser, clusterId: string, afterSeq = 0, limit = 100): Promise<InputView[]> {
    await this.access.check(user, clusterId, 'read');
    const rows = await this.prisma.input.findMany({ where: { clusterId, seq: { gt: afterSeq } }, orderBy: { seq: 'asc' }, take: limit });
    return rows.map((r) => ({ seq: r.seq, kind: r.kind, door: r.door, at: r.at.toISOString(), command: r.command, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, outputTruncated: r.outputTruncated, durationMs: r.durationMs }));
  }

  /** A fresh cluster of the same shape in place of this one (its inputs and snapshots stay). */
  async reset(user: AuthUser, clusterId: string, door: string): Promise<{ version: number }> {
    const ref = await this.access.check(user, clusterId, 'write');
    const seed = randomInt(1, 2 ** 31 - 1);
    const c = await this.runner.mutate(clusterId, async () => ({
      input: { kind: 'reset', at: new Date(this.clock.now()), ...ACTOR(user, door), payload: { seed } },
      replace: this.runner.createSandbox({ seed, shape: ref.shape as ClusterShape, options: (ref.options ?? {}) as ClusterOptions }),
      result: null,
    }));
    return { version: c.version };
  }

  async listSnapshots(user: AuthUser, clusterId: string): Promise<SnapshotView[]> {
    await this.access.check(user, clusterId, 'read');
    const rows = await this.prisma.snapshot.findMany({ where: { clusterId, kind: 'user' }, orderBy: { createdAt: 'asc' }, select: { id: true, name: true, clusterVersion: true, stateAt: true, createdAt: true } });
    return rows.map(snapshotView);
  }

  async saveSnapshot(user: AuthUser, clusterId: string, name: string): Promise<SnapshotView> {
    await this.access.check(user, clusterId, 'write');
    const count = await this.prisma.snapshot.count({ where: { clusterId, kind: 'user' } });
    if (count >= MAX_SNAPSHOTS) throw new AppError('CONFLICT', `A cluster keeps at most ${MAX_SNAPSHOTS} snapshots: delete one first`);
    const { state, version, stateAt } = await this.runner.read(clusterId, (entry) => ({
      state: JSON.stringify(entry.sandbox.serialize()),
      version: entry.version,
      stateAt: entry.sandbox.cluster.now,
    }));
    const row = await this.prisma.snapshot.create({
      data: { clusterId, name, kind: 'user', state, engineVersion: ENGINE_VERSION, clusterVersion: version, stateAt: new Date(stateAt), createdAt: new Date(this.clock.now()) },
    });
    return snapshotView(row);
  }

  async deleteSnapshot(user: AuthUser, clusterId: string, snapshotId: string): Promise<void> {
    await this.access.check(user, clusterId, 'write');
    const r = await this.prisma.snapshot.deleteMany({ where: { id: snapshotId, clusterId } });
    if (r.count === 0) throw new AppError('NOT_FOUND', 'No such snapshot');
  }

  /** Puts the snapshot's state back; simulated time then runs on from it to now. */
  async restoreSnapshot(user: AuthUser, clusterId: string, snapshotId: string, door: string): Promise<{ version: number }> {
    await this.access.check(user, clusterId, 'write');
    const snap = await this.prisma.snapshot.findFirst({ where: { id: snapshotId, clusterId } });
    if (!snap) throw new AppError('NOT_FOUND', 'No such snapshot');
    if (!loadsEngineVersion(snap.engineVersion)) throw new AppError('CONFLICT', `The snapshot was taken by engine ${snap.engineVersion}; this server runs ${ENGINE_VERSION}`);
    const c = await this.runner.mutate(clusterId, async () => {
      const sandbox = this.runner.loadSandbox(snap.state);
      sandbox.cluster.step(sandbox.clock.now());
      return { input: { kind: 'restore', at: new Date(this.clock.now()), ...ACTOR(user, door), payload: { snapshotId, name: snap.name } }, replace: sandbox, result: null };
    });
    return { version: c.version };
  }
}

function snapshotView(r: { id: string; name: string; clusterVersion: number; stateAt: Date; createdAt: Date }): SnapshotView {
  return { id: r.id, name: r.name, clusterVersion: r.clusterVersion, stateAt: r.stateAt.toISOString(), createdAt: r.createdAt.toISOString() };
}
