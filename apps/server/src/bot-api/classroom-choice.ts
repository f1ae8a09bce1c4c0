// Which classroom a Discord message is about (issue 7): pure, so the rule lives in one place.
// In a server channel, the user's classrooms attached to that server (and, for a classroom that
// lists channels, only in those) are the candidates: one is it; several, the one chosen with
// `!classroom` if among them, else the user must choose. No candidate here, or a DM: the choice,
// else the only classroom, else the user must choose.

export interface ChoiceRoom {
  id: string;
  discordGuildId: string | null;
  /** Empty: every channel of the server. */
  channelIds: readonly string[];
}

/** Where the message was typed: no guild in a DM. */
export interface ChoicePlace {
  guildId?: string;
  channelId?: string;
}

/**
 * - `place`: the only candidate of this server (channel);
 * - `chosen`: the `!classroom` choice (among this server's candidates, or anywhere when none);
 * - `only`: the user's only classroom;
 * - `choose`: several and no choice among them (`among`: the candidates, in the user's order);
 * - `none`: the user is in no classroom.
 */
export type ClassroomChoice = { how: 'place' | 'chosen' | 'only'; classroomId: string } | { how: 'choose'; among: string[] } | { how: 'none' };

export function servedHere(room: ChoiceRoom, place: ChoicePlace): boolean {
  if (place.guildId === undefined || room.discordGuildId !== place.guildId) return false;
  return room.channelIds.length === 0 || (place.channelId !== undefined && room.channelIds.includes(place.channelId));
}

/** `rooms` in the user's order (as they joined); `chosen` the stored choice, possibly stale. */
export function chooseClassroom(rooms: readonly ChoiceRoom[], place: ChoicePlace, chosen: string | null): ClassroomChoice {
  const here = rooms.filter((r) => servedHere(r, place));
  const pool = here.length ? here : rooms;
  if (here.length === 1) return { how: 'place', classroomId: here[0].id };
  const picked = pool.find((r) => r.id === chosen);
  if (picked) return { how: 'chosen', classroomId: picked.id };
  if (pool.length === 1) return { how: 'only', classroomId: pool[0].id };
  if (!pool.length) return { how: 'none' };
  return { how: 'choose', among: pool.map((r) => r.id) };
}
