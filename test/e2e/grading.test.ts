// The instructor grades cluster state: a custom task in the check language, an assignment with
// a deadline, three students graded full, partial and none; the deadline job grades as of the
// deadline (also after the server was down at the deadline: it catches up at start-up), later
// changes never count, a deadline moved into the past is rebuilt by replay, an override shows in
// the CSV, and students and other classrooms' instructors cannot reach any of it.
// A cluster is stored as an input log with periodic states (docs/design-notes.md): grade now
// reads the current state, not the stored one, and a past deadline is rebuilt from a stored
// state plus the logged inputs up to it, also when no state was stored between two commands.
import fs from 'node:fs';
import request from 'supertest';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { ClusterRunner } from '../../apps/server/src/clusters/cluster-runner';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { HistoryReader } from '../../apps/server/src/grading/history-reader';
import { DeadlineScheduler } from '../../apps/server/src/instructor/deadline-scheduler';
import { bootApp, Harness, tempDir } from './app-harness';
import { Client, signedIn, signedUp } from './client';

jest.setTimeout(180_000);

const TASK = {
  title: 'web behind a Service',
  description: { es: 'Un Deployment web con 2 réplicas listas de nginx:1.25 tras un Service web', en: 'A Deployment web with 2 ready replicas of nginx:1.25 behind a Service web' },
  checks: [
    { type: 'exists', resource: 'deployments', name: 'web' },
    { type: 'field', resource: 'deployments', name: 'web', test: { path: 'spec.template.spec.containers[0].image', equals: 'nginx:1.25' } },
    { type: 'count', resource: 'pods', namePrefix: 'web-', ready: true, atLeast: 2 },
    { type: 'selects', name: 'web', atLeast: 2 },
  ],
};

describe('grading cluster state', () => {
  const dir = tempDir();
  let h: Harness;
  let teacher: Client;
  let other: Client;
  const students: Record<string, Client> = {};
  const clusters: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  let room: string;
  let otherRoom: string;
  let taskId: string;
  let a1: string;
  let a2: string;
  let joinCode: string;

  const env = { KUBEAULA_CLOCK: 'virtual', AUTH_RATE_LIMIT: '1000' };
  const advance = (seconds: number) => request(h.app.getHttpServer()).post('/api/v1/test/clock/advance').send({ seconds }).expect(200);
  const now = async () => (await request(h.app.getHttpServer()).get('/api/v1/test/clock').expect(200)).body.nowMs as number;
  const run = async (who: string, command: string) => {
    const r = await students[who].post(`/api/v1/clusters/${clusters[who]}/exec`, { command }).expect(200);
    expect(r.body.stderr).toBe('');
    return r.body;
  };
  const base = () => `/api/v1/classrooms/${room}`;
  const scores = async (assignment: string) => {
    const r = await teacher.get(`${base()}/assignments/${assignment}/grades`).expect(200);
    return Object.fromEntries((r.body as { username: string; grade: { automaticScore: number } | null }[]).map((g) => [g.username, g.grade?.automaticScore ?? null]));
  };
  const clusterRow = (who: string) => h.app.get(PrismaService).cluster.findUniqueOrThrow({ where: { id: clusters[who] }, select: { version: true, stateVersion: true, stateAt: true } });
  const gradeOf = async (assignment: string, who: string) => {
    const r = await teacher.get(`${base()}/assignments/${assignment}/grades`).expect(200);
    return (r.body as { username: string; grade: { automaticScore: number; evidence: Record<string, unknown>[] } }[]).find((g) => g.username === who)!.grade;
  };
  const signInAll = async () => {
    teacher = await signedIn(h.app, 'teacher');
    other = await signedIn(h.app, 'other');
    for (const s of ['ana', 'bob', 'cyd']) students[s] = await signedIn(h.app, s);
  };

  beforeAll(async () => {
    h = await bootApp(env, dir);
    const auth = h.app.get(AuthService);
    await auth.register({ username: 'teacher', password: 'password123', role: 'instructor' });
    await auth.register({ username: 'other', password: 'password123', role: 'instructor' });
    teacher = await signedIn(h.app, 'teacher');
    other = await signedIn(h.app, 'other');
    const created = await teacher.post('/api/v1/classrooms', { name: 'CKA prep' }).expect(201);
    room = created.body.id;
    joinCode = created.body.joinCode;
    otherRoom = (await other.post('/api/v1/classrooms', { name: 'Elsewhere' }).expect(201)).body.id;
    for (const s of ['ana', 'bob', 'cyd']) {
      students[s] = await signedUp(h.app, s);
      await students[s].post('/api/v1/classrooms/join', { code: created.body.joinCode }).expect(200);
      clusters[s] = (await students[s].get('/api/v1/clusters').expect(200)).body[0].id;
    }
    for (const s of (await teacher.get(`${base()}/students`).expect(200)).body) userIds[s.username] = s.userId;
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a custom task with a bad condition, pointing at it', async () => {
    const bad = await teacher.post(`${base()}/tasks`, { ...TASK, checks: [TASK.checks[0], { type: 'exits', resource: 'pods' }] }).expect(400);
    expect(bad.body.code).toBe('BAD_REQUEST');
    expect(bad.body.details).toEqual([expect.objectContaining({ path: 'checks.1.type' })]);
    const bad2 = await teacher.post(`${base()}/tasks`, { ...TASK, checks: [{ type: 'count', resource: 'pods', atLeast: -1 }] }).expect(400);
    expect(bad2.body.details).toEqual([expect.objectContaining({ path: 'checks.0.atLeast' })]);
    const ok = await teacher.post(`${base()}/tasks`, TASK).expect(201);
    taskId = ok.body.id;
    expect(ok.body.checks).toEqual(TASK.checks);
  });

  it('creates an assignment with a deadline in the classroom time zone, stored in UTC', async () => {
    const deadline = new Date((await now()) + 3600_000).toISOString();
    const bad = await teacher.post(`${base()}/assignments`, { title: 'Exam 1', items: [{ kind: 'task', taskId: 'nope' }], deadline }).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ path: 'items.0.taskId' })]);
    const r = await teacher.post(`${base()}/assignments`, { title: 'Exam 1', items: [{ kind: 'task', taskId, weight: 10 }], deadline, feedback: 'hints' }).expect(201);
    expect(r.body).toMatchObject({ title: 'Exam 1', deadline, deadlineLocal: deadline.replace(/\.000Z$/, '+00:00'), timeZone: 'UTC', feedback: 'hints', gradedAt: null });
    a1 = r.body.id;
    const local = await teacher.post(`${base()}/assignments`, { title: 'Local', items: [{ kind: 'task', taskId }], deadline: '2027-03-01T23:59' }).expect(201);
    expect(local.body.deadline).toBe('2027-03-01T23:59:00.000Z');
    await teacher.del(`${base()}/assignments/${local.body.id}`).expect(204);
  });

  it('grades now: full, partial and none, with expected/found per condition and a graded snapshot', async () => {
    await run('ana', 'kubectl create deployment web --image=nginx:1.25 --replicas=2');
    await run('ana', 'kubectl expose deployment web --port=80');
    await run('bob', 'kubectl create deployment web --image=nginx:1.25 --replicas=2');
    await advance(120);
    const r = await teacher.post(`${base()}/assignments/${a1}/grade`).expect(200);
    expect(r.body.graded).toBe(3);
    expect(await scores(a1)).toEqual({ ana: 10, bob: 7.5, cyd: 0 });
    const grades = (await teacher.get(`${base()}/assignments/${a1}/grades`).expect(200)).body;
    const bob = grades.find((g: { username: string }) => g.username === 'bob').grade;
    expect(bob.trigger).toBe('manual');
    const failed = bob.items[0].steps[0].conditions.find((c: { passed: boolean }) => !c.passed);
    expect(failed).toMatchObject({ type: 'selects', found: expect.any(String), expected: expect.stringContaining('web') });
    expect(bob.evidence).toEqual([expect.objectContaining({ purpose: 'course', clusterId: clusters.bob, source: 'live', snapshotId: expect.any(String) })]);
    // the student's own snapshot list does not show graded snapshots
    expect((await students.bob.get(`/api/v1/clusters/${clusters.bob}/snapshots`).expect(200)).body).toEqual([]);
  });

  it('grades at the deadline as of the deadline; a change after it does not count', async () => {
    await advance(3600);
    await h.app.get(DeadlineScheduler).idle();
    const a = (await teacher.get(`${base()}/assignments/${a1}`).expect(200)).body;
    expect(a.gradedAt).not.toBeNull();
    expect(await scores(a1)).toEqual({ ana: 10, bob: 7.5, cyd: 0 });
    const g = (await teacher.get(`${base()}/assignments/${a1}/grades`).expect(200)).body[0].grade;
    expect(g).toMatchObject({ trigger: 'deadline', asOf: a.deadline });
    await run('cyd', 'kubectl create deployment web --image=nginx:1.25 --replicas=2');
    await run('cyd', 'kubectl expose deployment web --port=80');
    await advance(120);
    await h.app.get(DeadlineScheduler).idle();
    expect(await scores(a1)).toEqual({ ana: 10, bob: 7.5, cyd: 0 });
    // a re-grade reads the stored snapshots, not the clusters now
    await teacher.post(`${base()}/assignments/${a1}/regrade`).expect(200);
    expect(await scores(a1)).toEqual({ ana: 10, bob: 7.5, cyd: 0 });
  });

  it('re-grades the stored snapshots after a check is edited', async () => {
    await teacher.put(`${base()}/tasks/${taskId}`).expect(404);
    await teacher.agent.patch(`${base()}/tasks/${taskId}`).set('X-CSRF-Token', teacher.csrf).send({ checks: TASK.checks.slice(0, 3) }).expect(200);
    await teacher.post(`${base()}/assignments/${a1}/regrade`).expect(200);
    expect(await scores(a1)).toEqual({ ana: 10, bob: 10, cyd: 0 });
    await teacher.agent.patch(`${base()}/tasks/${taskId}`).set('X-CSRF-Token', teacher.csrf).send({ checks: TASK.checks }).expect(200);
    await teacher.post(`${base()}/assignments/${a1}/regrade`).expect(200);
    expect(await scores(a1)).toEqual({ ana: 10, bob: 7.5, cyd: 0 });
  });

  it('an override with a comment shows in the CSV beside the automatic score', async () => {
    await teacher.put(`${base()}/assignments/${a1}/grades/${userIds.bob}/override`, { score: 9, comment: 'Service missing, rest right' }).expect(204);
    const csv = await teacher.get(`${base()}/assignments/${a1}/gradebook?format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('username,display_name,web behind a Service,automatic_total,override,total,max,as_of,graded_at,override_comment');
    const bob = lines.find((l) => l.startsWith('bob,'))!.split(',');
    expect(bob.slice(0, 7)).toEqual(['bob', 'bob', '7.5', '7.5', '9', '9', '10']);
    expect(bob[7]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(bob[9]).toBe('"Service missing');
    expect(lines.find((l) => l.startsWith('ana,'))).toMatch(/^ana,ana,10,10,,10,10,/);
    const json = (await teacher.get(`${base()}/assignments/${a1}/gradebook?format=json`).expect(200)).body;
    expect(json.students.find((s: { username: string }) => s.username === 'bob')).toMatchObject({ total: 9, grade: { automaticScore: 7.5, override: { score: 9, comment: 'Service missing, rest right', by: 'teacher' } } });
  });

  it('a student sees their own grade with the feedback the assignment allows', async () => {
    const mine = (await students.bob.get(`${base()}/my-grades`).expect(200)).body;
    expect(mine).toEqual([expect.objectContaining({ assignmentId: a1, automaticScore: 7.5, total: 9, override: { score: 9, comment: 'Service missing, rest right' } })]);
    // feedback "hints": expected/found and the hint of what failed
    const step = mine[0].items[0].steps[0];
    expect(step.conditions.find((c: { passed: boolean }) => !c.passed)).toMatchObject({ expected: expect.any(String), found: expect.any(String), hint: expect.any(String) });
    await teacher.agent.patch(`${base()}/assignments/${a1}`).set('X-CSRF-Token', teacher.csrf).send({ feedback: 'pass' }).expect(200);
    const passOnly = (await students.bob.get(`${base()}/my-grades`).expect(200)).body[0].items[0].steps[0];
    expect(passOnly).toEqual({ id: taskId, passed: false, score: 0.75 });
    await teacher.agent.patch(`${base()}/assignments/${a1}`).set('X-CSRF-Token', teacher.csrf).send({ feedback: 'hints' }).expect(200);
    expect((await students.ana.get(`${base()}/my-grades`).expect(200)).body[0]).toMatchObject({ automaticScore: 10, override: null });
    await other.get(`${base()}/my-grades`).expect(404);
  });

  it('catches up on a deadline missed while the server was down, from the state as of the deadline', async () => {
    const deadline = (await now()) + 600_000;
    a2 = (await teacher.post(`${base()}/assignments`, { title: 'Exam 2', items: [{ kind: 'task', taskId, weight: 4 }], deadline: new Date(deadline).toISOString() }).expect(201)).body.id;
    // bob's pods are ready; before the deadline he deletes his deployment
    await run('bob', 'kubectl delete deployment web');
    // ana makes her deployment again: no pod of it is ready yet, both are by the deadline
    await run('ana', 'kubectl delete deployment web');
    await run('ana', 'kubectl create deployment web --image=nginx:1.25 --replicas=2');
    // ana's cluster leaves the process without its state being stored (as if it were killed):
    // her stored state is older than the deadline and her inputs since are only in the log
    const anaBefore = await clusterRow('ana');
    expect(anaBefore.stateVersion).toBeLessThan(anaBefore.version - 1);
    h.app.get(ClusterRunner).cache.evict(clusters.ana);
    await h.close();
    h = await bootApp({ ...env, KUBEAULA_CLOCK_START: new Date(deadline + 7200_000).toISOString() }, dir);
    await signInAll();
    // graded during start-up, before any request
    const a = (await teacher.get(`${base()}/assignments/${a2}`).expect(200)).body;
    expect(a.gradedAt).not.toBeNull();
    expect(await scores(a2)).toEqual({ ana: 4, bob: 0, cyd: 4 });
    const ev = (await teacher.get(`${base()}/assignments/${a2}/grades`).expect(200)).body.map((g: { grade: { evidence: { source: string }[]; asOf: string } }) => [g.grade.asOf, g.grade.evidence[0].source]);
    expect(ev).toEqual(Array(3).fill([new Date(deadline).toISOString(), 'stored']));
    const anaRow = await clusterRow('ana');
    expect(anaRow.stateVersion).toBe(anaBefore.stateVersion);
    expect(anaRow.stateAt.getTime()).toBeLessThan(deadline);
    expect((await gradeOf(a2, 'ana')).evidence[0]).toMatchObject({ clusterVersion: anaRow.version, stateAt: new Date(deadline).toISOString() });
    await run('bob', 'kubectl create deployment web --image=nginx:1.25 --replicas=2');
    await advance(120);
    await h.app.get(DeadlineScheduler).idle();
    expect(await scores(a2)).toEqual({ ana: 4, bob: 0, cyd: 4 });
  });

  it('a deadline moved before later inputs is graded by rebuilding the state as of it', async () => {
    // bob's deployment came back after the last graded snapshot; moving the deadline to before
    // it must not count it
    const before = (await now()) - 60_000;
    await run('bob', 'kubectl expose deployment web --port=80');
    const r = await teacher.agent.patch(`${base()}/assignments/${a2}`).set('X-CSRF-Token', teacher.csrf).send({ deadline: new Date(before).toISOString() }).expect(200);
    expect(r.body.gradedAt).toBeNull();
    await h.app.get(DeadlineScheduler).idle();
    const grades = (await teacher.get(`${base()}/assignments/${a2}/grades`).expect(200)).body;
    const bob = grades.find((g: { username: string }) => g.username === 'bob').grade;
    expect(bob.evidence[0]).toMatchObject({ source: 'replay' });
    // as of `before`: the deployment (2 ready pods, nginx:1.25) but not the Service made after
    expect(bob.automaticScore).toBe(3);
    expect(grades.find((g: { username: string }) => g.username === 'ana').grade.evidence[0].source).toBe('stored');
  });

  it("reads each cluster's check history: its commands up to a time, and after a version", async () => {
    const prisma = h.app.get(PrismaService);
    // the course's reader (the instructor's grading has one of its own, of the same class)
    const reader = h.app.get(HistoryReader);
    const until = (await now()) - 30_000;
    const read = async (who: string, since?: number) => {
      const { version } = await prisma.cluster.findUniqueOrThrow({ where: { id: clusters[who] }, select: { version: true } });
      const got = reader.read(clusters[who], version, until, since);
      expect(got.inputs.every((i) => i.at <= until) && got.transitions.every((t) => t.at <= until)).toBe(true);
      return got;
    };
    const create = 'kubectl create deployment web --image=nginx:1.25 --replicas=2';
    const expose = 'kubectl expose deployment web --port=80';
    const ana = await read('ana');
    expect(ana.inputs.map((i) => i.command)).toEqual([create, expose, 'kubectl delete deployment web', create]);
    expect(ana.transitions).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'added', resource: 'deployments', name: 'web' })]));
    // bob's last command (the Service) came less than 30 s ago
    expect((await read('bob')).inputs.map((i) => i.command)).toEqual([create, 'kubectl delete deployment web', create]);
    expect((await read('cyd')).inputs.map((i) => i.command)).toEqual([create, expose]);
    // after a version (a lesson's start): only what came after it
    const second = await prisma.input.findFirstOrThrow({ where: { clusterId: clusters.ana, kind: 'command' }, orderBy: { seq: 'asc' }, skip: 1, select: { seq: true } });
    const since = await read('ana', second.seq);
    expect(since.inputs.map((i) => i.command)).toEqual(['kubectl delete deployment web', create]);
    expect(since.transitions.length).toBeLessThan(ana.transitions.length);
  });

  it('students reach no instructor route; other classrooms are not found', async () => {
    const routes: [string, string, object?][] = [
      ['get', `${base()}/assignments`],
      ['post', `${base()}/assignments`, { title: 'x', items: [{ kind: 'task', taskId }], deadline: '2027-01-01T00:00' }],
      ['get', `${base()}/assignments/${a1}`],
      ['post', `${base()}/assignments/${a1}/grade`],
      ['post', `${base()}/assignments/${a1}/regrade`],
      ['get', `${base()}/assignments/${a1}/grades`],
      ['put', `${base()}/assignments/${a1}/grades/${userIds.ana}/override`, { score: 10, comment: 'x' }],
      ['get', `${base()}/assignments/${a1}/gradebook?format=csv`],
      ['get', `${base()}/tasks`],
      ['post', `${base()}/tasks`, TASK],
      ['get', `${base()}/tasks/${taskId}`],
    ];
    for (const [method, url, body] of routes) {
      const c = students.ana;
      const res = method === 'get' ? await c.get(url) : method === 'put' ? await c.put(url, body) : await c.post(url, body);
      expect([url, res.status, res.body.code]).toEqual([url, 403, 'FORBIDDEN']);
      const o = method === 'get' ? await other.get(url) : method === 'put' ? await other.put(url, body) : await other.post(url, body);
      expect([url, o.status]).toEqual([url, 404]);
    }
    // the teacher's own ids through another classroom's path are not found either
    await teacher.get(`/api/v1/classrooms/${otherRoom}/assignments`).expect(404);
    await other.get(`/api/v1/classrooms/${otherRoom}/assignments/${a1}`).expect(404);
    await other.get(`/api/v1/classrooms/${otherRoom}/tasks/${taskId}`).expect(404);
    expect((await other.get(`/api/v1/classrooms/${otherRoom}/assignments`).expect(200)).body).toEqual([]);
  });
  describe('the input log: per command only its input is stored', () => {
    let before: number;
    let a3: string;

    it('grade now sees every command, though no state was stored since the cluster was made', async () => {
      students.dan = await signedUp(h.app, 'dan');
      await students.dan.post('/api/v1/classrooms/join', { code: joinCode }).expect(200);
      clusters.dan = (await students.dan.get('/api/v1/clusters').expect(200)).body[0].id;
      for (const s of (await teacher.get(`${base()}/students`).expect(200)).body) userIds[s.username] = s.userId;
      before = (await clusterRow('dan')).version;
      a3 = (await teacher.post(`${base()}/assignments`, { title: 'Exam 3', items: [{ kind: 'task', taskId, weight: 10 }], deadline: new Date((await now()) + 86_400_000).toISOString() }).expect(201)).body.id;
      await run('dan', 'kubectl create deployment web --image=nginx:1.25 --replicas=2');
      await advance(120);
      await run('dan', 'kubectl get pods');
      await run('dan', 'kubectl expose deployment web --port=80');
      const row = await clusterRow('dan');
      expect(row.version).toBe(before + 3);
      // the stored state is still the one the cluster was made with
      expect(row.stateVersion).toBe(before);
      await teacher.post(`${base()}/assignments/${a3}/grade`).expect(200);
      const g = await gradeOf(a3, 'dan');
      expect(g.automaticScore).toBe(10);
      expect(g.evidence[0]).toMatchObject({ source: 'live', clusterVersion: before + 3 });
    });

    it('a deadline between two commands counts exactly the commands before it', async () => {
      await run('dan', 'kubectl delete service web');
      const deleted = (await clusterRow('dan')).version;
      await advance(30);
      const deadline = await now();
      await advance(30);
      await run('dan', 'kubectl expose deployment web --port=80');
      // a drill stores the state with its input: the stored state is now newer than the
      // deadline, and the newest snapshot before the deadline is grade now's graded one (the
      // session of dan's shell is not logged after it: it cannot serve as a base)
      await teacher.post(`${base()}/drills`, { spec: { kind: 'image-unavailable', image: 'busybox:1.36' }, userId: userIds.dan }).expect(201);
      const row = await clusterRow('dan');
      expect(row.stateVersion).toBe(deleted + 2);
      const prisma = h.app.get(PrismaService);
      // no state was stored between the cluster's creation and the command after the deadline
      expect(await prisma.snapshot.count({ where: { clusterId: clusters.dan, kind: 'auto', clusterVersion: { gt: before, lte: deleted + 1 } } })).toBe(0);
      const a4 = (await teacher.post(`${base()}/assignments`, { title: 'Exam 4', items: [{ kind: 'task', taskId, weight: 10 }], deadline: new Date(deadline).toISOString() }).expect(201)).body.id;
      await h.app.get(DeadlineScheduler).idle();
      const g = await gradeOf(a4, 'dan');
      // the deployment with its 2 ready pods counts, the Service deleted before the deadline
      // does not, nor the one made again after it
      expect(g.evidence[0]).toMatchObject({ source: 'replay', clusterVersion: deleted, stateAt: new Date(deadline).toISOString() });
      expect(g.automaticScore).toBe(7.5);
      // grade now still sees the Service made again
      await teacher.post(`${base()}/assignments/${a3}/grade`).expect(200);
      expect((await gradeOf(a3, 'dan')).automaticScore).toBe(10);
    });
  });
});
