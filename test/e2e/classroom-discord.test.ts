// PUT/GET /api/v1/classrooms/:id/discord: an instructor attaches a Discord server (and channels)
// to a classroom; and the bot's GET /api/v1/bot/classroom, which picks the classroom from them.
import fs from 'node:fs';
import request from 'supertest';
import { ApiTokenService } from '../../apps/server/src/auth/api-token.service';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { bootApp, Harness } from './app-harness';
import { Client, signedIn, signedUp } from './client';

const GUILD = '123456789012345678';
const CHANNEL = '223456789012345678';

describe('a classroom attached to a Discord server', () => {
  let h: Harness;
  let teacher: Client;
  let other: Client;
  let ana: Client;
  let room: string;
  let token: string;

  beforeAll(async () => {
    h = await bootApp({ AUTH_RATE_LIMIT: '1000', KUBEAULA_CLOCK: 'virtual' });
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
    await h.app.get(AuthService).register({ username: 'other', password: 'password123', role: 'instructor' });
    teacher = await signedIn(h.app, 'teacher');
    other = await signedIn(h.app, 'other');
    const created = await teacher.post('/api/v1/classrooms', { name: 'Morning' }).expect(201);
    room = created.body.id;
    ana = await signedUp(h.app, 'ana');
    await ana.post('/api/v1/classrooms/join', { code: created.body.joinCode }).expect(200);
    ({ token } = await h.app.get(ApiTokenService).createService('bot'));
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('lets its instructor attach a server and channels, replace them and detach them', async () => {
    expect((await teacher.get(`/api/v1/classrooms/${room}/discord`).expect(200)).body).toEqual({ guildId: null, channelIds: [] });
    expect((await teacher.put(`/api/v1/classrooms/${room}/discord`, { guildId: GUILD }).expect(200)).body).toEqual({ guildId: GUILD, channelIds: [] });
    // repeated channels are kept once; spaces around an id do not matter
    const withChannels = await teacher.put(`/api/v1/classrooms/${room}/discord`, { guildId: GUILD, channelIds: [CHANNEL, ` ${CHANNEL} `, '323456789012345678'] }).expect(200);
    expect(withChannels.body).toEqual({ guildId: GUILD, channelIds: [CHANNEL, '323456789012345678'] });
    expect((await teacher.get(`/api/v1/classrooms/${room}/discord`).expect(200)).body).toEqual(withChannels.body);
    expect((await teacher.put(`/api/v1/classrooms/${room}/discord`, { guildId: null }).expect(200)).body).toEqual({ guildId: null, channelIds: [] });
    expect((await teacher.get(`/api/v1/classrooms/${room}/discord`).expect(200)).body).toEqual({ guildId: null, channelIds: [] });
  });

  it('allows one server for several classrooms (sections of a course)', async () => {
    const second = (await teacher.post('/api/v1/classrooms', { name: 'Evening' }).expect(201)).body.id;
    await teacher.put(`/api/v1/classrooms/${room}/discord`, { guildId: GUILD }).expect(200);
    await teacher.put(`/api/v1/classrooms/${second}/discord`, { guildId: GUILD }).expect(200);
    expect((await teacher.get(`/api/v1/classrooms/${second}/discord`).expect(200)).body.guildId).toBe(GUILD);
  });

  it.each([
    ['a short id', { guildId: '1234' }, 'guildId'],
    ['21 digits', { guildId: '123456789012345678901' }, 'guildId'],
    ['letters', { guildId: 'abcdefghijklmnopqr' }, 'guildId'],
    ['a number, not a string', { guildId: 1234567890 }, 'guildId'],
    ['no guildId', {}, 'guildId'],
    ['a bad channel', { guildId: GUILD, channelIds: ['42'] }, 'channelIds.0'],
    ['channels not as a list', { guildId: GUILD, channelIds: CHANNEL }, 'channelIds'],
    ['26 channels', { guildId: GUILD, channelIds: Array.from({ length: 26 }, (_, i) => `${CHANNEL.slice(0, -2)}${String(i).padStart(2, '0')}`) }, 'channelIds'],
    ['channels without a server', { guildId: null, channelIds: [CHANNEL] }, 'channelIds'],
    ['an unknown field', { guildId: GUILD, channels: [CHANNEL] }, ''],
  ])('refuses %s with 400 naming the field', async (_label, body, path) => {
    const res = await teacher.put(`/api/v1/classrooms/${room}/discord`, body).expect(400);
    expect(res.body).toMatchObject({ code: 'BAD_REQUEST', message: 'Invalid request' });
    expect((res.body.details as { path: string }[]).map((d) => d.path)).toContain(path);
  });

  it('refuses its students (403), other instructors (404) and visitors (401)', async () => {
    for (const res of [await ana.get(`/api/v1/classrooms/${room}/discord`), await ana.put(`/api/v1/classrooms/${room}/discord`, { guildId: GUILD })]) {
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    // a student's bad body is still a 403: who may comes first
    expect((await ana.put(`/api/v1/classrooms/${room}/discord`, { guildId: 'x' })).status).toBe(403);
    for (const res of [await other.get(`/api/v1/classrooms/${room}/discord`), await other.put(`/api/v1/classrooms/${room}/discord`, { guildId: GUILD })]) {
      expect([res.status, res.body.code]).toEqual([404, 'NOT_FOUND']);
    }
    expect((await teacher.get('/api/v1/classrooms/nope/discord')).status).toBe(404);
    expect((await request(h.app.getHttpServer()).get(`/api/v1/classrooms/${room}/discord`)).status).toBe(401);
  });

  it('has a settings page with a plain form, in Spanish and English', async () => {
    const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1];
    const list = await teacher.get('/classrooms').expect(200);
    expect(list.text).toContain(`href="/classrooms/${room}/settings"`);
    const page = await teacher.get(`/classrooms/${room}/settings`).expect(200);
    expect(page.text).toContain('<h1 id="settings-title">Ajustes de Morning</h1>');
    expect(page.text).toContain(`action="/classrooms/${room}/settings/discord"`);
    // one of the instructor's pages of the classroom: the same navigation, this one current
    expect(page.text).toContain(`<a href="/classrooms/${room}/settings" aria-current="page">Ajustes (Discord)</a>`);
    expect(page.text).toContain(`<a href="/classrooms/${room}/tasks">Tareas propias</a>`);
    // a form without its CSRF token is refused
    await teacher.agent.post(`/classrooms/${room}/settings/discord`).type('form').send({ guildId: GUILD }).expect(403);
    const saved = await teacher.agent
      .post(`/classrooms/${room}/settings/discord`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), guildId: ` ${GUILD} `, channelIds: `${CHANNEL}\n323456789012345678, ${CHANNEL}` })
      .expect(303);
    expect(saved.headers.location).toBe(`/classrooms/${room}/settings?saved=1`);
    expect((await teacher.get(`/api/v1/classrooms/${room}/discord`).expect(200)).body).toEqual({ guildId: GUILD, channelIds: [CHANNEL, '323456789012345678'] });
    const after = await teacher.get(`/classrooms/${room}/settings?saved=1`).expect(200);
    expect(after.text).toContain('Guardado.');
    expect(after.text).toContain(`value="${GUILD}"`);
    expect(after.text).toContain(`>${CHANNEL}\n323456789012345678</textarea>`);
    // a bad id: the form again, with what was typed and the reason in the reader's language
    const bad = await teacher.agent.post(`/classrooms/${room}/settings/discord`).type('form').send({ _csrf: csrfOf(after.text), guildId: '12345', channelIds: '' }).expect(400);
    expect(bad.text).toContain('Un ID de Discord tiene de 17 a 20 cifras.');
    expect(bad.text).toContain('value="12345"');
    const noGuild = await teacher.agent.post(`/classrooms/${room}/settings/discord`).type('form').send({ _csrf: csrfOf(bad.text), guildId: '', channelIds: CHANNEL }).expect(400);
    expect(noGuild.text).toContain('Para dar canales, da también el ID del servidor.');
    await teacher.put('/api/v1/me/locale', { locale: 'en' }).expect(200);
    const english = await teacher.get(`/classrooms/${room}/settings`).expect(200);
    expect(english.text).toContain('<h1 id="settings-title">Settings of Morning</h1>');
    // emptied: detached
    await teacher.agent.post(`/classrooms/${room}/settings/discord`).type('form').send({ _csrf: csrfOf(english.text), guildId: '', channelIds: '' }).expect(303);
    expect((await teacher.get(`/api/v1/classrooms/${room}/discord`).expect(200)).body).toEqual({ guildId: null, channelIds: [] });
    await teacher.put('/api/v1/me/locale', { locale: 'es' }).expect(200);
    // its students and strangers see the error page
    const student = await ana.get(`/classrooms/${room}/settings`).expect(403);
    expect(student.text).toContain('Solo el profesorado de esta clase cambia sus ajustes.');
    await other.get(`/classrooms/${room}/settings`).expect(404);
    await request(h.app.getHttpServer()).get(`/classrooms/${room}/settings`).expect(302).expect('Location', '/signin');
  });

  it("answers the bot's question only for its service token, with valid place headers", async () => {
    const { code } = (await ana.post('/api/v1/me/discord/link-code').expect(201)).body;
    await request(h.app.getHttpServer()).post('/api/v1/discord/link').set('Authorization', `Bearer ${token}`).send({ code, discordUserId: '999000999000999000' }).expect(200);
    const bot = (method: 'get' | 'put', url: string) => request(h.app.getHttpServer())[method](url).set('Authorization', `Bearer ${token}`).set('X-Discord-User', '999000999000999000');
    await teacher.put(`/api/v1/classrooms/${room}/discord`, { guildId: GUILD, channelIds: [CHANNEL] }).expect(200);
    const here = await bot('get', '/api/v1/bot/classroom').set('X-Discord-Guild', GUILD).set('X-Discord-Channel', CHANNEL).expect(200);
    expect(here.body).toMatchObject({ how: 'place', classroomId: room, classrooms: [{ id: room, name: 'Morning', number: 1 }], among: [] });
    expect(here.body.clusters).toEqual([{ id: expect.any(String), purpose: 'course' }]);
    // her only classroom, from a channel it is not served in or a DM
    expect((await bot('get', '/api/v1/bot/classroom').set('X-Discord-Guild', GUILD).set('X-Discord-Channel', '1').expect(200)).body.how).toBe('only');
    expect((await bot('get', '/api/v1/bot/classroom').expect(200)).body.how).toBe('only');
    // she teaches nothing
    expect((await bot('get', '/api/v1/bot/classroom?as=instructor').expect(200)).body).toMatchObject({ how: 'none', classroomId: null, classrooms: [] });
    await bot('get', '/api/v1/bot/classroom?as=owner').expect(400);
    expect((await bot('get', '/api/v1/bot/classroom').set('X-Discord-Guild', 'general').expect(400)).body.message).toBe('Invalid x-discord-guild header: a Discord id is digits');
    // choosing: one of hers only
    await bot('put', '/api/v1/bot/me/classroom').send({ classroomId: room }).expect(200, { classroomId: room });
    expect((await bot('put', '/api/v1/bot/me/classroom').send({ classroomId: 'someone-elses' }).expect(404)).body.code).toBe('NOT_FOUND');
    await bot('put', '/api/v1/bot/me/classroom').send({ classroom: room }).expect(400);
    // not for a browser session, not for the bot without a Discord user
    expect((await ana.get('/api/v1/bot/classroom')).status).toBe(403);
    expect((await request(h.app.getHttpServer()).get('/api/v1/bot/classroom').set('Authorization', `Bearer ${token}`)).status).toBe(400);
  });
});
