// What the course service returns: the views the REST API, the dashboard pages and the Discord
// bot show. Every text is already in the requested language (es or en); times are ISO 8601 UTC.
import type { ConditionResult, Locale } from '../grading/checks/types';

export type { Locale };

/** Where a student is in a lesson. */
export type LessonStatus = 'not-started' | 'started' | 'completed';

/** A door a course action came through (recorded on the cluster's inputs). */
export type CourseDoor = 'web' | 'discord' | 'cli' | 'api';

/** What the list and the lesson page both say of a lesson, first. */
export interface LessonHeadView {
  id: string;
  /** place in the course, 1-based */
  order: number;
  title: string;
  summary: string;
  /** the cluster shape the lesson runs on: kubeadm (the course cluster), bare, cloud */
  shape: 'kubeadm' | 'bare' | 'cloud';
  /** ids of the lessons to do first */
  prerequisites: string[];
}

/** One lesson in the list, with the student's progress in it. */
export interface LessonSummaryView extends LessonHeadView {
  stepCount: number;
  /** steps whose last check passed */
  passedCount: number;
  status: LessonStatus;
  /** the step the student is on; null before the lesson starts */
  currentStepId: string | null;
  hasQuiz: boolean;
  /** 0..1 once the quiz is submitted */
  quizScore: number | null;
}

/** The outcome of a step's check, as stored (the last one) or just evaluated. */
export interface StepCheckView {
  passed: boolean;
  /** passed weight over total weight, 0..1 */
  score: number;
  /** every condition with "expected …, found …" in the requested language */
  conditions: ConditionResult[];
  /** the automatic hint from the first failing condition */
  hint: string | null;
  /** the cluster version the check saw (the evidence) */
  clusterVersion: number;
  at: string;
}

export interface StepView {
  id: string;
  /** 1-based */
  number: number;
  title: string;
  /**
   * The step's markdown rendered to HTML and sanitized. Code blocks are `<pre><code
   * class="language-sh">` (the language kept) so the page can add copy and run buttons.
   */
  html: string;
  /** the last check of this step, null if never checked */
  lastCheck: StepCheckView | null;
  passed: boolean;
  current: boolean;
  /** how many hand-written hints the step has */
  hintCount: number;
}

/** A quiz question without its answer. */
export interface QuizQuestionView {
  id: string;
  prompt: string;
  choices: string[];
}

export interface QuizAnswerView {
  id: string;
  /** the choice the student gave, null if none */
  chosen: number | null;
  /** the right choice */
  answer: number;
  correct: boolean;
  explanation: string;
}

export interface QuizResultView {
  /** right answers over questions, 0..1 */
  score: number;
  correct: number;
  total: number;
  questions: QuizAnswerView[];
}

export interface LessonView extends LessonHeadView {
  status: LessonStatus;
  currentStepId: string | null;
  /** the cluster the lesson runs on (the course cluster, or the lesson's own); null before it starts on a lesson of its own */
  clusterId: string | null;
  /** the cluster purpose: `course` or `lesson:<id>` */
  clusterPurpose: string;
  startedAt: string | null;
  completedAt: string | null;
  steps: StepView[];
  /** the questions without their answers; null when the lesson has no quiz */
  quiz: { questions: QuizQuestionView[]; result: QuizResultView | null } | null;
  /** the previous and next lesson of the course, for navigation */
  previousLessonId: string | null;
  nextLessonId: string | null;
}

/** What a check returns: the step's result, and where the student is now. */
export interface CheckView extends StepCheckView {
  stepId: string;
  /** the step the student is on after this check (the next one when it passed) */
  currentStepId: string;
  lessonStatus: LessonStatus;
}

export interface HintsView {
  stepId: string;
  /** from the cluster's state now (the first failing condition); null when the step's checks pass */
  automatic: string | null;
  /** the hand-written hints, in order */
  hints: string[];
}

export interface RewindView {
  lessonId: string;
  stepId: string;
  clusterId: string;
  /** the cluster version after the restore */
  version: number;
}

export interface ProgressView {
  classroomId: string;
  lessons: LessonSummaryView[];
  completedLessons: number;
  totalLessons: number;
  passedSteps: number;
  totalSteps: number;
  /** the lesson to continue with: the started one worked on last, else the first not started */
  nextLessonId: string | null;
}
