// Where a student is in a lesson, from the steps they passed. Pure.
import type { LessonStatus } from './course.types';

export interface StepsOf {
  steps: { id: string }[];
}

/** The steps passed that the lesson still has, in the lesson's order. */
export function passedIn(lesson: StepsOf, passed: unknown): string[] {
  const set = new Set(Array.isArray(passed) ? passed.filter((x): x is string => typeof x === 'string') : []);
  return lesson.steps.map((s) => s.id).filter((id) => set.has(id));
}

/** The index of the furthest step a student may be on: the first not passed (the last if all are). */
export function frontier(lesson: StepsOf, passed: string[]): number {
  const i = lesson.steps.findIndex((s) => !passed.includes(s.id));
  return i === -1 ? lesson.steps.length - 1 : i;
}

/** A step the student has reached: passed, or the first not passed. */
export function reached(lesson: StepsOf, passed: string[], stepId: string): boolean {
  const i = lesson.steps.findIndex((s) => s.id === stepId);
  return i !== -1 && i <= frontier(lesson, passed);
}

export function statusOf(lesson: StepsOf, started: boolean, passed: string[]): LessonStatus {
  if (!started) return 'not-started';
  return passed.length === lesson.steps.length ? 'completed' : 'started';
}

/**
 * After `stepId` passed: the steps passed and the step the student is on. Passing the current
 * step moves on to the next step not passed; passing an earlier one leaves them where they are.
 */
export function afterPass(lesson: StepsOf, passed: string[], current: string, stepId: string): { passed: string[]; current: string } {
  const now = passedIn(lesson, [...passed, stepId]);
  if (stepId !== current) return { passed: now, current };
  const from = lesson.steps.findIndex((s) => s.id === stepId);
  const next = lesson.steps.slice(from + 1).find((s) => !now.includes(s.id)) ?? lesson.steps.find((s) => !now.includes(s.id));
  return { passed: now, current: next ? next.id : current };
}

/** After rewinding to `stepId`: it and every step after it are to be done again. */
export function afterRewind(lesson: StepsOf, passed: string[], stepId: string): string[] {
  const i = lesson.steps.findIndex((s) => s.id === stepId);
  const later = new Set(lesson.steps.slice(i).map((s) => s.id));
  return passed.filter((id) => !later.has(id));
}
