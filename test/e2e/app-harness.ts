// Boots the real application the way `npm start` does (configuration from an environment,
// database file created and migrated at start-up) on a temporary SQLite file.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../apps/server/src/app.factory';
import { AppConfig, loadConfig } from '../../apps/server/src/config/config';

export interface Harness {
  app: NestExpressApplication;
  config: AppConfig;
  dir: string;
  close(): Promise<void>;
}

export function tempDir(prefix = 'kubeaula-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Starts the app in this process; `env` adds to a test environment on a fresh database file. */
export async function bootApp(env: Record<string, string> = {}, dir = tempDir()): Promise<Harness> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: `file:${path.join(dir, 'kubeaula.db')}`, ...env });
  const { app } = await createApp(config);
  await app.init();
  return {
    app,
    config,
    dir,
    async close() {
      await app.close();
    },
  };
}

/** A port that was free a moment ago, for a server started as a separate process. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
