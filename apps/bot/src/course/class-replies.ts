// The instructor's commands: `!class [N]` (a summary of the class view) and `!progress @student`
// (one student's lessons), read from the instructor API as the linked instructor.
import type { BotDeps } from '../bot-deps';
import type { ClassView } from '../course-types';
import { errorReply } from '../error-reply';
import type { BotStrings } from '../i18n';
import { linesReply, textReply, type BotReply } from '../reply';
import type { Place } from '../place';
import { taughtHere, usernameOf, type TaughtRoom } from './instructor-lookup';

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
export async function classReply(deps: BotDeps, userId: string, place: Place, args: string, t: BotStrings): Promise<BotReply> {
  try {
    const want = args.trim();
    let room: TaughtRoom | undefined;
    let rooms: TaughtRoom[];
    if (want) {
      // `!class N` (or its name): that class, kept as the choice where one is needed (a DM...).
      rooms = (await deps.server.classroomHere(userId, place, 'instructor')).classrooms;
      if (!rooms.length) return textReply(t.teach.onlyInstructors);
      const n = Number(want);
      room = Number.isInteger(n) ? rooms[n - 1] : rooms.find((r) => r.name.toLowerCase() === want.toLowerCase());
      if (!room) return textReply(t.teach.noSuchClass(want));
      await deps.server.chooseClassroom(userId, room.id);
    } else {
      const picked = await taughtHere(deps, userId, place, t);
      if ('reply' in picked) return picked.reply;
      ({ room } = picked);
      rooms = picked.here.classrooms;
    }
    const view = await deps.server.classView(userId, room.id);
    const lines = [t.teach.classTitle(view.classroom.name, view.students.length)];
    if (!view.students.length) lines.push(t.teach.noStudents);
    for (const s of view.students) lines.push(t.teach.studentLine(s.displayName || s.username, s.passed, currentOf(view, s.cells, t), s.online));
    const hardest = Object.entries(view.heat).sort((a, b) => b[1].failing - a[1].failing)[0];
    if (hardest && hardest[1].failing > 0) lines.push(t.teach.hardest(stepTitle(view, hardest[0]), hardest[1].failing, hardest[1].topCondition?.text ?? ''));
    if (rooms.length > 1) lines.push(rooms.map((r) => `${r.number}. ${r.name}`).join(' · '));
    return linesReply(lines);
  } catch (e) {
    return errorReply(e, deps, t);
  }
}

/**
 * `!progress @student` (or their username): their lessons in the class taught here, or, where
 * several could be meant, in the first of those the student is in.
 */
export async function studentProgressReply(deps: BotDeps, userId: string, place: Place, who: string, t: BotStrings): Promise<BotReply> {
  try {
    const here = await deps.server.classroomHere(userId, place, 'instructor');
    const ids = here.classroomId ? [here.classroomId] : here.among;
    const rooms = here.classrooms.filter((c) => ids.includes(c.id));
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
