// Validates a request body (or query) against a zod schema, throwing the one error shape.
import type { z } from 'zod';
import { AppError } from './app-error';

export function parseWith<T extends z.ZodTypeAny>(schema: T, value: unknown): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new AppError(
    'BAD_REQUEST',
    'Invalid request',
    r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}
