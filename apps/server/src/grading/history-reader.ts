// The check history (commands, transitions) of a cluster, read with prepared statements on a
// read-only connection of its own: the one reader of it, for the course's step checks and the
// instructor's grading (a class of 300 graded at once; Prisma took three queries of about 18 ms
// each per cluster). The rules are the course's: its present-history segments (course/history.ts)
// and its row → record mappers (course/check-context.ts). Times are compared here in JS: the
// input log writes DateTime columns as epoch ms while Prisma writes ISO text, and SQLite does not
// compare the two as times.
import type Database from 'better-sqlite3';
import { openSqlite } from '../database/sqlite-driver';
import type { CheckHistory } from '../course/check-context';
import { inputRecord, transitionRecord } from '../course/check-context';
import { inHistory, presentHistory, Replacement } from '../course/history';
import { SQLITE_BUSY_TIMEOUT_MS } from '../database/sqlite';

type Cell = string | number | null;

/** A DateTime column as Prisma (ISO text) or the input log (epoch ms) wrote it. */
export function timeOf(v: Cell): number {
  return typeof v === 'number' ? v : Date.parse(String(v));
}

export class HistoryReader {
  private readonly db: Database.Database;
  private readonly replacements: Database.Statement<[string, number], { seq: number; kind: string; payload: string | null }>;
  private readonly snapshot: Database.Statement<[string], { clusterVersion: number; stateAt: Cell }>;
  private readonly inputs: Database.Statement<[string, number, number], { seq: number; at: Cell; door: string; command: string | null; exitCode: number | null; shell: string | null }>;
  private readonly transitions: Database.Statement<[string, number, number], { clusterVersion: number; at: Cell; kind: string; resource: string; namespace: string | null; name: string; phase: string | null; ownerKind: string | null; ownerName: string | null; terminating: number }>;

  constructor(file: string) {
    this.db = openSqlite(file, { timeout: SQLITE_BUSY_TIMEOUT_MS, readonly: true });
    this.replacements = this.db.prepare(`SELECT "seq", "kind", "payload" FROM "Input" WHERE "clusterId" = ? AND "kind" IN ('reset', 'restore') AND "seq" <= ?`);
    this.snapshot = this.db.prepare('SELECT "clusterVersion", "stateAt" FROM "Snapshot" WHERE "id" = ?');
    this.inputs = this.db.prepare(
      `SELECT i."seq", i."at", i."door", i."command", i."exitCode", s."shell" FROM "Input" i LEFT JOIN "ShellSession" s ON s."id" = i."shellSessionId" WHERE i."clusterId" = ? AND i."kind" = 'command' AND i."seq" > ? AND i."seq" <= ? AND i."door" <> 'system' ORDER BY i."seq"`,
    );
    this.transitions = this.db.prepare(
      'SELECT "clusterVersion", "at", "kind", "resource", "namespace", "name", "phase", "ownerKind", "ownerName", "terminating" FROM "Transition" WHERE "clusterId" = ? AND "clusterVersion" > ? AND "clusterVersion" <= ? ORDER BY "lineage", "resourceVersion"',
    );
  }

  /**
   * The inputs and transitions that count for checks on a cluster at `version` (what came after
   * it does not): in its present history, and only what came after `sinceVersion` (a lesson's
   * start) and no later than the simulated time `untilAt` (a state graded as of a time).
   * Commands of the system door never count.
   */
  read(clusterId: string, version: number, untilAt = Infinity, sinceVersion = -1): CheckHistory {
    const replacements: Replacement[] = this.replacements.all(clusterId, version).map((r) => {
      const rep: Replacement = { seq: r.seq, kind: r.kind === 'reset' ? 'reset' : 'restore' };
      const snapshotId = r.payload ? (JSON.parse(r.payload) as { snapshotId?: unknown }).snapshotId : undefined;
      const snap = typeof snapshotId === 'string' ? this.snapshot.get(snapshotId) : undefined;
      if (rep.kind === 'restore' && snap) {
        rep.snapshotVersion = snap.clusterVersion;
        rep.snapshotAt = timeOf(snap.stateAt);
      }
      return rep;
    });
    const history = presentHistory(replacements, version);
    const inputs = this.inputs
      .all(clusterId, sinceVersion, version)
      .map((r) => ({ ...r, at: timeOf(r.at) }))
      .filter((r) => r.at <= untilAt && inHistory(history, r.seq, r.at))
      .map((r) => inputRecord({ at: new Date(r.at), door: r.door, command: r.command, exitCode: r.exitCode, shellSession: r.shell === null ? null : { shell: JSON.parse(r.shell) as unknown } }));
    const transitions = this.transitions
      .all(clusterId, sinceVersion, version)
      .map((r) => ({ ...r, at: timeOf(r.at) }))
      .filter((r) => r.at <= untilAt && inHistory(history, r.clusterVersion, r.at))
      .map((r) => transitionRecord({ ...r, at: new Date(r.at), terminating: r.terminating === 1 }));
    // lineages are in order of time; within one, resourceVersions are
    transitions.sort((a, b) => a.at - b.at);
    return { inputs, transitions, history };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Nest calls it when the reader is a provider (the course's). */
  onModuleDestroy(): void {
    this.close();
  }
}
