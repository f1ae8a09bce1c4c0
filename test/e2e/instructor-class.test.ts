// The class view: students × lesson steps from the stored progress and checks (passed, partly
// passed with its score, failing, time on the current step), the heat row with the condition
// most students fail, who is online through which door; the page that shows it (no inline
// script, user text never as markup); instructors only.
import fs from 'node:fs';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { LessonLibrary } from '../../apps/server/src/course/lesson-library';
import { bootApp, Harness } from './app-harness';
import { Client, signedIn, signedUp } from './client';

jest.setTimeout(120_000);

describe('class view', () => {
  let h: Harness;
  let teacher: Client;
  let ana: Client;
  let bob: Client;
  let room: string;

  beforeAll(async () => {
    h = await bootApp({ KUBEAULA_CLOCK: 'virtual', AUTH_RATE_LIMIT: '1000' });
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
    teacher = await signedIn(h.app, 'teacher');
    const created = await teacher.post('/api/v1/classrooms', { name: 'Class <b>A</b>' }).expect(201);
    room = created.body.id;
    ana = await signedUp(h.app, 'ana', 'Ana');
    bob = await signedUp(h.app, 'bob', '<script>alert(1)</script>');
    for (const c of [ana, bob]) await c.post('/api/v1/classrooms/join', { code: created.body.joinCode }).expect(200);
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('shows passed, partial and failing steps, the time on the step, the heat row and who is online', async () => {
    const prisma = h.app.get(PrismaService);
    const lesson = h.app.get(LessonLibrary).lessons.find((l) => l.steps.length >= 2)!;
    const [s0, s1] = lesson.steps;
    const now = (await teacher.get('/api/v1/test/clock').expect(200)).body.nowMs as number;
    const members = await prisma.membership.findMany({ where: { classroomId: room, role: 'student' }, include: { user: true, clusters: true } });
    const m = (u: string) => members.find((x) => x.user.username === u)!;
    const detail = (passed: boolean[], expected: string) => ({
      en: { passed: false, score: 0.5, conditions: passed.map((p, i) => ({ index: i, type: 'exists', passed: p, weight: 1, score: p ? 1 : 0, expected: p ? 'fine' : expected, found: 'none', message: '' })) },
      es: { passed: false, score: 0.5, conditions: passed.map((p, i) => ({ index: i, type: 'exists', passed: p, weight: 1, score: p ? 1 : 0, expected: p ? 'bien' : `es: ${expected}`, found: 'ninguno', message: '' })) },
    });
    const at = new Date(now);
    await prisma.lessonProgress.create({ data: { membershipId: m('ana').id, clusterId: m('ana').clusters[0].id, lessonId: lesson.id, stepId: s1.id, startedAt: at, stepStartedAt: new Date(now - 300_000), passedSteps: [s0.id], updatedAt: at } });
    await prisma.lessonProgress.create({ data: { membershipId: m('bob').id, clusterId: m('bob').clusters[0].id, lessonId: lesson.id, stepId: s0.id, startedAt: at, stepStartedAt: new Date(now - 60_000), passedSteps: [], updatedAt: at } });
    const check = (who: string, step: string, score: number, d: object, ms: number) =>
      prisma.checkResult.create({ data: { membershipId: m(who).id, clusterId: m(who).clusters[0].id, lessonId: lesson.id, checkId: step, passed: false, score, detail: d, clusterVersion: 0, at: new Date(ms) } });
    await check('ana', s1.id, 0.5, detail([true, false], 'Service "web" selecting at least 1 ready pod'), now - 2000);
    // bob's older check failed on something else; only the last one counts
    await check('bob', s0.id, 0, detail([false], 'an old failure'), now - 5000);
    await check('bob', s0.id, 0, detail([false], 'Pod "web" to exist'), now - 1000);
    await ana.post(`/api/v1/clusters/${m('ana').clusters[0].id}/exec`, { command: 'kubectl get pods' }).expect(200);

    const v = (await teacher.get(`/api/v1/classrooms/${room}/class-view?lang=en`).expect(200)).body;
    expect(v.classroom).toEqual({ id: room, name: 'Class <b>A</b>', timeZone: 'UTC' });
    const a = v.students.find((s: { username: string }) => s.username === 'ana');
    const b = v.students.find((s: { username: string }) => s.username === 'bob');
    expect(a.cells[`${lesson.id}/${s0.id}`]).toEqual({ state: 'passed', score: 1, onStepMs: null });
    expect(a.cells[`${lesson.id}/${s1.id}`]).toEqual({ state: 'partial', score: 0.5, onStepMs: 300_000 });
    expect(b.cells[`${lesson.id}/${s0.id}`]).toEqual({ state: 'failing', score: 0, onStepMs: 60_000 });
    expect(b.displayName).toBe('<script>alert(1)</script>');
    expect(a.online).toEqual(['api']);
    expect(b.online).toEqual([]);
    expect(v.heat[`${lesson.id}/${s0.id}`]).toEqual({ failing: 1, topCondition: { text: 'Pod "web" to exist', students: 1 } });
    expect(v.heat[`${lesson.id}/${s1.id}`]).toEqual({ failing: 1, topCondition: { text: 'Service "web" selecting at least 1 ready pod', students: 1 } });
    const es = (await teacher.get(`/api/v1/classrooms/${room}/class-view?lang=es`).expect(200)).body;
    expect(es.heat[`${lesson.id}/${s0.id}`].topCondition.text).toBe('es: Pod "web" to exist');
    // five minutes without a command: no longer online
    await teacher.post('/api/v1/test/clock/advance', { seconds: 301 }).expect(200);
    const later = (await teacher.get(`/api/v1/classrooms/${room}/class-view`).expect(200)).body;
    expect(later.students.find((s: { username: string }) => s.username === 'ana').online).toEqual([]);
  });

  it('serves the page to instructors only, with no inline script and user text escaped', async () => {
    const page = await teacher.get(`/classrooms/${room}/class`).expect(200);
    expect(page.text).toContain('<script src="/js/instructor-class.js" defer></script>');
    expect(page.text).toContain('<link rel="stylesheet" href="/css/instructor.css">');
    expect(page.text).toContain('Class &lt;b&gt;A&lt;/b&gt;');
    expect(page.text).not.toContain('<b>A</b>');
    expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    await ana.get(`/classrooms/${room}/class`).expect(403);
    await ana.get(`/api/v1/classrooms/${room}/class-view`).expect(403);
    await teacher.get('/classrooms/nope/class').expect(404);
  });
});

describe('class view live updates', () => {
  let h: Harness;
  let port: number;
  it('pushes a change to an instructor when a student changes their cluster or checks a step; refuses students', async () => {
    const { WebSocket } = await import('ws');
    h = await bootApp({ KUBEAULA_CLOCK: 'virtual', AUTH_RATE_LIMIT: '1000' });
    try {
      await h.app.listen(0, '127.0.0.1');
      const addr = h.app.getHttpServer().address();
      port = typeof addr === 'object' && addr ? addr.port : 0;
      await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
      const teacher = await signedIn(h.app, 'teacher');
      const created = await teacher.post('/api/v1/classrooms', { name: 'Live' }).expect(201);
      const ana = await signedUp(h.app, 'ana');
      await ana.post('/api/v1/classrooms/join', { code: created.body.joinCode }).expect(200);
      const cluster = (await ana.get('/api/v1/clusters').expect(200)).body[0].id;
      const open = (c: Client) => new WebSocket(`ws://127.0.0.1:${port}/ws/instructor?classroom=${created.body.id}`, { headers: { Cookie: c.cookieHeader(), Origin: `http://127.0.0.1:${port}` } });
      const messages: { event: string; data: { userIds?: string[] } }[] = [];
      const ws = open(teacher);
      await new Promise<void>((resolve) => ws.on('message', (d: Buffer) => { messages.push(JSON.parse(d.toString())); resolve(); }));
      expect(messages[0].event).toBe('ready');
      const changed = new Promise<void>((resolve) => ws.on('message', () => resolve()));
      await ana.post(`/api/v1/clusters/${cluster}/exec`, { command: 'kubectl run web --image=nginx' }).expect(200);
      await changed;
      const me = (await ana.get('/api/v1/auth/me').expect(200)).body;
      expect(messages[1]).toEqual({ event: 'changed', data: { userIds: [me.user.id] } });
      // a check changes no cluster, yet the class view hears of it
      const lessons = `/api/v1/classrooms/${created.body.id}/lessons/pods`;
      await ana.post(`${lessons}/start`).expect(200);
      await new Promise((r) => setTimeout(r, 1500)); // the start's own pushes, coalesced
      const before = messages.length;
      const checked = new Promise<void>((resolve) => ws.on('message', () => resolve()));
      await ana.post(`${lessons}/steps/first-pod/check`).expect(200);
      await checked;
      expect(messages.slice(before)).toEqual([{ event: 'changed', data: { userIds: [me.user.id] } }]);
      ws.close();
      const refused = open(ana);
      const code = await new Promise<number>((resolve) => refused.on('close', (c: number) => resolve(c)));
      expect(code).toBe(4403);
    } finally {
      await h.close();
      fs.rmSync(h.dir, { recursive: true, force: true });
    }
  });
});
