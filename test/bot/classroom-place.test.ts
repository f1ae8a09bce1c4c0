// Issue 7: the classroom a Discord message is about comes from where it was typed. A student in two
// classrooms, each attached by the instructor to a Discord server of its own, runs `!kubectl` on
// the cluster of the classroom of that server; channels narrow it; a DM uses the `!classroom`
// choice, kept on the server; a server attached to two of them asks which. The same for !class.
import request from 'supertest';
import { onInteractionCreate } from '../../apps/bot/src/events/interaction-create';
import { onMessageCreate } from '../../apps/bot/src/events/message-create';
import { texts } from '../../apps/bot/src/i18n';
import { KubeaulaClient } from '../../apps/bot/src/server-client';
import { Client, signedIn } from '../e2e/client';
import { BotHarness, bootBotHarness, FakeInteraction, FakeMessage, LINKED_USER } from './bot-harness';

const GUILD_A = '710000000000000001';
const GUILD_B = '720000000000000002';
const CHANNEL_1 = '730000000000000001';
const CHANNEL_2 = '730000000000000002';
const TEACHER = '424242424242424242';
const es = texts.es;
const en = texts.en;

type Where = { type: 'GuildText'; id: string; guildId: string } | { type: 'DM'; id: string };
const inGuild = (guildId: string, channel = CHANNEL_1): Where => ({ type: 'GuildText', id: channel, guildId });
const DM: Where = { type: 'DM', id: '5' };

describe('the classroom of a Discord message (attached servers and channels)', () => {
  let b: BotHarness;
  let teacher: Client;
  let roomA: string;
  let roomB: string;
  let clusterB: string;

  async function say(content: string, where: Where, user = LINKED_USER): Promise<string> {
    const m = new FakeMessage(content, user, where);
    await onMessageCreate(m, b.deps);
    expect(m.replies).toHaveLength(1);
    return m.replies[0].content;
  }

  const attach = (room: string, guildId: string | null, channelIds?: string[]) => teacher.put(`/api/v1/classrooms/${room}/discord`, channelIds ? { guildId, channelIds } : { guildId }).expect(200);
  /** What the student's cluster in a classroom says, through the REST exec as the student. */
  const onCluster = async (clusterId: string, command: string) => (await b.student.post(`/api/v1/clusters/${clusterId}/exec`, { command }).expect(200)).body as { stdout: string; exitCode: number };

  beforeAll(async () => {
    b = await bootBotHarness();
    teacher = await signedIn(b.h.app, 'teacher');
    const second = await teacher.post('/api/v1/classrooms', { name: 'Evening class' }).expect(201);
    roomB = second.body.id;
    roomA = ((await teacher.get('/api/v1/classrooms').expect(200)).body as { id: string; name: string }[]).find((r) => r.name === 'Discord class')!.id;
    await b.student.post('/api/v1/classrooms/join', { code: second.body.joinCode }).expect(200);
    const clusters = (await b.student.get('/api/v1/clusters').expect(200)).body as { id: string; classroomId: string }[];
    clusterB = clusters.find((c) => c.classroomId === roomB)!.id;
    await attach(roomA, GUILD_A);
    await attach(roomB, GUILD_B);
  });
  afterAll(() => b.close());

  /** As if the user had never chosen (the route the bot uses for `!classroom`). */
  const forgetChoice = (discordUser: string) =>
    request(b.h.app.getHttpServer()).put('/api/v1/bot/me/classroom').set('Authorization', `Bearer ${b.token}`).set('X-Discord-User', discordUser).send({ classroomId: null }).expect(200);

  it("runs !kubectl in server A on classroom A's cluster, and in server B on B's", async () => {
    expect(await say('!kubectl create namespace alpha', inGuild(GUILD_A))).toBe('```\nnamespace/alpha created\n```');
    expect(await say('!kubectl create namespace beta', inGuild(GUILD_B, CHANNEL_2))).toBe('```\nnamespace/beta created\n```');
    expect((await onCluster(b.clusterId, 'kubectl get ns alpha beta -o name')).stdout).toBe('namespace/alpha\n');
    expect((await onCluster(clusterB, 'kubectl get ns alpha beta -o name')).stdout).toBe('namespace/beta\n');
    // `!kubectl get ns` shows each its own
    expect(await say('!kubectl get ns beta -o name', inGuild(GUILD_A))).toBe('```\nError from server (NotFound): namespaces "beta" not found\n```');
    expect(await say('!kubectl get ns beta -o name', inGuild(GUILD_B))).toBe('```\nnamespace/beta\n```');
    // a slash command too: the interaction's guild decides
    const slash = new FakeInteraction('kubectl', { command: 'get ns alpha -o name' });
    slash.guildId = GUILD_A;
    await onInteractionCreate(slash, b.deps);
    expect((slash.calls[0].options as { content: string }).content).toBe('```\nnamespace/alpha\n```');
  });

  it('asks which classroom in a DM until one is chosen with !classroom, a choice kept on the server', async () => {
    expect(await say('!kubectl get ns -o name', DM)).toBe(es.classroomAsk(['1. Discord class', '2. Evening class']));
    expect(await say('!classroom', DM)).toBe('Tus clases:\n1. Discord class\n2. Evening class\nElige una con `!classroom N`.');
    expect(await say('!classroom 2', DM)).toBe(es.classroomChosen('Evening class'));
    expect(await say('!kubectl get ns beta -o name', DM)).toBe('```\nnamespace/beta\n```');
    expect(await say('!classroom', DM)).toContain('2. Evening class (actual)');
    // a bot that restarted (nothing in memory) still knows
    const fresh = { server: new KubeaulaClient(b.url, b.token), dashboardUrl: 'x' };
    const m = new FakeMessage('!kubectl get ns beta -o name', LINKED_USER, DM);
    await onMessageCreate(m, fresh);
    expect(m.replies[0].content).toBe('```\nnamespace/beta\n```');
    // the choice does not move a server attached to one classroom, and says so
    expect(await say('!classroom 2', inGuild(GUILD_A))).toBe([es.classroomChosen('Evening class'), es.classroomHereWins('Discord class')].join('\n'));
    expect(await say('!kubectl get ns alpha -o name', inGuild(GUILD_A))).toBe('```\nnamespace/alpha\n```');
  });

  it('asks which when one server holds both classrooms, then follows the choice made among them', async () => {
    await attach(roomA, GUILD_A);
    await attach(roomB, GUILD_A);
    await forgetChoice(LINKED_USER);
    expect(await say('!kubectl get ns -o name', inGuild(GUILD_A))).toBe(es.classroomAsk(['1. Discord class', '2. Evening class']));
    expect(await say('!check', inGuild(GUILD_A))).toBe(es.classroomAsk(['1. Discord class', '2. Evening class']));
    expect(await say('!classroom 2', inGuild(GUILD_A))).toBe(es.classroomChosen('Evening class'));
    expect(await say('!kubectl get ns beta -o name', inGuild(GUILD_A))).toBe('```\nnamespace/beta\n```');
    // server B holds only Evening class; a third server holds none: the choice
    expect(await say('!kubectl get ns beta -o name', inGuild('740000000000000004'))).toBe('```\nnamespace/beta\n```');
  });

  it("serves a classroom that lists channels only in those channels of its server", async () => {
    await attach(roomA, GUILD_A, [CHANNEL_1]);
    await attach(roomB, GUILD_A, [CHANNEL_2]);
    expect(await say('!kubectl get ns alpha beta -o name', inGuild(GUILD_A, CHANNEL_1))).toContain('namespace/alpha\n');
    expect(await say('!kubectl get ns alpha beta -o name', inGuild(GUILD_A, CHANNEL_2))).toContain('namespace/beta\n');
    // another channel of the server: neither classroom is served there, so the choice (or a question)
    await forgetChoice(LINKED_USER);
    expect(await say('!kubectl get ns -o name', inGuild(GUILD_A, '730000000000000009'))).toBe(es.classroomAsk(['1. Discord class', '2. Evening class']));
    // detached: server A names no classroom any more
    await attach(roomA, null);
    expect((await teacher.get(`/api/v1/classrooms/${roomA}/discord`).expect(200)).body).toEqual({ guildId: null, channelIds: [] });
    expect(await say('!kubectl get ns -o name', inGuild(GUILD_A, CHANNEL_1))).toBe(es.classroomAsk(['1. Discord class', '2. Evening class']));
  });

  it('applies the same rule to the instructor commands', async () => {
    await teacher.put('/api/v1/me/locale', { locale: 'en' }).expect(200);
    const { code } = (await teacher.post('/api/v1/me/discord/link-code').expect(201)).body;
    await request(b.h.app.getHttpServer()).post('/api/v1/discord/link').set('Authorization', `Bearer ${b.token}`).send({ code, discordUserId: TEACHER }).expect(200);
    await attach(roomA, GUILD_A);
    await attach(roomB, GUILD_B);
    expect((await say('!class', inGuild(GUILD_A), TEACHER)).split('\n')[0]).toBe('**Discord class**: 1 student');
    expect((await say('!class', inGuild(GUILD_B), TEACHER)).split('\n')[0]).toBe('**Evening class**: 1 student');
    expect(await say('!class', DM, TEACHER)).toBe(en.teach.classAsk(['1. Discord class', '2. Evening class']));
    expect(await say('!drill list', DM, TEACHER)).toBe(en.teach.classAsk(['1. Discord class', '2. Evening class']));
    expect((await say('!progress ana', DM, TEACHER)).split('\n')[0]).toBe('Progress of **ana** in **Discord class**:');
    // a drill started in server B reaches Evening class only
    expect(await say('!drill start stop-kubelet node1', inGuild(GUILD_B), TEACHER)).toBe(en.teach.drillStarted('stop-kubelet node1', en.teach.wholeClass, 1));
    expect(await say('!drill list', inGuild(GUILD_A), TEACHER)).toBe(en.teach.noDrills);
    // `!class 2` chooses for the DM
    expect((await say('!class 2', DM, TEACHER)).split('\n')[0]).toBe('**Evening class**: 1 student');
    expect(await say('!drill end', DM, TEACHER)).toBe(en.teach.drillEnded('stop-kubelet node1'));
    // a student is told these are for instructors, wherever
    expect(await say('!class', inGuild(GUILD_A))).toBe(es.teach.onlyInstructors);
  });
});
