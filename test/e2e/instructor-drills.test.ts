// Fault drills through REST: for the whole class or one student, recorded as Input rows of kind
// `drill` on each student's cluster, with the effect a real cluster shows, and ended again.
import fs from 'node:fs';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { ClusterRunner } from '../../apps/server/src/clusters/cluster-runner';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { bootApp, Harness } from './app-harness';
import { Client, signedIn, signedUp } from './client';

jest.setTimeout(120_000);

describe('fault drills', () => {
  let h: Harness;
  let teacher: Client;
  const students: Record<string, Client> = {};
  const clusters: Record<string, string> = {};
  let room: string;
  const base = () => `/api/v1/classrooms/${room}/drills`;
  const run = async (who: string, command: string) => (await students[who].post(`/api/v1/clusters/${clusters[who]}/exec`, { command }).expect(200)).body;
  const advance = (seconds: number) => teacher.post('/api/v1/test/clock/advance', { seconds }).expect(200);

  beforeAll(async () => {
    h = await bootApp({ KUBEAULA_CLOCK: 'virtual', AUTH_RATE_LIMIT: '1000' });
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
    teacher = await signedIn(h.app, 'teacher');
    const created = await teacher.post('/api/v1/classrooms', { name: 'Drills' }).expect(201);
    room = created.body.id;
    for (const s of ['ana', 'bob']) {
      students[s] = await signedUp(h.app, s);
      await students[s].post('/api/v1/classrooms/join', { code: created.body.joinCode }).expect(200);
      clusters[s] = (await students[s].get('/api/v1/clusters').expect(200)).body[0].id;
    }
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('stops a kubelet on every student’s node1, on their timelines, until it is ended', async () => {
    const r = await teacher.post(base(), { spec: { kind: 'stop-kubelet', node: 'node1' } }).expect(201);
    expect(r.body).toMatchObject({ spec: { kind: 'stop-kubelet', node: 'node1' }, userId: null, lasts: true, endedAt: null });
    expect(r.body.targets.map((t: { username: string; version: number }) => [t.username, t.version])).toEqual([['ana', 1], ['bob', 1]]);
    const inputs = (await students.ana.get(`/api/v1/clusters/${clusters.ana}/inputs`).expect(200)).body;
    expect(inputs).toEqual([expect.objectContaining({ seq: 1, kind: 'drill', door: 'system' })]);
    await advance(60);
    expect((await run('ana', 'kubectl get nodes')).stdout).toMatch(/\nnode1\s+NotReady\s/);
    expect((await run('bob', 'kubectl get nodes')).stdout).toMatch(/\nnode1\s+NotReady\s/);
    const ended = await teacher.post(`${base()}/${r.body.id}/end`).expect(200);
    expect(ended.body.endedAt).not.toBeNull();
    await advance(30);
    expect((await run('ana', 'kubectl get nodes')).stdout).toMatch(/\nnode1\s+Ready\s/);
    await teacher.post(`${base()}/${r.body.id}/end`).expect(409);
    const list = (await teacher.get(base()).expect(200)).body;
    expect(list).toEqual([expect.objectContaining({ id: r.body.id, endedAt: ended.body.endedAt })]);
  });

  it('kills a container for one student only; what cannot apply is said per student', async () => {
    await run('bob', 'kubectl run web --image=nginx');
    await advance(30);
    const users = (await teacher.get(`/api/v1/classrooms/${room}/students`).expect(200)).body;
    const bobId = users.find((u: { username: string }) => u.username === 'bob').userId;
    const r = await teacher.post(base(), { spec: { kind: 'kill-container', pod: 'web' }, userId: bobId }).expect(201);
    expect(r.body).toMatchObject({ userId: bobId, lasts: false, endedAt: expect.any(String) });
    await advance(5);
    expect((await run('bob', 'kubectl get pod web')).stdout).toMatch(/\nweb\s+1\/1\s+Running\s+1 \(\d+s ago\)\s/);
    // ana has no pod web: the drill cannot apply anywhere
    const anaId = users.find((u: { username: string }) => u.username === 'ana').userId;
    const refused = await teacher.post(base(), { spec: { kind: 'kill-container', pod: 'web' }, userId: anaId }).expect(409);
    expect(refused.body.message).toMatch(/ana: pod default\/web has no containers running/);
    await teacher.post(base(), { spec: { kind: 'meteor' } }).expect(400);
    await students.ana.post(base(), { spec: { kind: 'stop-kubelet', node: 'node1' } }).expect(403);
    await students.ana.get(base()).expect(403);
  });

  it('is in the cluster’s history: loaded again from the database (stored states and a replay of the inputs after them), the cluster is the one that ran', async () => {
    const runner = h.app.get(ClusterRunner);
    const id = clusters.ana;
    const users = (await teacher.get(`/api/v1/classrooms/${room}/students`).expect(200)).body;
    const anaId = users.find((u: { username: string }) => u.username === 'ana').userId;
    await run('ana', 'kubectl create deployment web --image=nginx --replicas=2');
    await advance(30);
    const pod = JSON.parse((await run('ana', 'kubectl get pods -l app=web -o json')).stdout).items[0].metadata.name;
    await teacher.post(base(), { spec: { kind: 'kill-container', pod }, userId: anaId }).expect(201);
    await advance(5);
    await run('ana', 'kubectl scale deployment web --replicas=3');
    const slow = await teacher.post(base(), { spec: { kind: 'slow-pulls', node: 'node2', delaySeconds: 60 }, userId: anaId }).expect(201);
    await run('ana', 'kubectl run solo --image=busybox -- sleep 3600');
    await advance(20);
    await teacher.post(`${base()}/${slow.body.id}/end`).expect(200);
    await run('ana', 'kubectl delete pod solo --wait=false');
    await advance(10);
    const listing = (await run('ana', 'kubectl get pods')).stdout;
    expect(listing).toMatch(new RegExp(`\\n${pod}\\s+1/1\\s+Running\\s+1 \\(\\d+s ago\\)\\s`));
    const inputs = (await students.ana.get(`/api/v1/clusters/${id}/inputs`).expect(200)).body as { kind: string }[];
    expect(inputs.filter((i) => i.kind === 'drill')).toHaveLength(5); // the first test's start and end, and these three
    const row = await h.app.get(PrismaService).cluster.findUniqueOrThrow({ where: { id } });
    // the last drill input stored the state; the commands after it are replayed
    expect(row.stateVersion).toBeLessThan(row.version);
    const live = JSON.stringify(runner.cache.peek(id)!.sandbox.serialize());
    runner.cache.evict(id);
    const reloaded = await runner.read(id, (entry) => JSON.stringify(entry.sandbox.serialize()));
    expect(reloaded).toBe(live);
    expect((await run('ana', 'kubectl get pods')).stdout).toBe(listing);
  });
});
