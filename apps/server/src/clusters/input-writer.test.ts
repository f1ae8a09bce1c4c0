// The group commit's Transition rows: stored once by their natural key, skipped (without failing
// the inputs committed beside them) when their cluster is gone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { projectPath } from '../config/paths';
import { prepareSqliteDatabase } from '../database/sqlite';
import { InputRow, InputWriter, SQLITE_DRIVER, TransitionRow, WriteConflict } from './input-writer';

// the writer's copy of SQLite: two copies in one process drop each other's locks
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require(SQLITE_DRIVER) as typeof BetterSqlite3;

const T0 = Date.UTC(2026, 0, 1);

function seed(file: string): void {
  const db = new Database(file);
  const now = new Date(T0).toISOString();
  db.exec(`INSERT INTO "User" ("id", "username", "displayName") VALUES ('u1', 'ana', 'Ana')`);
  db.exec(`INSERT INTO "Classroom" ("id", "name", "joinCode", "ownerId") VALUES ('r1', 'Aula', 'CODE1', 'u1')`);
  db.exec(`INSERT INTO "Membership" ("id", "userId", "classroomId") VALUES ('m1', 'u1', 'r1')`);
  db.prepare(`INSERT INTO "Cluster" ("id", "membershipId", "purpose", "seed", "state", "engineVersion", "stateAt", "updatedAt") VALUES ('c1', 'm1', 'course', 1, '{}', 'test', ?, ?)`).run(now, now);
  db.close();
}

const row = (resourceVersion: number, name = 'web-1'): TransitionRow => ({
  at: T0 + resourceVersion,
  kind: 'added',
  resource: 'pods',
  namespace: 'default',
  name,
  phase: 'Pending',
  ownerKind: 'ReplicaSet',
  ownerName: 'web-abc',
  terminating: false,
  resourceVersion,
});

const input: InputRow = { kind: 'command', at: T0, door: 'api', actorId: null, shellSessionId: null, command: 'true', payload: null, stdout: '', stderr: '', outputTruncated: false, exitCode: 0, durationMs: 1 };

describe('InputWriter', () => {
  let dir: string;
  let file: string;
  let writer: InputWriter;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeaula-writer-'));
    file = path.join(dir, 'k.db');
    prepareSqliteDatabase(file, projectPath('prisma', 'migrations'), 'NORMAL');
    seed(file);
    writer = new InputWriter(file, 'NORMAL');
  });

  afterEach(async () => {
    await writer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const rows = () => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT "clusterVersion", "at", "name", "lineage", "resourceVersion", "terminating", "ownerKind" FROM "Transition" ORDER BY "resourceVersion"').all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  };

  it('stores each change once, by cluster, lineage and resourceVersion', async () => {
    await writer.writeTransitions({ clusterId: 'c1', version: 3, lineage: 0, rows: [row(10), row(11, 'web-2')] });
    // another process deriving the same changes, and one more
    await writer.writeTransitions({ clusterId: 'c1', version: 4, lineage: 0, rows: [row(11, 'web-2'), row(12, 'web-3')] });
    // a reset starts resourceVersions again: a new lineage, a new row
    await writer.writeTransitions({ clusterId: 'c1', version: 5, lineage: 5, rows: [row(10, 'again')] });
    const stored = rows();
    expect(stored.map((r) => [r.name, r.lineage, r.resourceVersion, r.clusterVersion])).toEqual([
      ['web-1', 0, 10, 3],
      ['again', 5, 10, 5],
      ['web-2', 0, 11, 3],
      ['web-3', 0, 12, 4],
    ]);
    // as Prisma writes a DateTime, so that Prisma and HistoryReader read it back
    expect(Date.parse(String(stored[0].at))).toBe(T0 + 10);
    expect(stored[0]).toMatchObject({ terminating: 0, ownerKind: 'ReplicaSet' });
  });

  it('skips the rows of a deleted cluster without failing the commits beside them', async () => {
    const [gone, commit] = await Promise.allSettled([
      writer.writeTransitions({ clusterId: 'deleted', version: 1, lineage: 0, rows: [row(1)] }),
      writer.commit({ clusterId: 'c1', base: 0, version: 1, engineVersion: 'test', stateAt: T0, nextTransitionAt: undefined, now: T0, input }),
    ]);
    expect(gone.status).toBe('fulfilled');
    expect(commit.status).toBe('fulfilled');
    expect(rows()).toEqual([]);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT "version" FROM "Cluster" WHERE "id" = ?').get('c1')).toEqual({ version: 1 });
    db.close();
  });

  it('commits what one turn sends as one batch: a lost race fails alone, the rest is stored', async () => {
    const commit = (base: number, version: number) => writer.commit({ clusterId: 'c1', base, version, engineVersion: 'test', stateAt: T0, nextTransitionAt: undefined, now: T0, input: { ...input, command: `echo ${version}` } });
    // sent in one turn of the event loop: one message to the worker, one transaction
    const results = await Promise.allSettled([commit(0, 1), commit(1, 2), commit(1, 2), commit(2, 3)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(WriteConflict);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT "seq", "command" FROM "Input" ORDER BY "seq"').all()).toEqual([
      { seq: 1, command: 'echo 1' },
      { seq: 2, command: 'echo 2' },
      { seq: 3, command: 'echo 3' },
    ]);
    db.close();
  });

  it('writes what is queued before it closes', async () => {
    const pending = writer.commit({ clusterId: 'c1', base: 0, version: 1, engineVersion: 'test', stateAt: T0, nextTransitionAt: undefined, now: T0, input });
    await writer.close(); // in the same turn as the commit, before it was posted
    await expect(pending).resolves.toBeUndefined();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT "version" FROM "Cluster" WHERE "id" = ?').get('c1')).toEqual({ version: 1 });
    db.close();
  });
});

