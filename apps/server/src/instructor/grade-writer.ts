// Writes a grading run (graded snapshots, Grade rows, the snapshots they replace) on a worker
// thread, one transaction per batch of students, with prepared statements: through Prisma each
// row cost about 7 ms, and on the main thread writing a class's snapshots (about 150 kB each)
// would add to the time it takes to take and evaluate them; on the worker the two overlap.
// Times are written as Prisma writes them (ISO text), so Prisma reads and compares them alike.
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { SQLITE_DRIVER, sqlTime } from '../clusters/input-writer';
import { SQLITE_BUSY_TIMEOUT_MS } from '../database/sqlite';

export interface GradedSnapshotRow {
  id: string;
  clusterId: string;
  name: string;
  state: string;
  engineVersion: string;
  clusterVersion: number;
  stateAt: number;
}

export interface GradeRow {
  assignmentId: string;
  membershipId: string;
  trigger: string;
  asOf: number;
  score: number;
  max: number;
  items: unknown;
  evidence: unknown;
}

export interface GradeBatch {
  snapshots: GradedSnapshotRow[];
  grades: GradeRow[];
  /** graded snapshots the new grades replace */
  deleteSnapshots: string[];
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.busyTimeout });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = ' + workerData.synchronous);
db.pragma('foreign_keys = ON');
const insertSnapshot = db.prepare('INSERT INTO "Snapshot" ("id", "clusterId", "name", "kind", "state", "engineVersion", "clusterVersion", "stateAt", "createdAt") VALUES (?, ?, ?, \\'graded\\', ?, ?, ?, ?, ?)');
const upsertGrade = db.prepare('INSERT INTO "Grade" ("id", "assignmentId", "membershipId", "trigger", "asOf", "score", "max", "items", "evidence", "at") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("assignmentId", "membershipId") DO UPDATE SET "trigger" = excluded."trigger", "asOf" = excluded."asOf", "score" = excluded."score", "max" = excluded."max", "items" = excluded."items", "evidence" = excluded."evidence", "at" = excluded."at"');
const deleteSnapshot = db.prepare('DELETE FROM "Snapshot" WHERE "id" = ? AND "kind" = \\'graded\\'');
const commit = db.transaction((b) => {
  for (const id of b.deleteSnapshots) deleteSnapshot.run(id);
  for (const s of b.snapshots) insertSnapshot.run(s.id, s.clusterId, s.name, s.state, s.engineVersion, s.clusterVersion, s.stateAt, b.now);
  for (const g of b.grades) upsertGrade.run(g.id, g.assignmentId, g.membershipId, g.trigger, g.asOf, g.score, g.max, g.items, g.evidence, b.now);
});
parentPort.on('message', (m) => {
  if (m === 'close') { db.close(); process.exit(0); }
  try { commit(m); parentPort.postMessage({ id: m.id, ok: true }); }
  catch (e) { parentPort.postMessage({ id: m.id, ok: false, error: String(e && e.message) }); }
});
`;

export class GradeWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private dead?: Error;

  constructor(file: string, synchronous: string) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, synchronous: synchronous === 'NORMAL' ? 'NORMAL' : 'FULL', busyTimeout: SQLITE_BUSY_TIMEOUT_MS, driver: SQLITE_DRIVER } });
    this.worker.on('message', (a: { id: number; ok: boolean; error?: string }) => {
      const p = this.pending.get(a.id);
      if (!p) return;
      this.pending.delete(a.id);
      if (a.ok) p.resolve();
      else p.reject(new Error(a.error));
      if (this.pending.size === 0) this.worker.unref();
    });
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', () => this.failAll(new Error('the grade writer stopped')));
    this.worker.unref();
  }

  /** Queues a batch; resolves once it is committed. */
  commit(batch: GradeBatch, now: number): Promise<void> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    const message = {
      id,
      now: sqlTime(now),
      deleteSnapshots: batch.deleteSnapshots,
      snapshots: batch.snapshots.map((s) => ({ ...s, stateAt: sqlTime(s.stateAt) })),
      grades: batch.grades.map((g) => ({ ...g, id: randomUUID(), asOf: sqlTime(g.asOf), items: JSON.stringify(g.items), evidence: JSON.stringify(g.evidence) })),
    };
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    if (this.dead) return;
    await new Promise<void>((resolve) => {
      this.worker.once('exit', () => resolve());
      // held while it closes: an unreferenced worker would let the process end mid-close
      this.worker.ref();
      this.worker.postMessage('close');
    });
  }

  private failAll(e: Error): void {
    this.dead ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
