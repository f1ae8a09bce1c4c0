// Notifications: a student turns them on with !notify, the server pushes their cluster's events
// over /ws/bot (the service token), and the bot sends the one-line explanation to their DM.
import request from 'supertest';
import WebSocket from 'ws';
import { onMessageCreate } from '../../apps/bot/src/events/message-create';
import { texts } from '../../apps/bot/src/i18n';
import { dmDelivery } from '../../apps/bot/src/notifications/deliver';
import { PushChannel } from '../../apps/bot/src/notifications/push-channel';
import type { BotReply } from '../../apps/bot/src/reply';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { BotHarness, bootBotHarness, FakeMessage, LINKED_USER } from './bot-harness';

const BEN = '888888888';

/** discord.js's `client.users.send`: a DM to a user, recorded. */
class FakeDms {
  readonly sent: { to: string; reply: BotReply }[] = [];
  readonly users = {
    send: async (to: string, reply: BotReply) => {
      if (reply.content.length > 2000) throw new Error('Invalid Form Body');
      this.sent.push({ to, reply });
      return {};
    },
  };
}

async function until<T>(what: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = what();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('notifications to a student DM', () => {
  let b: BotHarness;
  let dms: FakeDms;
  let channel: PushChannel;
  let ready = 0;
  const logged: string[] = [];
  beforeAll(async () => {
    b = await bootBotHarness();
    await b.linkStudent('ben', BEN, 'en');
    dms = new FakeDms();
    channel = new PushChannel({ serverUrl: b.url, token: b.token, deliver: dmDelivery(dms), log: (l) => logged.push(l), onReady: () => ready++ });
    channel.start();
    await until(() => (ready ? true : undefined));
  });
  afterAll(async () => {
    channel.stop();
    await b.close();
  });

  async function say(content: string, user = LINKED_USER): Promise<string> {
    const m = new FakeMessage(content, user);
    await onMessageCreate(m, b.deps);
    return m.replies[0].content;
  }

  it('turns notifications on and off with !notify', async () => {
    expect(await say('!notify')).toBe(texts.es.notify.isOff);
    expect(await say('!notify on')).toBe(texts.es.notify.on);
    expect(await say('!notify')).toBe(texts.es.notify.isOn);
    expect(await say('!notify maybe')).toBe(texts.es.notify.usage);
    expect(await say('!notify on', BEN)).toBe(texts.en.notify.on);
  });

  it('tells a crash loop in the student DM, once, in their language', async () => {
    await say('!kubectl run crash --image=busybox -- /bin/false');
    await b.advance(60);
    const dm = await until(() => dms.sent.find((d) => d.to === LINKED_USER));
    expect(dm.reply.content).toMatch(/^🔁 El pod \*\*crash\*\* está en CrashLoopBackOff: su contenedor crash termina una y otra vez \(\d+ reinicios\)\. Mira por qué con `kubectl logs crash --previous`\.$/);
    expect(dm.reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
    await b.advance(600);
    await new Promise((r) => setTimeout(r, 300));
    expect(dms.sent.filter((d) => d.to === LINKED_USER && d.reply.content.includes('crash'))).toHaveLength(1);
    expect(dms.sent.some((d) => d.to === BEN)).toBe(false); // ben's cluster has no crash
  });

  it('tells a finished rollout, in English to an English account', async () => {
    await say('!kubectl create deployment web --image=nginx --replicas=2', BEN);
    await b.advance(30);
    const dm = await until(() => dms.sent.find((d) => d.to === BEN));
    expect(dm.reply.content).toBe(texts.en.notify.rolloutDone({ namespace: 'default', name: 'web', replicas: 2 }));
    expect(dm.reply.content).toBe('✅ Deployment **web** finished rolling out: 2 replicas up to date and available.');
  });

  it('tells a node going NotReady and coming back', async () => {
    await say('!sh ssh node1', BEN);
    await say('!sh sudo systemctl stop kubelet', BEN);
    await b.advance(60);
    const down = await until(() => dms.sent.find((d) => d.to === BEN && d.reply.content.includes('node1')));
    expect(down.reply.content).toBe(texts.en.notify.nodeNotReady({ name: 'node1' }));
    await say('!sh sudo systemctl start kubelet', BEN);
    await b.advance(30);
    const up = await until(() => dms.sent.find((d) => d.to === BEN && d.reply.content === texts.en.notify.nodeReady({ name: 'node1' })));
    expect(up.reply.content).toBe('✅ Node **node1** is Ready again.');
  });

  it("follows a cluster made after notifications were turned on (a lesson's own cluster)", async () => {
    const before = await b.h.app.get(PrismaService).cluster.count();
    await say('!lesson start 1', BEN);
    expect(await b.h.app.get(PrismaService).cluster.count()).toBe(before + 1);
    await say('!kubectl run late --image=busybox -- /bin/false', BEN);
    await b.advance(60);
    const dm = await until(() => dms.sent.find((d) => d.to === BEN && d.reply.content.includes('**late**')));
    expect(dm.reply.content).toMatch(/^🔁 Pod \*\*late\*\* is in CrashLoopBackOff/);
  });

  it('tells nothing after !notify off', async () => {
    expect(await say('!notify off')).toBe(texts.es.notify.off);
    const before = dms.sent.length;
    await say('!kubectl run crash2 --image=busybox -- /bin/false');
    await b.advance(120);
    await new Promise((r) => setTimeout(r, 300));
    expect(dms.sent.slice(before).filter((d) => d.to === LINKED_USER)).toEqual([]);
    expect(logged).toEqual([]);
  });

  it("keeps the bot's routes to the bot, acting for a linked user", async () => {
    const http = () => request(b.h.app.getHttpServer());
    await http().get('/api/v1/bot/me').expect(401);
    await b.student.get('/api/v1/bot/me').expect(403);
    await b.student.put('/api/v1/bot/me/notify', { on: true }).expect(403);
    await http().get('/api/v1/bot/me').set('Authorization', `Bearer ${b.token}`).expect(400);
    await http().get('/api/v1/bot/me').set('Authorization', `Bearer ${b.token}`).set('X-Discord-User', '4040').expect(403);
    const me = await http().get('/api/v1/bot/me').set('Authorization', `Bearer ${b.token}`).set('X-Discord-User', BEN).expect(200);
    expect(me.body).toEqual({ username: 'ben', displayName: 'ben', role: 'student', locale: 'en', notify: true });
    await http().put('/api/v1/bot/me/notify').set('Authorization', `Bearer ${b.token}`).set('X-Discord-User', BEN).send({ on: 'yes' }).expect(400);
    // a student may not look up who another Discord user is
    await http().get(`/api/v1/bot/me/linked/${LINKED_USER}`).set('Authorization', `Bearer ${b.token}`).set('X-Discord-User', BEN).expect(403);
    const md = await http().get('/api/v1/bot/lessons/pods/steps/first-pod/markdown?lang=en').set('Authorization', `Bearer ${b.token}`).set('X-Discord-User', BEN).expect(200);
    expect(md.body.markdown).toContain('kubectl run nginx --image=nginx');
    await http().get('/api/v1/bot/lessons/pods/steps/nope/markdown').set('Authorization', `Bearer ${b.token}`).set('X-Discord-User', BEN).expect(404);
  });

  it('refuses a push channel without the service token', async () => {
    const codes = await Promise.all(
      [{}, { Authorization: 'Bearer ka_notavalidtokenatallxxxxxxxx' }].map(
        (headers) =>
          new Promise<number>((resolve) => {
            const ws = new WebSocket(b.url.replace('http', 'ws') + '/ws/bot', { headers });
            ws.on('close', (code) => resolve(code));
            ws.on('error', () => undefined);
          }),
      ),
    );
    expect(codes).toEqual([4401, 4401]);
  });
});
