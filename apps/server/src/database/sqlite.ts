// The SQLite file: created with its folder on first start, put in WAL mode, migrated.
// Durability: in WAL mode a committed transaction (an answered command) is in the log file
// before the commit returns, so it survives a SIGKILL of the server at either level. With
// synchronous=FULL (default) the log is also fsynced at every commit, so it survives a power
// loss too; that costs one fsync per commit (about 270 single-row commits/s measured on this
// machine's disk, against about 7,000/s with NORMAL, which may lose the last commits on power loss).
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite-driver';
import type { SqliteSynchronous } from '../config/config';
import { AppliedMigration, Migration, MigrationTarget, migrate, readMigrations } from './migrations';

/** How long a connection waits for another's write lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

const TABLE = 'kubeaula_migrations';

/** Per-connection settings; journal_mode=WAL is also stored in the file itself. */
export function applyPragmas(db: Database.Database, synchronous: SqliteSynchronous): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
}

export class SqliteMigrationTarget implements MigrationTarget {
  constructor(private readonly db: Database.Database) {
    db.exec(
      `CREATE TABLE IF NOT EXISTS "${TABLE}" ("name" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "applied_at" TEXT NOT NULL)`,
    );
  }

  exclusive<T>(fn: () => T): T {
    // IMMEDIATE takes the write lock at once: a second process waits (busy_timeout), then
    // sees the migration as applied.
    return this.db.transaction(fn).immediate();
  }

  applied(): AppliedMigration[] {
    return this.db.prepare(`SELECT "name", "checksum" FROM "${TABLE}" ORDER BY "name"`).all() as AppliedMigration[];
  }

  apply(migration: Migration, appliedAt: Date): void {
    this.db.exec(migration.sql);
    this.db
      .prepare(`INSERT INTO "${TABLE}" ("name", "checksum", "applied_at") VALUES (?, ?, ?)`)
      .run(migration.name, migration.checksum, appliedAt.toISOString());
  }
}

/** Creates the file (and its folder) if needed, sets WAL, applies pending migrations. */
export function prepareSqliteDatabase(
  file: string,
  migrationsDir: string,
  synchronous: SqliteSynchronous = 'FULL',
): { applied: string[] } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = openSqlite(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    applyPragmas(db, synchronous);
    return { applied: migrate(new SqliteMigrationTarget(db), readMigrations(migrationsDir)) };
  } finally {
    db.close();
  }
}
