// Bodies of the account routes (API and forms share them).
import { z } from 'zod';

export const credentialsBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const registerBody = credentialsBody.extend({
  displayName: z.string().max(80).optional(),
});

export const tokenBody = z.object({ name: z.string().min(1).max(80) });
