// What the instructor commands (`!class`, `!progress @student`, `!drill`) share: the classroom
// they act on (the server decides it from where the command was typed and the `!class N`
// choice, as for students), and a student named by `@username` or a Discord mention.
import type { BotDeps } from '../bot-deps';
import type { BotStrings } from '../i18n';
import { askReply, type Picked } from '../pick-cluster';
import type { Place } from '../place';
import { textReply } from '../reply';
import type { ClassroomHere } from '../server-client';

export type TaughtRoom = ClassroomHere['classrooms'][number];

/** The taught classroom here; a reply when the user teaches none, or several could be meant. */
export async function taughtHere(deps: BotDeps, userId: string, place: Place, t: BotStrings): Promise<Picked<{ room: TaughtRoom; here: ClassroomHere }>> {
  const here = await deps.server.classroomHere(userId, place, 'instructor');
  if (here.how === 'choose') return { reply: askReply(here, t.teach.classAsk) };
  const room = here.classrooms.find((c) => c.id === here.classroomId);
  if (!room) return { reply: textReply(t.teach.onlyInstructors) };
  return { room, here };
}

/** `@username`, `username` or a Discord mention of a linked user, to a kubeaula username (undefined: nobody linked). */
export async function usernameOf(deps: BotDeps, userId: string, arg: string): Promise<string | undefined> {
  const mention = /^<@!?(\d{1,25})>$/.exec(arg);
  if (!mention) return arg.replace(/^@/, '').toLowerCase();
  try {
    return (await deps.server.linkedUsername(userId, mention[1])).username;
  } catch {
    return undefined;
  }
}
