// Limits refused at the REST door in its style (HTTP 413/429 with the JSON reason), nothing written.
import fs from 'node:fs';
import request from 'supertest';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { bootApp, Harness } from './app-harness';
import { signedIn, signedUp } from './client';

describe('limits', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await bootApp({ AUTH_RATE_LIMIT: '1000', COMMANDS_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('refuses commands beyond the per-minute limit with 429, writing nothing', async () => {
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
    const teacher = await signedIn(h.app, 'teacher');
    const room = await teacher.post('/api/v1/classrooms', { name: 'L' }).expect(201);
    const ana = await signedUp(h.app, 'ana');
    await ana.post('/api/v1/classrooms/join', { code: room.body.joinCode }).expect(200);
    const id = (await ana.get('/api/v1/clusters').expect(200)).body[0].id;
    for (let i = 0; i < 3; i++) await ana.post(`/api/v1/clusters/${id}/exec`, { command: 'true' }).expect(200);
    const prisma = h.app.get(PrismaService);
    const before = await prisma.input.count();
    const res = await ana.post(`/api/v1/clusters/${id}/exec`, { command: 'true' }).expect(429);
    expect(res.body).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'Too many commands: wait a minute and try again' });
    expect(await prisma.input.count()).toBe(before);
  });

  it('refuses an over-large body with 413 and garbage with 400, and keeps serving', async () => {
    const big = await request(h.app.getHttpServer()).post('/api/v1/auth/signin').set('Content-Type', 'application/json').send(JSON.stringify({ username: 'x'.repeat(300_000), password: 'y' })).expect(413);
    expect(big.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' });
    const c = await signedUp(h.app, 'bea');
    const garbage = await c.agent.post('/api/v1/classrooms/join').set('X-CSRF-Token', c.csrf).set('Content-Type', 'application/json').send(Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x01])).expect(400);
    expect(garbage.body.code).toBe('BAD_REQUEST');
    const wrongShape = await c.post('/api/v1/classrooms/join', { code: 12 }).expect(400);
    expect(wrongShape.body).toMatchObject({ code: 'BAD_REQUEST', message: 'Invalid request', details: [{ path: 'code', message: expect.any(String) }] });
    await request(h.app.getHttpServer()).get('/healthz').expect(200);
  });
});
