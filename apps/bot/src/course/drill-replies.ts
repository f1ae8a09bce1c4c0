// `!drill start KIND ARGS [@student]`, `!drill end [N]`, `!drill list` (instructors): fault drills
// in the classroom taught where the command is typed (or chosen with `!class N`), through the instructor API.
import type { BotDeps } from '../bot-deps';
import type { ClassView, Drill } from '../course-types';
import { errorReply } from '../error-reply';
import type { BotStrings } from '../i18n';
import { textReply, type BotReply } from '../reply';
import { drillWords, parseDrill } from './drill-spec';
import type { Place } from '../place';
import { taughtHere, usernameOf } from './instructor-lookup';

function who(view: ClassView, d: Drill, t: BotStrings): string {
  if (!d.userId) return t.teach.wholeClass;
  return view.students.find((s) => s.userId === d.userId)?.username ?? d.userId;
}

/** `@username` or a Discord mention of a linked student, to their kubeaula user id. */
async function studentId(deps: BotDeps, userId: string, view: ClassView, arg: string): Promise<string | undefined> {
  const username = await usernameOf(deps, userId, arg);
  return username === undefined ? undefined : view.students.find((s) => s.username === username)?.userId;
}

export async function drillReply(deps: BotDeps, userId: string, place: Place, args: string, t: BotStrings): Promise<BotReply> {
  try {
    const picked = await taughtHere(deps, userId, place, t);
    if ('reply' in picked) return picked.reply;
    const { room } = picked;
    const [sub = '', ...rest] = args.trim().split(/\s+/).filter(Boolean);
    if (sub === 'list') {
      const [drills, view] = await Promise.all([deps.server.drills(userId, room.id), deps.server.classView(userId, room.id)]);
      if (!drills.length) return textReply(t.teach.noDrills);
      return textReply([t.teach.drillList, ...drills.map((d, i) => t.teach.drillLine(i + 1, drillWords(d.spec), who(view, d, t), d.lasts && !d.endedAt))].join('\n'));
    }
    if (sub === 'start') {
      const last = rest[rest.length - 1] ?? '';
      const targeted = last.startsWith('@') || last.startsWith('<@');
      const spec = parseDrill(targeted ? rest.slice(0, -1) : rest);
      if (!spec) return textReply(t.teach.drillUsage);
      const view = await deps.server.classView(userId, room.id);
      const student = targeted ? await studentId(deps, userId, view, last) : undefined;
      if (targeted && !student) return textReply(t.teach.noSuchStudent(last));
      const d = await deps.server.startDrill(userId, room.id, spec, student);
      const applied = (d.targets ?? []).filter((x) => x.version !== null).length;
      return textReply(d.lasts ? t.teach.drillStarted(drillWords(d.spec), who(view, d, t), applied) : t.teach.drillDone(drillWords(d.spec)));
    }
    if (sub === 'end' && rest.length <= 1) {
      const drills = await deps.server.drills(userId, room.id);
      const ongoing = (d: Drill | undefined) => d !== undefined && d.lasts && !d.endedAt;
      const want = rest[0];
      const d = want ? drills[Number(want) - 1] : [...drills].reverse().find(ongoing);
      if (!ongoing(d)) return textReply(t.teach.noSuchDrill(want ?? ''));
      const ended = await deps.server.endDrill(userId, room.id, d!.id);
      return textReply(t.teach.drillEnded(drillWords(ended.spec)));
    }
    return textReply(t.teach.drillUsage);
  } catch (e) {
    return errorReply(e, deps, t);
  }
}
