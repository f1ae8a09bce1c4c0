// Structured logs (pino, JSON lines on stdout). One root logger per process; Nest's own logs and
// the per-request logs (pino-http through nestjs-pino) go through it. Secrets never reach a log.
import type { IncomingMessage } from 'node:http';
import crypto from 'node:crypto';
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

/** nestjs-pino options: request logs with an id, health probes left out. */
export function requestLoggingParams(logger: pino.Logger): Params {
  return {
    pinoHttp: {
      logger,
      genReqId: (req: IncomingMessage) => {
        const given = req.headers['x-request-id'];
        return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : crypto.randomUUID();
      },
      serializers: {
        req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/healthz' },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    },
  };
}
