// Where a Discord user is in the course: the classroom of the cluster their commands use, and
// the lesson they worked on last (the course API's `nextLessonId` when that lesson is started).
import type { BotDeps } from '../bot-deps';
import type { Lesson, StepInfo } from '../course-types';
import { pickCluster } from '../pick-cluster';

export type CourseSpot = { classroomId: string; lesson?: Lesson } | { noCluster: true };

export async function courseSpot(deps: BotDeps, userId: string): Promise<CourseSpot> {
  const cluster = await pickCluster(deps, userId);
  if (!cluster?.classroomId) return { noCluster: true };
  const progress = await deps.server.progress(userId, cluster.classroomId);
  const started = progress.lessons.find((l) => l.id === progress.nextLessonId && l.status !== 'not-started');
  if (!started) return { classroomId: cluster.classroomId };
  return { classroomId: cluster.classroomId, lesson: await deps.server.lesson(userId, cluster.classroomId, started.id) };
}

export function currentStep(lesson: Lesson): StepInfo {
  return lesson.steps.find((s) => s.id === lesson.currentStepId) ?? lesson.steps[0];
}

/** A score 0..1 as a percentage. */
export function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}
