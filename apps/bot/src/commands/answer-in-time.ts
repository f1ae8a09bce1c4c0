// Discord drops an interaction not answered within 3 seconds: answer directly when the reply is
// ready well within that, else defer ("thinking...") and edit the reply in when it comes.
import type { BotReply } from '../reply';
import type { SlashInteraction } from './types';

export const DEFER_AFTER_MS = 1500;

export async function answerInTime(interaction: SlashInteraction, work: Promise<BotReply>, flags?: number, deferAfterMs = DEFER_AFTER_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deferAfterMs);
  });
  const first = await Promise.race([work, late]);
  clearTimeout(timer);
  if (first !== 'late') {
    await interaction.reply(flags === undefined ? first : { ...first, flags });
    return;
  }
  await interaction.deferReply(flags === undefined ? undefined : { flags });
  await interaction.editReply(await work);
}
