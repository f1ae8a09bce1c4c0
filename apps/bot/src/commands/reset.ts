// `!reset`: asks with two buttons before putting the user's cluster back to a fresh start; only
// the user who asked may press them (the button ids carry their Discord id).
import { ButtonStyle, ComponentType } from 'discord.js';
import { errorReply } from '../error-reply';
import { pickCluster } from '../pick-cluster';
import { textReply } from '../reply';
import { componentId } from './component-id';
import type { ComponentHandler, PrefixCommand } from './types';

export const resetCommand: PrefixCommand = {
  names: ['reset'],
  usage: '!reset',
  async execute({ userId, t }) {
    return {
      ...textReply(t.resetAsk),
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, style: ButtonStyle.Danger, custom_id: componentId('reset', userId, 'confirm'), label: t.resetConfirm },
            { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: componentId('reset', userId, 'cancel'), label: t.resetCancel },
          ],
        },
      ],
    };
  },
};

export const resetButtons: ComponentHandler = {
  prefix: 'reset',
  async handle({ deps, userId, place, args, t }) {
    if (args[0] !== 'confirm') return { ...textReply(t.resetCancelled), components: [] };
    try {
      const picked = await pickCluster(deps, userId, place, t);
      if ('reply' in picked) return { ...picked.reply, components: [] };
      await deps.server.reset(userId, picked.clusterId);
      return { ...textReply(t.resetDone), components: [] };
    } catch (e) {
      return { ...errorReply(e, deps, t), components: [] };
    }
  },
};
