// Guards against editing prisma/schema.prisma without committing a migration: the database that
// the committed migrations build must have the same shape as one built from the schema itself.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { projectPath, projectRoot } from '../config/paths';
import { prepareSqliteDatabase } from './sqlite';

interface Shape {
  [table: string]: { columns: unknown[]; indexes: unknown[]; foreignKeys: unknown[] };
}

function shapeOf(db: Database.Database): Shape {
  const names = (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'kubeaula_migrations' ORDER BY name`).all() as { name: string }[]
  ).map((r) => r.name);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const shape: Shape = {};
  for (const t of names) {
    const columns = (db.pragma(`table_info("${t}")`) as { name: string; cid?: number }[]).map(({ cid: _cid, ...c }) => c).sort(byName);
    const indexes = (db.pragma(`index_list("${t}")`) as { name: string; unique: number; origin: string }[])
      .map((i) => ({ name: i.name, unique: i.unique, origin: i.origin, columns: (db.pragma(`index_info("${i.name}")`) as { name: string }[]).map((c) => c.name) }))
      .sort(byName);
    const foreignKeys = (db.pragma(`foreign_key_list("${t}")`) as Record<string, unknown>[])
      .map(({ id: _id, seq: _seq, ...fk }) => fk)
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    shape[t] = { columns, indexes, foreignKeys };
  }
  return shape;
}

it('the committed migrations match prisma/schema.prisma', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeaula-drift-'));
  try {
    const migrated = path.join(dir, 'migrated.db');
    prepareSqliteDatabase(migrated, projectPath('prisma', 'migrations'));
    const sql = execFileSync(
      process.execPath,
      [projectPath('node_modules', 'prisma', 'build', 'index.js'), 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', projectPath('prisma', 'schema.prisma'), '--script'],
      { cwd: projectRoot(), env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'cli.db')}` }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const fresh = new Database(path.join(dir, 'fresh.db'));
    fresh.exec(sql);
    const a = new Database(migrated);
    try {
      // On failure: create the missing migration with
      //   npx prisma migrate diff --from-schema-datamodel <schema at the last migration> \
      //     --to-schema-datamodel prisma/schema.prisma --script > prisma/migrations/<ts>_<name>/migration.sql
      expect(shapeOf(a)).toEqual(shapeOf(fresh));
    } finally {
      a.close();
      fresh.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
