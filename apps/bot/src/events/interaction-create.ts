// interactionCreate: a slash command found by name answers its interaction.
import type { BotDeps } from '../bot-deps';
import { slashByName } from '../commands';
import type { SlashInteraction } from '../commands/types';

export async function onInteractionCreate(interaction: SlashInteraction, deps: BotDeps, log: (line: string) => void = console.error): Promise<void> {
  const command = slashByName.get(interaction.commandName);
  if (!command) return;
  try {
    await command.execute(interaction, deps);
  } catch (e) {
    log(`kubeaula-bot: /${interaction.commandName} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
