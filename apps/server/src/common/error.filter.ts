// One global exception filter: every error leaves as { code, message[, details] }, with the
// status of its code. Unexpected errors are logged and answered without their internals.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, codeForStatus, ErrorBody } from './app-error';

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toBody(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    if (res.headersSent) return;
    res.status(status).json(body);
  }

  private toBody(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof AppError) {
      const body: ErrorBody = { code: exception.code, message: exception.message };
      if (exception.details) body.details = exception.details;
      return { status: exception.status, body };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { status, body: { code: codeForStatus(status), message: messageOf(exception) } };
    }
    // Errors of the HTTP layer before a route (body-parser: body too large, malformed) carry
    // their own client status and a message safe to show.
    const e = exception as { status?: unknown; expose?: unknown; message?: unknown; type?: unknown };
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && e.expose === true) {
      const message = e.type === 'entity.too.large' ? 'The request body is too large' : String(e.message);
      return { status: e.status, body: { code: codeForStatus(e.status), message } };
    }
    return { status: 500, body: { code: 'INTERNAL', message: 'Internal server error' } };
  }
}

function messageOf(e: HttpException): string {
  const r = e.getResponse();
  if (typeof r === 'string') return r;
  const m = (r as { message?: unknown }).message;
  if (Array.isArray(m)) return m.join('; ');
  return typeof m === 'string' ? m : e.message;
}
