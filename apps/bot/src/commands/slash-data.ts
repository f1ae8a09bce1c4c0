// A slash command's definition for Discord, described in English with the Spanish localization
// (Discord shows each user the description in their client's language).
import { SlashCommandBuilder } from 'discord.js';
import { texts } from '../i18n';

interface Describable {
  setDescription(text: string): this;
  setDescriptionLocalizations(l: Record<string, string>): this;
}

/** Sets the description of `key` (`lesson`, `link.code`...) in both languages. */
export function describe<T extends Describable>(o: T, key: string): T {
  const es = texts.es.slash[key] ?? texts.en.slash[key];
  return o.setDescription(texts.en.slash[key]).setDescriptionLocalizations({ 'es-ES': es, 'es-419': es });
}

export function slashData(name: string, build: (b: SlashCommandBuilder, d: typeof describe) => unknown = (b) => b): SlashCommandBuilder {
  const b = describe(new SlashCommandBuilder().setName(name), name);
  build(b, describe);
  return b;
}
