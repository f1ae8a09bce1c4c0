// `!sh LINE`: any line of the sandbox shell (cd, echo, vi-less files, pipes, kubeadm, ...).
import { textReply } from '../reply';
import { runLine } from '../run-line';
import { lineWithManifest } from './manifest-line';
import type { PrefixCommand } from './types';

export const shCommand: PrefixCommand = {
  names: ['sh'],
  usage: '!sh LINE',
  async execute({ deps, userId, place, args, files, t }) {
    if (!args.trim()) return textReply(t.emptyCommand('sh'));
    const r = await lineWithManifest('', args, files, t);
    if ('error' in r) return textReply(r.error);
    return runLine(deps, userId, place, r.line, t);
  },
};
