// Applies the committed migrations (prisma/migrations/<timestamp>_<name>/migration.sql) in
// order and records each in a table, at start-up. Prisma's own `migrate deploy` is awkward to
// call from code and does not work on PostgreSQL here (shared/stack.md), so the runner is ours:
// the file reading and checks below are provider-neutral; only the MigrationTarget is SQLite's.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Migration {
  name: string;
  sql: string;
  /** sha256 of the file, to notice a migration edited after it was applied. */
  checksum: string;
}

export interface AppliedMigration {
  name: string;
  checksum: string;
}

/** A database the runner can apply migrations to. */
export interface MigrationTarget {
  /** Runs `fn` holding the database's write lock, so two processes starting at once apply each migration once. */
  exclusive<T>(fn: () => T): T;
  applied(): AppliedMigration[];
  /** Applies the SQL and records it, in the caller's exclusive section. */
  apply(migration: Migration, appliedAt: Date): void;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Reads the migrations folder, sorted by name (names start with a timestamp). */
export function readMigrations(dir: string): Migration[] {
  if (!fs.existsSync(dir)) throw new MigrationError(`migrations folder not found: ${dir}`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      if (!fs.existsSync(file)) throw new MigrationError(`migration ${name} has no migration.sql`);
      const sql = fs.readFileSync(file, 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies what is missing, each migration in its own exclusive section; returns the names applied.
 * Refuses to start on a database that has a migration this code does not know (a newer
 * release ran on it) or whose file changed since it was applied.
 */
export function migrate(target: MigrationTarget, migrations: Migration[], now: () => Date = () => new Date()): string[] {
  const known = new Map(migrations.map((m) => [m.name, m]));
  const done: string[] = [];
  for (const migration of migrations) {
    target.exclusive(() => {
      const applied = new Map(target.applied().map((a) => [a.name, a]));
      for (const a of applied.values()) {
        if (!known.has(a.name)) {
          throw new MigrationError(`the database has migration ${a.name}, unknown to this version of kubeaula`);
        }
      }
      const previous = applied.get(migration.name);
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          throw new MigrationError(`migration ${migration.name} was changed after it was applied (checksum differs)`);
        }
        return;
      }
      target.apply(migration, now());
      done.push(migration.name);
    });
  }
  return done;
}
