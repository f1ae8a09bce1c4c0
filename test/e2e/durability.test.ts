// The storage layer's promise under the exec service: a write that has been acknowledged
// (its commit returned) is in the database after the process is killed with SIGKILL. A child
// process writes through the same Prisma adapter and settings as the server, reporting each
// commit; the test kills it mid-stream and reopens the file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { projectPath } from '../../apps/server/src/config/paths';
import { prepareSqliteDatabase } from '../../apps/server/src/database/sqlite';
import { tempDir } from './app-harness';

const WRITER = `
const { PrismaClient } = require(${JSON.stringify(projectPath('generated', 'prisma'))});
const { PrismaBetterSQLite3 } = require('@prisma/adapter-better-sqlite3');
(async () => {
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: process.env.DB_URL }) });
  await prisma.$connect();
  await prisma.$executeRawUnsafe('PRAGMA synchronous = ' + process.env.SYNC);
  for (let i = 0; ; i++) {
    await prisma.user.create({ data: { username: 'u' + i, displayName: 'U' + i } });
    process.stdout.write('u' + i + '\\n');
  }
})();
`;

it.each(['FULL', 'NORMAL'])('keeps every acknowledged write across SIGKILL (synchronous=%s)', async (sync) => {
  const dir = tempDir('kubeaula-durability-');
  try {
    const file = path.join(dir, 'kubeaula.db');
    prepareSqliteDatabase(file, projectPath('prisma', 'migrations'));
    const child = spawn(process.execPath, ['-e', WRITER], {
      cwd: projectPath(),
      env: { ...process.env, DB_URL: `file:${file}`, SYNC: sync },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acknowledged: string[] = [];
    let buffered = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        acknowledged.push(...lines);
        if (acknowledged.length >= 60 && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.once('exit', r));
    const db = new Database(file);
    try {
      const stored = new Set((db.prepare('SELECT username FROM "User"').all() as { username: string }[]).map((r) => r.username));
      expect(acknowledged.filter((u) => !stored.has(u))).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
