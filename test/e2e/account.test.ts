// A student's own data: export as JSON, delete the account (anonymised, inputs kept without
// author); an instructor resets a student's password; the classroom owner archives it.
import fs from 'node:fs';
import request from 'supertest';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { bootApp, Harness } from './app-harness';
import { signedIn, signedUp } from './client';

describe('account', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await bootApp({ AUTH_RATE_LIMIT: '1000', KUBEAULA_CLOCK: 'virtual' });
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('exports, resets a password by the instructor, deletes anonymised, archives', async () => {
    const teacher = await signedIn(h.app, 'teacher');
    const room = await teacher.post('/api/v1/classrooms', { name: 'A' }).expect(201);
    const ana = await signedUp(h.app, 'ana');
    const bob = await signedUp(h.app, 'bob');
    await ana.post('/api/v1/classrooms/join', { code: room.body.joinCode }).expect(200);
    await bob.post('/api/v1/classrooms/join', { code: room.body.joinCode }).expect(200);
    const clusterId = (await ana.get('/api/v1/clusters').expect(200)).body[0].id;
    await ana.post(`/api/v1/clusters/${clusterId}/exec`, { command: 'kubectl create ns homework' }).expect(200);

    const exp = await ana.get('/api/v1/me/export').expect(200);
    expect(exp.headers['content-disposition']).toBe('attachment; filename="kubeaula-ana.json"');
    const cluster = exp.body.user.memberships[0].clusters[0];
    expect(cluster.inputs).toEqual([expect.objectContaining({ seq: 1, command: 'kubectl create ns homework', exitCode: 0 })]);
    expect(cluster.state.engineVersion).toBeDefined();
    // the state in its readable form, as of the last command
    expect(cluster.state.format).toBeUndefined();
    expect(JSON.stringify(cluster.state)).toContain('"name":"homework"');
    expect(JSON.stringify(exp.body)).not.toContain('passwordHash');

    // the instructor resets ana's password (not bob, not a stranger's)
    const anaId = exp.body.user.id;
    await bob.post(`/api/v1/classrooms/${room.body.id}/students/${anaId}/password`, { password: 'hacked1234' }).expect(403);
    await teacher.post(`/api/v1/classrooms/${room.body.id}/students/${anaId}/password`, { password: 'newpassword9' }).expect(204);
    await ana.get('/api/v1/auth/me').expect(401); // her sessions ended
    const ana2 = await signedIn(h.app, 'ana', 'newpassword9');

    // deleting needs the password; then the name is gone and the inputs stay, without author
    await ana2.post('/api/v1/me/delete', { password: 'wrong-password' }).expect(401);
    await ana2.post('/api/v1/me/delete', { password: 'newpassword9' }).expect(204);
    await ana2.get('/api/v1/auth/me').expect(401);
    const prisma = h.app.get(PrismaService);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: anaId } });
    expect(user).toMatchObject({ username: `deleted-${anaId}`, displayName: 'Deleted user', passwordHash: null });
    const inputs = await prisma.input.findMany({ where: { clusterId } });
    expect(inputs.map((i) => [i.command, i.actorId])).toEqual([['kubectl create ns homework', null]]);
    await request(h.app.getHttpServer()).post('/api/v1/auth/signin'); // still serving
    const c = await signedUp(h.app, 'ana'); // the name is free again
    expect((await c.get('/api/v1/auth/me').expect(200)).body.user.username).toBe('ana');

    // the owner archives; a student cannot; joining an archived classroom is refused
    await bob.post(`/api/v1/classrooms/${room.body.id}/archive`).expect(403);
    await teacher.post(`/api/v1/classrooms/${room.body.id}/archive`).expect(204);
    await c.post('/api/v1/classrooms/join', { code: room.body.joinCode }).expect(404);
  });
});
