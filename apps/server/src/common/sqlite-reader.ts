// A read-only SQLite connection for the reads every request may make (a bearer token, a
// cluster's owner): a prepared statement answers in microseconds, where a Prisma query cost the
// event loop a millisecond or two (its query compiler runs for every query). It uses Prisma's copy
// of better-sqlite3, as every connection of the process must (SQLITE_DRIVER).
import type BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from '../database/sqlite-driver';
import { SQLITE_BUSY_TIMEOUT_MS } from '../database/sqlite';

export function openReader(file: string): BetterSqlite3.Database {
  return openSqlite(file, { timeout: SQLITE_BUSY_TIMEOUT_MS, readonly: true });
}

/** A DateTime column as Prisma (ISO text) or the input log (epoch ms) wrote it; null stays null. */
export function columnTime(v: string | number | null): number | null {
  if (v === null) return null;
  return typeof v === 'number' ? v : Date.parse(v);
}
