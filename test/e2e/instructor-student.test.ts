// One student in depth for the instructor: the timeline of inputs from every door with their
// output and the object changes, the cluster rebuilt as it was after an earlier input, the
// instructor's reset and restore recorded on the timeline (system door, the instructor as actor),
// instructors of the classroom only, and the page with user text escaped.
import fs from 'node:fs';
import { AuthService, toAuthUser } from '../../apps/server/src/auth/auth.service';
import { ExecService } from '../../apps/server/src/clusters/exec.service';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { LessonLibrary } from '../../apps/server/src/course/lesson-library';
import { describeBrowser, explain, screenshot, seriousViolations, startRig, waitForText, type BrowserRig } from '../browser/harness';
import { bootApp, Harness } from './app-harness';
import { classroomWithAna } from './classroom-fixture';
import { Client, signedIn, signedUp } from './client';

jest.setTimeout(120_000);

interface Entry { type: string; seq: number; kind: string; door?: string; who?: string | null; command?: string | null; stdout?: string | null; exitCode?: number | null; resource?: string; name?: string }

describe('a student in depth', () => {
  let h: Harness;
  let teacher: Client;
  let other: Client;
  let ana: Client;
  let room: string;
  let anaId: string;
  let cluster: string;
  let base: string;

  beforeAll(async () => {
    h = await bootApp({ KUBEAULA_CLOCK: 'virtual', AUTH_RATE_LIMIT: '1000' });
    ({ teacher, other, ana, room, anaId, cluster } = await classroomWithAna(h.app, 'Depth'));
    base = `/api/v1/classrooms/${room}/students/${anaId}`;

    const discord = async (line: string) => {
      const user = toAuthUser(await h.app.get(PrismaService).user.findUniqueOrThrow({ where: { username: 'ana' } }));
      return h.app.get(ExecService).exec({ user, clusterId: cluster, door: 'discord', terminal: 'channel-1', line });
    };
    await ana.post(`/api/v1/clusters/${cluster}/exec`, { command: 'kubectl run old --image=nginx' }).expect(200); // 1
    await teacher.post('/api/v1/test/clock/advance', { seconds: 30 }).expect(200);
    await discord('kubectl run new --image=nginx'); // 2
    await ana.post(`/api/v1/clusters/${cluster}/exec`, { command: 'kubectl delete pod old' }).expect(200); // 3
    await discord("echo '<script>alert(1)</script>'"); // 4
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('lists the inputs of both doors in order with their output, and the changes they made', async () => {
    const t = (await teacher.get(`${base}/timeline?cluster=${cluster}`).expect(200)).body;
    const inputs = (t.entries as Entry[]).filter((e) => e.type === 'input');
    expect(inputs.map((i) => [i.seq, i.door, i.who, i.command, i.exitCode])).toEqual([
      [1, 'api', 'ana', 'kubectl run old --image=nginx', 0],
      [2, 'discord', 'ana', 'kubectl run new --image=nginx', 0],
      [3, 'api', 'ana', 'kubectl delete pod old', 0],
      [4, 'discord', 'ana', "echo '<script>alert(1)</script>'", 0],
    ]);
    expect(inputs.map((i) => i.stdout)).toEqual(['pod/old created\n', 'pod/new created\n', 'pod "old" deleted\n', '<script>alert(1)</script>\n']);
    const pods = (t.entries as Entry[]).filter((e) => e.type === 'transition' && e.resource === 'pods' && e.kind === 'added');
    expect(pods.map((p) => p.name)).toEqual(expect.arrayContaining(['old', 'new']));
    // in time order: the first pod's creation comes after input 1 and before input 2
    const order = (t.entries as Entry[]).map((e) => (e.type === 'input' ? `#${e.seq}` : `${e.kind}:${e.name}`));
    expect(order.indexOf('#1')).toBeLessThan(order.indexOf('added:old'));
    expect(order.indexOf('added:old')).toBeLessThan(order.indexOf('#2'));
    expect(t.next).toBeNull();
    const page = (await teacher.get(`${base}/timeline?cluster=${cluster}&after=1&limit=2`).expect(200)).body;
    expect((page.entries as Entry[]).filter((e) => e.type === 'input').map((e) => e.seq)).toEqual([2, 3]);
    expect(page.next).toBe(3);
  });

  it('shows the cluster as it was after an earlier input', async () => {
    const names = (s: { picture: { nodes: { pods: { name: string }[] }[]; unscheduled: { name: string }[] } }) =>
      [...s.picture.nodes.flatMap((n) => n.pods), ...s.picture.unscheduled].map((p) => p.name);
    const at1 = (await teacher.get(`${base}/timeline/1/state?cluster=${cluster}`).expect(200)).body;
    expect(names(at1)).toContain('old');
    expect(names(at1)).not.toContain('new');
    expect(at1.pods).toMatch(/^NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE\n/);
    expect(at1.pods).toMatch(/\ndefault +old +/);
    const at3 = (await teacher.get(`${base}/timeline/3/state?cluster=${cluster}`).expect(200)).body;
    expect(names(at3)).toContain('new');
    expect(names(at3)).not.toContain('old');
    await teacher.get(`${base}/timeline/99/state?cluster=${cluster}`).expect(404);
    await teacher.get(`${base}/timeline/x/state?cluster=${cluster}`).expect(400);
  });

  it('is for the instructors of the classroom only', async () => {
    await ana.get(`${base}/timeline?cluster=${cluster}`).expect(403);
    await ana.get(`${base}/timeline/1/state?cluster=${cluster}`).expect(403);
    await ana.post(`${base}/clusters/${cluster}/reset`, {}).expect(403);
    await ana.get(`/classrooms/${room}/students/${anaId}`).expect(403);
    await other.get(`${base}/timeline?cluster=${cluster}`).expect(404);
    await other.post(`${base}/clusters/${cluster}/reset`, {}).expect(404);
    const teacherId = (await teacher.get('/api/v1/auth/me').expect(200)).body.user.id;
    await teacher.get(`/api/v1/classrooms/${room}/students/${teacherId}/timeline?cluster=${cluster}`).expect(404);
    await teacher.get(`${base}/timeline?cluster=nope`).expect(404);
  });

  it("records the instructor's reset and restore on the timeline, door system, the instructor as actor", async () => {
    const snap = (await ana.post(`/api/v1/clusters/${cluster}/snapshots`, { name: 'before' }).expect(201)).body;
    const reset = (await teacher.post(`${base}/clusters/${cluster}/reset`, {}).expect(200)).body;
    expect(reset.version).toBe(5);
    const restored = (await teacher.post(`${base}/clusters/${cluster}/snapshots/${snap.id}/restore`, {}).expect(200)).body;
    expect(restored.version).toBe(6);
    await teacher.post(`${base}/clusters/${cluster}/snapshots/nope/restore`, {}).expect(404);
    const t = (await teacher.get(`${base}/timeline?cluster=${cluster}&after=4`).expect(200)).body;
    const inputs = (t.entries as Entry[]).filter((e) => e.type === 'input');
    expect(inputs.map((i) => [i.seq, i.kind, i.door, i.who])).toEqual([
      [5, 'reset', 'system', 'teacher'],
      [6, 'restore', 'system', 'teacher'],
    ]);
    // after the reset there is no pod of the student's; the restore brings `new` back
    const at5 = (await teacher.get(`${base}/timeline/5/state?cluster=${cluster}`).expect(200)).body;
    expect(at5.pods).not.toMatch(/\ndefault /);
    const live = (await ana.post(`/api/v1/clusters/${cluster}/exec`, { command: 'kubectl get pods -o name' }).expect(200)).body;
    expect(live.stdout).toBe('pod/new\n');
  });

  it("lists the student's clusters and latest check result per step with expected and found", async () => {
    const prisma = h.app.get(PrismaService);
    const lesson = h.app.get(LessonLibrary).lessons[0];
    const step = lesson.steps[0];
    const m = await prisma.membership.findFirstOrThrow({ where: { userId: anaId, classroomId: room } });
    const detail = (expected: string) => ({
      en: { conditions: [{ passed: true, expected: 'a namespace', found: 'default' }, { passed: false, expected, found: 'no pod "web"' }] },
      es: { conditions: [{ passed: true, expected: 'un namespace', found: 'default' }, { passed: false, expected: `es: ${expected}`, found: 'ningún pod "web"' }] },
    });
    const at = Date.now();
    await prisma.checkResult.create({ data: { membershipId: m.id, clusterId: cluster, lessonId: lesson.id, checkId: step.id, passed: false, score: 0.2, detail: detail('an older failure'), clusterVersion: 1, at: new Date(at - 1000) } });
    await prisma.checkResult.create({ data: { membershipId: m.id, clusterId: cluster, lessonId: lesson.id, checkId: step.id, passed: false, score: 0.5, detail: detail('Pod "web" <b>Running</b>'), clusterVersion: 2, at: new Date(at) } });
    const v = (await teacher.get(`${base}?lang=en`).expect(200)).body;
    expect(v.username).toBe('ana');
    expect(v.clusters.map((c: { id: string }) => c.id)).toEqual([cluster]);
    expect(v.checks).toHaveLength(1);
    expect(v.checks[0]).toMatchObject({ lessonId: lesson.id, stepId: step.id, passed: false, score: 0.5, clusterVersion: 2 });
    expect(v.checks[0].conditions).toEqual([
      { passed: true, expected: 'a namespace', found: 'default', message: '' },
      { passed: false, expected: 'Pod "web" <b>Running</b>', found: 'no pod "web"', message: '' },
    ]);
    const es = (await teacher.get(base).expect(200)).body;
    expect(es.checks[0].conditions[1].found).toBe('ningún pod "web"');
    await ana.get(base).expect(403);
    const page = await teacher.get(`/classrooms/${room}/students/${anaId}`).expect(200);
    expect(page.text).toContain('es: Pod &quot;web&quot; &lt;b&gt;Running&lt;/b&gt;');
  });

  it('serves the page with no inline script and the output of a command escaped', async () => {
    const page = await teacher.get(`/classrooms/${room}/students/${anaId}?lang=en`).expect(200);
    expect(page.text).toContain('<script src="/js/instructor-student.js" defer></script>');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(page.text).toContain('kubectl run old --image&#x3D;nginx');
    await teacher.get(`/classrooms/${room}/students/nobody`).expect(404);
  });
});

// The page's own globals, for functions evaluated in the page (the project compiles without the DOM lib).
declare const document: { querySelectorAll(s: string): ArrayLike<unknown> };

describeBrowser('the student page in a browser', () => {
  let rig: BrowserRig;
  afterAll(async () => rig?.close());

  it('opens from the class view, scrubs to an earlier input and shows output as text', async () => {
    rig = await startRig();
    await rig.h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
    const teacher = await signedIn(rig.h.app, 'teacher');
    const created = await teacher.post('/api/v1/classrooms', { name: 'Depth' }).expect(201);
    const ana = await signedUp(rig.h.app, 'ana', 'Ana <i>');
    await ana.post('/api/v1/classrooms/join', { code: created.body.joinCode }).expect(200);
    const cluster = (await ana.get('/api/v1/clusters').expect(200)).body[0].id;
    for (const command of ['kubectl run old --image=nginx', 'kubectl run new --image=nginx', 'kubectl delete pod old', "echo '<script>alert(1)</script>'"]) {
      await ana.post(`/api/v1/clusters/${cluster}/exec`, { command }).expect(200);
    }

    const ctx = await rig.context(1280);
    const page = await ctx.newPage();
    await page.goto('/signin');
    await page.getByLabel(/^username|^usuario/i).fill('teacher');
    await page.getByLabel(/^password|^contraseña/i).fill('password123');
    await page.getByRole('button', { name: /sign in|entrar|iniciar/i }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
    await page.goto(`/classrooms/${created.body.id}/class`);
    await page.getByRole('link', { name: 'Ana <i>' }).click();
    await page.waitForURL('**/students/*');
    // the latest state first: `new` only
    await waitForText(page, '#is-pods', 'new');
    expect(await page.locator('#is-pods').textContent()).not.toMatch(/\bold\b/);
    await page.locator('#is-timeline li.is-input[data-seq="1"]').click();
    await waitForText(page, '#is-pods', 'old');
    expect(await page.locator('#is-pods').textContent()).not.toMatch(/\bnew\b/);
    expect(await page.locator('#is-scrub').inputValue()).toBe('1');
    await page.locator('#is-timeline li[data-seq="4"] summary').click();
    expect(await page.locator('#is-timeline li[data-seq="4"] pre.is-out').textContent()).toBe('<script>alert(1)</script>\n');
    expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
    await screenshot(page, 'instructor-student');
    expect(explain(await seriousViolations(page))).toBe('');
    // the reset asks first, then shows on the timeline at the system door, by the instructor
    const asked: string[] = [];
    page.on('dialog', (d) => { asked.push(d.message()); void d.accept(); });
    await Promise.all([page.waitForEvent('load'), page.locator('#is-reset').click()]);
    expect(asked).toEqual(['¿Reiniciar el clúster de Ana <i>? Se perderá su estado actual.']);
    const reset = page.locator('#is-timeline li.is-input[data-seq="5"]');
    expect(await reset.locator('.is-door').textContent()).toBe('system');
    expect(await reset.textContent()).toContain('teacher');
    await ctx.close();
  });
});
