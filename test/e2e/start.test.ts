// `npm start` as a separate process: `node bin/kubeaula.js serve`, TypeScript compiled on load
// by @swc-node/register. It starts on a fresh database file, serves, and stops cleanly on
// SIGTERM; a bad configuration stops the start with the list of bad variables.
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../apps/server/src/config/paths';
import { freePort, tempDir } from './app-harness';

const BIN = projectPath('bin', 'kubeaula.js');

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(args: string[], env: Record<string, string>, cwd: string): Run {
  // A clean environment: only what the test sets, plus PATH and HOME.
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function waitForHealth(url: string, run: Run, timeoutMs = 20_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch {
      if (run.child.exitCode !== null) throw new Error(`server exited: ${run.stderr()}${run.stdout()}`);
      if (Date.now() > deadline) throw new Error(`server not up in ${timeoutMs} ms: ${run.stderr()}${run.stdout()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('kubeaula serve as a process', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('kubeaula-start-');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('starts on a fresh database file, answers /healthz and /, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const db = path.join(dir, 'nested', 'kubeaula.db');
    // A relative DATABASE_URL is taken from the working directory.
    const r = run(['serve'], { PORT: String(port), DATABASE_URL: 'file:./nested/kubeaula.db' }, dir);
    try {
      const health = await waitForHealth(`http://127.0.0.1:${port}/healthz`, r);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
      const home = await fetch(`http://127.0.0.1:${port}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('<h1>kubeaula</h1>');
      expect(fs.existsSync(db)).toBe(true);
    } finally {
      r.child.kill('SIGTERM');
    }
    expect(await r.exited).toEqual({ code: 0, signal: null });
    const lines = r.stdout().trim().split('\n').map((l) => JSON.parse(l) as { msg: string; port?: number });
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['database migrated', `kubeaula listening on http://localhost:${port}`, 'shutting down', 'database closed']),
    );
    // Closed cleanly: the WAL was checkpointed into the file and removed.
    expect(fs.existsSync(`${db}-wal`)).toBe(false);
  });

  it('two servers started at once on one fresh file both come up, the schema migrated once', async () => {
    const [p1, p2] = [await freePort(), await freePort()];
    const env = { DATABASE_URL: `file:${path.join(dir, 'shared.db')}` };
    const runs = [run(['serve'], { ...env, PORT: String(p1) }, dir), run(['serve'], { ...env, PORT: String(p2) }, dir)];
    try {
      for (const [i, port] of [p1, p2].entries()) {
        expect((await waitForHealth(`http://127.0.0.1:${port}/healthz`, runs[i])).status).toBe(200);
      }
    } finally {
      for (const r of runs) r.child.kill('SIGTERM');
    }
    for (const r of runs) expect(await r.exited).toEqual({ code: 0, signal: null });
    const migratedBy = runs.map((r) => r.stdout().includes('"msg":"database migrated"'));
    expect(migratedBy.filter(Boolean)).toHaveLength(1);
  });

  it('refuses to start with bad values, listing each one, exit code 78', async () => {
    const r = run(['serve'], { PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: `file:${path.join(dir, 'k.db')}` }, dir);
    expect(await r.exited).toEqual({ code: 78, signal: null });
    expect(r.stderr()).toBe(
      [
        'kubeaula: cannot start. Invalid configuration:',
        '  - PORT="eighty": must be a whole number',
        '  - LOG_LEVEL="loud": must be one of fatal, error, warn, info, debug, trace, silent',
        '',
      ].join('\n'),
    );
    expect(fs.existsSync(path.join(dir, 'k.db'))).toBe(false);
  });

  it('refuses the virtual clock in production', async () => {
    const r = run(['serve'], { KUBEAULA_CLOCK: 'virtual', DATABASE_URL: `file:${path.join(dir, 'k.db')}` }, dir);
    expect(await r.exited).toEqual({ code: 78, signal: null });
    expect(r.stderr()).toContain(
      'KUBEAULA_CLOCK="virtual": the virtual clock is only allowed when NODE_ENV is test or development (NODE_ENV is "production")',
    );
  });
});
