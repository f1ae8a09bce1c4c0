// A kubeaula server started as its own process (`node bin/kubeaula.js serve`, as npm start does)
// and a small fetch-based client for it that keeps cookies and sends the CSRF token.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectPath } from '../../apps/server/src/config/paths';
import { freePort } from './app-harness';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function testEnv(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...(process.env as Record<string, string>), NODE_ENV: 'test', DATABASE_URL: `file:${path.join(dir, 'kubeaula.db')}`, AUTH_RATE_LIMIT: '100000', LOG_LEVEL: 'warn', ...extra };
}

export async function startServer(dir: string, extra: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  // SERVER_NODE_ARGS: flags for the server's node (`--cpu-prof --cpu-prof-dir=DIR` to profile it under a benchmark)
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, projectPath('bin', 'kubeaula.js'), 'serve'], {
    cwd: projectPath(),
    env: { ...testEnv(dir, extra), PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export function adminCreate(dir: string, username: string, password = 'password123'): void {
  const r = spawnSync(process.execPath, [projectPath('bin', 'kubeaula.js'), 'admin', 'create', '--username', username], { env: { ...testEnv(dir), KUBEAULA_PASSWORD: password }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

/** Cookies and CSRF token of one browser-like client, usable against any server on the same database. */
export class HttpClient {
  private cookies = new Map<string, string>();
  csrf = '';

  async call(base: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(base + url, {
      method,
      // a fresh connection per call: no race with the server closing an idle keep-alive one
      headers: { Connection: 'close', 'Content-Type': 'application/json', Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'X-CSRF-Token': this.csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  async refreshCsrf(base: string): Promise<void> {
    this.csrf = (await this.call(base, 'GET', '/api/v1/auth/csrf')).body.token;
  }

  async signIn(base: string, username: string, register = false): Promise<void> {
    await this.refreshCsrf(base);
    const r = await this.call(base, 'POST', register ? '/api/v1/auth/register' : '/api/v1/auth/signin', { username, password: 'password123' });
    if (r.status >= 300) throw new Error(JSON.stringify(r));
    await this.refreshCsrf(base);
  }
}
