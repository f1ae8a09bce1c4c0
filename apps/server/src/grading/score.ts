// Scores an assignment for one student: each item (a lesson: all its steps; a custom task: its
// conditions) is evaluated with the check language on the cluster it runs on, as graded; the
// item's score (0..1) times its weight gives its points. Pure: the caller brings the contexts.
import { evaluateStep } from './checks/evaluate';
import type { CheckContext, Condition, Locale } from './checks/types';

/** An assignment item resolved to what it checks and on which cluster (by purpose). */
export interface GradableItem {
  /** `task:<id>` or `lesson:<id>`: the column of the gradebook */
  key: string;
  title: string;
  weight: number;
  /** the cluster purpose it is evaluated on (`course`, `lesson:<id>`, `exam:<assignment>`) */
  purpose: string;
  steps: { id: string; checks: Condition[] }[];
}

export interface ConditionGrade {
  index: number;
  id?: string;
  type: string;
  passed: boolean;
  weight: number;
  expected: string;
  found: string;
  hint?: string;
}

export interface StepGrade {
  id: string;
  passed: boolean;
  score: number;
  conditions: ConditionGrade[];
  hint?: string;
}

export interface ItemGrade {
  key: string;
  title: string;
  weight: number;
  /** 0..1 */
  score: number;
  /** weight × score */
  points: number;
  steps: StepGrade[];
  /** why the item could not be evaluated (no such cluster, state not rebuilt, never started) */
  reason?: string;
}

export interface ScoredAssignment {
  score: number;
  max: number;
  items: ItemGrade[];
}

/** `contextFor(purpose)` gives the context of that cluster, or a reason it has none. */
export function scoreAssignment(items: GradableItem[], contextFor: (purpose: string) => CheckContext | { reason: string }, locale: Locale): ScoredAssignment {
  const out: ItemGrade[] = items.map((item) => {
    const ctx = contextFor(item.purpose);
    if ('reason' in ctx) return { key: item.key, title: item.title, weight: item.weight, score: 0, points: 0, steps: [], reason: ctx.reason };
    const steps = item.steps.map((s): StepGrade => {
      const r = evaluateStep(s.checks, ctx, locale);
      const g: StepGrade = {
        id: s.id,
        passed: r.passed,
        score: r.score,
        conditions: r.conditions.map((c) => {
          const cg: ConditionGrade = { index: c.index, type: c.type, passed: c.passed, weight: c.weight, expected: c.expected, found: c.found };
          if (c.id !== undefined) cg.id = c.id;
          if (c.hint !== undefined) cg.hint = c.hint;
          return cg;
        }),
      };
      if (r.hint !== undefined) g.hint = r.hint;
      return g;
    });
    // every step of a lesson counts the same; a custom task is one step
    const score = steps.length ? steps.reduce((s, x) => s + x.score, 0) / steps.length : 0;
    return { key: item.key, title: item.title, weight: item.weight, score, points: round(score * item.weight), steps };
  });
  return { score: round(out.reduce((s, i) => s + i.points, 0)), max: round(items.reduce((s, i) => s + i.weight, 0)), items: out };
}

/** Points are kept to 4 decimals: sums of thirds stay readable and comparable. */
export function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
