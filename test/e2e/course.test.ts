// The course over REST with the virtual clock: a student starts the pods lesson, runs commands
// through the REST and Discord doors, checks steps (expected/found in both languages, the
// automatic hint), rewinds a step, takes the quiz; a ReplicaSet's replaced pod passes from the
// recorded transitions; students of other classrooms see nothing.
import fs from 'node:fs';
import request from 'supertest';
import { ApiTokenService } from '../../apps/server/src/auth/api-token.service';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { TransitionRecorder } from '../../apps/server/src/course/transition-recorder';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { bootApp, Harness } from './app-harness';
import { Client, signedIn, signedUp } from './client';

jest.setTimeout(180_000);

describe('the course over REST', () => {
  let h: Harness;
  let ana: Client;
  let bob: Client;
  let room: string;
  let otherRoom: string;
  let cluster: string;
  let botToken: string;
  const DISCORD_ANA = '4242424242';

  const advance = (seconds: number) => request(h.app.getHttpServer()).post('/api/v1/test/clock/advance').send({ seconds }).expect(200);
  const bot = (method: 'get' | 'post', url: string) => request(h.app.getHttpServer())[method](url).set('Authorization', `Bearer ${botToken}`).set('X-Discord-User', DISCORD_ANA);
  const exec = async (command: string, via: Client = ana) => {
    const r = await via.post(`/api/v1/clusters/${cluster}/exec`, { command }).expect(200);
    return r.body as { stdout: string; stderr: string; exitCode: number };
  };
  const lessonUrl = (lesson: string) => `/api/v1/classrooms/${room}/lessons/${lesson}`;

  beforeAll(async () => {
    h = await bootApp({ KUBEAULA_CLOCK: 'virtual', AUTH_RATE_LIMIT: '1000' });
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
    const teacher = await signedIn(h.app, 'teacher');
    const a = await teacher.post('/api/v1/classrooms', { name: 'K8s' }).expect(201);
    const b = await teacher.post('/api/v1/classrooms', { name: 'Other' }).expect(201);
    room = a.body.id;
    otherRoom = b.body.id;
    ana = await signedUp(h.app, 'ana');
    bob = await signedUp(h.app, 'bob');
    await ana.post('/api/v1/classrooms/join', { code: a.body.joinCode }).expect(200);
    await bob.post('/api/v1/classrooms/join', { code: b.body.joinCode }).expect(200);
    cluster = (await ana.get('/api/v1/clusters').expect(200)).body[0].id;
    botToken = (await h.app.get(ApiTokenService).createService('bot')).token;
    const { code } = (await ana.post('/api/v1/me/discord/link-code').expect(201)).body;
    await request(h.app.getHttpServer()).post('/api/v1/discord/link').set('Authorization', `Bearer ${botToken}`).send({ code, discordUserId: DISCORD_ANA }).expect(200);
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('lists the lessons in order with their progress', async () => {
    const r = await ana.get(`/api/v1/classrooms/${room}/lessons?lang=en`).expect(200);
    expect(r.body.map((l: { id: string }) => l.id)).toEqual(['architecture', 'installing', 'pods', 'volumes', 'namespaces', 'replicasets', 'services', 'deployments', 'kompose']);
    const pods = r.body.find((l: { id: string }) => l.id === 'pods');
    expect(pods).toMatchObject({ order: 3, title: 'Pods', shape: 'kubeadm', stepCount: 5, passedCount: 0, status: 'not-started', currentStepId: null, hasQuiz: true, quizScore: null });
    const es = await ana.get(`/api/v1/classrooms/${room}/lessons`).expect(200);
    expect(es.body[0].title).not.toBe(r.body[0].title);
  });

  it('starts the pods lesson on the course cluster, with its starter files and the first step', async () => {
    const r = await ana.post(`${lessonUrl('pods')}/start`, { lang: 'en' }).expect(200);
    expect(r.body).toMatchObject({ id: 'pods', status: 'started', currentStepId: 'first-pod', clusterId: cluster, clusterPurpose: 'course' });
    expect(r.body.steps[0]).toMatchObject({ id: 'first-pod', number: 1, title: 'Your first pod', current: true, passed: false, lastCheck: null, hintCount: 1 });
    expect(r.body.steps[0].html).toContain('<pre><code class="language-bash">kubectl run nginx --image=nginx\n</code></pre>');
    expect(r.body.quiz.questions[0]).toEqual({ id: 'smallest-unit', prompt: expect.any(String), choices: expect.any(Array) });
    expect(JSON.stringify(r.body.quiz)).not.toContain('"answer"');
    const file = await ana.get(`/api/v1/clusters/${cluster}/files?path=lamp-pod.yaml`).expect(200);
    expect(file.body.content).toContain('kind: Pod');
    const inputs = (await ana.get(`/api/v1/clusters/${cluster}/inputs`).expect(200)).body;
    expect(inputs.map((i: { kind: string; door: string }) => [i.kind, i.door])).toEqual([['lesson-start', 'web']]);
    // starting again changes nothing
    const again = await ana.post(`${lessonUrl('pods')}/start`).expect(200);
    expect(again.body.startedAt).toBe(r.body.startedAt);
    expect((await ana.get(`/api/v1/clusters/${cluster}/inputs`).expect(200)).body).toHaveLength(1);
  });

  it('runs a lesson of another shape on a cluster of its own', async () => {
    const r = await ana.post(`${lessonUrl('architecture')}/start`, { lang: 'en' }).expect(200);
    expect(r.body).toMatchObject({ id: 'architecture', shape: 'cloud', clusterPurpose: 'lesson:architecture', status: 'started' });
    expect(r.body.clusterId).not.toBe(cluster);
    const own = (await ana.get(`/api/v1/clusters/${r.body.clusterId}`).expect(200)).body;
    expect(own).toMatchObject({ purpose: 'lesson:architecture', shape: 'cloud', mine: true });
    // the course cluster did not see it
    expect((await ana.get(`/api/v1/clusters/${cluster}/inputs`).expect(200)).body).toHaveLength(1);
  });

  it('explains a failing check in Spanish and English, with the automatic hint first', async () => {
    const es = await ana.post(`${lessonUrl('pods')}/steps/first-pod/check`, { lang: 'es' }).expect(200);
    expect(es.body).toMatchObject({ stepId: 'first-pod', passed: false, score: 0, currentStepId: 'first-pod', lessonStatus: 'started' });
    expect(es.body.conditions[0].message).toMatch(/^se esperaba que exista .*nginx.*; se encontró/);
    const en = await ana.post(`${lessonUrl('pods')}/steps/first-pod/check`, { lang: 'en' }).expect(200);
    expect(en.body.conditions[0].message).toMatch(/^expected .*nginx.* to exist, found /);
    expect(en.body.hint).toEqual(expect.any(String));
    const hints = await ana.get(`${lessonUrl('pods')}/steps/first-pod/hints?lang=en`).expect(200);
    expect(hints.body).toEqual({ stepId: 'first-pod', automatic: en.body.hint, hints: ['Type `kubectl run nginx --image=nginx` and wait a few seconds for the image to be pulled.'] });
    // the user's own language when none is asked for (ana's is es)
    const mine = await ana.post(`${lessonUrl('pods')}/steps/first-pod/check`).expect(200);
    expect(mine.body.conditions[0].message).toMatch(/^se esperaba/);
    // a step not reached yet cannot be checked
    const early = await ana.post(`${lessonUrl('pods')}/steps/inspect/check`).expect(409);
    expect(early.body).toEqual({ code: 'CONFLICT', message: 'Finish step first-pod first' });
  });

  it('passes the first step with score 1 once the pod runs, and moves on', async () => {
    expect((await exec('kubectl run nginx --image=nginx')).stdout).toBe('pod/nginx created\n');
    const partial = await ana.post(`${lessonUrl('pods')}/steps/first-pod/check`, { lang: 'en' }).expect(200);
    expect(partial.body.passed).toBe(false);
    expect(partial.body.score).toBeCloseTo(0.5);
    await advance(60);
    const r = await ana.post(`${lessonUrl('pods')}/steps/first-pod/check`, { lang: 'en' }).expect(200);
    expect(r.body).toMatchObject({ passed: true, score: 1, hint: null, currentStepId: 'lamp-pod', lessonStatus: 'started' });
    const view = await ana.get(`${lessonUrl('pods')}?lang=en`).expect(200);
    expect(view.body.steps[0]).toMatchObject({ passed: true, current: false, lastCheck: { passed: true, score: 1 } });
    expect(view.body.steps[1].current).toBe(true);
    const hints = await ana.get(`${lessonUrl('pods')}/steps/first-pod/hints`).expect(200);
    expect(hints.body.automatic).toBeNull();
  });

  it('counts commands typed through the Discord door, and checks for the bot', async () => {
    const applied = await bot('post', `/api/v1/clusters/${cluster}/exec`).send({ command: 'kubectl apply -f lamp-pod.yaml' }).expect(200);
    expect(applied.body.stdout).toBe('pod/lamp created\n');
    const half = await bot('post', `${lessonUrl('pods')}/steps/lamp-pod/check`).send({ lang: 'en' }).expect(200);
    expect(half.body.conditions.map((c: { passed: boolean }) => c.passed)).toEqual([true, true, true, false]);
    await advance(40);
    // through the student's own alias, as the shell that ran it knows it
    await bot('post', `/api/v1/clusters/${cluster}/exec`).send({ command: 'alias kc=kubectl' }).expect(200);
    const logs = await bot('post', `/api/v1/clusters/${cluster}/exec`).send({ command: 'kc logs lamp -c mariadb' }).expect(200);
    expect(logs.body.exitCode).toBe(0);
    const r = await bot('post', `${lessonUrl('pods')}/steps/lamp-pod/check`).send({}).expect(200);
    expect(r.body).toMatchObject({ passed: true, score: 1, currentStepId: 'lamp-password' });
    const doors = (await ana.get(`/api/v1/clusters/${cluster}/inputs`).expect(200)).body.map((i: { door: string; command: string | null }) => [i.door, i.command]);
    expect(doors).toContainEqual(['discord', 'kubectl apply -f lamp-pod.yaml']);
  });

  it('rewinds to the start of a step: the cluster as it was, and what was done after no longer counts', async () => {
    await ana.post(`${lessonUrl('pods')}/steps/lamp-pod/rewind`).expect(200);
    const pods = (await ana.get(`/api/v1/clusters/${cluster}/objects?resource=pods`).expect(200)).body.objects.filter((o: { namespace?: string }) => o.namespace === 'default').map((o: { name: string }) => o.name);
    expect(pods).toEqual(['nginx']);
    const view = (await ana.get(`${lessonUrl('pods')}?lang=en`).expect(200)).body;
    expect(view.currentStepId).toBe('lamp-pod');
    expect(view.steps.map((s: { passed: boolean }) => s.passed)).toEqual([true, false, false, false, false]);
    const inputs = (await ana.get(`/api/v1/clusters/${cluster}/inputs`).expect(200)).body;
    expect(inputs[inputs.length - 1]).toMatchObject({ kind: 'restore', door: 'web' });
    // the `kubectl apply -f` and `logs` of the history left behind do not count any more
    const r = await ana.post(`${lessonUrl('pods')}/steps/lamp-pod/check`, { lang: 'en' }).expect(200);
    expect(r.body.passed).toBe(false);
    expect(r.body.conditions.map((c: { passed: boolean }) => c.passed)).toEqual([false, true, false, false]);
    // a step never reached has no start to go back to
    const far = await ana.post(`${lessonUrl('pods')}/steps/inspect/rewind`).expect(409);
    expect(far.body.code).toBe('CONFLICT');
  });

  it('moves between reached steps only', async () => {
    const back = await ana.post(`${lessonUrl('pods')}/steps/first-pod/go`, { lang: 'en' }).expect(200);
    expect(back.body.currentStepId).toBe('first-pod');
    await ana.post(`${lessonUrl('pods')}/steps/lamp-pod/go`).expect(200);
    await ana.post(`${lessonUrl('pods')}/steps/inspect/go`).expect(409);
    await ana.post(`${lessonUrl('pods')}/steps/nope/go`).expect(404);
  });

  it('scores the quiz and keeps the result', async () => {
    const r = await ana.post(`${lessonUrl('pods')}/quiz`, { answers: { 'smallest-unit': 1, 'mariadb-crash': 0 }, lang: 'en' }).expect(200);
    expect(r.body).toMatchObject({ correct: 1, total: expect.any(Number) });
    expect(r.body.score).toBeCloseTo(1 / r.body.total);
    expect(r.body.questions[0]).toMatchObject({ id: 'smallest-unit', chosen: 1, answer: 1, correct: true });
    const bad = await ana.post(`${lessonUrl('pods')}/quiz`, { answers: { nope: 0 } }).expect(400);
    expect(bad.body).toEqual({ code: 'BAD_REQUEST', message: 'Invalid request', details: [{ path: 'answers.nope', message: 'no such question' }] });
    await ana.post(`${lessonUrl('pods')}/quiz`, { answers: 'all right' }).expect(400);
    const list = (await ana.get(`/api/v1/classrooms/${room}/lessons`).expect(200)).body;
    expect(list.find((l: { id: string }) => l.id === 'pods').quizScore).toBeCloseTo(1 / r.body.total);
    const progress = (await ana.get(`/api/v1/classrooms/${room}/progress`).expect(200)).body;
    expect(progress).toMatchObject({ classroomId: room, completedLessons: 0, totalLessons: 9, passedSteps: 1, nextLessonId: 'pods' });
  });

  it("refuses another classroom's students and unknown lessons", async () => {
    for (const [method, url] of [
      ['get', `/api/v1/classrooms/${room}/lessons`],
      ['get', `/api/v1/classrooms/${room}/progress`],
      ['get', lessonUrl('pods')],
      ['post', `${lessonUrl('pods')}/start`],
      ['post', `${lessonUrl('pods')}/steps/first-pod/check`],
      ['get', `${lessonUrl('pods')}/steps/first-pod/hints`],
      ['post', `${lessonUrl('pods')}/steps/first-pod/rewind`],
      ['post', `${lessonUrl('pods')}/quiz`],
    ] as const) {
      const res = method === 'get' ? await bob.get(url) : await bob.post(url, url.endsWith('/quiz') ? { answers: {} } : {});
      expect([url, res.status, res.body.code]).toEqual([url, 404, 'NOT_FOUND']);
    }
    // bob's own classroom is his; ana's lessons there are not started
    const own = await bob.get(`/api/v1/classrooms/${otherRoom}/lessons`).expect(200);
    expect(own.body.every((l: { status: string }) => l.status === 'not-started')).toBe(true);
    await ana.get(`${lessonUrl('nope')}`).expect(404);
    await request(h.app.getHttpServer()).get(`/api/v1/classrooms/${room}/lessons`).expect(401);
    // the bot for a Discord user nobody linked
    await request(h.app.getHttpServer()).get(`/api/v1/classrooms/${room}/lessons`).set('Authorization', `Bearer ${botToken}`).set('X-Discord-User', '777').expect(403);
  });

  it('passes "a pod of this ReplicaSet was replaced" from the recorded transitions', async () => {
    await ana.post(`${lessonUrl('replicasets')}/start`).expect(200);
    // the course cluster keeps the step starts of the lesson in progress, of the others their first
    const names = (await h.app.get(PrismaService).snapshot.findMany({ where: { clusterId: cluster, kind: 'step' }, select: { name: true } })).map((x) => x.name).sort();
    expect(names).toEqual(['pods/first-pod', 'replicasets/create']);
    const gone = await ana.post(`${lessonUrl('pods')}/steps/lamp-pod/rewind`).expect(409);
    expect(gone.body.message).toBe("The start of step lamp-pod was not kept once another lesson started on this cluster: rewind to the lesson's first step (first-pod) instead");
    await exec('kubectl apply -f replicaset.yaml');
    await advance(30);
    expect((await ana.post(`${lessonUrl('replicasets')}/steps/create/check`).expect(200)).body.passed).toBe(true);
    await exec('kubectl scale rs frontend --replicas=5');
    await advance(30);
    expect((await ana.post(`${lessonUrl('replicasets')}/steps/scale/check`).expect(200)).body.passed).toBe(true);
    const before = await ana.post(`${lessonUrl('replicasets')}/steps/self-heal/check`, { lang: 'en' }).expect(200);
    expect(before.body.conditions[0]).toMatchObject({ passed: false, found: 'no deletion' });
    const victim = (await exec("kubectl get pods -l tier=frontend -o jsonpath='{.items[0].metadata.name}'")).stdout;
    expect((await exec(`kubectl delete pod ${victim}`)).stdout).toBe(`pod "${victim}" deleted\n`);
    await advance(30);
    const r = await ana.post(`${lessonUrl('replicasets')}/steps/self-heal/check`, { lang: 'en' }).expect(200);
    expect(r.body).toMatchObject({ passed: true, score: 1 });
    expect(r.body.conditions[0].found).toMatch(/ replaced$/);
    // the evidence: rows of the deletion and of the new pod, owned by the ReplicaSet
    const rows = await h.app.get(PrismaService).transition.findMany({ where: { clusterId: cluster, resource: 'pods', ownerName: 'frontend' } });
    expect(rows.some((t) => t.name === victim && (t.kind === 'deleted' || t.terminating))).toBe(true);
    expect(rows.filter((t) => t.kind === 'added').length).toBeGreaterThanOrEqual(6);
    // timed transitions carry the simulated time they happened at, not the time they were stored
    const deletion = rows.find((t) => t.name === victim && t.terminating)!;
    const replacement = rows.find((t) => t.kind === 'added' && t.at >= deletion.at && t.name !== victim)!;
    const running = rows.find((t) => t.name === replacement.name && t.phase === 'Running')!;
    expect(replacement.at.getTime() - deletion.at.getTime()).toBeLessThan(1000);
    expect(running.at.getTime()).toBeGreaterThan(replacement.at.getTime());
    expect(running.at.getTime() - replacement.at.getTime()).toBeLessThan(25_000);
  });

  it('counts from the start of the step for `after: step` (a node failure replaces the pods again)', async () => {
    const view = (await ana.get(`${lessonUrl('replicasets')}?lang=en`).expect(200)).body;
    expect(view.currentStepId).toBe('node-failure');
    // the replacement of the step before does not count for this one
    const early = await ana.post(`${lessonUrl('replicasets')}/steps/node-failure/check`, { lang: 'en' }).expect(200);
    expect(early.body.conditions[1]).toMatchObject({ type: 'replaced', passed: false, found: 'no deletion' });
    const stop = await ana.post(`/api/v1/clusters/${cluster}/exec`, { command: 'ssh node1 sudo systemctl stop kubelet', terminal: 'node1' }).expect(200);
    expect(stop.body.exitCode).toBe(0);
    await advance(7 * 60);
    const r = await ana.post(`${lessonUrl('replicasets')}/steps/node-failure/check`, { lang: 'en' }).expect(200);
    expect(r.body).toMatchObject({ passed: true, score: 1, currentStepId: 'recover' });
  });

  it("applies a lesson setup when the lesson starts, not counted as the student's doing", async () => {
    await ana.post(`${lessonUrl('services')}/start`).expect(200);
    const rs = (await ana.get(`/api/v1/clusters/${cluster}/objects?resource=replicasets`).expect(200)).body.objects.map((o: { name: string }) => o.name);
    expect(rs).toContain('web');
    const inputs = (await ana.get(`/api/v1/clusters/${cluster}/inputs?limit=500`).expect(200)).body;
    expect(inputs[inputs.length - 1]).toMatchObject({ kind: 'lesson-start', door: 'web', command: null });
    // what the setup created is there, but the step is the student's to do
    const r = await ana.post(`${lessonUrl('services')}/steps/clusterip/check`, { lang: 'en' }).expect(200);
    expect(r.body.passed).toBe(false);
    expect(r.body.conditions[0].message).toMatch(/^expected .*web/);
  });

  it('documents the course routes in the OpenAPI document', async () => {
    const doc = await request(h.app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths as object)).toEqual(
      expect.arrayContaining([
        '/api/v1/classrooms/{classroomId}/lessons',
        '/api/v1/classrooms/{classroomId}/progress',
        '/api/v1/classrooms/{classroomId}/lessons/{lessonId}',
        '/api/v1/classrooms/{classroomId}/lessons/{lessonId}/start',
        '/api/v1/classrooms/{classroomId}/lessons/{lessonId}/steps/{stepId}/go',
        '/api/v1/classrooms/{classroomId}/lessons/{lessonId}/steps/{stepId}/check',
        '/api/v1/classrooms/{classroomId}/lessons/{lessonId}/steps/{stepId}/hints',
        '/api/v1/classrooms/{classroomId}/lessons/{lessonId}/steps/{stepId}/rewind',
        '/api/v1/classrooms/{classroomId}/lessons/{lessonId}/quiz',
      ]),
    );
  });

  it('records each change once, whoever steps the cluster (the natural key)', async () => {
    const prisma = h.app.get(PrismaService);
    const recorder = h.app.get(TransitionRecorder);
    const count = await prisma.transition.count({ where: { clusterId: cluster } });
    const row = await prisma.transition.findFirstOrThrow({ where: { clusterId: cluster }, orderBy: { resourceVersion: 'desc' } });
    // another process deriving the same timed transition from the stored state
    await recorder.write(cluster, row.clusterVersion, [{ at: row.at.getTime(), kind: row.kind as 'added', resource: row.resource, name: row.name, resourceVersion: row.resourceVersion }]);
    expect(await prisma.transition.count({ where: { clusterId: cluster } })).toBe(count);
  });

  it('keeps recording after a reset, where resourceVersions start again', async () => {
    const prisma = h.app.get(PrismaService);
    const { version: reset } = (await ana.post(`/api/v1/clusters/${cluster}/reset`).expect(200)).body;
    await exec('kubectl run again --image=nginx');
    await advance(30);
    await ana.get(`/api/v1/clusters/${cluster}/objects?resource=pods`).expect(200);
    await h.app.get(TransitionRecorder).flush(cluster);
    const fresh = await prisma.transition.findMany({ where: { clusterId: cluster, name: 'again' } });
    expect(fresh.map((t) => t.lineage)).toEqual(fresh.map(() => reset));
    expect(fresh.map((t) => t.phase)).toEqual(expect.arrayContaining(['Pending', 'Running']));
    // the same resourceVersions were used before the reset, by other changes: both are kept
    const clash = await prisma.transition.count({ where: { clusterId: cluster, lineage: { lt: reset }, resourceVersion: { in: fresh.map((t) => t.resourceVersion) } } });
    expect(clash).toBeGreaterThan(0);
  });
});
