// interactionCreate for buttons and select menus: `PREFIX:OWNER:...` goes to the handler of its
// prefix, and only the owner's press is answered.
import { MessageFlags } from 'discord.js';
import type { BotDeps } from '../bot-deps';
import { componentByPrefix } from '../commands';
import { parseComponentId } from '../commands/component-id';
import type { ComponentPress } from '../commands/types';
import { placeOf } from '../place';
import { textReply, type BotReply } from '../reply';
import { DEFER_AFTER_MS, replyWithin } from '../commands/answer-in-time';
import { userStrings } from '../user-locale';

/** As for slash commands: answer within Discord's 3 s, or defer and edit the message later. */
export async function updateInTime(press: ComponentPress, work: Promise<BotReply>, deferAfterMs = DEFER_AFTER_MS): Promise<void> {
  const first = await replyWithin(work, deferAfterMs);
  if (first !== 'late') {
    await press.update(first);
    return;
  }
  await press.deferUpdate();
  await press.editReply(await work);
}

export async function onButtonPress(press: ComponentPress, deps: BotDeps, log: (line: string) => void = console.error): Promise<void> {
  const { prefix, owner, args } = parseComponentId(press.customId);
  const handler = componentByPrefix.get(prefix);
  if (!handler) return;
  try {
    const t = await userStrings(deps, press.user.id, press.locale);
    if (owner !== press.user.id) {
      await press.reply({ ...textReply(t.notYourButton), flags: MessageFlags.Ephemeral });
      return;
    }
    await updateInTime(press, handler.handle({ deps, userId: owner, place: placeOf(press), args, values: press.values ?? [], t }));
  } catch (e) {
    log(`kubeaula-bot: a button failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
