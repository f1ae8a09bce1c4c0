// interactionCreate: a slash command found by name answers its interaction, in the linked
// user's language, else their Discord client's.
import type { BotDeps } from '../bot-deps';
import { slashByName } from '../commands';
import type { SlashInteraction } from '../commands/types';
import { userStrings } from '../user-locale';

export async function onInteractionCreate(interaction: SlashInteraction, deps: BotDeps, log: (line: string) => void = console.error): Promise<void> {
  const command = slashByName.get(interaction.commandName);
  if (!command) return;
  try {
    await command.execute(interaction, deps, await userStrings(deps, interaction.user.id, interaction.locale));
  } catch (e) {
    log(`kubeaula-bot: /${interaction.commandName} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
