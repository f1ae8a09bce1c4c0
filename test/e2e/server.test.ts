// The server foundation end to end: start-up on a fresh database, /healthz, the home page and
// its security headers, static files, the one JSON error shape, the guarded test clock.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import request from 'supertest';
import { projectPath } from '../../apps/server/src/config/paths';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { bootApp, Harness } from './app-harness';

describe('server on the wall clock', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await bootApp();
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('created and migrated the database file at start-up, in WAL mode', () => {
    expect(fs.existsSync(h.config.databaseFile)).toBe(true);
    const db = new Database(h.config.databaseFile, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare('SELECT name FROM kubeaula_migrations ORDER BY name').all()).toEqual(fs.readdirSync(projectPath('prisma', 'migrations')).filter((n) => /^\d/.test(n)).sort().map((name) => ({ name })));
    } finally {
      db.close();
    }
  });

  it('runs Prisma with synchronous=FULL and foreign keys on', async () => {
    const prisma = h.app.get(PrismaService);
    expect(await prisma.$queryRawUnsafe('PRAGMA synchronous')).toEqual([{ synchronous: 2n }]);
    expect(await prisma.$queryRawUnsafe('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1n }]);
  });

  it('GET /healthz checks the database', async () => {
    const res = await request(h.app.getHttpServer()).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('GET / renders the home page in the layout, with a CSP that allows no inline script', async () => {
    const res = await request(h.app.getHttpServer()).get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<title>kubeaula</title>');
    expect(res.text).toContain('<link rel="stylesheet" href="/css/app.css">');
    expect(res.text).toContain('<h1>kubeaula</h1>');
    expect(res.text).toContain('<a href="/healthz">');
    // scripts only from files of this origin (the theme script), never inline; no inline style
    expect(res.text).not.toMatch(/<script>|<script(?![^>]*\ssrc="\/)[^>]*>|style=/);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('serves the stylesheet from public/', async () => {
    const res = await request(h.app.getHttpServer()).get('/css/app.css').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(res.text).toContain('--accent');
  });

  it('answers an unknown route with the one JSON error shape', async () => {
    const res = await request(h.app.getHttpServer()).get('/no/such/page').expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'Cannot GET /no/such/page' });
  });

  it('refuses the test clock routes when the clock is not virtual', async () => {
    const server = h.app.getHttpServer();
    const res = await request(server).post('/api/v1/test/clock/advance').send({ ms: 1000 }).expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'Not found' });
    await request(server).get('/api/v1/test/clock').expect(404);
  });
});

describe('server on the virtual clock', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await bootApp({ KUBEAULA_CLOCK: 'virtual', KUBEAULA_CLOCK_START: '2026-03-02T08:00:00Z' });
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('reads and advances the clock', async () => {
    const server = h.app.getHttpServer();
    expect((await request(server).get('/api/v1/test/clock').expect(200)).body).toEqual({
      now: '2026-03-02T08:00:00.000Z',
      nowMs: Date.parse('2026-03-02T08:00:00Z'),
    });
    expect((await request(server).post('/api/v1/test/clock/advance').send({ seconds: 90 }).expect(200)).body.now).toBe(
      '2026-03-02T08:01:30.000Z',
    );
    expect((await request(server).post('/api/v1/test/clock/advance').send({ ms: 500 }).expect(200)).body.now).toBe(
      '2026-03-02T08:01:30.500Z',
    );
  });

  it.each([
    [{}, [{ path: '', message: 'give exactly one of ms or seconds' }]],
    [{ ms: 1, seconds: 1 }, [{ path: '', message: 'give exactly one of ms or seconds' }]],
    [{ ms: -5 }, [{ path: 'ms', message: 'Too small: expected number to be >=0' }]],
    [{ ms: 'soon' }, [{ path: 'ms', message: 'Invalid input: expected number, received string' }]],
    [{ ms: 1, later: true }, [{ path: '', message: 'Unrecognized key: "later"' }]],
  ])('refuses the body %j without moving the clock', async (body, details) => {
    const server = h.app.getHttpServer();
    const before = (await request(server).get('/api/v1/test/clock')).body.nowMs;
    const res = await request(server).post('/api/v1/test/clock/advance').send(body).expect(400);
    expect(res.body).toEqual({ code: 'BAD_REQUEST', message: 'Invalid request', details });
    expect((await request(server).get('/api/v1/test/clock')).body.nowMs).toBe(before);
  });

  it('answers malformed JSON with the error shape', async () => {
    const res = await request(h.app.getHttpServer())
      .post('/api/v1/test/clock/advance')
      .set('content-type', 'application/json')
      .send('{"ms": ')
      .expect(400);
    expect(res.body.code).toBe('BAD_REQUEST');
  });
});

describe('SQLITE_SYNCHRONOUS=NORMAL', () => {
  it('sets the lighter durability level on the connection', async () => {
    const h = await bootApp({ SQLITE_SYNCHRONOUS: 'NORMAL' });
    try {
      expect(await h.app.get(PrismaService).$queryRawUnsafe('PRAGMA synchronous')).toEqual([{ synchronous: 1n }]);
    } finally {
      await h.close();
      fs.rmSync(h.dir, { recursive: true, force: true });
    }
  });
});

describe('restart on the same database file', () => {
  it('applies no migration twice and keeps the data', async () => {
    const first = await bootApp();
    const user = await first.app.get(PrismaService).user.create({ data: { username: 'ana', displayName: 'Ana' } });
    await first.close();
    const second = await bootApp({}, first.dir);
    try {
      expect(await second.app.get(PrismaService).user.findUnique({ where: { id: user.id } })).toMatchObject({ username: 'ana' });
      await request(second.app.getHttpServer()).get('/healthz').expect(200);
    } finally {
      await second.close();
      fs.rmSync(first.dir, { recursive: true, force: true });
    }
  });
});
