// `kubeaula admin create` / `reset-password` / `backup` / `service-token` on a fresh database, then using what they made.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { projectPath } from '../../apps/server/src/config/paths';
import { bootApp, tempDir } from './app-harness';
import request from 'supertest';
import { newClient, signedUp } from './client';

// each test spawns the CLI several times (a few seconds each on a busy 2-core machine)
jest.setTimeout(120_000);

const cli = (dir: string, args: string[], password: string) =>
  spawnSync(process.execPath, [projectPath('bin', 'kubeaula.js'), 'admin', ...args], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'kubeaula.db')}`, KUBEAULA_PASSWORD: password, NODE_ENV: 'test' },
    encoding: 'utf8',
  });

it('creates the first instructor and resets a password from the command line', async () => {
  const dir = tempDir();
  try {
    const made = cli(dir, ['create', '--username', 'Profe', '--display-name', 'La profe'], 'password123');
    expect([made.status, made.stdout, made.stderr]).toEqual([0, 'created instructor "profe"\n', '']);
    const again = cli(dir, ['create', '--username', 'profe'], 'password123');
    expect([again.status, again.stderr]).toEqual([1, 'kubeaula admin create: The username "profe" is taken\n']);
    const reset = cli(dir, ['reset-password', '--username', 'profe'], 'newpassword1');
    expect(reset.status).toBe(0);
    const copy = path.join(dir, 'copy.db');
    const backup = cli(dir, ['backup', copy], '');
    expect([backup.status, backup.stderr]).toEqual([0, '']);
    const db = new Database(copy, { readonly: true });
    expect(db.prepare('SELECT username FROM "User"').all()).toEqual([{ username: 'profe' }]);
    db.close();
    expect(cli(dir, ['backup', copy], '').status).toBe(1);
    const h = await bootApp({ AUTH_RATE_LIMIT: '1000' }, dir);
    try {
      const c = await newClient(h.app);
      await c.post('/api/v1/auth/signin', { username: 'profe', password: 'password123' }).expect(401);
      const ok = await c.post('/api/v1/auth/signin', { username: 'profe', password: 'newpassword1' }).expect(200);
      expect(ok.body.user).toMatchObject({ username: 'profe', displayName: 'La profe', role: 'instructor' });
    } finally {
      await h.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it('explains its usage', () => {
  const out = execFileSync(process.execPath, [projectPath('bin', 'kubeaula.js'), 'admin', '--help'], { encoding: 'utf8' });
  expect(out).toContain('usage: kubeaula admin <create|reset-password>');
  expect(out).toContain('kubeaula admin service-token NAME');
});

it("creates the bot's service token, which the bot routes accept and a personal token does not", async () => {
  const dir = tempDir();
  try {
    const bad = cli(dir, ['service-token'], '');
    expect([bad.status, bad.stderr]).toEqual([2, 'usage: kubeaula admin service-token NAME\n']);
    const made = cli(dir, ['service-token', 'discord bot'], '');
    expect([made.status, made.stderr]).toEqual([0, "the bot's service token: keep it secret (set it as the bot's KUBEAULA_BOT_TOKEN); it is not shown again\n"]);
    const token = made.stdout.trim();
    expect(token).toMatch(/^ka_\S{20,}$/);
    const h = await bootApp({}, dir);
    try {
      const server = h.app.getHttpServer();
      // accepted as the service: it is only asked to name the Discord user it acts for
      const asService = await request(server).get('/api/v1/bot/me').set('Authorization', `Bearer ${token}`).expect(400);
      expect(asService.body.message).toBe('Name the Discord user in the X-Discord-User header');
      await request(server).get('/api/v1/bot/me').set('Authorization', `Bearer ${token}x`).expect(401);
      const c = await signedUp(h.app, 'ana');
      const personal = await c.post('/api/v1/auth/tokens', { name: 'mine' }).expect(201);
      await request(server).get('/api/v1/bot/me').set('Authorization', `Bearer ${personal.body.token}`).expect(403);
    } finally {
      await h.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
