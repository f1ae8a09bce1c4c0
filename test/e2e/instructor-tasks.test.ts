// The custom-task editor over HTTP: plain form POSTs (as a browser without JavaScript sends them)
// create and edit tasks only when valid, with each problem told beside its field and line;
// "try it" evaluates the checks as typed against the instructor's own cluster, failing on a fresh
// one with expected/found and passing once the instructor built the state through the exec API;
// students are refused every route.
import fs from 'node:fs';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { EXAMPLE_SOLUTION, EXAMPLE_TASK } from '../../apps/server/src/instructor/task-example';
import { bootApp, Harness } from './app-harness';
import { Client, signedIn, signedUp } from './client';

jest.setTimeout(120_000);

type Trial = { passed: boolean; score: number; clusterId: string; clusterVersion: number; conditions: { id?: string; passed: boolean; expected: string; found: string }[] };

describe('the custom-task editor', () => {
  let h: Harness;
  let teacher: Client;
  let student: Client;
  let room: string;
  const form = (c: Client, url: string, fields: Record<string, string>) => c.agent.post(url).type('form').send({ _csrf: c.csrf, ...fields });
  const storedTasks = async () => (await teacher.get(`/api/v1/classrooms/${room}/tasks`).expect(200)).body as { id: string; title: string; checks: unknown[] }[];

  beforeAll(async () => {
    h = await bootApp({ KUBEAULA_CLOCK: 'virtual', AUTH_RATE_LIMIT: '1000' });
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
    await h.app.get(AuthService).register({ username: 'other', password: 'password123', role: 'instructor' });
    teacher = await signedIn(h.app, 'teacher');
    const created = await teacher.post('/api/v1/classrooms', { name: 'CKA prep' }).expect(201);
    room = created.body.id;
    student = await signedUp(h.app, 'ana');
    await student.post('/api/v1/classrooms/join', { code: created.body.joinCode }).expect(200);
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('lists the tasks and offers the CKA-style example, prefilled', async () => {
    const list = await teacher.get(`/classrooms/${room}/tasks`).expect(200);
    expect(list.text).toContain('Aún no hay tareas propias.');
    expect(list.text).toContain(`href="/classrooms/${room}/tasks/new?example"`);
    const page = await teacher.get(`/classrooms/${room}/tasks/new?example`).expect(200);
    expect(page.text).toContain('value="web (CKA)"');
    expect(page.text).toContain('path: spec.template.spec.containers[0].image');
    // no cluster yet: the page offers to create one
    expect(page.text).toContain(`action="/classrooms/${room}/my-cluster"`);
  });

  it('refuses invalid checks with the line and field, and stores nothing', async () => {
    const bad = await form(teacher, `/classrooms/${room}/tasks`, { title: 'broken', descriptionEs: 'x', descriptionEn: '', checks: '- type: exists\n  resource: deployments\n- type: exist\n  resource: pods\n  colour: red\n' }).expect(400);
    expect(bad.text).toContain('No se ha guardado: corrige los campos marcados.');
    expect(bad.text).toContain('línea 3 · checks.1.type: Tipo de condición desconocido «exist»');
    expect(bad.text).toContain('id="desc-en-errors"');
    // what was typed comes back as typed
    expect(bad.text).toContain('  colour: red');
    expect(bad.text).toMatch(/<textarea id="task-checks"[^>]*aria-invalid="true"/);
    const yamlError = await form(teacher, `/classrooms/${room}/tasks`, { title: 't', descriptionEs: 'x', descriptionEn: 'y', checks: '- type: exists\n  resource: [pods\n' }).expect(400);
    expect(yamlError.text).toMatch(/línea \d+: YAML no válido/);
    expect(await storedTasks()).toEqual([]);
  });

  let taskId: string;

  it('stores a valid task and redirects to it', async () => {
    const res = await form(teacher, `/classrooms/${room}/tasks`, { ...EXAMPLE_TASK }).expect(303);
    const [task] = await storedTasks();
    taskId = task.id;
    expect(res.headers.location).toBe(`/classrooms/${room}/tasks/${taskId}?saved`);
    expect(task).toMatchObject({ title: 'web (CKA)', checks: expect.arrayContaining([{ id: 'ready', type: 'field', resource: 'deployments', namespace: 'exam', name: 'web', test: { path: 'status.readyReplicas', equals: 3 } }]) });
    const page = await teacher.get(res.headers.location).expect(200);
    expect(page.text).toContain('Guardada.');
    expect(page.text).toContain('<strong>3 réplicas listas</strong>'); // the statement's preview, rendered markdown
    expect((await teacher.get(`/classrooms/${room}/tasks`).expect(200)).text).toContain('5 condiciones');
  });

  it('edits a task only when valid', async () => {
    await form(teacher, `/classrooms/${room}/tasks/${taskId}`, { ...EXAMPLE_TASK, title: '', checks: 'nope: [' }).expect(400);
    expect((await storedTasks())[0].title).toBe('web (CKA)');
    await form(teacher, `/classrooms/${room}/tasks/${taskId}`, { ...EXAMPLE_TASK, title: 'web exam' }).expect(303);
    expect((await storedTasks())[0]).toMatchObject({ title: 'web exam' });
  });

  it('tries the checks as typed on the instructor’s own cluster: fails when empty, passes once built', async () => {
    // unsaved checks, through the form: the page shows each condition with expected/found
    const page = await form(teacher, `/classrooms/${room}/tasks/${taskId}/try`, { ...EXAMPLE_TASK, title: '' }).expect(200);
    expect(page.text).toContain('data-testid="trial-verdict"');
    expect(page.text).toContain('No superada');
    expect(page.text).toMatch(/1\. deployment · No se cumple:<\/strong>\s*Esperado: que exista .*; Encontrado: ninguno/);
    const cluster = /href="\/clusters\/([^"]+)" id="open-terminal"/.exec(page.text)?.[1];
    expect(cluster).toBeDefined();
    expect((await storedTasks())[0].title).toBe('web exam'); // trying saves nothing

    // the same as JSON, in English
    const empty = (await teacher.post(`/api/v1/classrooms/${room}/tasks/try`, { source: EXAMPLE_TASK.checks, lang: 'en' }).expect(200)).body as Trial;
    expect(empty).toMatchObject({ passed: false, score: 0, clusterId: cluster });
    expect(empty.conditions[0]).toMatchObject({ id: 'deployment', passed: false, expected: 'Deployment "web", in namespace exam to exist', found: 'none' });

    // the instructor builds the state in their cluster (it is theirs to change)
    for (const command of EXAMPLE_SOLUTION) {
      const r = await teacher.post(`/api/v1/clusters/${cluster}/exec`, { command }).expect(200);
      expect(r.body.exitCode).toBe(0);
    }
    await teacher.post('/api/v1/test/clock/advance', { seconds: 120 }).expect(200);
    const built = (await teacher.post(`/api/v1/classrooms/${room}/tasks/try`, { source: EXAMPLE_TASK.checks, lang: 'en' }).expect(200)).body as Trial;
    expect(built.conditions.filter((c) => !c.passed)).toEqual([]);
    expect(built).toMatchObject({ passed: true, score: 1, clusterId: cluster });
    expect(built.clusterVersion).toBeGreaterThan(empty.clusterVersion);
    const passedPage = await form(teacher, `/classrooms/${room}/tasks/try`, { ...EXAMPLE_TASK }).expect(200);
    expect(passedPage.text).toContain('Superada · Puntuación: 100 %');

    // checks as the REST API takes them work too; bad ones are a 400 with path and line
    await teacher.post(`/api/v1/classrooms/${room}/tasks/try`, { checks: [{ type: 'exists', resource: 'namespaces', name: 'exam' }] }).expect(200);
    const bad = await teacher.post(`/api/v1/classrooms/${room}/tasks/try`, { source: '- type: exists\n  resource: pods\n  nmae: web\n', lang: 'en' }).expect(400);
    expect(bad.body).toEqual({ code: 'BAD_REQUEST', message: 'Invalid request', details: [{ path: 'checks.0.nmae', message: 'line 3: Unknown field "nmae"' }] });
    await teacher.post(`/api/v1/classrooms/${room}/tasks/try`, { source: '', checks: [] }).expect(400);
  });

  it('keeps the instructor’s cluster out of grading: the class has one student', async () => {
    const view = (await teacher.get(`/api/v1/classrooms/${room}/class-view`).expect(200)).body as { students: { username: string }[] };
    expect(view.students.map((s) => s.username)).toEqual(['ana']);
  });

  it('edits the task’s weight in an assignment, refuses to delete a task an assignment uses, and deletes it otherwise', async () => {
    const now = (await teacher.get('/api/v1/test/clock').expect(200)).body.nowMs as number;
    const a = await teacher.post(`/api/v1/classrooms/${room}/assignments`, { title: 'Mock exam', items: [{ kind: 'task', taskId, weight: 4 }], deadline: new Date(now + 86_400_000).toISOString() }).expect(201);
    // the task's weight in the assignment is edited beside it, and saved only when valid
    const field = `weight:${a.body.id}`;
    const page = await teacher.get(`/classrooms/${room}/tasks/${taskId}`).expect(200);
    expect(page.text).toContain(`name="${field}" value="4"`);
    const badWeight = await form(teacher, `/classrooms/${room}/tasks/${taskId}`, { ...EXAMPLE_TASK, title: 'renamed', [field]: '0' }).expect(400);
    expect(badWeight.text).toContain('Un número mayor que 0 y no mayor que 1000');
    expect(badWeight.text).toContain(`name="${field}" value="0" inputmode="decimal" size="6" aria-invalid="true"`);
    expect((await storedTasks())[0].title).toBe('web exam');
    await form(teacher, `/classrooms/${room}/tasks/${taskId}`, { ...EXAMPLE_TASK, title: 'web exam', [field]: '2.5' }).expect(303);
    expect((await teacher.get(`/api/v1/classrooms/${room}/assignments/${a.body.id}`).expect(200)).body.items).toEqual([{ kind: 'task', taskId, weight: 2.5 }]);
    expect((await teacher.get(`/classrooms/${room}/tasks`).expect(200)).text).toContain('«Mock exam» (peso 2.5)');

    const refused = await form(teacher, `/classrooms/${room}/tasks/${taskId}/delete`, {}).expect(409);
    expect(refused.text).toContain('la tarea está en «Mock exam» (peso 2.5)');
    await teacher.del(`/api/v1/classrooms/${room}/assignments/${a.body.id}`).expect(204);
    await form(teacher, `/classrooms/${room}/tasks/${taskId}/delete`, {}).expect(303);
    expect(await storedTasks()).toEqual([]);
  });

  it('refuses students (403) and other instructors (404) on every route', async () => {
    const routes: [string, string][] = [
      ['get', `/classrooms/${room}/tasks`],
      ['get', `/classrooms/${room}/tasks/new`],
      ['form', `/classrooms/${room}/tasks`],
      ['form', `/classrooms/${room}/tasks/try`],
      ['form', `/classrooms/${room}/my-cluster`],
      ['api', `/api/v1/classrooms/${room}/tasks/try`],
    ];
    const other = await signedIn(h.app, 'other');
    for (const [who, status] of [[student, 403], [other, 404]] as const) {
      for (const [how, url] of routes) {
        const res = how === 'get' ? await who.get(url) : how === 'form' ? await form(who, url, { ...EXAMPLE_TASK }) : await who.post(url, { source: EXAMPLE_TASK.checks });
        expect([url, res.status]).toEqual([url, status]);
      }
    }
    // a student has no cluster of the instructor's made for them, and no task was stored
    expect(((await student.get('/api/v1/clusters').expect(200)).body as { purpose: string }[]).map((c) => c.purpose)).toEqual(['course']);
    expect(await storedTasks()).toEqual([]);
  });

  it('speaks English to an instructor who chose it', async () => {
    await form(teacher, '/locale', { locale: 'en', next: `/classrooms/${room}/tasks` }).expect(303);
    const list = await teacher.get(`/classrooms/${room}/tasks`).expect(200);
    expect(list.text).toContain('No custom tasks yet.');
    expect(list.text).toContain('New task from the example');
    const bad = await form(teacher, `/classrooms/${room}/tasks`, { title: 'x', descriptionEs: 'x', descriptionEn: 'x', checks: '- type: count\n  resource: pods\n  atLeast: many\n' }).expect(400);
    expect(bad.text).toContain('Not saved: correct the fields marked.');
    expect(bad.text).toContain('line 3 · checks.0.atLeast: Invalid input: expected number, received string');
    const tried = await form(teacher, `/classrooms/${room}/tasks/try`, { ...EXAMPLE_TASK, checks: '- type: absent\n  resource: namespaces\n  name: exam\n' }).expect(200);
    expect(tried.text).toContain('Not passed · Score: 0%');
    expect(tried.text).toContain("Open my cluster&#x27;s terminal");
    // the language switch on that page returns to its path with a GET: it leads back to the form
    expect((await teacher.get(`/classrooms/${room}/tasks/try`).expect(303)).headers.location).toBe(`/classrooms/${room}/tasks/new`);
    expect((await teacher.get(`/classrooms/${room}/tasks/abc/delete`).expect(303)).headers.location).toBe(`/classrooms/${room}/tasks/abc`);
  });

  it('sends a visitor who is not signed in to sign in', async () => {
    const anon = await (await import('./client')).newClient(h.app);
    expect((await anon.get(`/classrooms/${room}/tasks`)).headers.location).toBe('/signin');
  });
});
