// The OpenAPI document lists the REST API, and every cluster route in it refuses a stranger.
import fs from 'node:fs';
import request from 'supertest';
import { bootApp, Harness } from './app-harness';
import { signedUp } from './client';

describe('OpenAPI', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await bootApp({ AUTH_RATE_LIMIT: '1000' });
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('serves the document at /api/docs-json and the UI at /api/docs', async () => {
    const doc = await request(h.app.getHttpServer()).get('/api/docs-json').expect(200);
    const paths = Object.keys(doc.body.paths as object);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/auth/signin', '/api/v1/clusters/{id}/exec', '/api/v1/classrooms/join', '/api/v1/clusters/{id}/snapshots']));
    await request(h.app.getHttpServer()).get('/api/docs').expect(200);
  });

  it("refuses every cluster route of the document on a cluster that is not yours (404), and without a session (401)", async () => {
    const doc = await request(h.app.getHttpServer()).get('/api/docs-json').expect(200);
    const stranger = await signedUp(h.app, 'stranger');
    const routes = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).filter(([p]) => p.startsWith('/api/v1/clusters/{id}'));
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const [p, methods] of routes) {
      const url = p.replace('{id}', 'someone-elses-cluster').replace('{snapshotId}', 'snap');
      for (const method of Object.keys(methods)) {
        const body = p.endsWith('/exec') ? { command: 'ls' } : p.endsWith('/snapshots') ? { name: 'n' } : p.endsWith('/files') ? { path: 'a.txt', content: 'x' } : undefined;
        const target = p.endsWith('/files') && method !== 'put' ? `${url}?path=a.txt` : url;
        const res =
          method === 'get' ? await stranger.get(target) : method === 'delete' ? await stranger.del(target) : method === 'put' ? await stranger.put(target, body) : await stranger.post(target, body);
        expect([url, method, res.status]).toEqual([url, method, 404]);
        const anon = await request(h.app.getHttpServer())[method as 'get'](target);
        expect([url, method, anon.status]).toEqual([url, method, method === 'get' ? 401 : 403]);
      }
    }
  });
});
