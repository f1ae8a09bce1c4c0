// A pushed notification as the student reads it: one line in their language, sent to their DMs.
import { texts } from '../i18n';
import { textReply, type BotReply } from '../reply';
import type { PushedNotification } from './push-channel';

export function notificationReply(n: PushedNotification): BotReply {
  const t = texts[n.locale] ?? texts.es;
  const say = t.notify[n.notice.kind];
  return textReply(say ? say(n.notice) : '');
}

/** The part of discord.js's Client the delivery uses: `client.users.send(id, message)` opens the DM. */
export interface DmSender {
  users: { send(userId: string, options: BotReply): Promise<unknown> };
}

export function dmDelivery(client: DmSender): (n: PushedNotification) => Promise<void> {
  return async (n) => {
    const reply = notificationReply(n);
    if (reply.content) await client.users.send(n.discordUserId, reply);
  };
}
