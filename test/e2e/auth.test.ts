// Accounts end to end: register, sign in and out, sessions (cookie flags, rotation, idle
// expiry on the virtual clock), CSRF on writes, throttling of sign-in, API tokens.
import fs from 'node:fs';
import request from 'supertest';
import { ApiTokenService, BEARER_TTL_MS } from '../../apps/server/src/auth/api-token.service';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { bootApp, Harness } from './app-harness';
import { newClient, signedUp } from './client';

describe('accounts', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await bootApp({ KUBEAULA_CLOCK: 'virtual', AUTH_RATE_LIMIT: '1000', SESSION_IDLE_MINUTES: '60' });
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('registers, sets an HttpOnly SameSite=Lax session cookie, and knows who you are', async () => {
    const c = await newClient(h.app);
    const res = await c.post('/api/v1/auth/register', { username: 'Ana', password: 'password123', displayName: 'Ana G' }).expect(201);
    expect(res.body.user).toMatchObject({ username: 'ana', displayName: 'Ana G', role: 'student' });
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((s) => s.startsWith('kubeaula_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await c.get('/api/v1/auth/me').expect(200);
    expect(me.body.user.username).toBe('ana');
    // only a hash of the token is stored, and the password is hashed
    const prisma = h.app.get(PrismaService);
    const token = cookie.split(';')[0].split('=')[1];
    expect(await prisma.session.count({ where: { tokenHash: token } })).toBe(0);
    const user = await prisma.user.findUniqueOrThrow({ where: { username: 'ana' } });
    expect(user.passwordHash).toMatch(/^\$2[aby]\$/);
  });

  it('sets a Secure cookie when the request came over HTTPS through a local proxy', async () => {
    const c = await newClient(h.app);
    const res = await c.post('/api/v1/auth/register', { username: 'sec', password: 'password123' }).set('X-Forwarded-Proto', 'https').expect(201);
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((s) => s.startsWith('kubeaula_session='))!;
    expect(cookie).toMatch(/Secure/);
  });

  it('refuses duplicate usernames, bad usernames and short passwords in the one error shape', async () => {
    const c = await newClient(h.app);
    await c.post('/api/v1/auth/register', { username: 'ana', password: 'password123' }).expect(409);
    const bad = await c.post('/api/v1/auth/register', { username: 'a b', password: 'password123' }).expect(400);
    expect(bad.body).toEqual({ code: 'BAD_REQUEST', message: 'Invalid username', details: [expect.objectContaining({ path: 'username' })] });
    await c.post('/api/v1/auth/register', { username: 'bob', password: 'short' }).expect(400);
    await c.post('/api/v1/auth/register', { username: 'bob' }).expect(400);
  });

  it('signs in with a new session each time (rotation) and signs out', async () => {
    await signedUp(h.app, 'carla');
    const c = await newClient(h.app);
    const first = await c.post('/api/v1/auth/signin', { username: 'carla', password: 'password123' }).expect(200);
    const t1 = (first.headers['set-cookie'] as unknown as string[]).find((s) => s.startsWith('kubeaula_session='))!.split(';')[0];
    await c.refreshCsrf();
    const second = await c.post('/api/v1/auth/signin', { username: 'carla', password: 'password123' }).expect(200);
    const t2 = (second.headers['set-cookie'] as unknown as string[]).find((s) => s.startsWith('kubeaula_session='))!.split(';')[0];
    expect(t2).not.toBe(t1);
    // the old token no longer works
    await request(h.app.getHttpServer()).get('/api/v1/auth/me').set('Cookie', t1).expect(401);
    await request(h.app.getHttpServer()).get('/api/v1/auth/me').set('Cookie', t2).expect(200);
    await c.refreshCsrf();
    await c.post('/api/v1/auth/signout').expect(204);
    await request(h.app.getHttpServer()).get('/api/v1/auth/me').set('Cookie', t2).expect(401);
  });

  it('refuses a wrong password or unknown user with the same answer', async () => {
    const c = await newClient(h.app);
    const a = await c.post('/api/v1/auth/signin', { username: 'carla', password: 'wrong-password' }).expect(401);
    const b = await c.post('/api/v1/auth/signin', { username: 'nobody', password: 'wrong-password' }).expect(401);
    expect(a.body).toEqual(b.body);
    expect(a.body).toEqual({ code: 'UNAUTHENTICATED', message: 'Wrong username or password' });
  });

  it('refuses writes without a valid CSRF token, or with one from another session', async () => {
    const c = await signedUp(h.app, 'dora');
    const other = await signedUp(h.app, 'eli');
    await c.agent.post('/api/v1/auth/signout').expect(403);
    const forged = await c.agent.post('/api/v1/auth/signout').set('X-CSRF-Token', 'forged').expect(403);
    expect(forged.body).toEqual({ code: 'FORBIDDEN', message: 'Invalid or missing CSRF token' });
    await c.agent.post('/api/v1/auth/signout').set('X-CSRF-Token', other.csrf).expect(403);
    await c.get('/api/v1/auth/me').expect(200);
  });

  it('ends a session left idle longer than the idle limit (virtual clock)', async () => {
    const c = await signedUp(h.app, 'fede');
    await c.get('/api/v1/auth/me').expect(200);
    await request(h.app.getHttpServer()).post('/api/v1/test/clock/advance').send({ seconds: 50 * 60 }).expect(200);
    await c.get('/api/v1/auth/me').expect(200); // used: the idle hour starts again
    await request(h.app.getHttpServer()).post('/api/v1/test/clock/advance').send({ seconds: 50 * 60 }).expect(200);
    await c.get('/api/v1/auth/me').expect(200);
    await request(h.app.getHttpServer()).post('/api/v1/test/clock/advance').send({ seconds: 61 * 60 }).expect(200);
    await c.get('/api/v1/auth/me').expect(401);
  });

  it('creates a personal API token that authenticates without cookies or CSRF', async () => {
    const c = await signedUp(h.app, 'gus');
    const t = await c.post('/api/v1/auth/tokens', { name: 'laptop' }).expect(201);
    expect(t.body.token).toMatch(/^ka_/);
    const me = await request(h.app.getHttpServer()).get('/api/v1/auth/me').set('Authorization', `Bearer ${t.body.token}`).expect(200);
    expect(me.body.user.username).toBe('gus');
    await request(h.app.getHttpServer()).get('/api/v1/auth/me').set('Authorization', 'Bearer ka_notarealtokennotarealtoken').expect(401);
    await c.del(`/api/v1/auth/tokens/${t.body.id}`).expect(204);
    await request(h.app.getHttpServer()).get('/api/v1/auth/me').set('Authorization', `Bearer ${t.body.token}`).expect(401);
  });

  it('remembers a token for BEARER_TTL_MS at most: a revocation elsewhere takes effect within it', async () => {
    expect(BEARER_TTL_MS).toBe(5_000);
    const tokens = h.app.get(ApiTokenService);
    const ttl = tokens.bearerTtlMs;
    tokens.bearerTtlMs = 300;
    try {
      const c = await signedUp(h.app, 'hal');
      const t = await c.post('/api/v1/auth/tokens', { name: 'ci' }).expect(201);
      const me = () => request(h.app.getHttpServer()).get('/api/v1/auth/me').set('Authorization', `Bearer ${t.body.token}`);
      await me().expect(200);
      // another process revokes it (straight in the database): trusted until the TTL runs out
      await h.app.get(PrismaService).apiToken.update({ where: { id: t.body.id }, data: { revokedAt: new Date() } });
      await me().expect(200);
      await new Promise((r) => setTimeout(r, 350));
      await me().expect(401);
      // in this process a changed language is seen at once, and a deleted account's token is refused at once
      tokens.bearerTtlMs = 60_000;
      const t2 = await c.post('/api/v1/auth/tokens', { name: 'ci2' }).expect(201);
      const me2 = () => request(h.app.getHttpServer()).get('/api/v1/auth/me').set('Authorization', `Bearer ${t2.body.token}`);
      expect((await me2().expect(200)).body.user.locale).toBe('es');
      await c.put('/api/v1/me/locale', { locale: 'en' }).expect(200);
      expect((await me2().expect(200)).body.user.locale).toBe('en');
      await c.post('/api/v1/me/delete', { password: 'password123' }).expect(204);
      await me2().expect(401);
    } finally {
      tokens.bearerTtlMs = ttl;
    }
  });
});

describe('sign-in throttling', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await bootApp({ AUTH_RATE_LIMIT: '3' });
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('answers 429 after the limit of attempts per minute', async () => {
    const c = await newClient(h.app);
    for (let i = 0; i < 3; i++) await c.post('/api/v1/auth/signin', { username: 'x', password: 'whatever1' }).expect(401);
    const res = await c.post('/api/v1/auth/signin', { username: 'x', password: 'whatever1' }).expect(429);
    expect(res.body.code).toBe('TOO_MANY_REQUESTS');
  });
});
