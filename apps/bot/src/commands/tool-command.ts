// Prefix commands that run one tool of the sandbox with the message's arguments: `!kubectl`
// (`!k`), `!kubeadm`, `!kompose`. `-f -` reads the message's ```yaml block or .yaml file.
import { textReply } from '../reply';
import { runLine } from '../run-line';
import { lineWithManifest } from './manifest-line';
import type { PrefixCommand } from './types';

export function toolCommand(tool: string, aliases: readonly string[]): PrefixCommand {
  return {
    names: [tool, ...aliases],
    usage: `!${tool} ARGS`,
    async execute({ deps, userId, place, args, files, t }) {
      if (!args.trim()) return textReply(t.emptyCommand(tool));
      const r = await lineWithManifest(tool, args, files, t);
      if ('error' in r) return textReply(r.error);
      return runLine(deps, userId, place, r.line, t);
    },
  };
}
