// The live terminal over a real WebSocket: handshake by session cookie and Origin, streamed
// output and exit codes, ^C, live cluster events whatever door caused them, timed transitions
// pushed when the (virtual) clock moves, isolation, bad messages.
import fs from 'node:fs';
import request from 'supertest';
import WebSocket from 'ws';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { bootApp, Harness } from './app-harness';
import { Client, signedIn, signedUp } from './client';
import { WsClient } from './ws-client';

// Hundreds of commands per test: slow on a loaded 2-core machine.
jest.setTimeout(180_000);


describe('WebSocket terminal', () => {
  let h: Harness;
  let port: number;
  let ana: Client;
  let bob: Client;
  let teacher: Client;
  let anaCluster: string;
  const sockets: WsClient[] = [];

  const connect = (client: Client | undefined, query: string, origin: string | null = `http://127.0.0.1:${port}`): WsClient => {
    const headers: Record<string, string> = {};
    if (client) headers.Cookie = client.cookieHeader();
    if (origin) headers.Origin = origin;
    const c = new WsClient(new WebSocket(`ws://127.0.0.1:${port}/ws/terminal?${query}`, { headers }));
    sockets.push(c);
    return c;
  };

  beforeAll(async () => {
    h = await bootApp({ KUBEAULA_CLOCK: 'virtual', AUTH_RATE_LIMIT: '1000' });
    await h.app.listen(0, '127.0.0.1');
    const addr = h.app.getHttpServer().address();
    port = typeof addr === 'object' && addr ? addr.port : 0;
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
    teacher = await signedIn(h.app, 'teacher');
    const room = await teacher.post('/api/v1/classrooms', { name: 'Live' }).expect(201);
    ana = await signedUp(h.app, 'ana');
    bob = await signedUp(h.app, 'bob');
    await ana.post('/api/v1/classrooms/join', { code: room.body.joinCode }).expect(200);
    await bob.post('/api/v1/classrooms/join', { code: room.body.joinCode }).expect(200);
    anaCluster = (await ana.get('/api/v1/clusters').expect(200)).body[0].id;
  });
  afterAll(async () => {
    for (const s of sockets) s.ws.terminate();
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('opens a terminal with the session cookie and runs commands with their exit codes', async () => {
    const t = connect(ana, `cluster=${anaCluster}&tab=tab1`);
    const ready = await t.waitFor((m) => m.event === 'ready');
    expect(ready.data).toMatchObject({ clusterId: anaCluster, readOnly: false, prompt: 'student@master:~$ ' });
    expect((ready.data.objects as { kind: string }[]).some((o) => o.kind === 'Node')).toBe(true);
    const r = await t.run('kubectl create deployment web --image=nginx');
    expect(r.out).toBe('deployment.apps/web created\n');
    expect(r.result).toMatchObject({ exitCode: 0, prompt: 'student@master:~$ ', exited: false });
    const bad = await t.run('kubectl get nope');
    expect(bad.err).toBe('error: the server doesn\'t have a resource type "nope"\n');
    expect(bad.result.exitCode).toBe(1);
    const cd = await t.run('cd /tmp');
    expect(cd.result.prompt).toBe('student@master:/tmp$ ');
    t.close();
    // the same tab, reopened, continues in its shell
    const again = connect(ana, `cluster=${anaCluster}&tab=tab1`);
    expect((await again.waitFor((m) => m.event === 'ready')).data.prompt).toBe('student@master:/tmp$ ');
    again.close();
  });

  it('pushes live changes to every open tab, whatever door made them, and timed transitions', async () => {
    const t = connect(ana, `cluster=${anaCluster}&tab=tab2`);
    await t.waitFor((m) => m.event === 'ready');
    await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: 'kubectl run live --image=nginx' }).expect(200);
    const added = await t.waitFor((m) => m.event === 'changes' && (m.data.changes as { type: string; name: string }[]).some((c) => c.type === 'ADDED' && c.name === 'live'));
    expect(added.data.replaced).toBe(false);
    // nobody types: advancing the clock brings the pod to Running, pushed to the tab
    await request(h.app.getHttpServer()).post('/api/v1/test/clock/advance').send({ seconds: 60 }).expect(200);
    await t.waitFor((m) => m.event === 'changes' && (m.data.changes as { name: string; status?: string }[]).some((c) => c.name === 'live' && c.status === 'Running'));
    t.close();
  });

  it('interrupts a waiting command with ^C', async () => {
    const t = connect(ana, `cluster=${anaCluster}&tab=tab3`);
    await t.waitFor((m) => m.event === 'ready');
    const from = t.messages.length;
    t.send('exec', { line: 'kubectl get pods -w' });
    await t.waitFor((m) => m.event === 'output' && t.messages.indexOf(m) >= from);
    t.send('interrupt');
    const res = await t.waitFor((m) => m.event === 'result' && t.messages.indexOf(m) >= from);
    expect(typeof res.data.exitCode).toBe('number');
    t.close();
  });

  it('refuses a socket without a session, from another origin, or to another student\'s cluster', async () => {
    expect((await connect(undefined, `cluster=${anaCluster}&tab=x`).waitClose()).code).toBe(4401);
    expect((await connect(ana, `cluster=${anaCluster}&tab=x`, 'http://evil.example').waitClose()).code).toBe(4403);
    expect((await connect(bob, `cluster=${anaCluster}&tab=x`).waitClose()).code).toBe(4404);
    expect((await connect(ana, `cluster=${anaCluster}&tab=bad tab`).waitClose()).code).toBe(4400);
  });

  it('lets the instructor watch read-only', async () => {
    const t = connect(teacher, `cluster=${anaCluster}&tab=watch`);
    const ready = await t.waitFor((m) => m.event === 'ready');
    expect(ready.data.readOnly).toBe(true);
    t.send('exec', { line: 'kubectl delete deploy web' });
    const err = await t.waitFor((m) => m.event === 'error');
    expect(err.data.code).toBe('FORBIDDEN');
    t.close();
  });

  it('answers bad messages with an error event and keeps serving', async () => {
    const t = connect(ana, `cluster=${anaCluster}&tab=tab4`);
    await t.waitFor((m) => m.event === 'ready');
    t.ws.send(Buffer.from([0xff, 0x00, 0x13]));
    await t.waitFor((m) => m.event === 'error' && m.data.code === 'BAD_REQUEST');
    t.send('exec', { line: 'x'.repeat(10_001) });
    await t.waitFor((m) => m.event === 'error' && m.data.code === 'PAYLOAD_TOO_LARGE');
    t.send('dance');
    const r = await t.run('echo still here');
    expect(r.out).toBe('still here\n');
    t.close();
  });

  it('closes a socket whose message exceeds the size limit', async () => {
    const t = connect(ana, `cluster=${anaCluster}&tab=tab5`);
    await t.waitFor((m) => m.event === 'ready');
    t.ws.send('x'.repeat(70 * 1024));
    expect((await t.waitClose()).code).toBe(1009);
  });

  it('loses no update with 200 concurrent label commands, mixed REST and WebSocket: 200 labels, 200 Input rows, 200 MODIFIED events', async () => {
    await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: 'kubectl run target --image=nginx' }).expect(200);
    await request(h.app.getHttpServer()).post('/api/v1/test/clock/advance').send({ seconds: 120 }).expect(200);
    const watcher = connect(ana, `cluster=${anaCluster}&tab=watcher`);
    await watcher.waitFor((m) => m.event === 'ready');
    const prisma = h.app.get(PrismaService);
    const before = await prisma.input.count({ where: { clusterId: anaCluster } });
    const from = watcher.messages.length;
    const N = 200;
    const sockets = Array.from({ length: 10 }, (_, s) => connect(ana, `cluster=${anaCluster}&tab=mix${s}`));
    await Promise.all(sockets.map((s) => s.waitFor((m) => m.event === 'ready')));
    const viaWs = sockets.map(async (s, k) => {
      for (let j = 0; j < 10; j++) {
        const r = await s.run(`kubectl label pod target w${k * 10 + j}=v`);
        expect(r.out).toBe('pod/target labeled\n');
      }
    });
    const viaRest = Array.from({ length: N - 100 }, (_, i) => ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: `kubectl label pod target r${i}=v` }).expect(200));
    await Promise.all([...viaWs, ...viaRest]);
    const pod = await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: 'kubectl get pod target -o json' }).expect(200);
    const labels = Object.keys(JSON.parse(pod.body.stdout).metadata.labels as object).filter((k) => /^[wr]\d+$/.test(k));
    expect(labels).toHaveLength(N);
    expect(await prisma.input.count({ where: { clusterId: anaCluster } })).toBe(before + N + 1);
    const modified = () =>
      watcher.messages
        .slice(from)
        .filter((m) => m.event === 'changes')
        .flatMap((m) => m.data.changes as { type: string; kind: string; name: string }[])
        .filter((c) => c.type === 'MODIFIED' && c.kind === 'Pod' && c.name === 'target').length;
    const deadline = Date.now() + 5000;
    while (modified() < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(modified()).toBe(N);
    for (const s of sockets) s.close();
    watcher.close();
  });
});
