// The course's lessons as the server serves them: the catalog of lessons/ loaded once at start
// (a problem in it is logged; the lint test is what proves the course), each step's markdown
// rendered once per language.
import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { projectPath } from '../config/paths';
import type { Locale } from '../grading/checks/types';
import { Lesson, loadLessonCatalog } from '../lessons/lesson-catalog';
import { renderMarkdown } from './markdown';

export const COURSE_SHAPE = 'kubeadm';

/** The cluster a lesson runs on: the student's course cluster, or one of its own. */
export function lessonPurpose(lesson: Pick<Lesson, 'id' | 'cluster'>): string {
  return lesson.cluster.shape === COURSE_SHAPE ? 'course' : `lesson:${lesson.id}`;
}

@Injectable()
export class LessonLibrary {
  private readonly logger = new Logger('LessonLibrary');
  readonly lessons: Lesson[];
  private readonly html = new Map<string, string>();

  constructor() {
    const { lessons, problems } = loadLessonCatalog(projectPath('lessons'));
    for (const p of problems) this.logger.warn(`lessons: ${p}`);
    this.lessons = lessons;
  }

  get(lessonId: string): Lesson {
    const l = this.lessons.find((x) => x.id === lessonId);
    if (!l) throw new AppError('NOT_FOUND', `No lesson ${lessonId}`);
    return l;
  }

  step(lesson: Lesson, stepId: string): Lesson['steps'][number] {
    const s = lesson.steps.find((x) => x.id === stepId);
    if (!s) throw new AppError('NOT_FOUND', `Lesson ${lesson.id} has no step ${stepId}`);
    return s;
  }

  /** The step's text as sanitized HTML. */
  stepHtml(lesson: Lesson, stepId: string, locale: Locale): string {
    const key = `${lesson.id}/${stepId}/${locale}`;
    let html = this.html.get(key);
    if (html === undefined) {
      html = renderMarkdown(this.step(lesson, stepId).text[locale]);
      this.html.set(key, html);
    }
    return html;
  }
}
