// `kubeaula admin create` / `reset-password` on a fresh database, then signing in with it.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { projectPath } from '../../apps/server/src/config/paths';
import { bootApp, tempDir } from './app-harness';
import { newClient } from './client';

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
});
