// The student's course pages, fetched as a browser would (supertest, session cookie, forms with
// their CSRF field): the lesson list with progress, the lesson page (steps, Check, hints, rewind,
// the quiz, the terminal, the live picture, the file editor), the language switch remembered per
// user, and escaping: a `<script>` in a file's content, in command output and in object names
// never reaches the page as markup.
import fs from 'node:fs';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { ClassroomsService } from '../../apps/server/src/classrooms/classrooms.service';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { formatTime } from '../../apps/server/src/web/i18n/view-helpers';
import { bootApp, Harness } from './app-harness';

const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1];

describe('lesson pages', () => {
  let h: Harness;
  let classroomId: string;
  let joinCode: string;
  beforeAll(async () => {
    h = await bootApp({ AUTH_RATE_LIMIT: '1000', KUBEAULA_CLOCK: 'virtual' });
    const teacher = await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
    const room = await h.app.get(ClassroomsService).create(teacher, 'Clase <b>nocturna</b>');
    classroomId = room.id;
    joinCode = room.joinCode!;
    await h.app.get(PrismaService).classroom.update({ where: { id: classroomId }, data: { timeZone: 'Europe/Madrid' } });
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  const advance = (seconds: number) => request(h.app.getHttpServer()).post('/api/v1/test/clock/advance').send({ seconds }).expect(200);

  async function student(username: string): Promise<TestAgent> {
    const s = request.agent(h.app.getHttpServer());
    const up = await s.get('/signup').expect(200);
    await s.post('/signup').type('form').send({ _csrf: csrfOf(up.text), username, password: 'password123' }).expect(303);
    const list = await s.get('/classrooms').expect(200);
    await s.post('/classrooms/join').type('form').send({ _csrf: csrfOf(list.text), code: joinCode }).expect(303);
    return s;
  }

  /** Posts one of the lesson page's forms (with the page's CSRF token). */
  async function postForm(s: TestAgent, pageUrl: string, action: string, fields: Record<string, string> = {}): Promise<request.Response> {
    const page = await s.get(pageUrl).expect(200);
    return s.post(action).type('form').send({ _csrf: csrfOf(page.text), ...fields });
  }

  it('lists the lessons in order with progress in words and bars, in Spanish first', async () => {
    const s = await student('ana');
    const classrooms = await s.get('/classrooms').expect(200);
    expect(classrooms.text).toContain(`href="/classrooms/${classroomId}/lessons"`);
    const res = await s.get(`/classrooms/${classroomId}/lessons`).expect(200);
    expect(res.text).toContain('<html lang="es">');
    // the classroom's name is text, not markup
    expect(res.text).toContain('Lecciones de Clase &lt;b&gt;nocturna&lt;/b&gt;');
    const ids = [...res.text.matchAll(/data-lesson-id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.slice(0, 3)).toEqual(['architecture', 'installing', 'pods']);
    expect(res.text).toMatch(/<progress max="\d+" value="0" aria-label="Progreso de Pods"/);
    expect(res.text).toMatch(/0 de \d+ pasos hechos/);
    expect(res.text).toContain('Sin empezar');
    expect(res.text).toContain(`href="/classrooms/${classroomId}/lessons/pods"`);
    // landmarks and the skip link, the language switch and the theme toggle
    expect(res.text).toContain('<a class="skip-link" href="#main">Saltar al contenido</a>');
    expect(res.text).toContain('<main class="page" id="main" tabindex="-1">');
    expect(res.text).toMatch(/<nav class="site-nav" aria-label="Navegación principal">/);
    expect(res.text).toContain('id="lang-en"');
    expect(res.text).toContain('id="theme-toggle"');
    expect(res.text).not.toMatch(/<script>|<script(?![^>]*\ssrc="\/)[^>]*>|style=/);
    // another classroom's lessons: not found, as a page
    const other = await s.get('/classrooms/nope/lessons').expect(404);
    expect(other.headers['content-type']).toMatch(/html/);
    expect(other.text).toContain('No existe esa página, o no es de tus clases.');
  });

  it('switches to English and remembers it for the user', async () => {
    const s = await student('ben');
    const url = `/classrooms/${classroomId}/lessons`;
    const switched = await postForm(s, url, '/locale', { locale: 'en', next: url });
    expect(switched.status).toBe(303);
    expect(switched.headers.location).toBe(url);
    const res = await s.get(url).expect(200);
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toMatch(/0 of \d+ steps done/);
    expect(res.text).toContain('Not started');
    expect(res.text).toContain('aria-pressed="true">English');
    const user = await h.app.get(PrismaService).user.findUniqueOrThrow({ where: { username: 'ben' } });
    expect(user.locale).toBe('en');
    // a fresh browser of the same user speaks English too (it is the user's, not the cookie's)
    const again = request.agent(h.app.getHttpServer());
    const signin = await again.get('/signin').expect(200);
    expect(signin.text).toContain('<html lang="es">');
    await again.post('/signin').type('form').send({ _csrf: csrfOf(signin.text), username: 'ben', password: 'password123' }).expect(303);
    expect((await again.get('/classrooms').expect(200)).text).toContain('Your classrooms');
    // never redirected off the site, whatever `next` says
    const away = await postForm(s, url, '/locale', { locale: 'es', next: '//evil.example/x' });
    expect(away.headers.location).toBe('/');
  });

  it('chooses a visitor language from Accept-Language, and the API sets the user language', async () => {
    const v = await request(h.app.getHttpServer()).get('/signin').set('Accept-Language', 'en-GB,en;q=0.9,es;q=0.5').expect(200);
    expect(v.text).toContain('<html lang="en">');
    expect(v.text).toContain('<h1>Sign in</h1>');
    const s = await student('cris');
    const token = (await s.get('/api/v1/auth/csrf').expect(200)).body.token as string;
    await s.put('/api/v1/me/locale').set('X-CSRF-Token', token).send({ locale: 'en' }).expect(200, { locale: 'en' });
    await s.put('/api/v1/me/locale').set('X-CSRF-Token', token).send({ locale: 'fr' }).expect(400);
    expect((await s.get('/classrooms').expect(200)).text).toContain('<html lang="en">');
  });

  it('runs the pods lesson: start, the picture turns Running, Check passes, hints, rewind, quiz', async () => {
    const s = await student('dani');
    const url = `/classrooms/${classroomId}/lessons/pods`;
    const before = await s.get(url).expect(200);
    expect(before.text).toContain('data-testid="start-lesson"');
    expect(before.text).not.toContain('id="terminal"');
    expect((await postForm(s, url, `${url}/start`)).status).toBe(303);

    const page = await s.get(url).expect(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    expect(page.text).toContain('<script src="/js/terminal.js" defer></script>');
    expect(page.text).toContain('<script src="/js/lesson.js" defer></script>');
    expect(page.text).toContain('id="terminal"');
    expect(page.text).toContain('data-testid="picture"');
    expect(page.text).toContain('data-testid="editor"');
    expect(page.text).toMatch(/<button type="submit" class="primary" id="check-first-pod" data-testid="check-button"/);
    expect(page.text).toContain('aria-current="step"');
    expect(page.text).toContain('Paso 1 de');
    // the step's markdown, as the service's sanitized html (code blocks kept for Copy and Run)
    expect(page.text).toMatch(/<pre><code class="language-(bash|sh)">kubectl run nginx --image=nginx/);
    // the nodes of the cluster as boxes
    expect(page.text).toMatch(/data-node-name="master"/);
    // times in the classroom's time zone
    const token0 = (await s.get('/api/v1/auth/csrf').expect(200)).body.token as string;
    const view = (await s.get(`/api/v1/classrooms/${classroomId}/lessons/pods`).set('X-CSRF-Token', token0).expect(200)).body as { startedAt: string };
    expect(page.text).toContain(`Empezada el ${formatTime(view.startedAt, 'es', 'Europe/Madrid')}`);
    expect(page.text).toContain('Horas en la zona horaria de la clase (Europe/Madrid).');

    // run the step's command (any door: here REST) and let simulated time pass
    const clusterId = /data-cluster-id="([^"]+)"/.exec(page.text)![1];
    const token = (await s.get('/api/v1/auth/csrf').expect(200)).body.token as string;
    await s.post(`/api/v1/clusters/${clusterId}/exec`).set('X-CSRF-Token', token).send({ command: 'kubectl run nginx --image=nginx' }).expect(200);
    await advance(60);
    const pic = await s.get(`/clusters/${clusterId}/picture`).expect(200);
    const nginx = (pic.body.nodes as { pods: { name: string; phase: string }[] }[]).flatMap((n) => n.pods).find((p) => p.name === 'nginx');
    expect(nginx?.phase).toBe('Running');
    const running = await s.get(url).expect(200);
    expect(running.text).toMatch(/<li class="pod" id="pod:default\/nginx" data-pod-name="nginx" data-namespace="default" data-phase="Running" data-status="Running" data-testid="pod">/);

    // the terminal without scripts: a form, and the last commands with their output
    expect((await postForm(s, url, `${url}/exec`, { line: 'kubectl get pod nginx -o name' })).status).toBe(303);
    expect((await s.get(url).expect(200)).text).toContain('$ kubectl get pod nginx -o name\npod/nginx\n</pre>');

    // Check, as the form without scripts posts it: the page then shows the stored result
    const checked = await postForm(s, url, `${url}/steps/first-pod/check`);
    expect(checked.status).toBe(303);
    expect(checked.headers.location).toBe(`${url}?step=first-pod#step-first-pod`);
    const after = await s.get(`${url}?step=first-pod`).expect(200);
    expect(after.text).toMatch(/data-testid="check-verdict"><span aria-hidden="true">✓<\/span> Paso superado · Puntuación: 100 %/);
    expect(after.text).toContain('data-testid="check-condition"');
    expect(after.text).toMatch(/esperado: [^<]+; encontrado: [^<]+/);
    // the lesson list counts it
    const list = await s.get(`/classrooms/${classroomId}/lessons`).expect(200);
    expect(list.text).toMatch(/<progress max="\d+" value="1" aria-label="Progreso de Pods"/);
    expect(list.text).toMatch(/data-lesson-id="pods" data-status="started"[\s\S]*?1 de \d+ pasos hechos[\s\S]*?En curso[\s\S]*?Continuar/);
    // the next step is now the current one, and reachable
    const next = await s.get(url).expect(200);
    expect(next.text).toMatch(/data-step-id="lamp-pod" data-testid="step-link" aria-label="[^"]*" aria-current="step">2/);

    // hints on request (the page without scripts): the automatic one, then hand-written ones
    const hinted = await s.get(`${url}?hintsFor=lamp-pod&hints=1`).expect(200);
    expect(hinted.text).toMatch(/<p class="hint"><strong>Pista:<\/strong>/);
    expect(hinted.text).toMatch(/<p class="hint"><strong>Pista 1:<\/strong>/);

    // rewind asks first; then the cluster is back at the start of the step (no nginx pod)
    const ask = await s.get(`${url}?rewind=first-pod`).expect(200);
    expect(ask.text).toContain('data-testid="rewind-confirm"');
    expect((await postForm(s, url, `${url}/steps/first-pod/rewind`)).status).toBe(303);
    const rewound = await s.get(`/clusters/${clusterId}/picture`).expect(200);
    expect((rewound.body.nodes as { pods: { name: string }[] }[]).flatMap((n) => n.pods).map((p) => p.name)).not.toContain('nginx');

    // the quiz: a form; the result is shown with the right answers
    expect(next.text).toContain('data-testid="quiz-form"');
    const names = [...next.text.matchAll(/name="(answer-[a-z0-9-]+)" value="0"/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThanOrEqual(3);
    const answered = await postForm(s, url, `${url}/quiz`, Object.fromEntries(names.map((n) => [n, '0'])));
    expect(answered.status).toBe(303);
    const marked = await s.get(url).expect(200);
    expect(marked.text).toMatch(/Has acertado \d de \d\./);
    expect(marked.text).toContain('La respuesta correcta');
  });

  it('escapes a <script> in file contents, command output and object names', async () => {
    const s = await student('eve');
    const url = `/classrooms/${classroomId}/lessons/pods`;
    await postForm(s, url, `${url}/start`);
    const page = await s.get(url).expect(200);
    const clusterId = /data-cluster-id="([^"]+)"/.exec(page.text)![1];
    const token = (await s.get('/api/v1/auth/csrf').expect(200)).body.token as string;
    const evil = '<script>alert(1)</script>';
    await s.put(`/api/v1/clusters/${clusterId}/files`).set('X-CSRF-Token', token).send({ path: 'evil.yaml', content: `a: "${evil}"\n` }).expect(200);
    await s.post(`/api/v1/clusters/${clusterId}/exec`).set('X-CSRF-Token', token).send({ command: `echo '${evil}'` }).expect(200);
    // the API refuses such names, and says so in its output: that output is escaped too
    await s.post(`/api/v1/clusters/${clusterId}/exec`).set('X-CSRF-Token', token).send({ command: `kubectl run '${evil}' --image=nginx --labels='app=${evil}'` }).expect(200);
    const shown = await s.get(`${url}?file=evil.yaml`).expect(200);
    expect(shown.text).toContain('a: &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;');
    expect(shown.text).toContain('$ echo &#x27;&lt;script&gt;alert(1)&lt;/script&gt;&#x27;\n&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(shown.text).not.toContain(evil);
    expect(shown.text).not.toMatch(/<script>|<script(?![^>]*\ssrc="\/)[^>]*>/);
  });

  it('shows a lesson of its own cluster (bare hosts: no nodes yet)', async () => {
    const s = await student('gala');
    const url = `/classrooms/${classroomId}/lessons/installing`;
    expect((await postForm(s, url, `${url}/start`)).status).toBe(303);
    const page = await s.get(url).expect(200);
    expect(page.text).toContain('Este clúster aún no tiene nodos.');
    const clusterId = /id="lesson-cluster" data-cluster-id="([^"]+)"/.exec(page.text)![1];
    const course = /id="lesson-cluster" data-cluster-id="([^"]+)"/.exec((await s.get(`/classrooms/${classroomId}/lessons/pods`).expect(200)).text);
    expect(course).toBeNull(); // pods not started: no terminal there
    expect((await s.get(`/clusters/${clusterId}/picture`).expect(200)).body.nodes).toEqual([]);
  });

  it('sends visitors to sign in and strangers to a not-found page', async () => {
    const v = await request(h.app.getHttpServer()).get(`/classrooms/${classroomId}/lessons/pods`).expect(302);
    expect(v.headers.location).toBe('/signin');
    const s = await student('fede');
    await s.get(`/classrooms/${classroomId}/lessons/no-such-lesson`).expect(404);
    await request(h.app.getHttpServer()).get('/clusters/x/picture').expect(401);
  });
});
