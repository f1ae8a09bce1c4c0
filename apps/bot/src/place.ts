// Where a message, slash command or button press came from: a channel of a Discord server
// (guild), or a DM (no guild). The server picks the classroom from it (issue 7's rule).

export interface Place {
  guildId?: string;
  channelId?: string;
}

/** A DM, and the console door. */
export const DIRECT: Place = {};

/** discord.js gives `guildId: null` in a DM; a Message always has a channelId. */
export function placeOf(source: { guildId?: string | null; channelId?: string | null }): Place {
  const place: Place = {};
  if (source.guildId) place.guildId = source.guildId;
  if (source.channelId) place.channelId = source.channelId;
  return place;
}
