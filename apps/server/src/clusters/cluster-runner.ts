// Loads, locks, runs and persists a cluster: the one path by which anything changes a stored
// cluster. Within a process a per-cluster lock serializes the work; across processes the write
// is a compare-and-set on the cluster's version (update ... where version = the one we ran on)
// in the same transaction as the Input row whose seq is that new version, so a lost race fails
// whole (nothing written) and is retried on the newer state.
//
// Persistence is an input log with periodic states (docs/design-notes.md, "The input log"):
// a command stores its Input row (with what a replay needs in its payload), not the cluster's
// 100-200 kB state; the state is stored every STATE_EVERY inputs, when the cluster leaves the
// cache or sits idle, at shutdown, and with every input a replay could not rebuild (reset,
// restore, kinds the replay does not know). Loading is the latest stored state plus a replay of
// the inputs after it. Commits go through InputWriter (group commit on a worker thread).
//
// In memory (sandbox-cache.ts): the LIVE_CAPACITY most recently used clusters as live Sandboxes,
// up to PACKED_CAPACITY more in their stored form, deflated (their state stored as they are
// packed, so dropping one loses nothing); a cluster idle for IDLE_MS is packed too.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type BetterSqlite3 from 'better-sqlite3';
import { CLOCK, Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { SQLITE_BUSY_TIMEOUT_MS } from '../database/sqlite';
import type { WatchEvent } from '../engine/api/store';
import { CreateClusterInput } from '../engine/cluster';
import { ENGINE_VERSION } from '../engine/cluster-state';
import { Sandbox } from '../engine/sandbox';
import type { ShellSignal } from '../engine/shell/types';
import { ClusterEvents } from './cluster-events';
import { loadReplayed, loadWithSwitch, LoggedInput, ReplayRefused } from './input-log';
import { InputRow, InputWriter, ShellRow, SQLITE_DRIVER, TransitionsRequest, WriteConflict } from './input-writer';
import { KeyedMutex } from './keyed-mutex';
import { SwitchClock } from './replay-clock';
import { CacheEntry, PackedEntry, SandboxCache } from './sandbox-cache';
import { lockContext, ServerSandboxClock, withRunContext } from './sandbox-clock';

/**
 * Clusters kept live in memory (each holds its whole engine state: 100-300 kB). Room for a class
 * of 300 and more: grading reads every student's cluster in turn, and an LRU smaller than the
 * class would unpack and pack one on every read (a grade of 300 students went from 1.3 to 8 s).
 */
export const LIVE_CAPACITY = 350;
/** Clusters kept packed in memory besides (15-25 kB each). */
export const PACKED_CAPACITY = 2000;
/** The state is stored after this many inputs (a load replays at most this many). */
export const STATE_EVERY = 100;
/**
 * A cluster unused this long gets its state stored and is packed (its next load replays nothing):
 * long enough that a class that stopped typing is still live when its instructor grades it.
 */
export const IDLE_MS = 30 * 60_000;
/** Lost races are retried this often (two processes saturating one cluster lose many). */
const MAX_ATTEMPTS = 50;

/** What a change to a cluster writes besides its new state. */
export interface Mutation<T> {
  /** The Input row (clusterId and seq are filled in). */
  input: Omit<InputRow, 'at' | 'actorId' | 'shellSessionId' | 'command' | 'payload' | 'stdout' | 'stderr' | 'outputTruncated' | 'exitCode' | 'durationMs'> & Partial<Omit<InputRow, 'at'>> & { at: Date };
  /** A whole new sandbox (reset, restore) instead of the one the change ran on. */
  replace?: Sandbox;
  /** The shell session the input leaves (upserted in the same transaction). */
  shell?: ShellRow;
  /** The input can be run again from its row (input-log.ts); otherwise the state is stored with it. */
  replayable?: boolean;
  /** Runs once the input is committed (before the state may be stored). */
  onCommit?: () => void;
  result: T;
}

export interface Committed<T> {
  result: T;
  version: number;
  events: WatchEvent[];
}

class VersionConflict extends Error {}

const NEVER_ABORTED: ShellSignal = { aborted: false, onAbort: () => () => {} };

interface ClusterRow {
  state: string;
  stateVersion: number;
  version: number;
  engineVersion: string;
}

@Injectable()
export class ClusterRunner implements OnApplicationShutdown {
  private readonly logger = new Logger('ClusterRunner');
  private readonly mutex = new KeyedMutex();
  /** Live clusters past capacity are packed, unless a change is running on them or holds them. */
  readonly cache = new SandboxCache(LIVE_CAPACITY, PACKED_CAPACITY, {
    canPack: (entry) => entry.busy === 0 && !this.mutex.held(entry.clusterId),
    pack: (entry) => this.pack(entry),
  });
  /** Clusters packed and loaded back from their packed form, and the time that took (bench, tests). */
  readonly packing = { packs: 0, packMs: 0, unpacks: 0, unpackMs: 0 };
  /** Commits that lost the compare-and-set and were retried (for tests and metrics). */
  conflicts = 0;
  /** Inputs between two stored states (tests lower it). */
  stateEvery = STATE_EVERY;
  private readonly writer: InputWriter;
  /** A main-thread connection for reads: a version check is a few microseconds, without Prisma. */
  private readonly db: BetterSqlite3.Database;
  private readonly versionOf: BetterSqlite3.Statement<[string], { version: number }>;
  private readonly stateOf: BetterSqlite3.Statement<[string], ClusterRow>;
  private readonly inputsAfter: BetterSqlite3.Statement<[string, number, number], { seq: number; kind: string; command: string | null; payload: string | null }>;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly events: ClusterEvents,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.writer = new InputWriter(config.databaseFile, config.sqliteSynchronous);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- Prisma's copy of SQLite (see SQLITE_DRIVER)
    const Database = require(SQLITE_DRIVER) as typeof BetterSqlite3;
    this.db = new Database(config.databaseFile, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    this.versionOf = this.db.prepare('SELECT "version" FROM "Cluster" WHERE "id" = ?');
    this.stateOf = this.db.prepare('SELECT "state", "stateVersion", "version", "engineVersion" FROM "Cluster" WHERE "id" = ?');
    this.inputsAfter = this.db.prepare('SELECT "seq", "kind", "command", "payload" FROM "Input" WHERE "clusterId" = ? AND "seq" > ? AND "seq" <= ? ORDER BY "seq"');
    this.sweeper = setInterval(() => this.storeIdle(), IDLE_MS / 2);
    this.sweeper.unref();
  }

  /** A new sandbox at the server's now (a fresh cluster, or a reset). */
  createSandbox(input: Omit<CreateClusterInput, 'start'>): Sandbox {
    const now = this.clock.now();
    return Sandbox.create({ ...input, start: now }, new SwitchClock(new ServerSandboxClock(this.clock, now)));
  }

  loadSandbox(state: string): Sandbox {
    const { sandbox, clock } = loadWithSwitch(state, new ServerSandboxClock(this.clock, 0));
    clock.target = new ServerSandboxClock(this.clock, sandbox.cluster.now);
    return sandbox;
  }

  /** Puts a sandbox made by createSandbox or loadSandbox in the cache, stored at `version`. */
  remember(clusterId: string, sandbox: Sandbox, version: number): CacheEntry {
    const sw = sandbox.clock instanceof SwitchClock ? sandbox.clock : new SwitchClock(sandbox.clock);
    const entry: CacheEntry = { clusterId, sandbox, clock: sw.target as ServerSandboxClock, switch: sw, version, sinceState: 0, recorded: new Set(), shells: new Map(), lastUsed: Date.now(), busy: 0 };
    this.cache.set(entry);
    return entry;
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
      this.cache.shrink(); // what was over capacity while in use
    }
  }

  /** Brings a cluster to now and publishes what its timed transitions changed. */
  async tick(clusterId: string): Promise<number | undefined> {
    return this.read(clusterId, (entry) => entry.sandbox.cluster.nextTransitionAt());
  }

  /** Stores Transition rows in the inputs' group commit (course/transition-recorder.ts). */
  writeTransitions(t: TransitionsRequest): Promise<void> {
    return this.writer.writeTransitions(t);
  }

  /** Stores every cached state not stored yet, then closes the writer (graceful shutdown). */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    for (const entry of this.cache.values()) this.storeState(entry);
    await this.writer.close();
    this.db.close();
  }

  private stepToNow(entry: CacheEntry): void {
    const cluster = entry.sandbox.cluster;
    // the log keeps what the step changes until it is published (then, with no other reader, it
    // is dropped: old versions cost memory)
    const release = cluster.store.retainLog();
    try {
      const rv = cluster.store.resourceVersion;
      cluster.step(entry.clock.now());
      entry.lastUsed = Date.now();
      this.events.publish({ clusterId: entry.clusterId, version: entry.version, events: eventsSince(entry.sandbox, rv), replaced: false });
    } finally {
      release();
    }
  }

  private async attempt<T>(clusterId: string, change: (entry: CacheEntry, attempt: number) => Promise<Mutation<T>>, attempt: number, signal: ShellSignal): Promise<Committed<T>> {
    const holder = { release: await this.mutex.acquire(clusterId) };
    let entry: CacheEntry | undefined;
    let releaseLog: (() => void) | undefined;
    try {
      entry = await this.current(clusterId);
      entry.busy++;
      // the log keeps what the change writes until it is published (the last reader to let go
      // drops it: nothing reads it between changes, and old versions cost memory)
      releaseLog = entry.sandbox.cluster.store.retainLog();
      const rvBefore = entry.sandbox.cluster.store.resourceVersion;
      const versionBefore = entry.version;
      const ctx = lockContext(signal, holder, () => this.mutex.acquire(clusterId));
      const m = await withRunContext(ctx, () => change(entry!, attempt));
      // A waiting command let go of the cluster while asleep: if the cached state was replaced
      // meanwhile (another process wrote), what it did ran on a stale state.
      if (this.cache.peek(clusterId) !== entry) throw new VersionConflict();
      const sandbox = m.replace ?? entry.sandbox;
      const base = entry.version;
      const version = base + 1;
      // Stored with the input when a replay could not rebuild it: a new sandbox, a kind the
      // replay does not know, or a waiting command another input ran in the middle of.
      const storeState = m.replace !== undefined || m.replayable !== true || base !== versionBefore;
      const next = sandbox.cluster.nextTransitionAt();
      const now = this.clock.now();
      try {
        await this.writer.commit({
          clusterId,
          base,
          version,
          engineVersion: ENGINE_VERSION,
          stateAt: sandbox.cluster.now,
          nextTransitionAt: next,
          now,
          state: storeState ? JSON.stringify(sandbox.serialize()) : undefined,
          input: { actorId: null, shellSessionId: null, command: null, payload: null, stdout: null, stderr: null, outputTruncated: false, exitCode: null, durationMs: null, ...m.input, at: m.input.at.getTime() },
          shell: m.shell,
        });
      } catch (e) {
        if (e instanceof WriteConflict) throw new VersionConflict();
        throw e;
      }
      m.onCommit?.();
      let events: WatchEvent[] = [];
      if (m.replace) {
        this.remember(clusterId, m.replace, version);
      } else {
        entry.version = version;
        entry.lastUsed = Date.now();
        if (storeState) stored(entry);
        else if (++entry.sinceState >= this.stateEvery) this.storeState(entry, true, 1);
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
      releaseLog?.();
      if (entry) entry.busy--;
      holder.release();
      this.cache.shrink();
    }
  }

  /** Writes the entry's state at its version, if inputs came since the last one stored. */
  private storeState(entry: CacheEntry, exact = false, ownBusy = 0, serialized?: string): void {
    // Not while another change runs on it (a waiting command asleep): the state would hold what
    // that change did so far under a version that does not include it. Stored later instead.
    if (entry.sinceState === 0 || entry.busy > ownBusy) return;
    const state = serialized ?? JSON.stringify(entry.sandbox.serialize());
    stored(entry);
    this.writer
      .writeState({ clusterId: entry.clusterId, version: entry.version, exact, engineVersion: ENGINE_VERSION, state, stateAt: entry.sandbox.cluster.now, now: this.clock.now() })
      .catch((e: unknown) => this.logger.warn(`storing the state of ${entry.clusterId} failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  private storeIdle(): void {
    const before = Date.now() - IDLE_MS;
    for (const entry of [...this.cache.values()]) if (entry.lastUsed < before) this.cache.pack(entry);
  }

  /** The entry's packed form, its state stored first if inputs came since the last one stored. */
  private pack(entry: CacheEntry): PackedEntry | undefined {
    const t0 = performance.now();
    try {
      const state = JSON.stringify(entry.sandbox.serialize());
      this.storeState(entry, false, 0, state);
      // level 1: a third of the JSON in about 1 ms; higher levels save 10% more for twice the time
      const packed = { clusterId: entry.clusterId, version: entry.version, state: deflateRawSync(state, { level: 1 }), shells: entry.shells };
      this.packing.packs++;
      this.packing.packMs += performance.now() - t0;
      return packed;
    } catch (e) {
      // dropped instead: its inputs are stored, the next use loads it from the database
      this.logger.warn(`packing ${entry.clusterId} failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  /** A packed cluster live again, as it was when packed. */
  private unpack(packed: PackedEntry): CacheEntry {
    const t0 = performance.now();
    const sandbox = this.loadSandbox(inflateRawSync(packed.state).toString());
    this.packing.unpacks++;
    this.packing.unpackMs += performance.now() - t0;
    // (remembering it may pack the least recently used one: counted with the packs)
    const entry = this.remember(packed.clusterId, sandbox, packed.version);
    entry.shells = packed.shells;
    return entry;
  }

  /** The cached sandbox if it matches the stored version, else the stored state and a replay. */
  private async current(clusterId: string): Promise<CacheEntry> {
    const row = this.versionOf.get(clusterId);
    if (!row) throw new AppError('NOT_FOUND', 'No such cluster');
    const cached = this.cache.get(clusterId);
    if (cached && cached.version === row.version) return cached;
    const packed = cached ? undefined : this.cache.packed(clusterId);
    if (packed && packed.version === row.version) {
      try {
        return this.unpack(packed);
      } catch (e) {
        // not expected (it was serialized by this process): the database has it too
        this.cache.evict(clusterId);
        this.logger.warn(`unpacking ${clusterId} failed, loading it from the database: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const entry = await this.load(clusterId);
    // Another process changed it: whoever watches here lists it again.
    if (cached || packed) this.events.publish({ clusterId, version: entry.version, events: [], replaced: true });
    return entry;
  }

  /** Latest stored state + the inputs after it, replayed by the engine that recorded them. */
  private async load(clusterId: string): Promise<CacheEntry> {
    const row = this.stateOf.get(clusterId);
    if (!row) throw new AppError('NOT_FOUND', 'No such cluster');
    const inputs: LoggedInput[] = this.inputsAfter.all(clusterId, row.stateVersion, row.version).map((i) => ({ ...i, payload: i.payload === null ? null : JSON.parse(i.payload) }));
    if (inputs.length > 0 && row.engineVersion !== ENGINE_VERSION) {
      throw new ReplayRefused(
        `This cluster's last ${inputs.length} inputs were recorded by engine ${row.engineVersion} and are not in its stored state; this server runs engine ${ENGINE_VERSION} and does not replay another engine's inputs. Run a server with engine ${row.engineVersion} until the cluster's state is stored (it is at shutdown), or reset the cluster.`,
      );
    }
    if (inputs.length !== row.version - row.stateVersion) throw new Error(`cluster ${clusterId}: inputs ${row.stateVersion + 1}..${row.version} are not all stored`);
    // The replay rebuilds state only: nothing is published (watchers saw these changes happen).
    const sandbox = await loadReplayed(row.state, inputs, (now) => new ServerSandboxClock(this.clock, now));
    const entry = this.remember(clusterId, sandbox, row.version);
    entry.sinceState = inputs.length;
    return entry;
  }
}

/** The entry's state was just stored: the next input of every shell records its session again. */
function stored(entry: CacheEntry): void {
  entry.sinceState = 0;
  entry.recorded.clear();
}

function eventsSince(sandbox: Sandbox, rv: number): WatchEvent[] {
  try {
    return sandbox.cluster.store.eventsSince(rv);
  } catch {
    return []; // more changes than the watch log keeps: watchers list again
  }
}
