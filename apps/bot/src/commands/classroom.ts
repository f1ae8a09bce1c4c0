// `!classroom` lists the user's classrooms; `!classroom N` (or its name) chooses the one whose
// cluster the next commands use.
import type { BotDeps } from '../bot-deps';
import { errorReply } from '../error-reply';
import { pickCluster } from '../pick-cluster';
import { textReply } from '../reply';
import type { PrefixCommand } from './types';

export const classroomCommand: PrefixCommand = {
  names: ['classroom'],
  usage: '!classroom [N]',
  async execute({ deps, userId, args, t }) {
    try {
      // One line per classroom: its course cluster (a lesson's own cluster follows `!lesson`).
      const clusters = (await deps.server.clusters(userId)).filter((c) => (c.purpose ?? 'course') === 'course');
      if (!clusters.length) return textReply(t.noCluster);
      const want = args.trim();
      if (want) {
        const n = Number(want);
        const pick = Number.isInteger(n) && n >= 1 && n <= clusters.length ? clusters[n - 1] : clusters.find((c) => c.classroomName?.toLowerCase() === want.toLowerCase());
        if (!pick) return textReply(t.classroomNone(want));
        chosenMap(deps).set(userId, pick.id);
        return textReply(t.classroomChosen(pick.classroomName ?? pick.id));
      }
      const current = await pickCluster(deps, userId);
      const lines = clusters.map((c, i) => `${i + 1}. ${c.classroomName ?? c.id}${c.id === current?.id ? t.classroomCurrent : ''}`);
      return textReply([t.classroomList, ...lines, t.classroomChoose].join('\n'));
    } catch (e) {
      return errorReply(e, deps, t);
    }
  },
};

function chosenMap(deps: BotDeps): Map<string, string> {
  deps.chosen ??= new Map();
  return deps.chosen;
}
