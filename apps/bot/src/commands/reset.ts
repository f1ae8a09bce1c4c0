// `!reset`: asks with two buttons before putting the user's cluster back to a fresh start; only
// the user who asked may press them (the button ids carry their Discord id).
import { ButtonStyle, ComponentType } from 'discord.js';
import { botText } from '../bot-messages';
import type { BotDeps } from '../bot-deps';
import { errorReply } from '../error-reply';
import { pickCluster } from '../pick-cluster';
import { BotReply, textReply } from '../reply';
import type { PrefixCommand } from './types';

export const RESET_PREFIX = 'reset:';

/** The part of discord.js's ButtonInteraction a button handler uses. */
export interface ButtonPress {
  customId: string;
  user: { id: string };
  /** Replaces the message that holds the buttons. */
  update(options: BotReply): Promise<unknown>;
  reply(options: BotReply & { flags?: number }): Promise<unknown>;
}

export const resetCommand: PrefixCommand = {
  names: ['reset'],
  usage: '!reset',
  description: 'start your cluster afresh (asks first)',
  async execute({ userId }) {
    return {
      ...textReply(botText.resetAsk),
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, style: ButtonStyle.Danger, custom_id: `${RESET_PREFIX}confirm:${userId}`, label: 'Reset my cluster' },
            { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: `${RESET_PREFIX}cancel:${userId}`, label: 'Cancel' },
          ],
        },
      ],
    };
  },
};

export async function resetButtonReply(deps: BotDeps, action: string, userId: string): Promise<BotReply> {
  if (action !== 'confirm') return { ...textReply(botText.resetCancelled), components: [] };
  try {
    const cluster = await pickCluster(deps, userId);
    if (!cluster) return { ...textReply(botText.noCluster), components: [] };
    await deps.server.reset(userId, cluster.id);
    return { ...textReply(botText.resetDone), components: [] };
  } catch (e) {
    return { ...errorReply(e, deps), components: [] };
  }
}
