// README's table of limits, refused at every door in that door's style, with nothing written:
// the browser's REST (session cookie + CSRF), a personal API token (the CLI and scripts), the
// Discord bot's service token acting for a linked user, and the terminal WebSocket.
// (The engine's own limits, objects and pods per cluster, answer with kubectl's error on every
// door alike: test/engine/bad-input.test.ts proves the message, the bot tests that each door
// returns the engine's output unchanged.)
import fs from 'node:fs';
import request from 'supertest';
import WebSocket from 'ws';
import { ApiTokenService } from '../../apps/server/src/auth/api-token.service';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { MAX_COMMAND_LENGTH, MAX_SNAPSHOTS, MAX_STORED_OUTPUT, MAX_WORKSPACE_FILES } from '../../apps/server/src/clusters/limits';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { bootApp, Harness } from './app-harness';
import { Client, signedIn, signedUp } from './client';
import { WsClient } from './ws-client';

jest.setTimeout(180_000);

type Door = 'cookie' | 'token' | 'discord';

describe('limits at every door', () => {
  let h: Harness;
  let port: number;
  let ana: Client;
  let cluster: string;
  let personal: string;
  let service: string;
  let prisma: PrismaService;
  const sockets: WsClient[] = [];

  /** A request to the REST API through one of the HTTP doors. */
  function call(door: Door, method: 'get' | 'post' | 'put', url: string, body?: object): request.Test {
    if (door === 'cookie') return method === 'get' ? ana.get(url) : method === 'put' ? ana.put(url, body) : ana.post(url, body);
    const r = request(h.app.getHttpServer())[method](url).set('Authorization', `Bearer ${door === 'token' ? personal : service}`);
    if (door === 'discord') r.set('X-Discord-User', '424242');
    return body ? r.send(body) : r;
  }

  const socket = (tab: string): WsClient => {
    const ws = new WsClient(new WebSocket(`ws://127.0.0.1:${port}/ws/terminal?cluster=${cluster}&tab=${tab}`, { headers: { Cookie: ana.cookieHeader(), Origin: `http://127.0.0.1:${port}` } }));
    sockets.push(ws);
    return ws;
  };
  const writes = async () => ({ inputs: await prisma.input.count(), snapshots: await prisma.snapshot.count(), files: await prisma.workspaceFile.count() });

  beforeAll(async () => {
    h = await bootApp({ AUTH_RATE_LIMIT: '1000', KUBEAULA_CLOCK: 'virtual', COMMANDS_PER_MINUTE: '1000' });
    await h.app.listen(0, '127.0.0.1');
    port = (h.app.getHttpServer().address() as { port: number }).port;
    prisma = h.app.get(PrismaService);
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
    const teacher = await signedIn(h.app, 'teacher');
    const room = await teacher.post('/api/v1/classrooms', { name: 'Limits' }).expect(201);
    ana = await signedUp(h.app, 'ana');
    await ana.post('/api/v1/classrooms/join', { code: room.body.joinCode }).expect(200);
    cluster = (await ana.get('/api/v1/clusters').expect(200)).body[0].id;
    const me = (await ana.get('/api/v1/auth/me').expect(200)).body.user as { id: string };
    personal = (await h.app.get(ApiTokenService).create(me.id, 'script')).token;
    service = (await h.app.get(ApiTokenService).createService('bot')).token;
    const { code } = (await ana.post('/api/v1/me/discord/link-code').expect(201)).body;
    await request(h.app.getHttpServer()).post('/api/v1/discord/link').set('Authorization', `Bearer ${service}`).send({ code, discordUserId: '424242' }).expect(200);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  describe.each<Door>(['cookie', 'token', 'discord'])('over HTTP (%s)', (door) => {
    it(`a command line over ${MAX_COMMAND_LENGTH} characters: 413 with the reason, nothing written`, async () => {
      const before = await writes();
      const res = await call(door, 'post', `/api/v1/clusters/${cluster}/exec`, { command: `echo ${'x'.repeat(MAX_COMMAND_LENGTH)}` }).expect(413);
      expect(res.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: `The command line is longer than ${MAX_COMMAND_LENGTH} characters` });
      expect(await writes()).toEqual(before);
    });

    it('a request body over 100 KB: 413, nothing written', async () => {
      const before = await writes();
      const res = await call(door, 'put', `/api/v1/clusters/${cluster}/files`, { path: 'huge.yaml', content: 'x'.repeat(150 * 1024) }).expect(413);
      expect(res.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' });
      expect(await writes()).toEqual(before);
    });

    it('binary garbage and malformed JSON: 400, nothing written, still serving', async () => {
      const before = await writes();
      const garbage = await call(door, 'post', `/api/v1/clusters/${cluster}/exec`).set('Content-Type', 'application/json').send(Buffer.from([0x7b, 0xff, 0x00, 0x22])).expect(400);
      expect(garbage.body.code).toBe('BAD_REQUEST');
      const shape = await call(door, 'post', `/api/v1/clusters/${cluster}/exec`, { command: 42 }).expect(400);
      expect(shape.body).toMatchObject({ code: 'BAD_REQUEST', details: [{ path: 'command' }] });
      const unknown = await call(door, 'post', '/api/v1/clusters/c0000000000000000000000000/exec', { command: 'true' }).expect(404);
      expect(unknown.body.code).toBe('NOT_FOUND');
      expect(await writes()).toEqual(before);
      await call(door, 'post', `/api/v1/clusters/${cluster}/exec`, { command: 'true' }).expect(200);
    });

    it(`output beyond ${MAX_STORED_OUTPUT / 1024} KiB is returned whole and stored cut, marked outputTruncated`, async () => {
      const res = await call(door, 'post', `/api/v1/clusters/${cluster}/exec`, { command: 'seq 1 20000' }).expect(200);
      expect(res.body.stdout.length).toBeGreaterThan(MAX_STORED_OUTPUT);
      expect(res.body.stdout.endsWith('19999\n20000\n')).toBe(true);
      const row = await prisma.input.findFirstOrThrow({ where: { clusterId: cluster }, orderBy: { seq: 'desc' } });
      expect(row.command).toBe('seq 1 20000');
      expect(row.outputTruncated).toBe(true);
      expect(Buffer.byteLength(row.stdout ?? '')).toBeLessThanOrEqual(MAX_STORED_OUTPUT);
    });
  });

  it(`a workspace file over 64 KiB and the ${MAX_WORKSPACE_FILES + 1}st file: 413 at every HTTP door, nothing written`, async () => {
    for (const door of ['cookie', 'token', 'discord'] as Door[]) {
      const res = await call(door, 'put', `/api/v1/clusters/${cluster}/files`, { path: 'big.txt', content: 'x'.repeat(64 * 1024 + 1) }).expect(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    }
    // the home's own files (.bashrc, .kube/config, ...) count too: the listing shows them all
    const present = (await call('cookie', 'get', `/api/v1/clusters/${cluster}/files`).expect(200)).body.length as number;
    for (let i = present; i < MAX_WORKSPACE_FILES; i++) await call('token', 'put', `/api/v1/clusters/${cluster}/files`, { path: `f/${i}.txt`, content: 'x' }).expect(200);
    const before = await writes();
    for (const door of ['cookie', 'token', 'discord'] as Door[]) {
      const res = await call(door, 'put', `/api/v1/clusters/${cluster}/files`, { path: 'one-more.txt', content: 'x' }).expect(413);
      expect(res.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: `A workspace holds at most ${MAX_WORKSPACE_FILES} files` });
    }
    expect(await writes()).toEqual(before);
    expect((await call('discord', 'get', `/api/v1/clusters/${cluster}/files`).expect(200)).body).toHaveLength(MAX_WORKSPACE_FILES);
  });

  it(`the ${MAX_SNAPSHOTS + 1}st snapshot: 409 at every HTTP door, nothing written`, async () => {
    const present = await prisma.snapshot.count({ where: { clusterId: cluster, kind: 'user' } });
    for (let i = present; i < MAX_SNAPSHOTS; i++) await call('cookie', 'post', `/api/v1/clusters/${cluster}/snapshots`, { name: `s${i}` }).expect(201);
    const before = await writes();
    for (const door of ['cookie', 'token', 'discord'] as Door[]) {
      const res = await call(door, 'post', `/api/v1/clusters/${cluster}/snapshots`, { name: 'one more' }).expect(409);
      expect(res.body).toEqual({ code: 'CONFLICT', message: `A cluster keeps at most ${MAX_SNAPSHOTS} snapshots: delete one first` });
    }
    expect(await writes()).toEqual(before);
  });

  it('on the WebSocket: a long line and garbage get an error event, an oversized message closes it (1009); nothing written', async () => {
    const t = socket('limits-1');
    await t.waitFor((m) => m.event === 'ready');
    const before = await writes();
    t.send('exec', { line: 'x'.repeat(MAX_COMMAND_LENGTH + 1) });
    const long = await t.waitFor((m) => m.event === 'error' && m.data.code === 'PAYLOAD_TOO_LARGE');
    expect(long.data.message).toBe(`The command line is longer than ${MAX_COMMAND_LENGTH} characters`);
    t.ws.send(Buffer.from([0xff, 0xfe]));
    await t.waitFor((m) => m.event === 'error' && m.data.code === 'BAD_REQUEST');
    expect(await writes()).toEqual(before);
    expect((await t.run('echo alive')).out).toBe('alive\n');
    t.ws.send('x'.repeat(65 * 1024));
    expect((await t.waitClose()).code).toBe(1009);
  });
});

describe('the commands-per-minute limit at every door', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await bootApp({ AUTH_RATE_LIMIT: '1000', KUBEAULA_CLOCK: 'virtual', COMMANDS_PER_MINUTE: '2' });
    await h.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('429 over HTTP, an error event on the socket, with nothing written; per user', async () => {
    const port = (h.app.getHttpServer().address() as { port: number }).port;
    const prisma = h.app.get(PrismaService);
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
    const teacher = await signedIn(h.app, 'teacher');
    const room = await teacher.post('/api/v1/classrooms', { name: 'Rate' }).expect(201);
    const users: { client: Client; cluster: string; door: Door | 'socket'; token?: string }[] = [];
    const service = (await h.app.get(ApiTokenService).createService('bot')).token;
    for (const door of ['cookie', 'token', 'discord', 'socket'] as const) {
      const client = await signedUp(h.app, `u-${door}`);
      await client.post('/api/v1/classrooms/join', { code: room.body.joinCode }).expect(200);
      const cluster = (await client.get('/api/v1/clusters').expect(200)).body[0].id;
      const me = (await client.get('/api/v1/auth/me').expect(200)).body.user as { id: string };
      const token = door === 'token' ? (await h.app.get(ApiTokenService).create(me.id, 'script')).token : undefined;
      if (door === 'discord') {
        const { code } = (await client.post('/api/v1/me/discord/link-code').expect(201)).body;
        await request(h.app.getHttpServer()).post('/api/v1/discord/link').set('Authorization', `Bearer ${service}`).send({ code, discordUserId: '777' }).expect(200);
      }
      users.push({ client, cluster, door, token });
    }
    const exec = (u: (typeof users)[number]) => {
      const url = `/api/v1/clusters/${u.cluster}/exec`;
      if (u.door === 'cookie') return u.client.post(url, { command: 'true' });
      const r = request(h.app.getHttpServer()).post(url).send({ command: 'true' });
      return u.door === 'token' ? r.set('Authorization', `Bearer ${u.token}`) : r.set('Authorization', `Bearer ${service}`).set('X-Discord-User', '777');
    };
    for (const u of users.filter((x) => x.door !== 'socket')) {
      await exec(u).expect(200);
      await exec(u).expect(200);
      const before = await prisma.input.count();
      const res = await exec(u).expect(429);
      expect(res.body).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'Too many commands: wait a minute and try again' });
      expect(await prisma.input.count()).toBe(before);
    }
    const s = users.find((x) => x.door === 'socket')!;
    const t = new WsClient(new WebSocket(`ws://127.0.0.1:${port}/ws/terminal?cluster=${s.cluster}&tab=rate`, { headers: { Cookie: s.client.cookieHeader(), Origin: `http://127.0.0.1:${port}` } }));
    await t.waitFor((m) => m.event === 'ready');
    await t.run('true');
    await t.run('true');
    const before = await prisma.input.count();
    t.send('exec', { line: 'true' });
    const refused = await t.waitFor((m) => m.event === 'error' && m.data.code === 'TOO_MANY_REQUESTS');
    expect(refused.data.message).toBe('Too many commands: wait a minute and try again');
    expect(await prisma.input.count()).toBe(before);
    // the window is wall time (it protects the server, whatever the simulated clock says): the
    // socket stays open, and the other users' budgets are their own
    expect(t.closed).toBeUndefined();
    const other = await signedUp(h.app, 'u-other');
    await other.post('/api/v1/classrooms/join', { code: room.body.joinCode }).expect(200);
    const otherCluster = (await other.get('/api/v1/clusters').expect(200)).body[0].id;
    await other.post(`/api/v1/clusters/${otherCluster}/exec`, { command: 'true' }).expect(200);
    t.close();
  });
});
