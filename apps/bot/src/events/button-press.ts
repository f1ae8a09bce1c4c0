// interactionCreate for buttons: `reset:<action>:<owner>` answers only the owner's press.
import { MessageFlags } from 'discord.js';
import { botText } from '../bot-messages';
import type { BotDeps } from '../bot-deps';
import { ButtonPress, RESET_PREFIX, resetButtonReply } from '../commands/reset';
import { textReply } from '../reply';

export async function onButtonPress(press: ButtonPress, deps: BotDeps, log: (line: string) => void = console.error): Promise<void> {
  if (!press.customId.startsWith(RESET_PREFIX)) return;
  const [action, owner] = press.customId.slice(RESET_PREFIX.length).split(':');
  try {
    if (owner !== press.user.id) {
      await press.reply({ ...textReply(botText.notYourButton), flags: MessageFlags.Ephemeral });
      return;
    }
    await press.update(await resetButtonReply(deps, action, owner));
  } catch (e) {
    log(`kubeaula-bot: a button failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
