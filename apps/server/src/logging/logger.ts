// Structured logs (pino, JSON lines on stdout). One root logger per process; Nest's own logs and
// the per-request lines (request-logger.ts) go through it. Secrets never reach a log.
import pino from 'pino';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/config';

export function createRootLogger(config: Pick<AppConfig, 'logLevel'>): pino.Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'kubeaula' },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
  });
}

/**
 * nestjs-pino options: Nest's own logs through the root logger. Request lines are written by
 * request-logger.ts (installed first in app.factory.ts), so nestjs-pino binds no middleware.
 */
export function nestLoggingParams(logger: pino.Logger): Params {
  return { pinoHttp: { logger }, useExisting: true, forRoutes: [] };
}
