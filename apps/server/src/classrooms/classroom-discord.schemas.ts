// What an instructor may attach to a classroom: a Discord server (guild) and, optionally, the
// channels of it the bot serves the classroom in. Ids are Discord snowflakes: 17 to 20 digits.
import { z } from 'zod';

export const SNOWFLAKE = /^\d{17,20}$/;
/** Discord's own limit of channels per server is 500; a classroom names a few. */
export const MAX_CHANNELS = 25;

export const CHANNELS_NEED_GUILD = 'channels need a Discord server';

const snowflake = z.string().trim().regex(SNOWFLAKE, 'a Discord id is 17 to 20 digits');

export const classroomDiscordBody = z
  .object({
    guildId: snowflake.nullable(),
    channelIds: z.array(snowflake).max(MAX_CHANNELS).optional(),
  })
  .strict()
  .refine((b) => b.guildId !== null || !b.channelIds?.length, { message: CHANNELS_NEED_GUILD, path: ['channelIds'] });

export type ClassroomDiscordBody = z.output<typeof classroomDiscordBody>;

/** A classroom's Discord attachment as the API shows it. */
export interface ClassroomDiscord {
  guildId: string | null;
  channelIds: string[];
}

/** The stored channel list (Classroom.discordChannels, JSON), read defensively. */
export function storedChannels(json: unknown): string[] {
  return Array.isArray(json) ? json.filter((c): c is string => typeof c === 'string') : [];
}
