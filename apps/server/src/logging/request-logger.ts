// One log line per HTTP request, written when the response ends: `info` for answers below 400,
// `warn` for 4xx, `error` for 5xx and for requests the client abandoned. Built for the hot path:
// nothing is allocated for the log unless its level is enabled (pino-http builds a child logger
// with the serialized request for every request, even when no request line is ever written).
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pino from 'pino';

type Next = (err?: unknown) => void;

/** the level of a finished request's line */
export function requestLevel(statusCode: number, aborted: boolean): 'info' | 'warn' | 'error' {
  if (aborted || statusCode >= 500) return 'error';
  return statusCode >= 400 ? 'warn' : 'info';
}

/** the caller's X-Request-Id when it is a plain token, else a new one */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : crypto.randomUUID();
}

export function requestLogger(logger: pino.Logger): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  return (req, res, next) => {
    // health probes are not logged; a server that logs nothing below warn skips the bookkeeping
    // of successful requests until the answer says it is a failure
    if (req.url === '/healthz') return next();
    const start = Date.now();
    const done = (aborted: boolean): void => {
      res.removeListener('finish', onFinish);
      res.removeListener('close', onClose);
      const level = requestLevel(res.statusCode, aborted);
      if (!logger.isLevelEnabled(level)) return;
      // only the method and path: query strings may carry tokens (the terminal's socket URL)
      const url = (req.url ?? '').split('?')[0];
      logger[level](
        { req: { id: requestId(req), method: req.method, url, remoteAddress: req.socket?.remoteAddress }, res: { statusCode: res.statusCode }, responseTime: Date.now() - start },
        aborted ? 'request aborted' : 'request completed',
      );
    };
    const onFinish = (): void => done(false);
    const onClose = (): void => done(!res.writableFinished);
    res.on('finish', onFinish);
    res.on('close', onClose);
    next();
  };
}
