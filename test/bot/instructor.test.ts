// The instructor's commands from Discord: !class (the class view in short) and !progress
// @student, for an instructor linked to Discord; students are told these are not for them.
import request from 'supertest';
import { onMessageCreate } from '../../apps/bot/src/events/message-create';
import { texts } from '../../apps/bot/src/i18n';
import { notificationReply } from '../../apps/bot/src/notifications/deliver';
import { PushChannel } from '../../apps/bot/src/notifications/push-channel';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { signedIn } from '../e2e/client';
import { BotHarness, bootBotHarness, FakeMessage, LINKED_USER } from './bot-harness';

const TEACHER = '424242';
const BEN = '515151';
const OTHER_TEACHER = '626262';

describe('instructor commands from Discord', () => {
  let b: BotHarness;
  beforeAll(async () => {
    b = await bootBotHarness();
    await b.linkStudent('ben', BEN, 'en');
    const teacher = await signedIn(b.h.app, 'teacher');
    await teacher.put('/api/v1/me/locale', { locale: 'en' }).expect(200);
    const { code } = (await teacher.post('/api/v1/me/discord/link-code').expect(201)).body;
    await request(b.h.app.getHttpServer()).post('/api/v1/discord/link').set('Authorization', `Bearer ${b.token}`).send({ code, discordUserId: TEACHER }).expect(200);
    // ana starts the pods lesson from Discord and passes its first step
    await say('!lesson start 3');
    await say('!kubectl run nginx --image=nginx');
    await b.advance(60);
    await say('!check');
  });
  afterAll(() => b.close());

  async function say(content: string, user = LINKED_USER): Promise<string> {
    const m = new FakeMessage(content, user);
    await onMessageCreate(m, b.deps);
    return m.replies[0].content;
  }

  it('sums up the class with !class', async () => {
    const lines = (await say('!class', TEACHER)).split('\n');
    expect(lines[0]).toBe('**Discord class**: 2 students');
    expect(lines[1]).toMatch(/^• ana: 1 step passed; now on Pods › A pod with three containers \(\d+ min\) \(online: discord\)$/);
    expect(lines[2]).toMatch(/^• ben: 0 steps passed/);
    expect(await say('!class 5', TEACHER)).toBe(texts.en.teach.noSuchClass('5'));
  });

  it("shows one student's progress with !progress @student or their username", async () => {
    const byMention = await say(`!progress <@${LINKED_USER}>`, TEACHER);
    expect(byMention.split('\n')[0]).toBe('Progress of **ana** in **Discord class**:');
    expect(byMention).toMatch(/\n• Pods: 1\/5 steps; now on A pod with three containers \(\d+ min\)\n/);
    expect(await say('!progress ana', TEACHER)).toBe(byMention);
    expect(await say('!progress <@999>', TEACHER)).toBe(texts.en.teach.noSuchStudent('<@999>'));
    // an instructor of another classroom may not learn who ana is
    await b.h.app.get(AuthService).register({ username: 'other-teacher', password: 'password123', role: 'instructor' });
    const other = await signedIn(b.h.app, 'other-teacher');
    await other.post('/api/v1/classrooms', { name: 'Elsewhere' }).expect(201);
    await request(b.h.app.getHttpServer()).get(`/api/v1/bot/me/linked/${LINKED_USER}`).set('Authorization', `Bearer ${b.token}`).set('X-Discord-User', TEACHER).expect(200);
    const { code } = (await other.post('/api/v1/me/discord/link-code').expect(201)).body;
    await request(b.h.app.getHttpServer()).post('/api/v1/discord/link').set('Authorization', `Bearer ${b.token}`).send({ code, discordUserId: OTHER_TEACHER }).expect(200);
    const refused = await request(b.h.app.getHttpServer()).get(`/api/v1/bot/me/linked/${LINKED_USER}`).set('Authorization', `Bearer ${b.token}`).set('X-Discord-User', OTHER_TEACHER).expect(404);
    expect(refused.body.message).toBe('This Discord user is not linked to a kubeaula account');
    expect(await say('!progress nobody', TEACHER)).toBe(texts.en.teach.noSuchStudent('nobody'));
  });

  it('tells a student these are for instructors', async () => {
    expect(await say('!class')).toBe(texts.es.teach.onlyInstructors);
    expect(await say(`!progress <@${BEN}>`)).toBe(texts.es.teach.onlyInstructors);
  });

  it('starts and ends a fault drill; the student hears of the node in their DM', async () => {
    const dms: { to: string; content: string }[] = [];
    let ready = false;
    const channel = new PushChannel({ serverUrl: b.url, token: b.token, deliver: async (n) => void dms.push({ to: n.discordUserId, content: notificationReply(n).content }), onReady: () => (ready = true) });
    channel.start();
    try {
      for (let i = 0; i < 200 && !ready; i++) await new Promise((r) => setTimeout(r, 25));
      expect(await say('!notify on')).toBe(texts.es.notify.on);
      expect(await say('!drill', TEACHER)).toBe(texts.en.teach.drillUsage);
      expect(await say('!drill start reboot node1', TEACHER)).toBe(texts.en.teach.drillUsage);
      expect(await say('!drill start stop-kubelet node1 @nobody', TEACHER)).toBe(texts.en.teach.noSuchStudent('@nobody'));
      expect(await say(`!drill start stop-kubelet node1 <@${LINKED_USER}>`, TEACHER)).toBe(texts.en.teach.drillStarted('stop-kubelet node1', 'ana', 1));
      await b.advance(60);
      for (let i = 0; i < 200 && !dms.length; i++) await new Promise((r) => setTimeout(r, 25));
      expect(dms).toEqual([{ to: LINKED_USER, content: texts.es.notify.nodeNotReady({ name: 'node1' }) }]);
      expect(await say('!drill list', TEACHER)).toBe(`${texts.en.teach.drillList}\n1. \`stop-kubelet node1\` on ana (ongoing)`);
      expect(await say('!drill list')).toBe(texts.es.teach.onlyInstructors);
      expect(await say('!drill end', TEACHER)).toBe(texts.en.teach.drillEnded('stop-kubelet node1'));
      expect(await say('!drill end', TEACHER)).toBe(texts.en.teach.noSuchDrill(''));
      await b.advance(30);
      for (let i = 0; i < 200 && dms.length < 2; i++) await new Promise((r) => setTimeout(r, 25));
      expect(dms[1]).toEqual({ to: LINKED_USER, content: texts.es.notify.nodeReady({ name: 'node1' }) });
    } finally {
      channel.stop();
    }
  });

  it('drills in the classroom chosen with !class N', async () => {
    const teacher = await signedIn(b.h.app, 'teacher');
    await teacher.post('/api/v1/classrooms', { name: 'Second' }).expect(201);
    expect((await say('!class Second', TEACHER)).split('\n')[0]).toBe(texts.en.teach.classTitle('Second', 0));
    expect(await say('!drill list', TEACHER)).toBe(texts.en.teach.noDrills);
    expect(await say('!drill start stop-kubelet node1 @ana', TEACHER)).toBe(texts.en.teach.noSuchStudent('@ana'));
    expect((await say('!class Discord class', TEACHER)).split('\n')[0]).toBe(texts.en.teach.classTitle('Discord class', 2));
    expect(await say('!drill list', TEACHER)).not.toBe(texts.en.teach.noDrills);
  });
});
