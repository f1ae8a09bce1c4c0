// The rows the class view is made of, read with prepared statements on a connection of its own:
// through Prisma the same reads took most of the class view's 200 ms budget for 300 students.
import type Database from 'better-sqlite3';
import { openSqlite } from '../database/sqlite-driver';
import { SQLITE_BUSY_TIMEOUT_MS } from '../database/sqlite';
import { timeOf } from '../grading/history-reader';

type Cell = string | number | null;

export interface ClassRows {
  members: { id: string; userId: string; username: string; displayName: string }[];
  progress: { membershipId: string; lessonId: string; stepId: string | null; stepStartedAt: number | null; passedSteps: string[] }[];
  /** the last check of each (student, lesson, step) */
  lastChecks: { id: string; membershipId: string; lessonId: string; checkId: string; passed: boolean; score: number }[];
  shells: { userId: string; door: string; lastUsedAt: number }[];
}

export class ClassViewReader {
  private readonly db: Database.Database;
  private readonly members: Database.Statement<[string], ClassRows['members'][number]>;
  private readonly progress: Database.Statement<[string], { membershipId: string; lessonId: string; stepId: string | null; stepStartedAt: Cell; passedSteps: string | null }>;
  private readonly checks: Database.Statement<[string], { id: string; membershipId: string; lessonId: string; checkId: string; passed: number; score: number }>;
  private readonly firstFailed: Database.Statement<[string, string], { id: string; expected: string | null }>;
  private readonly shells: Database.Statement<[string], { userId: string; door: string; lastUsedAt: Cell }>;

  constructor(file: string) {
    this.db = openSqlite(file, { timeout: SQLITE_BUSY_TIMEOUT_MS, readonly: true });
    this.members = this.db.prepare(`SELECT m."id", m."userId", u."username", u."displayName" FROM "Membership" m JOIN "User" u ON u."id" = m."userId" WHERE m."classroomId" = ? AND m."role" = 'student' ORDER BY m."joinedAt", m."id"`);
    this.progress = this.db.prepare('SELECT p."membershipId", p."lessonId", p."stepId", p."stepStartedAt", p."passedSteps" FROM "LessonProgress" p JOIN "Membership" m ON m."id" = p."membershipId" WHERE m."classroomId" = ?');
    // the newest check of each (student, lesson, step): ties on `at` broken by rowid (later insert)
    this.checks = this.db.prepare(
      'SELECT "id", "membershipId", "lessonId", "checkId", "passed", "score" FROM (SELECT c."id", c."membershipId", c."lessonId", c."checkId", c."passed", c."score", ROW_NUMBER() OVER (PARTITION BY c."membershipId", c."lessonId", c."checkId" ORDER BY c."at" DESC, c.rowid DESC) AS "n" FROM "CheckResult" c JOIN "Membership" m ON m."id" = c."membershipId" WHERE m."classroomId" = ?) WHERE "n" = 1',
    );
    // what the first failed condition expected, in the asked language (a JSON path in SQLite: no parse of the whole detail)
    this.firstFailed = this.db.prepare(
      `SELECT c."id", (SELECT json_extract(j.value, '$.expected') FROM json_each(c."detail", '$.' || ? || '.conditions') j WHERE json_extract(j.value, '$.passed') = 0 ORDER BY j.key LIMIT 1) AS "expected" FROM "CheckResult" c WHERE c."id" = ?`,
    );
    this.shells = this.db.prepare('SELECT s."userId", s."door", s."lastUsedAt" FROM "ShellSession" s JOIN "Membership" m ON m."userId" = s."userId" WHERE m."classroomId" = ?');
  }

  read(classroomId: string): ClassRows {
    return {
      members: this.members.all(classroomId),
      progress: this.progress.all(classroomId).map((p) => ({ ...p, stepStartedAt: p.stepStartedAt === null ? null : timeOf(p.stepStartedAt), passedSteps: parseList(p.passedSteps) })),
      lastChecks: this.checks.all(classroomId).map((c) => ({ ...c, passed: c.passed === 1 })),
      shells: this.shells.all(classroomId).map((s) => ({ ...s, lastUsedAt: timeOf(s.lastUsedAt) })),
    };
  }

  /** The expected text of the first failed condition of a stored check, or null. */
  firstFailedExpected(checkId: string, locale: string): string | null {
    return this.firstFailed.get(locale, checkId)?.expected ?? null;
  }

  close(): void {
    this.db.close();
  }
}

function parseList(v: string | null): string[] {
  if (!v) return [];
  try {
    const x = JSON.parse(v) as unknown;
    return Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}
