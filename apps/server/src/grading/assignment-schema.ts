// What an instructor sends to create or edit assignments and custom tasks, validated with zod.
// A custom task's checks are the course's check language: a bad condition is refused with the
// path of the condition (`checks.2.type`) and what is wrong with it.
import { z } from 'zod';
import { conditionSchema } from './checks/types';

export const FEEDBACK_LEVELS = ['pass', 'expected', 'hints'] as const;
export type FeedbackLevel = (typeof FEEDBACK_LEVELS)[number];

const weight = z.number().positive().max(1000).default(1);

export const assignmentItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lesson'), lessonId: z.string().min(1).max(100), weight }).strict(),
  z.object({ kind: z.literal('task'), taskId: z.string().min(1).max(100), weight }).strict(),
]);
export type AssignmentItem = z.infer<typeof assignmentItemSchema>;

/** Local wall time in the classroom's zone (`2026-03-01T23:59`) or an ISO time with offset. */
const deadline = z.string().min(10).max(40);

export const createAssignmentBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    items: z.array(assignmentItemSchema).min(1).max(50),
    deadline,
    feedback: z.enum(FEEDBACK_LEVELS).default('expected'),
    /** a timed exam: each student's window, from when they start it */
    examMinutes: z.number().int().min(1).max(600).nullable().optional(),
  })
  .strict();

export const editAssignmentBody = createAssignmentBody.partial().strict();

export const localizedText = z.object({ es: z.string().trim().min(1).max(5000), en: z.string().trim().min(1).max(5000) }).strict();

export const customTaskBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: localizedText,
    checks: z.array(conditionSchema).min(1).max(50),
  })
  .strict();

export const editCustomTaskBody = customTaskBody.partial().strict();

export const overrideBody = z
  .object({
    /** null removes the override (the automatic score counts again) */
    score: z.number().min(0).max(100_000).nullable(),
    comment: z.string().trim().min(1).max(2000),
  })
  .strict();
