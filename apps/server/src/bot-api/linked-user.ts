// The Discord user the bot acts for (X-Discord-User, with the bot's service token): the
// /api/v1/bot routes are the bot's only.
import type { Request } from 'express';
import { AuthUser, requireUser } from '../auth/request-auth';
import { AppError } from '../common/app-error';

export function linkedUser(req: Request): AuthUser {
  if (!req.service) {
    requireUser(req); // 401 to a visitor; 403 to anyone else
    throw new AppError('FORBIDDEN', "Only the bot's service token may use /api/v1/bot");
  }
  if (!req.auth) throw new AppError('BAD_REQUEST', 'Name the Discord user in the X-Discord-User header');
  return requireUser(req);
}
