// The first pages: sign up and in through forms (with their CSRF field), the classroom list
// (create, join), the cluster page with the terminal's scripts from this origin, and xterm served.
import fs from 'node:fs';
import request from 'supertest';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { bootApp, Harness } from './app-harness';

const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1];

describe('pages', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await bootApp({ AUTH_RATE_LIMIT: '1000' });
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('sends visitors to sign in', async () => {
    const res = await request(h.app.getHttpServer()).get('/classrooms').expect(302);
    expect(res.headers.location).toBe('/signin');
  });

  it('an instructor signs in, creates a classroom; a student signs up, joins, and opens the cluster page', async () => {
    const t = request.agent(h.app.getHttpServer());
    const page = await t.get('/signin').expect(200);
    // no inline script: only files of this origin (the theme script)
    expect(page.text).not.toMatch(/<script>|<script(?![^>]*\ssrc="\/)[^>]*>/);
    // a form without its CSRF field is refused
    await t.post('/signin').type('form').send({ username: 'teacher', password: 'password123' }).expect(403);
    const wrong = await t.post('/signin').type('form').send({ _csrf: csrfOf(page.text), username: 'teacher', password: 'nope-nope' }).expect(401);
    expect(wrong.text).toContain('Usuario o contraseña incorrectos.');
    await t.post('/signin').type('form').send({ _csrf: csrfOf(wrong.text), username: 'teacher', password: 'password123' }).expect(303).expect('Location', '/classrooms');
    const list = await t.get('/classrooms').expect(200);
    expect(list.text).toContain('Crear una clase'); // Spanish, every account's first language
    await t.post('/classrooms').type('form').send({ _csrf: csrfOf(list.text), name: 'Evening class' }).expect(303);
    const after = await t.get('/classrooms').expect(200);
    const code = /código para unirse <code>([A-Z2-9]{8})<\/code>/.exec(after.text)![1];
    // the instructor's way to the class view
    expect(after.text).toMatch(/<a href="\/classrooms\/[^"]+\/class" data-testid="class-view-link">Vista de la clase<\/a>/);

    const s = request.agent(h.app.getHttpServer());
    const up = await s.get('/signup').expect(200);
    await s.post('/signup').type('form').send({ _csrf: csrfOf(up.text), username: 'lucia', displayName: '', password: 'password123' }).expect(303);
    const mine = await s.get('/classrooms').expect(200);
    expect(mine.text).not.toContain('Crear una clase');
    await s.post('/classrooms/join').type('form').send({ _csrf: csrfOf(mine.text), code }).expect(303);
    const joined = await s.get('/classrooms').expect(200);
    const clusterId = /href="\/clusters\/([^"]+)"/.exec(joined.text)![1];
    const cluster = await s.get(`/clusters/${clusterId}`).expect(200);
    expect(cluster.text).toContain('<script src="/vendor/xterm/lib/xterm.js" defer></script>');
    expect(cluster.text).toContain('<script src="/js/terminal.js" defer></script>');
    expect(cluster.text).toContain('<script src="/js/cluster.js" defer></script>');
    expect(cluster.text).not.toMatch(/<script>|<script [^>]*>[^<]/);
    expect(cluster.headers['content-security-policy']).toContain("script-src 'self';");
    // xterm.js writes <style> elements: inline styles are allowed on this page, inline scripts never
    expect(cluster.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline';");
    expect(cluster.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/);
    await s.get('/vendor/xterm/lib/xterm.js').expect(200).expect('Content-Type', /javascript/);
    await s.get('/vendor/xterm/css/xterm.css').expect(200);
    await s.get('/js/cluster.js').expect(200);
    // the teacher's read-only view, a stranger's 404
    const tv = await t.get(`/clusters/${clusterId}`).expect(200);
    expect(tv.text).toContain('vista de solo lectura');
    const x = request.agent(h.app.getHttpServer());
    const xu = await x.get('/signup');
    await x.post('/signup').type('form').send({ _csrf: csrfOf(xu.text), username: 'mallory', password: 'password123' }).expect(303);
    await x.get(`/clusters/${clusterId}`).expect(404);
  });
});
