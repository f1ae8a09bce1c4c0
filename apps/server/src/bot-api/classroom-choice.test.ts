import { chooseClassroom, type ChoiceRoom } from './classroom-choice';

const G1 = '100000000000000001';
const G2 = '100000000000000002';
const C1 = '200000000000000001';
const C2 = '200000000000000002';
const room = (id: string, discordGuildId: string | null = null, channelIds: string[] = []): ChoiceRoom => ({ id, discordGuildId, channelIds });

describe('chooseClassroom', () => {
  const a = room('a', G1);
  const b = room('b', G2);

  it('takes the only classroom attached to the server the message came from', () => {
    expect(chooseClassroom([a, b], { guildId: G1, channelId: C1 }, null)).toEqual({ how: 'place', classroomId: 'a' });
    expect(chooseClassroom([a, b], { guildId: G2, channelId: C1 }, 'a')).toEqual({ how: 'place', classroomId: 'b' });
  });

  it('serves a classroom that lists channels only in those channels', () => {
    const a1 = room('a1', G1, [C1]);
    const a2 = room('a2', G1, [C2]);
    expect(chooseClassroom([a1, a2], { guildId: G1, channelId: C1 }, null)).toEqual({ how: 'place', classroomId: 'a1' });
    expect(chooseClassroom([a1, a2], { guildId: G1, channelId: C2 }, null)).toEqual({ how: 'place', classroomId: 'a2' });
    // in another channel of the server neither is a candidate: the choice decides, else the user
    expect(chooseClassroom([a1, a2], { guildId: G1, channelId: '999' }, 'a2')).toEqual({ how: 'chosen', classroomId: 'a2' });
    expect(chooseClassroom([a1, a2], { guildId: G1, channelId: '999' }, null)).toEqual({ how: 'choose', among: ['a1', 'a2'] });
  });

  it('asks to choose between two classrooms of one server, unless one of them was chosen', () => {
    const s1 = room('s1', G1);
    const s2 = room('s2', G1);
    expect(chooseClassroom([s1, s2, b], { guildId: G1 }, null)).toEqual({ how: 'choose', among: ['s1', 's2'] });
    expect(chooseClassroom([s1, s2, b], { guildId: G1 }, 's2')).toEqual({ how: 'chosen', classroomId: 's2' });
    // a choice outside this server's candidates does not count here
    expect(chooseClassroom([s1, s2, b], { guildId: G1 }, 'b')).toEqual({ how: 'choose', among: ['s1', 's2'] });
  });

  it('in a DM (or a server with none of them): the choice, else the only one, else choose', () => {
    expect(chooseClassroom([a, b], {}, 'b')).toEqual({ how: 'chosen', classroomId: 'b' });
    expect(chooseClassroom([a, b], {}, null)).toEqual({ how: 'choose', among: ['a', 'b'] });
    expect(chooseClassroom([a, b], {}, 'gone')).toEqual({ how: 'choose', among: ['a', 'b'] });
    expect(chooseClassroom([a], {}, null)).toEqual({ how: 'only', classroomId: 'a' });
    expect(chooseClassroom([room('x')], { guildId: G1, channelId: C1 }, null)).toEqual({ how: 'only', classroomId: 'x' });
    expect(chooseClassroom([], { guildId: G1 }, null)).toEqual({ how: 'none' });
  });
});
