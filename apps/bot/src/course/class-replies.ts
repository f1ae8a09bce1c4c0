// The instructor's commands: `!class [N]` (a summary of the class view) and `!progress @student`
// (one student's lessons), read from the instructor API as the linked instructor.
import type { BotDeps } from '../bot-deps';
import type { ClassView } from '../course-types';
import { errorReply } from '../error-reply';
import type { BotStrings } from '../i18n';
import { linesReply, textReply, type BotReply } from '../reply';
import { taught, usernameOf } from './instructor-lookup';

function stepTitle(view: ClassView, key: string): string {
  const [lessonId, stepId] = key.split('/');
  const lesson = view.lessons.find((l) => l.id === lessonId);
  const step = lesson?.steps.find((s) => s.id === stepId);
  return lesson && step ? `${lesson.title} › ${step.title}` : key;
}

function currentOf(view: ClassView, cells: ClassView['students'][number]['cells'], t: BotStrings, lessonId?: string): string {
  const entry = Object.entries(cells).find(([key, c]) => c.state === 'current' && (lessonId === undefined || key.startsWith(`${lessonId}/`)));
  if (!entry) return '';
  const [key, cell] = entry;
  const title = lessonId === undefined ? stepTitle(view, key) : (stepTitle(view, key).split(' › ')[1] ?? key);
  return cell.onStepMs !== null ? `${title} (${t.teach.minutes(Math.floor(cell.onStepMs / 60_000))})` : title;
}

/** `!class [N]`: who is where, who is online, and the step most of the class fails now. */
export async function classReply(deps: BotDeps, userId: string, args: string, t: BotStrings): Promise<BotReply> {
  try {
    const rooms = await taught(deps, userId);
    if (!rooms.length) return textReply(t.teach.onlyInstructors);
    const want = args.trim();
    const n = Number(want);
    const room = want ? (Number.isInteger(n) ? rooms[n - 1] : rooms.find((r) => r.name.toLowerCase() === want.toLowerCase())) : (rooms.find((r) => r.id === deps.teaching?.get(userId)) ?? rooms[0]);
    if (!room) return textReply(t.teach.noSuchClass(want));
    if (want) (deps.teaching ??= new Map()).set(userId, room.id);
    const view = await deps.server.classView(userId, room.id);
    const lines = [t.teach.classTitle(view.classroom.name, view.students.length)];
    if (!view.students.length) lines.push(t.teach.noStudents);
    for (const s of view.students) lines.push(t.teach.studentLine(s.displayName || s.username, s.passed, currentOf(view, s.cells, t), s.online));
    const hardest = Object.entries(view.heat).sort((a, b) => b[1].failing - a[1].failing)[0];
    if (hardest && hardest[1].failing > 0) lines.push(t.teach.hardest(stepTitle(view, hardest[0]), hardest[1].failing, hardest[1].topCondition?.text ?? ''));
    if (rooms.length > 1) lines.push(rooms.map((r, i) => `${i + 1}. ${r.name}`).join(' · '));
    return linesReply(lines);
  } catch (e) {
    return errorReply(e, deps, t);
  }
}

/** `!progress @student` (or their username): their lessons, in the first class of yours they are in. */
export async function studentProgressReply(deps: BotDeps, userId: string, who: string, t: BotStrings): Promise<BotReply> {
  try {
    const rooms = await taught(deps, userId);
    if (!rooms.length) return textReply(t.teach.onlyInstructors);
    const username = await usernameOf(deps, userId, who);
    if (username === undefined) return textReply(t.teach.noSuchStudent(who));
    for (const room of rooms) {
      const view = await deps.server.classView(userId, room.id);
      const s = view.students.find((x) => x.username === username);
      if (!s) continue;
      const lines = [t.teach.studentTitle(s.displayName || s.username, view.classroom.name)];
      for (const l of view.lessons) {
        const passed = l.steps.filter((st) => s.cells[`${l.id}/${st.id}`]?.state === 'passed').length;
        lines.push(t.teach.lessonLine(l.title, passed, l.steps.length, currentOf(view, s.cells, t, l.id)));
      }
      return linesReply(lines);
    }
    return textReply(t.teach.noSuchStudent(who));
  } catch (e) {
    return errorReply(e, deps, t);
  }
}
