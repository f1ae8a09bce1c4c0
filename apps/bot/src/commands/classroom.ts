// `!classroom` lists the user's classrooms, marking the one a command typed here uses;
// `!classroom N` (or its name) chooses the classroom where the place leaves a choice (a DM, a
// server attached to several of them). The choice is kept on the server, with the Discord link.
import { errorReply } from '../error-reply';
import { textReply } from '../reply';
import type { PrefixCommand } from './types';

export const classroomCommand: PrefixCommand = {
  names: ['classroom'],
  usage: '!classroom [N]',
  async execute({ deps, userId, place, args, t }) {
    try {
      const here = await deps.server.classroomHere(userId, place, 'student');
      const rooms = here.classrooms;
      if (!rooms.length) return textReply(t.noCluster);
      const want = args.trim();
      if (want) {
        const n = Number(want);
        const pick = Number.isInteger(n) && n >= 1 && n <= rooms.length ? rooms[n - 1] : rooms.find((c) => c.name.toLowerCase() === want.toLowerCase());
        if (!pick) return textReply(t.classroomNone(want));
        await deps.server.chooseClassroom(userId, pick.id);
        // Back to the course cluster of that classroom (from a lesson's own cluster).
        deps.lessonClusters?.delete(userId);
        const lines = [t.classroomChosen(pick.name)];
        // This server (channel) names another classroom on its own: the choice does not count here.
        const placed = here.how === 'place' ? rooms.find((c) => c.id === here.classroomId) : undefined;
        if (placed && placed.id !== pick.id) lines.push(t.classroomHereWins(placed.name));
        return textReply(lines.join('\n'));
      }
      const lines = rooms.map((c) => `${c.number}. ${c.name}${c.id === here.classroomId ? t.classroomCurrent : ''}`);
      return textReply([t.classroomList, ...lines, t.classroomChoose].join('\n'));
    } catch (e) {
      return errorReply(e, deps, t);
    }
  },
};
