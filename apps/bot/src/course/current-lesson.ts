// Where a Discord user is in the course: the classroom of the cluster their commands use, and
// the lesson they worked on last (the course API's `nextLessonId` when that lesson is started).
import type { BotDeps } from '../bot-deps';
import type { Lesson, StepInfo } from '../course-types';
import type { BotStrings } from '../i18n';
import { studentClassroom, type Picked } from '../pick-cluster';
import type { Place } from '../place';

export type CourseSpot = Picked<{ classroomId: string; lesson?: Lesson }>;

/** `reply`: no classroom here, or several to choose from. */
export async function courseSpot(deps: BotDeps, userId: string, place: Place, t: BotStrings): Promise<CourseSpot> {
  const here = await studentClassroom(deps, userId, place, t);
  if ('reply' in here) return here;
  const { classroomId } = here;
  const progress = await deps.server.progress(userId, classroomId);
  const started = progress.lessons.find((l) => l.id === progress.nextLessonId && l.status !== 'not-started');
  if (!started) return { classroomId };
  return { classroomId, lesson: await deps.server.lesson(userId, classroomId, started.id) };
}

export function currentStep(lesson: Lesson): StepInfo {
  return lesson.steps.find((s) => s.id === lesson.currentStepId) ?? lesson.steps[0];
}

/** A score 0..1 as a percentage. */
export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}
