// A signed-in (or not) HTTP client for e2e tests: a supertest agent that keeps cookies and sends
// the CSRF token on writes, as a browser page or an API client does.
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';

export interface Client {
  agent: TestAgent;
  csrf: string;
  /** Fetches a fresh CSRF token (after sign-in the session changes, and with it the token). */
  refreshCsrf(): Promise<string>;
  post(url: string, body?: object): request.Test;
  put(url: string, body?: object): request.Test;
  del(url: string): request.Test;
  get(url: string): request.Test;
  /** The Cookie header value this client would send. */
  cookieHeader(): string;
}

export async function newClient(app: NestExpressApplication): Promise<Client> {
  const agent = request.agent(app.getHttpServer());
  const client: Client = {
    agent,
    csrf: '',
    async refreshCsrf() {
      const res = await agent.get('/api/v1/auth/csrf').expect(200);
      client.csrf = (res.body as { token: string }).token;
      return client.csrf;
    },
    post: (url, body) => agent.post(url).set('X-CSRF-Token', client.csrf).send(body ?? {}),
    put: (url, body) => agent.put(url).set('X-CSRF-Token', client.csrf).send(body ?? {}),
    del: (url) => agent.delete(url).set('X-CSRF-Token', client.csrf),
    get: (url) => agent.get(url),
    cookieHeader() {
      const jar = (agent as unknown as { jar: { getCookies(a: unknown): { name: string; value: string }[] } }).jar;
      return jar
        .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
        .map((c) => `${c.name}=${c.value}`)
        .join('; ');
    },
  };
  await client.refreshCsrf();
  return client;
}

/** Registers `username` (password `password123`) and returns a signed-in client. */
export async function signedUp(app: NestExpressApplication, username: string, displayName?: string): Promise<Client> {
  const c = await newClient(app);
  await c.post('/api/v1/auth/register', { username, password: 'password123', displayName }).expect(201);
  await c.refreshCsrf();
  return c;
}

/** Signs in an existing account. */
export async function signedIn(app: NestExpressApplication, username: string, password = 'password123'): Promise<Client> {
  const c = await newClient(app);
  await c.post('/api/v1/auth/signin', { username, password }).expect(200);
  await c.refreshCsrf();
  return c;
}
