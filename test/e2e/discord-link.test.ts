// The bot's door: a service token that acts only for a linked Discord user (X-Discord-User),
// linked with a short code the student asks for while signed in.
import fs from 'node:fs';
import request from 'supertest';
import { ApiTokenService } from '../../apps/server/src/auth/api-token.service';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { bootApp, Harness } from './app-harness';
import { signedIn, signedUp } from './client';

describe('Discord link and the service token', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await bootApp({ AUTH_RATE_LIMIT: '1000', KUBEAULA_CLOCK: 'virtual' });
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('links a Discord user with a code, then runs commands as that user only', async () => {
    const { token } = await h.app.get(ApiTokenService).createService('bot');
    const bot = (method: 'get' | 'post', url: string, discordUser?: string) => {
      const r = request(h.app.getHttpServer())[method](url).set('Authorization', `Bearer ${token}`);
      return discordUser ? r.set('X-Discord-User', discordUser) : r;
    };
    const teacher = await signedIn(h.app, 'teacher');
    const room = await teacher.post('/api/v1/classrooms', { name: 'D' }).expect(201);
    const ana = await signedUp(h.app, 'ana');
    await ana.post('/api/v1/classrooms/join', { code: room.body.joinCode }).expect(200);
    const clusterId = (await ana.get('/api/v1/clusters').expect(200)).body[0].id;

    // not linked yet
    await bot('get', '/api/v1/clusters', '1234567890').expect(403);
    const { code } = (await ana.post('/api/v1/me/discord/link-code').expect(201)).body;
    expect(code).toMatch(/^\d{8}$/);
    // only the service token links; a wrong code is refused
    await ana.post('/api/v1/discord/link', { code, discordUserId: '1234567890' }).expect(403);
    await bot('post', '/api/v1/discord/link').send({ code: '00000000', discordUserId: '1234567890' }).expect(404);
    const linked = await bot('post', '/api/v1/discord/link').send({ code, discordUserId: '1234567890' }).expect(200);
    expect(linked.body).toEqual({ username: 'ana' });
    await bot('post', '/api/v1/discord/link').send({ code, discordUserId: '1234567890' }).expect(404); // used up

    const list = await bot('get', '/api/v1/clusters', '1234567890').expect(200);
    expect(list.body.map((c: { id: string }) => c.id)).toEqual([clusterId]);
    const r = await bot('post', `/api/v1/clusters/${clusterId}/exec`, '1234567890').send({ command: 'kubectl get ns default -o name' }).expect(200);
    expect(r.body.stdout).toBe('namespace/default\n');
    // without naming a user the bot is nobody; another Discord user is refused
    await bot('get', '/api/v1/clusters').expect(401);
    await bot('get', '/api/v1/clusters', '999').expect(403);
    await bot('get', '/api/v1/clusters', 'abc').expect(400);
    // the link expires its code after ten minutes
    const { code: late } = (await ana.post('/api/v1/me/discord/link-code').expect(201)).body;
    await request(h.app.getHttpServer()).post('/api/v1/test/clock/advance').send({ seconds: 601 }).expect(200);
    await bot('post', '/api/v1/discord/link').send({ code: late, discordUserId: '55' }).expect(404);
    await ana.refreshCsrf();
    await ana.del('/api/v1/me/discord').expect(204);
    await bot('get', '/api/v1/clusters', '1234567890').expect(403);
  });
});
