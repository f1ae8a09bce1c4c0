// The parts of the course API's answers the bot reads (the server's course.types.ts; the bot
// never imports server code).

export type LessonStatus = 'not-started' | 'started' | 'completed';

export interface LessonSummary {
  id: string;
  order: number;
  title: string;
  stepCount: number;
  passedCount: number;
  status: LessonStatus;
  currentStepId: string | null;
}

export interface ConditionResult {
  passed: boolean;
  message: string;
  expected: string;
  found: string;
}

export interface StepCheck {
  passed: boolean;
  score: number;
  conditions: ConditionResult[];
  hint: string | null;
}

export interface StepInfo {
  id: string;
  number: number;
  title: string;
  passed: boolean;
  current: boolean;
  hintCount: number;
}

export interface Lesson {
  id: string;
  order: number;
  title: string;
  status: LessonStatus;
  currentStepId: string | null;
  /** The cluster the lesson runs on: the course cluster, or one of its own (lessons on bare or cloud hosts). */
  clusterId: string | null;
  steps: StepInfo[];
}

export interface CheckResult extends StepCheck {
  stepId: string;
  currentStepId: string;
  lessonStatus: LessonStatus;
}

export interface Hints {
  stepId: string;
  automatic: string | null;
  hints: string[];
}

export interface Progress {
  classroomId: string;
  lessons: LessonSummary[];
  completedLessons: number;
  totalLessons: number;
  passedSteps: number;
  totalSteps: number;
  nextLessonId: string | null;
}

/** A fault drill as the instructor API returns it. */
export interface Drill {
  id: string;
  spec: { kind: string; [k: string]: unknown };
  userId: string | null;
  lasts: boolean;
  startedAt: string;
  endedAt: string | null;
  targets?: { userId: string; username: string; version: number | null; error?: string }[];
}

/** GET /api/v1/classrooms/:id/class-view (instructors): students × steps. */
export interface ClassView {
  classroom: { id: string; name: string };
  lessons: { id: string; title: string; steps: { id: string; title: string }[] }[];
  students: {
    userId: string;
    username: string;
    displayName: string;
    online: string[];
    /** `lessonId/stepId` → cell */
    cells: Record<string, { state: 'passed' | 'partial' | 'failing' | 'current' | 'none'; score: number | null; onStepMs: number | null }>;
    passed: number;
  }[];
  heat: Record<string, { failing: number; topCondition: { text: string; students: number } | null }>;
}
