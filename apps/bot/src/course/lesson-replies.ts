// The replies of the course commands (`!lesson`, `!check`, `!hint`, `!progress` and their slash
// twins): each reads the course API as the linked student and words it in their language.
import type { BotDeps } from '../bot-deps';
import type { Lesson, LessonSummary } from '../course-types';
import { errorReply } from '../error-reply';
import type { BotStrings } from '../i18n';
import { linesReply, textReply, type BotReply } from '../reply';
import { studentClassroom } from '../pick-cluster';
import type { Place } from '../place';
import { ServerError } from '../server-client';
import { stepReply } from '../step-markdown';
import { courseSpot, currentStep, percent } from './current-lesson';

/** Which hand-written hint each user saw last, per step (the next `!hint` shows the next one). */
const hintsSeen = new Map<string, number>();

async function guarded(deps: BotDeps, t: BotStrings, work: () => Promise<BotReply>): Promise<BotReply> {
  try {
    return await work();
  } catch (e) {
    return errorReply(e, deps, t);
  }
}

export async function showStep(deps: BotDeps, userId: string, lesson: Lesson, t: BotStrings): Promise<BotReply> {
  const step = currentStep(lesson);
  // A lesson on a cluster of its own (bare hosts, a cloud): the student's commands go there now.
  if (lesson.clusterId) {
    deps.lessonClusters ??= new Map();
    deps.lessonClusters.set(userId, lesson.clusterId);
  }
  const { markdown } = await deps.server.stepMarkdown(userId, lesson.id, step.id);
  return stepReply(t.lesson.stepHeader(lesson.title, step.number, lesson.steps.length, step.title), markdown, t.lesson.stepFooter, `${lesson.id}-${step.id}.md`, t);
}

function findLesson(lessons: LessonSummary[], want: string): LessonSummary | undefined {
  const n = Number(want);
  return Number.isInteger(n) ? lessons.find((l) => l.order === n) : lessons.find((l) => l.id === want.toLowerCase() || l.title.toLowerCase() === want.toLowerCase());
}

/** `!lesson [next|prev|N|list|start LESSON]`. */
export function lessonReply(deps: BotDeps, userId: string, place: Place, args: string, t: BotStrings): Promise<BotReply> {
  return guarded(deps, t, async () => {
    const [word = '', ...rest] = args.trim().split(/\s+/).filter(Boolean);
    const spot = await courseSpot(deps, userId, place, t);
    if ('reply' in spot) return spot.reply;
    const { classroomId } = spot;
    if (word === 'list') {
      const lessons = await deps.server.lessons(userId, classroomId);
      if (!lessons.length) return textReply(t.lesson.progressNone);
      return textReply([t.lesson.lessonsTitle, ...lessons.map((l) => t.lesson.lessonLine(l.order, l.title, l.status === 'not-started' ? '' : t.lesson.status[l.status]))].join('\n'));
    }
    if (word === 'start') {
      const want = rest.join(' ');
      const lesson = want ? findLesson(await deps.server.lessons(userId, classroomId), want) : undefined;
      if (!lesson) return textReply(want ? t.lesson.noSuchLesson(want) : t.lesson.lessonUsage);
      return showStep(deps, userId, await deps.server.startLesson(userId, classroomId, lesson.id), t);
    }
    const lesson = spot.lesson;
    if (!lesson) return textReply(t.lesson.none);
    if (word === '') return showStep(deps, userId, lesson, t);
    const at = currentStep(lesson).number;
    const target = word === 'next' ? at + 1 : word === 'prev' ? at - 1 : /^\d+$/.test(word) ? Number(word) : undefined;
    if (target === undefined || rest.length) return textReply(t.lesson.lessonUsage);
    if (word === 'prev' && target < 1) return textReply(t.lesson.firstStep);
    if (word === 'next' && target > lesson.steps.length) return textReply(t.lesson.lastStep);
    const step = lesson.steps.find((s) => s.number === target);
    if (!step) return textReply(t.lesson.noSuchStep(target, lesson.steps.length));
    try {
      return showStep(deps, userId, await deps.server.goToStep(userId, classroomId, lesson.id, step.id), t);
    } catch (e) {
      // The course refuses a step not reached yet (409): say so in the student's words.
      if (e instanceof ServerError && e.status === 409) return textReply(t.lesson.locked(target));
      throw e;
    }
  });
}

/** `!check`: the current step against the cluster now. */
export function checkReply(deps: BotDeps, userId: string, place: Place, t: BotStrings): Promise<BotReply> {
  return guarded(deps, t, async () => {
    const spot = await courseSpot(deps, userId, place, t);
    if ('reply' in spot) return spot.reply;
    if (!spot.lesson) return textReply(t.lesson.none);
    const lesson = spot.lesson;
    const step = currentStep(lesson);
    const r = await deps.server.check(userId, spot.classroomId, lesson.id, step.id);
    const lines = [`**${step.number}. ${step.title}**`, r.passed ? t.lesson.checkPassed(percent(r.score)) : t.lesson.checkFailed(percent(r.score)), ...r.conditions.map((c) => t.lesson.condition(c))];
    if (!r.passed && r.hint) lines.push(t.lesson.checkHint(r.hint));
    if (r.passed) {
      if (r.lessonStatus === 'completed') lines.push(t.lesson.lessonDone);
      else {
        const next = lesson.steps.find((s) => s.id === r.currentStepId);
        if (next && next.id !== step.id) lines.push(t.lesson.nextStep(next.title));
      }
    }
    return linesReply(lines);
  });
}

/** `!hint`: the hint from the cluster now, then the step's hand-written hints one at a time. */
export function hintReply(deps: BotDeps, userId: string, place: Place, t: BotStrings): Promise<BotReply> {
  return guarded(deps, t, async () => {
    const spot = await courseSpot(deps, userId, place, t);
    if ('reply' in spot) return spot.reply;
    if (!spot.lesson) return textReply(t.lesson.none);
    const step = currentStep(spot.lesson);
    const h = await deps.server.hints(userId, spot.classroomId, spot.lesson.id, step.id);
    const key = `${userId}/${spot.lesson.id}/${step.id}`;
    const n = Math.min((hintsSeen.get(key) ?? 0) + 1, h.hints.length);
    hintsSeen.delete(key);
    hintsSeen.set(key, n);
    if (hintsSeen.size > 10_000) hintsSeen.delete(hintsSeen.keys().next().value as string);
    const lines: string[] = [];
    if (h.automatic) lines.push(t.lesson.checkHint(h.automatic));
    if (n > 0) lines.push(`${t.lesson.hintHeader(n, h.hints.length)} ${h.hints[n - 1]}`);
    if (!lines.length) lines.push(t.lesson.noHints);
    return linesReply(lines);
  });
}

/** `!progress`: lessons and steps passed. */
export function progressReply(deps: BotDeps, userId: string, place: Place, t: BotStrings): Promise<BotReply> {
  return guarded(deps, t, async () => {
    // Not courseSpot: it reads the current lesson, which this does not need.
    const here = await studentClassroom(deps, userId, place, t);
    if ('reply' in here) return here.reply;
    const [p, me] = await Promise.all([deps.server.progress(userId, here.classroomId), deps.server.me(userId)]);
    if (!p.lessons.length) return textReply(t.lesson.progressNone);
    return linesReply([t.lesson.progressTitle(me.displayName), ...p.lessons.map((l) => t.lesson.progressLine(l.title, l.passedCount, l.stepCount, t.lesson.status[l.status]))]);
  });
}
