import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { projectPath } from '../config/paths';
import { migrate, MigrationError, readMigrations } from './migrations';
import { prepareSqliteDatabase, SqliteMigrationTarget } from './sqlite';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeaula-migrations-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeMigration(root: string, name: string, sql: string): void {
  fs.mkdirSync(path.join(root, name), { recursive: true });
  fs.writeFileSync(path.join(root, name, 'migration.sql'), sql);
}

const tables = (db: Database.Database): string[] =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

describe('migrate (SQLite)', () => {
  it('applies pending migrations in name order, once', () => {
    const migrations = path.join(dir, 'migrations');
    writeMigration(migrations, '20260102000000_second', 'ALTER TABLE "A" ADD COLUMN "b" TEXT;');
    writeMigration(migrations, '20260101000000_first', 'CREATE TABLE "A" ("id" TEXT PRIMARY KEY);\nCREATE INDEX "A_id" ON "A"("id");');
    const db = new Database(path.join(dir, 'x.db'));
    const target = new SqliteMigrationTarget(db);
    expect(migrate(target, readMigrations(migrations), () => new Date(0))).toEqual(['20260101000000_first', '20260102000000_second']);
    expect(migrate(target, readMigrations(migrations))).toEqual([]);
    expect(tables(db)).toEqual(['A', 'kubeaula_migrations']);
    expect(db.prepare('SELECT name, applied_at FROM kubeaula_migrations ORDER BY name').all()).toEqual([
      { name: '20260101000000_first', applied_at: '1970-01-01T00:00:00.000Z' },
      { name: '20260102000000_second', applied_at: '1970-01-01T00:00:00.000Z' },
    ]);
    db.close();
  });

  it('rolls back a failing migration whole, and applies nothing after it', () => {
    const migrations = path.join(dir, 'migrations');
    writeMigration(migrations, '1_ok', 'CREATE TABLE "A" ("id" TEXT);');
    writeMigration(migrations, '2_bad', 'CREATE TABLE "B" ("id" TEXT);\nTHIS IS NOT SQL;');
    writeMigration(migrations, '3_after', 'CREATE TABLE "C" ("id" TEXT);');
    const db = new Database(path.join(dir, 'x.db'));
    expect(() => migrate(new SqliteMigrationTarget(db), readMigrations(migrations))).toThrow(/syntax error/);
    expect(tables(db)).toEqual(['A', 'kubeaula_migrations']);
    db.close();
  });

  it('refuses a migration edited after it was applied', () => {
    const migrations = path.join(dir, 'migrations');
    writeMigration(migrations, '1_init', 'CREATE TABLE "A" ("id" TEXT);');
    const db = new Database(path.join(dir, 'x.db'));
    migrate(new SqliteMigrationTarget(db), readMigrations(migrations));
    writeMigration(migrations, '1_init', 'CREATE TABLE "A" ("id" INTEGER);');
    expect(() => migrate(new SqliteMigrationTarget(db), readMigrations(migrations))).toThrow(
      new MigrationError('migration 1_init was changed after it was applied (checksum differs)'),
    );
    db.close();
  });

  it('refuses a database migrated by a newer version', () => {
    const migrations = path.join(dir, 'migrations');
    writeMigration(migrations, '1_init', 'CREATE TABLE "A" ("id" TEXT);');
    writeMigration(migrations, '2_more', 'CREATE TABLE "B" ("id" TEXT);');
    const db = new Database(path.join(dir, 'x.db'));
    migrate(new SqliteMigrationTarget(db), readMigrations(migrations));
    fs.rmSync(path.join(migrations, '2_more'), { recursive: true });
    expect(() => migrate(new SqliteMigrationTarget(db), readMigrations(migrations))).toThrow(
      'the database has migration 2_more, unknown to this version of kubeaula',
    );
    db.close();
  });

  it('creates the database file and its folder, in WAL mode, with the committed schema', () => {
    const file = path.join(dir, 'nested', 'data', 'kubeaula.db');
    expect(prepareSqliteDatabase(file, projectPath('prisma', 'migrations')).applied).toEqual(
      readMigrations(projectPath('prisma', 'migrations')).map((m) => m.name),
    );
    expect(prepareSqliteDatabase(file, projectPath('prisma', 'migrations')).applied).toEqual([]);
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // one table per model of prisma/schema.prisma (the drift test compares their shapes)
    const models = [...fs.readFileSync(projectPath('prisma', 'schema.prisma'), 'utf8').matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
    expect(models).toEqual(expect.arrayContaining(['User', 'Classroom', 'Cluster', 'Input', 'Snapshot', 'LessonProgress', 'CheckResult']));
    expect(tables(db)).toEqual([...models, 'kubeaula_migrations'].sort());
    db.close();
  });
});
