// `!notify on|off`: notifications in the student's DMs about their own cluster (a crash loop, a
// finished rollout, a node down); `!notify` alone says whether they are on.
import { errorReply } from '../error-reply';
import { textReply } from '../reply';
import type { PrefixCommand } from './types';

export const notifyCommand: PrefixCommand = {
  names: ['notify'],
  usage: '!notify [on|off]',
  async execute({ deps, userId, args, t }) {
    const word = args.trim().toLowerCase();
    try {
      if (word === '') return textReply((await deps.server.me(userId)).notify ? t.notify.isOn : t.notify.isOff);
      if (word !== 'on' && word !== 'off') return textReply(t.notify.usage);
      const { notify } = await deps.server.setNotify(userId, word === 'on');
      return textReply(notify ? t.notify.on : t.notify.off);
    } catch (e) {
      return errorReply(e, deps, t);
    }
  },
};
