// `kubeaula serve` (npm start): read the configuration, prepare the database, listen.
// A bad configuration stops here with the list of bad variables and exit code 78 (EX_CONFIG).
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { MigrationError } from './database/migrations';

export const EXIT_CONFIG = 78;

/** Starts the server; throws ConfigError (bad environment) or MigrationError (bad database). */
export async function serve(env: NodeJS.ProcessEnv = process.env): Promise<INestApplication> {
  const config = loadConfig(env);
  const { app, logger } = await createApp(config);
  // Shutdown hooks close the app on SIGTERM/SIGINT; if requests in flight hold it open for
  // too long, leave anyway (what was committed is already durable in the WAL).
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      setTimeout(() => {
        logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out, exiting');
        process.exit(1);
      }, config.shutdownTimeoutMs).unref();
    });
  }
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { port, host: config.host, nodeEnv: config.nodeEnv, clock: config.clock.mode, database: config.databaseFile },
    `kubeaula listening on http://localhost:${port}`,
  );
  return app;
}

/** The `serve` subcommand: starts, or explains on stderr why it cannot and exits non-zero. */
export async function runServe(): Promise<void> {
  try {
    await serve();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`kubeaula: cannot start. ${e.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    if (e instanceof MigrationError) {
      process.stderr.write(`kubeaula: cannot start: database migration failed: ${e.message}\n`);
      process.exit(1);
    }
    process.stderr.write(`kubeaula: failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  }
}

if (require.main === module) void runServe();
