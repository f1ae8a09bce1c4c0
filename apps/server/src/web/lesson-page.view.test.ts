// What the lesson pages show: which steps a student may go to and which one is shown, hints
// asked for, the quiz's marks, and the lesson list's order and links.
import type { LessonSummaryView, LessonView, StepView } from '../course/course.types';
import { lessonCards, lessonPage } from './lesson-page.view';

const step = (id: string, number: number, passed: boolean, current = false): StepView => ({ id, number, title: id, html: '<p>x</p>', lastCheck: null, passed, current, hintCount: 2 });

function lesson(over: Partial<LessonView> = {}): LessonView {
  return {
    id: 'pods', order: 3, title: 'Pods', summary: 's', shape: 'kubeadm', prerequisites: [], status: 'started', currentStepId: 'b',
    clusterId: 'c1', clusterPurpose: 'course', startedAt: '2026-01-01T00:00:00Z', completedAt: null,
    steps: [step('a', 1, true), step('b', 2, false, true), step('c', 3, false)],
    quiz: {
      questions: [{ id: 'q1', prompt: 'Q?', choices: ['x', 'y', 'z'] }],
      result: { score: 0, correct: 0, total: 1, questions: [{ id: 'q1', chosen: 2, answer: 1, correct: false, explanation: 'because' }] },
    },
    previousLessonId: null, nextLessonId: null,
    ...over,
  };
}

describe('lessonPage', () => {
  it('shows the current step; steps up to the first not passed are reachable', () => {
    const p = lessonPage(lesson());
    expect(p.shownStep.id).toBe('b');
    expect(p.steps.map((s) => [s.id, s.reachable, s.previousId, s.nextId])).toEqual([
      ['a', true, null, 'b'],
      ['b', true, 'a', null],
      ['c', false, 'b', null],
    ]);
  });

  it('shows an asked-for step only when it is reachable', () => {
    expect(lessonPage(lesson(), { stepId: 'a' }).shownStep.id).toBe('a');
    expect(lessonPage(lesson(), { stepId: 'c' }).shownStep.id).toBe('b');
    expect(lessonPage(lesson(), { stepId: 'nope' }).shownStep.id).toBe('b');
  });

  it('shows the automatic hint and as many hand-written ones as asked for', () => {
    const hints = { stepId: 'b', automatic: 'auto', hints: ['one', 'two'] };
    expect(lessonPage(lesson(), { hints, hintsShown: 1 }).shownStep.hints).toEqual({ automatic: 'auto', shown: ['one'], more: true, next: 2 });
    expect(lessonPage(lesson(), { hints, hintsShown: 5 }).shownStep.hints).toEqual({ automatic: 'auto', shown: ['one', 'two'], more: false, next: 2 });
    expect(lessonPage(lesson(), { rewindStepId: 'b' }).shownStep.confirmRewind).toBe(true);
  });

  it("marks the quiz: the student's wrong choice and the right one", () => {
    const q = lessonPage(lesson()).quiz!;
    expect(q.result).toEqual({ correct: 0, total: 1, percent: 0 });
    expect(q.questions[0].choices.map((c) => [c.chosen, c.right, c.wrong])).toEqual([
      [false, false, false],
      [false, true, false],
      [true, false, true],
    ]);
    expect(lessonPage(lesson({ quiz: null })).quiz).toBeNull();
  });
});

describe('lessonCards', () => {
  const summary = (id: string, order: number, status: LessonSummaryView['status'], prerequisites: string[] = []): LessonSummaryView => ({
    id, order, title: id.toUpperCase(), summary: '', shape: 'kubeadm', prerequisites, stepCount: 4, passedCount: 1, status, currentStepId: null, hasQuiz: true, quizScore: status === 'completed' ? 0.666 : null,
  });

  it('orders the lessons and says what the link does', () => {
    const cards = lessonCards([summary('b', 2, 'started', ['a']), summary('a', 1, 'completed'), summary('c', 3, 'not-started')]);
    expect(cards.map((c) => [c.id, c.actionKey, c.statusKey, c.quizPercent, c.prerequisiteTitles])).toEqual([
      ['a', 'lessons.review', 'lessons.status.completed', 67, []],
      ['b', 'lessons.continue', 'lessons.status.started', null, ['A']],
      ['c', 'lessons.start', 'lessons.status.not-started', null, []],
    ]);
  });
});
