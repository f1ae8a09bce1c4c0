// Prisma CLI configuration: the rust-free set-up that works offline (shared/stack.md). The
// engines ship inside the npm packages; nothing is downloaded. The server itself does not read
// this file: it builds the same adapter from its validated config (apps/server/src/database/),
// and applies migrations with its own runner (so use `prisma migrate diff` here, not `deploy`).
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const url = process.env.DATABASE_URL ?? 'file:./data/kubeaula.db';
    // Even `migrate diff --from-empty` opens the database: make sure its folder exists.
    fs.mkdirSync(path.dirname(path.resolve(url.replace(/^file:/, ''))), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
