// Which classroom and cluster a student's command uses. The server decides the classroom from
// where the message was typed and the `!classroom` choice (GET /api/v1/bot/classroom); within
// it, the cluster of the lesson shown last when that lesson has one of its own (bare hosts, a
// cloud), else the course cluster.
import type { BotDeps } from './bot-deps';
import type { BotStrings } from './i18n';
import type { Place } from './place';
import { textReply, type BotReply } from './reply';
import type { ClassroomHere } from './server-client';

export type Picked<T> = T | { reply: BotReply };

/** Several classrooms could be meant: the friendly question, numbered as the choosing command counts. */
export function askReply(here: ClassroomHere, ask: (lines: readonly string[]) => string): BotReply {
  const lines = here.classrooms.filter((c) => here.among.includes(c.id)).map((c) => `${c.number}. ${c.name}`);
  return textReply(ask(lines));
}

export async function studentClassroom(deps: BotDeps, userId: string, place: Place, t: BotStrings): Promise<Picked<{ classroomId: string; here: ClassroomHere }>> {
  const here = await deps.server.classroomHere(userId, place, 'student');
  if (here.how === 'choose') return { reply: askReply(here, t.classroomAsk) };
  if (!here.classroomId) return { reply: textReply(t.noCluster) };
  return { classroomId: here.classroomId, here };
}

export async function pickCluster(deps: BotDeps, userId: string, place: Place, t: BotStrings): Promise<Picked<{ clusterId: string; classroomId: string }>> {
  const r = await studentClassroom(deps, userId, place, t);
  if ('reply' in r) return r;
  const clusters = r.here.clusters;
  const lesson = deps.lessonClusters?.get(userId);
  const cluster = clusters.find((c) => c.id === lesson) ?? clusters.find((c) => c.purpose === 'course') ?? clusters[0];
  if (!cluster) return { reply: textReply(t.noCluster) };
  return { clusterId: cluster.id, classroomId: r.classroomId };
}
