// What the instructor commands (`!class`, `!progress @student`, `!drill`) share: the classrooms
// the user teaches, and a student named by `@username` or a Discord mention.
import type { BotDeps } from '../bot-deps';
import type { ClassroomInfo } from '../course-types';

/** The classrooms the user teaches and that are not archived. */
export async function taught(deps: BotDeps, userId: string): Promise<ClassroomInfo[]> {
  return (await deps.server.classrooms(userId)).filter((c) => c.role === 'instructor' && !c.archived);
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
