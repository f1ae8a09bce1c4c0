// Workspace files over REST: written files are seen by the shell and by kubectl apply -f;
// listing, reading, deleting; bad paths, limits, other students refused.
import fs from 'node:fs';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { bootApp, Harness } from './app-harness';
import { signedIn, signedUp } from './client';

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: classroom
`;

describe('workspace files', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await bootApp({ AUTH_RATE_LIMIT: '1000', KUBEAULA_CLOCK: 'virtual' });
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('writes, lists, reads, applies and deletes files, and refuses what it must', async () => {
    const teacher = await signedIn(h.app, 'teacher');
    const room = await teacher.post('/api/v1/classrooms', { name: 'W' }).expect(201);
    const ana = await signedUp(h.app, 'ana');
    const bob = await signedUp(h.app, 'bob');
    await ana.post('/api/v1/classrooms/join', { code: room.body.joinCode }).expect(200);
    const id = (await ana.get('/api/v1/clusters').expect(200)).body[0].id;
    const base = `/api/v1/clusters/${id}/files`;

    await ana.put(base, { path: 'k8s/cm.yaml', content: MANIFEST }).expect(200);
    const list = await ana.get(base).expect(200);
    expect(list.body).toEqual(expect.arrayContaining([{ path: 'k8s/cm.yaml', size: MANIFEST.length, modifiedAt: expect.any(String) }]));
    expect((await ana.get(`${base}?path=k8s/cm.yaml`).expect(200)).body).toEqual({ path: 'k8s/cm.yaml', content: MANIFEST });
    const applied = await ana.post(`/api/v1/clusters/${id}/exec`, { command: 'kubectl apply -f k8s/cm.yaml' }).expect(200);
    expect(applied.body.stdout).toBe('configmap/settings created\n');
    const cat = await ana.post(`/api/v1/clusters/${id}/exec`, { command: 'echo hi > note.txt' }).expect(200);
    expect(cat.body.exitCode).toBe(0);
    expect((await ana.get(`${base}?path=note.txt`).expect(200)).body.content).toBe('hi\n');

    await ana.put(base, { path: '../etc/passwd', content: 'x' }).expect(400);
    await ana.put(base, { path: '/etc/passwd', content: 'x' }).expect(400);
    await ana.put(base, { path: 'big.txt', content: 'x'.repeat(64 * 1024 + 1) }).expect(413);
    await ana.put(base, { path: 'k8s', content: 'x' }).expect(409);
    await ana.get(`${base}?path=missing.txt`).expect(404);
    await bob.get(base).expect(404);
    await bob.put(base, { path: 'x.txt', content: 'x' }).expect(404);
    await teacher.put(base, { path: 'x.txt', content: 'x' }).expect(403);
    expect((await teacher.get(`${base}?path=k8s/cm.yaml`).expect(200)).body.content).toBe(MANIFEST);

    await ana.del(`${base}?path=k8s/cm.yaml`).expect(204);
    await ana.del(`${base}?path=k8s/cm.yaml`).expect(404);
    const kinds = (await h.app.get(PrismaService).input.findMany({ where: { clusterId: id }, orderBy: { seq: 'asc' } })).map((i) => i.kind);
    expect(kinds).toEqual(['file-write', 'command', 'command', 'file-delete']);
  });
});
