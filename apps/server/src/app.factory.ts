// Builds the application exactly as `npm start` runs it: database prepared and migrated first,
// then the Nest app with logging, pages and WebSocket adapter. e2e tests call this too.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { WsAdapter } from '@nestjs/platform-ws';
import { Logger } from 'nestjs-pino';
import type pino from 'pino';
import { setUpOpenApi } from './api/openapi';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { projectPath } from './config/paths';
import { prepareSqliteDatabase } from './database/sqlite';
import { createRootLogger } from './logging/logger';
import { requestLogger } from './logging/request-logger';
import { setUpWeb } from './web/web-setup';

export interface CreatedApp {
  app: NestExpressApplication;
  logger: pino.Logger;
}

export async function createApp(config: AppConfig, logger: pino.Logger = createRootLogger(config)): Promise<CreatedApp> {
  const { applied } = prepareSqliteDatabase(
    config.databaseFile,
    projectPath('prisma', 'migrations'),
    config.sqliteSynchronous,
  );
  logger.info({ database: config.databaseFile, synchronous: config.sqliteSynchronous, applied }, applied.length ? 'database migrated' : 'database up to date');

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // first, so that a request's line times everything after it
  app.use(requestLogger(logger));
  app.useWebSocketAdapter(new WsAdapter(app));
  // On SIGTERM/SIGINT Nest runs module destroy hooks, closes the HTTP server (waiting for the
  // requests in flight), runs the shutdown hooks (Prisma disconnects there), then exits 0.
  app.enableShutdownHooks([], { useProcessExit: true });
  await setUpWeb(app);
  setUpOpenApi(app);
  return { app, logger };
}
