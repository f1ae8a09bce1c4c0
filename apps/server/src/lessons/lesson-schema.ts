// The shape of a lesson folder's files (lesson.json, quiz.json), validated with zod.

import { z } from 'zod';
import { stepChecksSchema } from '../grading/checks/types';

export const LOCALES = ['es', 'en'] as const;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');
export const localizedSchema = z.object({ es: z.string().min(1), en: z.string().min(1) }).strict();
export type Localized = z.infer<typeof localizedSchema>;

export const stepSchema = z
  .object({
    /** stable: stored progress and check results refer to it */
    id,
    title: localizedSchema,
    checks: stepChecksSchema.min(1),
    /** hand-written hints, shown after the automatic one, in order */
    hints: z.array(localizedSchema).default([]),
    /** the reference solution needs an engine feature not finished yet: the lint skips this step */
    pendingEngine: z.string().min(1).optional(),
  })
  .strict();

export const lessonManifestSchema = z
  .object({
    id,
    /** place in the course, 1-based */
    order: z.number().int().positive(),
    title: localizedSchema,
    summary: localizedSchema,
    /** ids of lessons to do first */
    prerequisites: z.array(id).default([]),
    cluster: z
      .object({
        shape: z.enum(['kubeadm', 'bare', 'cloud']),
        options: z
          .object({ workers: z.number().int().min(1).max(5).optional(), kubeProxyMode: z.enum(['iptables', 'ipvs']).optional() })
          .strict()
          .default({}),
        /** a `kubeaula run` script (file in the lesson folder) that brings what the lesson needs */
        setup: z.string().optional(),
      })
      .strict(),
    steps: z.array(stepSchema).min(1),
  })
  .strict();
export type LessonManifest = z.infer<typeof lessonManifestSchema>;
export type LessonStep = z.infer<typeof stepSchema>;

export const quizSchema = z
  .object({
    questions: z
      .array(
        z
          .object({
            id,
            prompt: localizedSchema,
            choices: z.array(localizedSchema).min(2).max(5),
            /** index of the right choice */
            answer: z.number().int().nonnegative(),
            explanation: localizedSchema,
          })
          .strict()
          .refine((q) => q.answer < q.choices.length, 'answer must index a choice'),
      )
      .min(3)
      .max(5),
  })
  .strict();
export type Quiz = z.infer<typeof quizSchema>;
