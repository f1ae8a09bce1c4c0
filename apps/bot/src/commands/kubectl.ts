// `!kubectl ARGS` (or `!k ARGS`): kubectl on the user's cluster, exactly as the web terminal runs it.
import { botText } from '../bot-messages';
import { textReply } from '../reply';
import { runLine } from '../run-line';
import { lineWithManifest } from './manifest-line';
import type { PrefixCommand } from './types';

export const kubectlCommand: PrefixCommand = {
  names: ['kubectl', 'k'],
  usage: '!kubectl ARGS',
  description: 'run kubectl on your cluster (`!k` for short); `apply -f -` reads a ```yaml block in the same message',
  async execute({ deps, userId, args }) {
    if (!args.trim()) return textReply(botText.emptyCommand('kubectl'));
    const r = lineWithManifest('kubectl', args);
    if ('error' in r) return textReply(r.error);
    return runLine(deps, userId, r.line);
  },
};
