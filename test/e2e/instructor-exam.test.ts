// Timed exam mode: a student starts the exam and gets its own cluster and window; at the end of
// the window the exam cluster is graded as of that end (later changes do not count); a student
// who never starts gets zero with that reason at the deadline.
import fs from 'node:fs';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { DeadlineScheduler } from '../../apps/server/src/instructor/deadline-scheduler';
import { bootApp, Harness } from './app-harness';
import { Client, signedIn, signedUp } from './client';

jest.setTimeout(120_000);

describe('timed exam', () => {
  let h: Harness;
  let teacher: Client;
  const students: Record<string, Client> = {};
  let room: string;
  let exam: string;
  const advance = async (seconds: number) => {
    await teacher.post('/api/v1/test/clock/advance', { seconds }).expect(200);
    await h.app.get(DeadlineScheduler).idle();
  };
  const grades = async () => {
    const r = (await teacher.get(`/api/v1/classrooms/${room}/assignments/${exam}/grades`).expect(200)).body as { username: string; grade: null | { automaticScore: number; trigger: string; asOf: string; items: { reason?: string }[] } }[];
    return Object.fromEntries(r.map((g) => [g.username, g.grade]));
  };

  beforeAll(async () => {
    h = await bootApp({ KUBEAULA_CLOCK: 'virtual', AUTH_RATE_LIMIT: '1000' });
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
    teacher = await signedIn(h.app, 'teacher');
    const created = await teacher.post('/api/v1/classrooms', { name: 'Exam' }).expect(201);
    room = created.body.id;
    for (const s of ['ana', 'bob']) {
      students[s] = await signedUp(h.app, s);
      await students[s].post('/api/v1/classrooms/join', { code: created.body.joinCode }).expect(200);
    }
    const task = await teacher.post(`/api/v1/classrooms/${room}/tasks`, { title: 'web', description: { es: 'web', en: 'web' }, checks: [{ type: 'exists', resource: 'deployments', namespace: 'exam', name: 'web' }, { type: 'count', resource: 'pods', namespace: 'exam', namePrefix: 'web-', ready: true, atLeast: 3 }] }).expect(201);
    const now = (await teacher.get('/api/v1/test/clock').expect(200)).body.nowMs as number;
    exam = (await teacher.post(`/api/v1/classrooms/${room}/assignments`, { title: 'CKA mock', items: [{ kind: 'task', taskId: task.body.id, weight: 2 }], deadline: new Date(now + 7200_000).toISOString(), examMinutes: 30 }).expect(201)).body.id;
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('grades a started exam at the end of its window, on its own cluster', async () => {
    await teacher.post(`/api/v1/classrooms/${room}/assignments/${exam}/exam/start`).expect(403);
    const started = (await students.ana.post(`/api/v1/classrooms/${room}/assignments/${exam}/exam/start`).expect(200)).body;
    expect(Date.parse(started.endsAt) - Date.parse(started.startedAt)).toBe(30 * 60_000);
    // starting again gives the same attempt
    expect((await students.ana.post(`/api/v1/classrooms/${room}/assignments/${exam}/exam/start`).expect(200)).body).toEqual(started);
    const course = (await students.ana.get('/api/v1/clusters').expect(200)).body.find((c: { purpose: string }) => c.purpose === 'course').id;
    expect(started.clusterId).not.toBe(course);
    const run = (command: string) => students.ana.post(`/api/v1/clusters/${started.clusterId}/exec`, { command }).expect(200);
    await run('kubectl create namespace exam');
    await run('kubectl create deployment web -n exam --image=nginx:1.25 --replicas=2');
    await advance(31 * 60);
    const g = await grades();
    expect(g.ana).toMatchObject({ automaticScore: 1, trigger: 'exam-end', asOf: started.endsAt });
    expect(g.bob).toBeNull();
    expect((await students.ana.get(`/api/v1/classrooms/${room}/assignments/${exam}/exam`).expect(200)).body.endedAt).not.toBeNull();
    // after the window the exam's cluster is read-only (and a change would not count anyway)
    const late = await students.ana.post(`/api/v1/clusters/${started.clusterId}/exec`, { command: 'kubectl scale deployment web -n exam --replicas=3' }).expect(403);
    expect(late.body).toEqual({ code: 'FORBIDDEN', message: "The exam's time is over: its cluster can be looked at, not changed" });
    expect((await students.ana.get(`/api/v1/clusters/${started.clusterId}/objects`).expect(200)).body.objects.length).toBeGreaterThan(0);
    await students.ana.post(`/api/v1/clusters/${course}/exec`, { command: 'true' }).expect(200); // the course cluster is hers as before
    await advance(60);
    expect((await grades()).ana?.automaticScore).toBe(1);
  });

  it('gives zero with the reason to a student who never started, at the deadline', async () => {
    await advance(7200);
    const g = await grades();
    expect(g.bob).toMatchObject({ automaticScore: 0, trigger: 'deadline' });
    expect(g.bob!.items[0].reason).toBe('never started the exam');
    expect(g.ana!.automaticScore).toBe(1);
    await students.bob.post(`/api/v1/classrooms/${room}/assignments/${exam}/exam/start`).expect(409);
  });
});
