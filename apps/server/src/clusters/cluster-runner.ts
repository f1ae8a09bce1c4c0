// Loads, locks, runs and persists a cluster: the one path by which anything changes a stored
// cluster. Within a process a per-cluster lock serializes the work; across processes the write
// is a compare-and-set on the cluster's version (update ... where version = the one we ran on)
// in the same transaction as the Input row whose seq is that new version, so a lost race fails
// whole (nothing written) and is retried on the newer state.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Prisma, PrismaPromise } from '../../../../generated/prisma';
import { CLOCK, Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { PrismaService } from '../database/prisma.service';
import type { WatchEvent } from '../engine/api/store';
import { CreateClusterInput } from '../engine/cluster';
import { ENGINE_VERSION, SerializedCluster } from '../engine/cluster-state';
import { Sandbox } from '../engine/sandbox';
import type { ShellSignal } from '../engine/shell/types';
import { ClusterEvents } from './cluster-events';
import { KeyedMutex } from './keyed-mutex';
import { CacheEntry, SandboxCache } from './sandbox-cache';
import { lockContext, ServerSandboxClock, withRunContext } from './sandbox-clock';

/** Clusters kept in memory (each holds its whole engine state). */
export const CACHE_CAPACITY = 500;
/** Lost races are retried this often (two processes saturating one cluster lose many). */
const MAX_ATTEMPTS = 50;

/** What a change to a cluster writes besides its new state. */
export interface Mutation<T> {
  /** The Input row (clusterId and seq are filled in). */
  input: Omit<Prisma.InputUncheckedCreateInput, 'clusterId' | 'seq'>;
  /** A whole new sandbox (reset, restore) instead of the one the change ran on. */
  replace?: Sandbox;
  /** More writes for the same transaction, before the Input row (which may refer to them). */
  extra?: (version: number) => PrismaPromise<unknown>[];
  result: T;
}

export interface Committed<T> {
  result: T;
  version: number;
  events: WatchEvent[];
}

class VersionConflict extends Error {}

const NEVER_ABORTED: ShellSignal = { aborted: false, onAbort: () => () => {} };

@Injectable()
export class ClusterRunner {
  private readonly logger = new Logger('ClusterRunner');
  private readonly mutex = new KeyedMutex();
  readonly cache = new SandboxCache(CACHE_CAPACITY);
  /** Commits that lost the compare-and-set and were retried (for tests and metrics). */
  conflicts = 0;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly events: ClusterEvents,
  ) {}

  /** A new sandbox at the server's now (a fresh cluster, or a reset). */
  createSandbox(input: Omit<CreateClusterInput, 'start'>): Sandbox {
    const now = this.clock.now();
    return Sandbox.create({ ...input, start: now }, new ServerSandboxClock(this.clock, now));
  }

  loadSandbox(state: string): Sandbox {
    const data = JSON.parse(state) as SerializedCluster;
    return Sandbox.load(data, new ServerSandboxClock(this.clock, data.now));
  }

  /** Puts a just-created cluster's sandbox in the cache (it is stored at version 0). */
  remember(clusterId: string, sandbox: Sandbox, version: number): void {
    this.cache.set({ clusterId, sandbox, clock: sandbox.clock as ServerSandboxClock, version });
  }

  /**
   * Runs `change` on the current state of the cluster and commits what it returns. `change` may
   * run more than once (after a lost race); `attempt` counts from 1.
   */
  async mutate<T>(clusterId: string, change: (entry: CacheEntry, attempt: number) => Promise<Mutation<T>>, signal: ShellSignal = NEVER_ABORTED): Promise<Committed<T>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(clusterId, change, attempt, signal);
      } catch (e) {
        if (!(e instanceof VersionConflict) || attempt >= MAX_ATTEMPTS) throw e;
        this.conflicts++;
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * Math.min(100, 5 * attempt))));
      }
    }
  }

  /** Brings the cluster to now (timed transitions) without an input, and reads it. */
  async read<T>(clusterId: string, fn: (entry: CacheEntry) => T): Promise<T> {
    const release = await this.mutex.acquire(clusterId);
    try {
      const entry = await this.current(clusterId);
      this.stepToNow(entry);
      return fn(entry);
    } finally {
      release();
    }
  }

  /** Brings a cluster to now and publishes what its timed transitions changed. */
  async tick(clusterId: string): Promise<number | undefined> {
    return this.read(clusterId, (entry) => entry.sandbox.cluster.nextTransitionAt());
  }

  private stepToNow(entry: CacheEntry): void {
    const cluster = entry.sandbox.cluster;
    const rv = cluster.store.resourceVersion;
    cluster.step(entry.clock.now());
    this.events.publish({ clusterId: entry.clusterId, version: entry.version, events: eventsSince(entry.sandbox, rv), replaced: false });
  }

  private async attempt<T>(clusterId: string, change: (entry: CacheEntry, attempt: number) => Promise<Mutation<T>>, attempt: number, signal: ShellSignal): Promise<Committed<T>> {
    const holder = { release: await this.mutex.acquire(clusterId) };
    let entry: CacheEntry | undefined;
    try {
      entry = await this.current(clusterId);
      const rvBefore = entry.sandbox.cluster.store.resourceVersion;
      const ctx = lockContext(signal, holder, () => this.mutex.acquire(clusterId));
      const m = await withRunContext(ctx, () => change(entry!, attempt));
      // A waiting command let go of the cluster while asleep: if the cached state was replaced
      // meanwhile (another process wrote), what it did ran on a stale state.
      if (this.cache.peek(clusterId) !== entry) throw new VersionConflict();
      const sandbox = m.replace ?? entry.sandbox;
      const base = entry.version;
      const version = base + 1;
      const state = JSON.stringify(sandbox.serialize());
      const next = sandbox.cluster.nextTransitionAt();
      const now = new Date(this.clock.now());
      const ops: PrismaPromise<unknown>[] = [
        // The state (about 100-200 KB) goes through a raw statement: Prisma's typed update
        // costs about 3 times as much for a large string. The compare-and-set is here.
        this.prisma.$executeRaw`UPDATE "Cluster" SET "state" = ${state}, "version" = ${version}, "engineVersion" = ${ENGINE_VERSION} WHERE "id" = ${clusterId} AND "version" = ${base}`,
        this.prisma.cluster.updateMany({
          where: { id: clusterId, version },
          data: { stateAt: new Date(sandbox.cluster.now), nextTransitionAt: next === undefined ? null : new Date(next), updatedAt: now },
        }),
        ...(m.extra?.(version) ?? []),
        this.prisma.input.create({ data: { ...m.input, clusterId, seq: version } }),
      ];
      let results: unknown[];
      try {
        results = await this.prisma.$transaction(ops);
      } catch (e) {
        if ((e as { code?: string }).code === 'P2002') throw new VersionConflict();
        throw e;
      }
      if (results[0] !== 1) throw new VersionConflict();
      let events: WatchEvent[] = [];
      if (m.replace) {
        this.remember(clusterId, m.replace, version);
      } else {
        entry.version = version;
        events = eventsSince(sandbox, rvBefore);
      }
      this.events.publish({ clusterId, version, events, replaced: m.replace !== undefined });
      return { result: m.result, version, events };
    } catch (e) {
      // The in-memory state may hold a change that was not stored: never reuse it.
      if (entry) this.cache.evict(clusterId, entry);
      if (!(e instanceof VersionConflict) && !(e instanceof AppError)) this.logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      throw e;
    } finally {
      holder.release();
    }
  }

  /** The cached sandbox if it matches the stored version, else the stored state loaded. */
  private async current(clusterId: string): Promise<CacheEntry> {
    const row = await this.prisma.cluster.findUnique({ where: { id: clusterId }, select: { version: true } });
    if (!row) throw new AppError('NOT_FOUND', 'No such cluster');
    const cached = this.cache.get(clusterId);
    if (cached && cached.version === row.version) return cached;
    const full = await this.prisma.cluster.findUnique({ where: { id: clusterId }, select: { state: true, version: true } });
    if (!full) throw new AppError('NOT_FOUND', 'No such cluster');
    const sandbox = this.loadSandbox(full.state);
    const entry: CacheEntry = { clusterId, sandbox, clock: sandbox.clock as ServerSandboxClock, version: full.version };
    this.cache.set(entry);
    // Another process changed it: whoever watches here lists it again.
    if (cached) this.events.publish({ clusterId, version: entry.version, events: [], replaced: true });
    return entry;
  }
}

function eventsSince(sandbox: Sandbox, rv: number): WatchEvent[] {
  try {
    return sandbox.cluster.store.eventsSince(rv);
  } catch {
    return []; // more changes than the watch log keeps: watchers list again
  }
}
