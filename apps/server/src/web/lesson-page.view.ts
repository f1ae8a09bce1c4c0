// Plain view models of the lesson list (views/lessons.hbs) and the lesson page
// (views/lesson.hbs), built from the course service's views. Pure: the controller fetches,
// these decide what the page shows (which steps a student may go to, the quiz's marks).
import type { HintsView, LessonSummaryView, LessonView, StepView } from '../course/course.types';
import { frontier } from '../course/progress';

export interface ClassroomInfo {
  id: string;
  name: string;
  timeZone: string;
}

export interface LessonCard extends LessonSummaryView {
  /** `Start`, `Continue` or `Review`: the key of the link's words */
  actionKey: 'lessons.start' | 'lessons.continue' | 'lessons.review';
  statusKey: string;
  quizPercent: number | null;
  /** the prerequisites' titles, in the list's language */
  prerequisiteTitles: string[];
}

export function lessonCards(lessons: LessonSummaryView[]): LessonCard[] {
  const titles = new Map(lessons.map((l) => [l.id, l.title]));
  return [...lessons]
    .sort((a, b) => a.order - b.order)
    .map((l) => ({
      ...l,
      actionKey: l.status === 'not-started' ? 'lessons.start' : l.status === 'completed' ? 'lessons.review' : 'lessons.continue',
      statusKey: `lessons.status.${l.status}`,
      quizPercent: l.quizScore === null ? null : Math.round(l.quizScore * 100),
      prerequisiteTitles: l.prerequisites.map((id) => titles.get(id) ?? id),
    }));
}

export interface StepPageView extends StepView {
  /** shown now (the others are in the page, hidden, for navigation without a reload) */
  shown: boolean;
  /** the student may go to it: passed, or the first not passed */
  reachable: boolean;
  previousId: string | null;
  nextId: string | null;
  /** `lastCheck.score` as a percentage */
  scorePercent: number | null;
  /** the hints asked for on this step (page without scripts), null when not asked */
  hints: { automatic: string | null; shown: string[]; more: boolean; next: number } | null;
  confirmRewind: boolean;
}

export interface QuizQuestionPage {
  id: string;
  prompt: string;
  choices: { index: number; text: string; chosen: boolean; right: boolean; wrong: boolean }[];
  answered: boolean;
  correct: boolean;
  explanation: string | null;
}

export interface LessonPageOptions {
  /** the step to show (from ?step=, only if reachable); else the current step */
  stepId?: string;
  /** hints asked for on the shown step: how many hand-written ones to show */
  hintsShown?: number;
  hints?: HintsView;
  /** ?rewind=STEP: ask to confirm (the page without scripts) */
  rewindStepId?: string;
}

export interface LessonPageView {
  lesson: LessonView;
  steps: StepPageView[];
  shownStep: StepPageView;
  started: boolean;
  quiz: { questions: QuizQuestionPage[]; result: { correct: number; total: number; percent: number } | null } | null;
}

export function lessonPage(lesson: LessonView, opts: LessonPageOptions = {}): LessonPageView {
  const passed = lesson.steps.filter((s) => s.passed).map((s) => s.id);
  const last = frontier(lesson, passed);
  const current = lesson.steps.find((s) => s.id === lesson.currentStepId) ?? lesson.steps[Math.min(last, lesson.steps.length - 1)];
  const asked = lesson.steps.findIndex((s) => s.id === opts.stepId);
  const shownId = asked !== -1 && asked <= last ? opts.stepId : current.id;
  const steps: StepPageView[] = lesson.steps.map((s, i) => {
    const shown = s.id === shownId;
    const hints =
      shown && opts.hints && opts.hints.stepId === s.id
        ? {
            automatic: opts.hints.automatic,
            shown: opts.hints.hints.slice(0, opts.hintsShown ?? 0),
            more: (opts.hintsShown ?? 0) < opts.hints.hints.length,
            next: Math.min((opts.hintsShown ?? 0) + 1, opts.hints.hints.length),
          }
        : null;
    return {
      ...s,
      shown,
      reachable: i <= last,
      previousId: i > 0 ? lesson.steps[i - 1].id : null,
      nextId: i + 1 < lesson.steps.length && i + 1 <= last ? lesson.steps[i + 1].id : null,
      scorePercent: s.lastCheck ? Math.round(s.lastCheck.score * 100) : null,
      hints,
      confirmRewind: shown && opts.rewindStepId === s.id,
    };
  });
  let quiz: LessonPageView['quiz'] = null;
  if (lesson.quiz) {
    const result = lesson.quiz.result;
    quiz = {
      questions: lesson.quiz.questions.map((q) => {
        const a = result?.questions.find((x) => x.id === q.id);
        return {
          id: q.id,
          prompt: q.prompt,
          answered: !!a,
          correct: !!a?.correct,
          explanation: a ? a.explanation : null,
          choices: q.choices.map((text, index) => ({
            index,
            text,
            chosen: a?.chosen === index,
            right: !!a && a.answer === index,
            wrong: !!a && a.chosen === index && a.answer !== index,
          })),
        };
      }),
      result: result ? { correct: result.correct, total: result.total, percent: Math.round(result.score * 100) } : null,
    };
  }
  return { lesson, steps, shownStep: steps.find((s) => s.shown)!, started: lesson.status !== 'not-started', quiz };
}
