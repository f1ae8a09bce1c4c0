// The one copy of SQLite the server process uses: the better-sqlite3 that Prisma's adapter loads.
// Two copies in one process do not see each other's POSIX locks, and closing a file in one drops
// the other's locks (sqlite.org/howtocorrupt.html, 2.2), which shows as SQLITE_NOTADB under load;
// npm installs a second copy (the top-level better-sqlite3), so every connection opens through here.
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

export const SQLITE_DRIVER = require.resolve('better-sqlite3', { paths: [path.dirname(require.resolve('@prisma/adapter-better-sqlite3'))] });

export function openSqlite(file: string, options: BetterSqlite3.Options = {}): BetterSqlite3.Database {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Prisma's copy of SQLite (see above)
  const Database = require(SQLITE_DRIVER) as typeof BetterSqlite3;
  return new Database(file, options);
}
