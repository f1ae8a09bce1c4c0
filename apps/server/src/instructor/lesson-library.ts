// The course's lessons as the instructor's grading and class view read them (loaded once).
import { Injectable } from '@nestjs/common';
import { projectPath } from '../config/paths';
import { Lesson, loadLessonCatalog } from '../lessons/lesson-catalog';

@Injectable()
export class LessonLibrary {
  private lessons?: Lesson[];

  all(): Lesson[] {
    this.lessons ??= loadLessonCatalog(projectPath('lessons')).lessons;
    return this.lessons;
  }

  get(id: string): Lesson | undefined {
    return this.all().find((l) => l.id === id);
  }

  /** The cluster a lesson runs on: the course cluster for kubeadm lessons, its own otherwise. */
  purposeOf(lesson: Lesson): string {
    return lesson.cluster.shape === 'kubeadm' ? 'course' : `lesson:${lesson.id}`;
  }
}
