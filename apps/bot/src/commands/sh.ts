// `!sh LINE`: any line of the sandbox shell (cd, echo, vi-less files, pipes, kubeadm, ...).
import { botText } from '../bot-messages';
import { textReply } from '../reply';
import { runLine } from '../run-line';
import { lineWithManifest } from './manifest-line';
import type { PrefixCommand } from './types';

export const shCommand: PrefixCommand = {
  names: ['sh'],
  usage: '!sh LINE',
  description: 'run one line of your sandbox shell',
  async execute({ deps, userId, args, files }) {
    if (!args.trim()) return textReply(botText.emptyCommand('sh'));
    const r = await lineWithManifest('', args, files);
    if ('error' in r) return textReply(r.error);
    return runLine(deps, userId, r.line);
  },
};
