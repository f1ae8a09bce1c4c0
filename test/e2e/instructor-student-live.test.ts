// The student-in-depth page, live over /ws/instructor?classroom=ID&student=USER&cluster=ID: a
// command typed through REST and one through the Discord door (the bot's service token acting
// for the linked student) reach the instructor's socket with their door, output and the object
// changes they made, with the cluster as it is now; the clock moving on turns the pod Running
// (timed transitions); a check pushes the checks; a socket opened with the page's cursor gets
// what came after it; the classroom's instructors only.
import fs from 'node:fs';
import request from 'supertest';
import type WebSocket from 'ws';
import { ApiTokenService } from '../../apps/server/src/auth/api-token.service';
import { InstructorGateway } from '../../apps/server/src/instructor/instructor.gateway';
import { bootApp, Harness } from './app-harness';
import { classroomWithAna } from './classroom-fixture';
import type { Client } from './client';
import { Msg, WsClient } from './ws-client';

jest.setTimeout(120_000);

interface Entry { type: string; seq: number; kind: string; door?: string; who?: string | null; command?: string | null; stdout?: string | null; resource?: string; name?: string; phase?: string | null }
interface Live { version: number; pods: string; picture: { nodes: { pods: { name: string; status: string }[] }[]; unscheduled: { name: string; status: string }[] } }
interface Update { clusterId: string; version: number; entries: Entry[]; cursor: { seq: number; lineage: number; rv: number }; live: Live }

const podStatus = (live: Live, name: string) => [...live.picture.nodes.flatMap((n) => n.pods), ...live.picture.unscheduled].find((p) => p.name === name)?.status;

describe("an instructor's live view of one student", () => {
  let h: Harness;
  let port: number;
  let teacher: Client;
  let other: Client;
  let ana: Client;
  let room: string;
  let anaId: string;
  let cluster: string;
  let service: string;
  const sockets: WsClient[] = [];

  async function open(c: Client | undefined, query: string): Promise<WsClient> {
    const { WebSocket } = await import('ws');
    const headers: Record<string, string> = { Origin: `http://127.0.0.1:${port}` };
    if (c) headers.Cookie = c.cookieHeader();
    const ws = new WsClient(new WebSocket(`ws://127.0.0.1:${port}/ws/instructor?${query}`, { headers }) as WebSocket);
    sockets.push(ws);
    return ws;
  }
  const live = (extra = '') => `classroom=${room}&student=${anaId}&cluster=${cluster}${extra}`;
  const updates = (ws: WsClient) => ws.messages.filter((m) => m.event === 'update').map((m) => m.data as unknown as Update);
  /** The first update after the `from`th message that satisfies `pred`. */
  const nextUpdate = async (ws: WsClient, from: number, pred: (u: Update) => boolean): Promise<Update> =>
    (await ws.waitFor((m: Msg) => m.event === 'update' && ws.messages.indexOf(m) >= from && pred(m.data as unknown as Update), 30_000)).data as unknown as Update;

  beforeAll(async () => {
    h = await bootApp({ KUBEAULA_CLOCK: 'virtual', AUTH_RATE_LIMIT: '1000' });
    await h.app.listen(0, '127.0.0.1');
    port = (h.app.getHttpServer().address() as { port: number }).port;
    ({ teacher, other, ana, room, anaId, cluster } = await classroomWithAna(h.app, 'Live depth'));
    service = (await h.app.get(ApiTokenService).createService('bot')).token;
    const { code } = (await ana.post('/api/v1/me/discord/link-code').expect(201)).body;
    await request(h.app.getHttpServer()).post('/api/v1/discord/link').set('Authorization', `Bearer ${service}`).send({ code, discordUserId: '424242' }).expect(200);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('pushes inputs from REST and Discord, the changes they make, the clock moving on, and the checks', async () => {
    const ws = await open(teacher, live('&lang=en'));
    expect((await ws.waitFor((m) => m.event === 'ready')).data).toEqual({ clusterId: cluster });
    // at once: nothing new since "now", and the cluster as it is
    const first = await nextUpdate(ws, 0, () => true);
    expect(first.entries).toEqual([]);
    expect(first.version).toBe(0);
    expect(first.live.pods).toMatch(/^NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE\n/);

    let from = ws.messages.length;
    await ana.post(`/api/v1/clusters/${cluster}/exec`, { command: 'kubectl run web --image=nginx' }).expect(200);
    const viaRest = await nextUpdate(ws, from, (u) => u.entries.some((e) => e.type === 'input'));
    const restInput = viaRest.entries.find((e) => e.type === 'input')!;
    expect(restInput).toMatchObject({ seq: 1, door: 'api', who: 'ana', command: 'kubectl run web --image=nginx', stdout: 'pod/web created\n', exitCode: 0 });
    expect(viaRest.version).toBe(1);
    expect(viaRest.entries).toContainEqual(expect.objectContaining({ type: 'transition', seq: 1, kind: 'added', resource: 'pods', name: 'web' }));
    expect(podStatus(viaRest.live, 'web')).not.toBe('Running');

    from = ws.messages.length;
    const bot = await request(h.app.getHttpServer()).post(`/api/v1/clusters/${cluster}/exec`).set('Authorization', `Bearer ${service}`).set('X-Discord-User', '424242').send({ command: 'kubectl run api --image=nginx' });
    expect(bot.status).toBe(200);
    const viaDiscord = await nextUpdate(ws, from, (u) => u.entries.some((e) => e.type === 'input'));
    expect(viaDiscord.entries.filter((e) => e.type === 'input')).toEqual([expect.objectContaining({ seq: 2, door: 'discord', who: 'ana', command: 'kubectl run api --image=nginx', stdout: 'pod/api created\n' })]);
    expect(viaDiscord.entries).toContainEqual(expect.objectContaining({ type: 'transition', kind: 'added', name: 'api' }));
    // no input is sent twice
    expect(updates(ws).flatMap((u) => u.entries.filter((e) => e.type === 'input').map((e) => e.seq))).toEqual([1, 2]);

    // the clock moves on: the pods turn Running with no input (timed transitions)
    from = ws.messages.length;
    await teacher.post('/api/v1/test/clock/advance', { seconds: 60 }).expect(200);
    const timed = await nextUpdate(ws, from, (u) => podStatus(u.live, 'web') === 'Running');
    expect(timed.version).toBe(2);
    const since = ws.messages.slice(from).filter((m) => m.event === 'update').flatMap((m) => (m.data as unknown as Update).entries);
    expect(since.filter((e) => e.type === 'input')).toEqual([]);
    expect(since).toContainEqual(expect.objectContaining({ type: 'transition', seq: 2, resource: 'pods', name: 'web', phase: 'Running' }));
    expect(timed.live.pods).toMatch(/\ndefault +web +1\/1 +Running +0 +/);

    // a check changes no cluster: its results are pushed as checks
    from = ws.messages.length;
    const lessons = `/api/v1/classrooms/${room}/lessons/pods`;
    await ana.post(`${lessons}/start`).expect(200);
    await ana.post(`${lessons}/steps/first-pod/check`).expect(200);
    const checks = await ws.waitFor((m) => m.event === 'checks' && ws.messages.indexOf(m) >= from && (m.data.checks as unknown[]).length > 0);
    expect(checks.data.checks).toEqual([expect.objectContaining({ lessonId: 'pods', stepId: 'first-pod', conditions: expect.any(Array) })]);
    const [step] = checks.data.checks as { conditions: { expected: string; found: string }[] }[];
    expect(step.conditions.length).toBeGreaterThan(0);
    expect(typeof step.conditions[0].expected).toBe('string');
  });

  it('goes on from a timeline page\'s cursor: what came after that page, nothing of it again', async () => {
    const page = (await teacher.get(`/api/v1/classrooms/${room}/students/${anaId}/timeline?cluster=${cluster}&limit=1`).expect(200)).body;
    expect(page.cursor.seq).toBe(1);
    const ws = await open(teacher, live(`&seq=${page.cursor.seq}&lineage=${page.cursor.lineage}&rv=${page.cursor.rv}`));
    const first = await nextUpdate(ws, 0, () => true);
    const inputs = first.entries.filter((e) => e.type === 'input').map((e) => e.seq);
    expect(inputs[0]).toBe(2);
    // the transitions of input 1 were on the page already; those of input 2 and the clock come now
    expect(first.entries.some((e) => e.type === 'transition' && e.seq === 1)).toBe(false);
    expect(first.entries).toContainEqual(expect.objectContaining({ type: 'transition', name: 'api', kind: 'added' }));
  });

  it('serves the page with the cluster as it is now (no script needed) and a cursor the socket goes on from', async () => {
    const html = (await teacher.get(`/classrooms/${room}/students/${anaId}`).expect(200)).text;
    expect(html).toMatch(/<h3 id="is-state-title">El clúster ahora \(/);
    expect(html).toMatch(/<pre class="is-pods" id="is-pods" tabindex="0">NAMESPACE +NAME[^]*\ndefault +web +1\/1 +Running /);
    expect(html).toContain('data-pod-name="web"');
    const attr = (name: string) => Number(new RegExp(`data-${name}="(\\d+)"`).exec(html)![1]);
    const cursor = { seq: attr('seq'), lineage: attr('lineage'), rv: attr('rv') };
    const version = (await teacher.get(`/api/v1/classrooms/${room}/students/${anaId}`).expect(200)).body.clusters[0].version as number;
    expect(cursor.seq).toBe(version);
    // typed after the page was served, before its socket opened: not lost
    await ana.post(`/api/v1/clusters/${cluster}/exec`, { command: 'kubectl delete pod api' }).expect(200);
    const ws = await open(teacher, live(`&seq=${cursor.seq}&lineage=${cursor.lineage}&rv=${cursor.rv}`));
    const first = await nextUpdate(ws, 0, () => true);
    expect(first.entries.filter((e) => e.type === 'input').map((e) => [e.seq, e.command])).toEqual([[version + 1, 'kubectl delete pod api']]);
    // only changes after the page's: the deletion, none of the earlier pods' changes again
    expect(first.entries.filter((e) => e.type === 'transition' && e.name === 'web')).toEqual([]);
    expect(first.entries).toContainEqual(expect.objectContaining({ type: 'transition', name: 'api', kind: 'modified' }));
  });

  it('gives the live state over REST to the instructors of the classroom only', async () => {
    const now = (await teacher.get(`/api/v1/classrooms/${room}/students/${anaId}/live?cluster=${cluster}`).expect(200)).body as Live;
    expect(podStatus(now, 'web')).toBe('Running');
    await ana.get(`/api/v1/classrooms/${room}/students/${anaId}/live?cluster=${cluster}`).expect(403);
    await other.get(`/api/v1/classrooms/${room}/students/${anaId}/live?cluster=${cluster}`).expect(404);
    await teacher.get(`/api/v1/classrooms/${room}/students/${anaId}/live?cluster=nope`).expect(404);
    await teacher.get(`/api/v1/classrooms/${room}/students/${anaId}/live`).expect(400);
  });

  it("keeps the class view's pushes right across a reset, and forgets the clusters' owners when no class view is open", async () => {
    const view = await open(teacher, `classroom=${room}`);
    await view.waitFor((m) => m.event === 'ready');
    await teacher.post(`/api/v1/classrooms/${room}/students/${anaId}/clusters/${cluster}/reset`, {}).expect(200);
    await view.waitFor((m) => m.event === 'changed');
    const from = view.messages.length;
    await ana.post(`/api/v1/clusters/${cluster}/exec`, { command: 'kubectl run again --image=nginx' }).expect(200);
    expect((await view.waitFor((m) => m.event === 'changed' && view.messages.indexOf(m) >= from)).data).toEqual({ userIds: [anaId] });
    const gateway = h.app.get(InstructorGateway);
    expect(gateway.ownersRemembered).toBeGreaterThan(0);
    // the last class view closed: nothing is kept for nobody
    view.close();
    await view.waitClose();
    for (let i = 0; i < 50 && gateway.ownersRemembered > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(gateway.ownersRemembered).toBe(0);
  });

  it('refuses the student, another classroom’s instructor, strangers and malformed queries', async () => {
    const teacherId = (await teacher.get('/api/v1/auth/me').expect(200)).body.user.id;
    const closes = await Promise.all(
      [
        open(ana, live()), // the student herself: 4403
        open(other, live()), // teaches another classroom: 4404
        open(undefined, live()), // not signed in: 4401
        open(teacher, `classroom=${room}&student=${teacherId}&cluster=${cluster}`), // not a student of it: 4404
        open(teacher, `classroom=${room}&student=${anaId}&cluster=nope`), // not her cluster: 4404
        open(teacher, live('&seq=-1')), // malformed: 4400
        open(teacher, live('&extra=1')), // unknown parameter: 4400
      ].map(async (p) => (await (await p).waitClose()).code),
    );
    expect(closes).toEqual([4403, 4404, 4401, 4404, 4404, 4400, 4400]);
    // none of them was sent anything but the close
    expect(sockets.slice(-7).every((s) => s.messages.length === 0)).toBe(true);
  });
});
