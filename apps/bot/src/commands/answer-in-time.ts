// Discord drops an interaction not answered within 3 seconds: answer directly when the reply is
// ready well within that, else defer ("thinking...") and edit the reply in when it comes.
import type { BotReply } from '../reply';
import type { SlashInteraction } from './types';

export const DEFER_AFTER_MS = 1500;

/** The reply if `work` gives it within `ms`, else 'late' (the caller defers, then awaits `work`). */
export async function replyWithin(work: Promise<BotReply>, ms: number): Promise<BotReply | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function answerInTime(interaction: SlashInteraction, work: Promise<BotReply>, flags?: number, deferAfterMs = DEFER_AFTER_MS): Promise<void> {
  const first = await replyWithin(work, deferAfterMs);
  if (first !== 'late') {
    await interaction.reply(flags === undefined ? first : { ...first, flags });
    return;
  }
  await interaction.deferReply(flags === undefined ? undefined : { flags });
  await interaction.editReply(await work);
}
