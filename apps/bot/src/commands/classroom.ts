// `!classroom` lists the user's classrooms; `!classroom N` (or its name) chooses the one whose
// cluster the next commands use.
import type { BotDeps } from '../bot-deps';
import { botText } from '../bot-messages';
import { errorReply } from '../error-reply';
import { pickCluster } from '../pick-cluster';
import { textReply } from '../reply';
import type { PrefixCommand } from './types';

export const classroomCommand: PrefixCommand = {
  names: ['classroom'],
  usage: '!classroom [N]',
  description: 'list your classrooms, or choose the one your commands use',
  async execute({ deps, userId, args }) {
    try {
      const clusters = await deps.server.clusters(userId);
      if (!clusters.length) return textReply(botText.noCluster);
      const want = args.trim();
      if (want) {
        const n = Number(want);
        const pick = Number.isInteger(n) && n >= 1 && n <= clusters.length ? clusters[n - 1] : clusters.find((c) => c.classroomName?.toLowerCase() === want.toLowerCase());
        if (!pick) return textReply(`No classroom "${want}". Type \`!classroom\` for the list.`);
        chosenMap(deps).set(userId, pick.id);
        return textReply(`Your commands now run on your cluster in **${pick.classroomName ?? pick.id}**.`);
      }
      const current = await pickCluster(deps, userId);
      const lines = clusters.map((c, i) => `${i + 1}. ${c.classroomName ?? c.id}${c.id === current?.id ? ' (current)' : ''}`);
      return textReply(['Your classrooms:', ...lines, 'Choose one with `!classroom N`.'].join('\n'));
    } catch (e) {
      return errorReply(e, deps);
    }
  },
};

function chosenMap(deps: BotDeps): Map<string, string> {
  deps.chosen ??= new Map();
  return deps.chosen;
}
