// Group commit of the input log on a worker thread with its own SQLite connection. better-sqlite3
// is synchronous: a commit with synchronous=FULL waits for an fsync (a few ms), and on the main
// thread that would stall every request. Here the main thread posts the commits of each turn of
// its event loop in one message and awaits their answers (one message back per transaction);
// the worker writes whatever arrived since its last transaction in ONE transaction, so
// one fsync covers many commands (a class typing at once costs a few fsyncs a second, not one per
// command). Every commit is still a compare-and-set on the cluster's version in the same
// transaction as its Input row: a lost race is answered `conflict` and writes nothing of that
// commit, while the rest of the batch commits. A command is answered only after its batch is
// committed, so an answered command survives a SIGKILL (durability as before).
import { SQLITE_DRIVER } from '../database/sqlite-driver';
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { SqliteSynchronous } from '../config/config';
import { SQLITE_BUSY_TIMEOUT_MS } from '../database/sqlite';

/** Every connection of the server process uses Prisma's copy of SQLite (database/sqlite-driver.ts). */
export { SQLITE_DRIVER };

/** SQLite's text form of a DateTime as Prisma's adapter writes it (so Prisma reads it back). */
export function sqlTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

export interface InputRow {
  kind: string;
  at: number;
  door: string;
  actorId: string | null;
  shellSessionId: string | null;
  command: string | null;
  payload: unknown;
  stdout: string | null;
  stderr: string | null;
  outputTruncated: boolean;
  exitCode: number | null;
  durationMs: number | null;
}

export interface ShellRow {
  id: string;
  userId: string;
  door: string;
  terminalKey: string;
  env: unknown;
  cwd: string;
  host: string;
  history: unknown;
  shell: unknown;
}

export interface CommitRequest {
  clusterId: string;
  /** The version the change ran on (compare-and-set) and the one it produces (= the Input's seq). */
  base: number;
  version: number;
  engineVersion: string;
  stateAt: number;
  nextTransitionAt: number | undefined;
  now: number;
  input: InputRow;
  shell?: ShellRow;
  /** The whole state at `version`, stored with it (as Cluster.state and an 'auto' Snapshot) when
   *  a replay could not rebuild it: reset, restore, a command that interleaved with another. */
  state?: string;
}

export interface StateRequest {
  clusterId: string;
  /** The version the state is at. */
  version: number;
  /**
   * Taken as the input `version` was committed (the Snapshot is named `input N`), rather than
   * later, after time passed (`later N`: eviction, idle, shutdown). The timeline shows the state
   * right after an input only from an exact one.
   */
  exact: boolean;
  engineVersion: string;
  state: string;
  stateAt: number;
  now: number;
}

/** A Transition row (course/transition-recorder.ts): a watch event a check may ask about. */
export interface TransitionRow {
  at: number;
  kind: string;
  resource: string;
  namespace: string | null;
  name: string;
  phase: string | null;
  ownerKind: string | null;
  ownerName: string | null;
  terminating: boolean;
  resourceVersion: number;
}

export interface TransitionsRequest {
  clusterId: string;
  /** The cluster version whose commit (or timed step) made them. */
  version: number;
  lineage: number;
  rows: TransitionRow[];
}

type Answer = { id: number; ok: true } | { id: number; ok: false; conflict: boolean; error?: string; code?: string };

// Plain CommonJS run by the worker (eval'd: no TypeScript loader needed in the thread).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.busyTimeout });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = ' + workerData.synchronous);
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = ' + workerData.busyTimeout);
const cas = db.prepare('UPDATE "Cluster" SET "version" = ?, "engineVersion" = ?, "stateAt" = ?, "nextTransitionAt" = ?, "updatedAt" = ? WHERE "id" = ? AND "version" = ?');
const casState = db.prepare('UPDATE "Cluster" SET "version" = ?, "engineVersion" = ?, "stateAt" = ?, "nextTransitionAt" = ?, "updatedAt" = ?, "state" = ?, "stateVersion" = ? WHERE "id" = ? AND "version" = ?');
const insertInput = db.prepare('INSERT INTO "Input" ("id", "clusterId", "seq", "kind", "at", "door", "actorId", "shellSessionId", "command", "payload", "stdout", "stderr", "outputTruncated", "exitCode", "durationMs", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
const upsertShell = db.prepare('INSERT INTO "ShellSession" ("id", "userId", "clusterId", "door", "terminalKey", "env", "cwd", "host", "history", "shell", "createdAt", "lastUsedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("userId", "door", "terminalKey") DO UPDATE SET "env" = excluded."env", "cwd" = excluded."cwd", "host" = excluded."host", "history" = excluded."history", "shell" = excluded."shell", "lastUsedAt" = excluded."lastUsedAt"');
const checkpoint = db.prepare('UPDATE "Cluster" SET "state" = ?, "stateVersion" = ? WHERE "id" = ? AND "stateVersion" < ? AND "version" >= ?');
const autoSnapshot = db.prepare('INSERT INTO "Snapshot" ("id", "clusterId", "name", "kind", "state", "engineVersion", "clusterVersion", "stateAt", "createdAt") SELECT ?, ?, ?, \\'auto\\', ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM "Snapshot" WHERE "clusterId" = ? AND "kind" = \\'auto\\' AND "clusterVersion" = ?) AND EXISTS (SELECT 1 FROM "Cluster" WHERE "id" = ?)');
const insertTransition = db.prepare('INSERT INTO "Transition" ("id", "clusterId", "clusterVersion", "at", "kind", "resource", "namespace", "name", "phase", "ownerKind", "ownerName", "terminating", "lineage", "resourceVersion") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM "Cluster" WHERE "id" = ?) ON CONFLICT DO NOTHING');
function apply(m) {
  // a cluster deleted meanwhile (its account deleted) has nothing to keep
  if (m.type === 'transitions') {
    for (const t of m.rows) insertTransition.run(t.id, m.clusterId, m.version, t.at, t.kind, t.resource, t.namespace, t.name, t.phase, t.ownerKind, t.ownerName, t.terminating ? 1 : 0, m.lineage, t.resourceVersion, m.clusterId);
    return true;
  }
  if (m.type === 'state') {
    checkpoint.run(m.state, m.version, m.clusterId, m.version, m.version);
    autoSnapshot.run(m.snapshotId, m.clusterId, (m.exact ? 'input ' : 'later ') + m.version, m.state, m.engineVersion, m.version, m.stateAt, m.now, m.clusterId, m.version, m.clusterId);
    return true;
  }
  const r = m.state === undefined
    ? cas.run(m.version, m.engineVersion, m.stateAt, m.nextTransitionAt, m.now, m.clusterId, m.base)
    : casState.run(m.version, m.engineVersion, m.stateAt, m.nextTransitionAt, m.now, m.state, m.version, m.clusterId, m.base);
  if (r.changes !== 1) return false;
  if (m.state !== undefined) autoSnapshot.run(m.snapshotId, m.clusterId, 'input ' + m.version, m.state, m.engineVersion, m.version, m.stateAt, m.now, m.clusterId, m.version, m.clusterId);
  const s = m.shell;
  if (s) upsertShell.run(s.id, s.userId, m.clusterId, s.door, s.terminalKey, s.env, s.cwd, s.host, s.history, s.shell, m.now, m.now);
  const i = m.input;
  insertInput.run(m.inputId, m.clusterId, m.version, i.kind, i.at, i.door, i.actorId, i.shellSessionId, i.command, i.payload, i.stdout, i.stderr, i.outputTruncated ? 1 : 0, i.exitCode, i.durationMs, m.now);
  return true;
}
let queue = [];
let scheduled = false;
function failure(m, e) {
  return { id: m.id, ok: false, conflict: e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e.code === 'SQLITE_CONSTRAINT_UNIQUE', error: String(e.message), code: e.code };
}
// the answers of one transaction go back in one message, as the requests came in batches
function flush() {
  scheduled = false;
  const batch = queue;
  queue = [];
  const answers = [];
  let applied;
  try {
    applied = db.transaction(() => batch.map(apply)).immediate();
  } catch (e) {
    // one bad commit must not fail the others: write them one by one
    for (const m of batch) {
      try {
        const ok = db.transaction(() => apply(m)).immediate();
        answers.push(ok ? { id: m.id, ok: true } : { id: m.id, ok: false, conflict: true });
      } catch (e2) {
        answers.push(failure(m, e2));
      }
    }
    parentPort.postMessage(answers);
    return;
  }
  for (let k = 0; k < batch.length; k++) answers.push(applied[k] ? { id: batch[k].id, ok: true } : { id: batch[k].id, ok: false, conflict: true });
  parentPort.postMessage(answers);
}
parentPort.on('message', (m) => {
  if (m === 'close') {
    if (queue.length) flush();
    db.close();
    parentPort.close();
    return;
  }
  for (const r of m) queue.push(r);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
`;

export class WriteConflict extends Error {}

export class InputWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private closed?: Promise<void>;
  /** Why the worker stopped, if it did (every later write fails with it). */
  private dead?: Error;

  constructor(file: string, synchronous: SqliteSynchronous) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, synchronous, busyTimeout: SQLITE_BUSY_TIMEOUT_MS, driver: SQLITE_DRIVER },
    });
    this.worker.on('message', (answers: Answer[]) => {
      for (const a of answers) {
        const p = this.pending.get(a.id);
        if (!p) continue;
        this.pending.delete(a.id);
        if (a.ok) p.resolve();
        else if (a.conflict) p.reject(new WriteConflict(a.error ?? 'version conflict'));
        else p.reject(Object.assign(new Error(a.error), { code: a.code }));
      }
      if (this.pending.size === 0) this.worker.unref();
    });
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', () => this.failAll(new Error('the input writer stopped')));
    this.worker.unref();
  }

  /** Commits an input with its compare-and-set; rejects with WriteConflict on a lost race. */
  commit(c: CommitRequest): Promise<void> {
    return this.send({
      type: 'commit',
      ...c,
      inputId: randomUUID(),
      snapshotId: randomUUID(),
      stateAt: sqlTime(c.stateAt),
      nextTransitionAt: c.nextTransitionAt === undefined ? null : sqlTime(c.nextTransitionAt),
      now: sqlTime(c.now),
      input: { ...c.input, at: sqlTime(c.input.at), payload: c.input.payload === undefined || c.input.payload === null ? null : JSON.stringify(c.input.payload) },
      shell: c.shell && { ...c.shell, env: JSON.stringify(c.shell.env), history: JSON.stringify(c.shell.history), shell: JSON.stringify(c.shell.shell) },
    });
  }

  /** Stores a state the cluster had at `version` (Cluster.state if newer, and an 'auto' Snapshot). */
  writeState(s: StateRequest): Promise<void> {
    return this.send({ type: 'state', ...s, snapshotId: randomUUID(), stateAt: sqlTime(s.stateAt), now: sqlTime(s.now) });
  }

  /**
   * Stores Transition rows (a row already there, by its natural key, is kept). They go in the
   * same group commit as the inputs: on the main connection each change cost the event loop an
   * fsync of its own.
   */
  writeTransitions(t: TransitionsRequest): Promise<void> {
    return this.send({ type: 'transitions', ...t, rows: t.rows.map((r) => ({ ...r, id: randomUUID(), at: sqlTime(r.at) })) });
  }

  /** Writes what is queued, then closes the worker's connection. */
  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      this.post(); // what is queued goes first
      this.worker.once('exit', () => resolve());
      // an idle worker is unreferenced: without this the process may end before the writes do
      this.worker.ref();
      this.worker.postMessage('close');
    });
    return this.closed;
  }

  private send(m: Record<string, unknown>): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the input writer is closed'));
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.outbox.push({ ...m, id });
      // what the requests of one turn of the event loop commit goes to the worker in one
      // message (each message costs a copy and a wake-up of the thread)
      if (this.outbox.length === 1) setImmediate(this.post);
    });
  }

  private outbox: Record<string, unknown>[] = [];

  private readonly post = (): void => {
    if (this.outbox.length === 0 || this.dead) return;
    const batch = this.outbox;
    this.outbox = [];
    this.worker.postMessage(batch);
  };

  private failAll(e: Error): void {
    this.dead ??= e;
    this.outbox = [];
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
