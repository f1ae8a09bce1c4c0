// Bodies and queries of the instructor routes that are not the grading language's own.
import { z } from 'zod';

export const gradebookQuery = z.object({ format: z.enum(['csv', 'json']).default('json') }).strict();
export const gradeNowBody = z.object({}).strict();
