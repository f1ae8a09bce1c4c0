// Past the runner's live capacity, the least recently used cluster is kept packed (its stored
// form, deflated) and loaded back on its next command: as it was, shells included; never while a
// command runs on it; past the packed capacity it comes back from the database.
import fs from 'node:fs';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { ClusterRunner, IDLE_MS } from '../../apps/server/src/clusters/cluster-runner';
import { bootApp, Harness } from './app-harness';
import { Client, signedIn, signedUp } from './client';

jest.setTimeout(60_000);

describe('packed clusters', () => {
  let h: Harness;
  let runner: ClusterRunner;
  const students: Record<string, { client: Client; clusterId: string }> = {};
  const run = async (who: string, command: string, terminal = 't') => {
    const s = students[who];
    const res = await s.client.post(`/api/v1/clusters/${s.clusterId}/exec`, { command, terminal }).expect(200);
    return res.body as { stdout: string; stderr: string; exitCode: number };
  };
  const id = (who: string) => students[who].clusterId;

  beforeAll(async () => {
    // the wall clock: a waiting command really waits (the virtual clock would end it at once)
    h = await bootApp({ AUTH_RATE_LIMIT: '1000' });
    runner = h.app.get(ClusterRunner);
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
    const teacher = await signedIn(h.app, 'teacher');
    const room = await teacher.post('/api/v1/classrooms', { name: 'R' }).expect(201);
    for (const who of ['ana', 'bob']) {
      const client = await signedUp(h.app, who);
      await client.post('/api/v1/classrooms/join', { code: room.body.joinCode }).expect(200);
      students[who] = { client, clusterId: (await client.get('/api/v1/clusters').expect(200)).body[0].id };
    }
    runner.cache.liveCapacity = 1;
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('packs the least recently used cluster and loads it back as it was, its shell too', async () => {
    await run('ana', 'kubectl create deployment web --image=nginx --replicas=2');
    await run('ana', 'export GREETING=hola; cd /tmp');
    const pods = (await run('ana', 'kubectl get pods -o name')).stdout;
    expect(pods).toMatch(/^pod\/web-\S+\npod\/web-\S+\n$/);
    await run('bob', 'kubectl get nodes');
    expect(runner.cache.peek(id('ana'))).toBeUndefined();
    const packed = runner.cache.packed(id('ana'))!;
    expect(packed.state.length).toBeGreaterThan(1000);
    const unpacks = runner.packing.unpacks;
    expect((await run('ana', 'kubectl get pods -o name')).stdout).toBe(pods);
    expect((await run('ana', 'echo $GREETING $PWD')).stdout).toBe('hola /tmp\n');
    expect(runner.packing.unpacks).toBe(unpacks + 1);
    expect(runner.cache.peek(id('ana'))?.version).toBe(packed.version + 2);
    expect(runner.cache.packed(id('bob'))).toBeDefined();
  });

  it('does not pack a cluster a command is running on', async () => {
    const watching = students.ana.client.post(`/api/v1/clusters/${id('ana')}/exec`, { command: 'kubectl get configmaps -w --request-timeout=2s', terminal: 'w' }).then((r) => r);
    while (!(runner.cache.peek(id('ana'))?.busy ?? 0)) await new Promise((r) => setTimeout(r, 10));
    await run('bob', 'kubectl get nodes');
    // the least recently used is in use: the next one goes instead
    expect(runner.cache.peek(id('ana'))?.busy).toBe(1);
    expect(runner.cache.packed(id('bob'))).toBeDefined();
    expect((await watching).status).toBe(200);
    await run('bob', 'kubectl get ns');
    expect(runner.cache.size).toBe(1);
    expect(runner.cache.packed(id('ana'))).toBeDefined();
  });

  it('packs a cluster idle for IDLE_MS (30 minutes), whatever the capacity', async () => {
    runner.cache.liveCapacity = 10;
    await run('bob', 'kubectl get ns');
    await run('ana', 'kubectl get ns');
    expect(runner.cache.size).toBe(2);
    runner.cache.peek(id('bob'))!.lastUsed -= IDLE_MS + 1000;
    runner['storeIdle'](); // what the sweeper runs every 30 s
    expect(runner.cache.packed(id('bob'))).toBeDefined();
    expect(runner.cache.peek(id('ana'))).toBeDefined();
    expect((await run('bob', 'kubectl get ns -o name')).stdout).toContain('namespace/default\n');
    expect(runner.cache.peek(id('bob'))).toBeDefined();
    runner.cache.liveCapacity = 1;
  });

  it('past the packed capacity a cluster is dropped and comes back from the database', async () => {
    runner.cache.packedCapacity = 0;
    await run('ana', 'kubectl get deployments');
    await run('bob', 'kubectl create configmap kept --from-literal=a=b');
    expect(runner.cache.packed(id('ana'))).toBeUndefined();
    expect(runner.cache.packedSize).toBe(0);
    expect((await run('ana', 'kubectl get deployment web -o jsonpath={.spec.replicas}')).stdout).toBe('2');
    expect((await run('bob', 'kubectl get configmap kept -o jsonpath={.data.a}')).stdout).toBe('b');
    runner.cache.packedCapacity = 2000;
  });
});

describe('the test route of what the runner keeps', () => {
  it('counts live and packed clusters under the virtual clock, and does not exist under the wall clock', async () => {
    const wall = await bootApp();
    const h = await bootApp({ AUTH_RATE_LIMIT: '1000', KUBEAULA_CLOCK: 'virtual' });
    try {
      await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
      const teacher = await signedIn(h.app, 'teacher');
      const room = await teacher.post('/api/v1/classrooms', { name: 'R' }).expect(201);
      const runner = h.app.get(ClusterRunner);
      runner.cache.liveCapacity = 1;
      for (const who of ['ana', 'bob']) {
        const client = await signedUp(h.app, who);
        await client.post('/api/v1/classrooms/join', { code: room.body.joinCode }).expect(200);
      }
      const res = await teacher.get('/api/v1/test/clusters/memory').expect(200);
      expect(res.body).toMatchObject({ live: 1, liveCapacity: 1, packed: 1, packedCapacity: 2000, packs: 1, unpacks: 0 });
      expect(res.body.packedBytes).toBe(runner.cache.packedBytes);
      expect(res.body.packedBytes).toBeGreaterThan(1000);
      expect(res.body.rssBytes).toBeGreaterThan(res.body.heapUsedBytes);
      const anon = await signedUp(wall.app, 'eve');
      await anon.get('/api/v1/test/clusters/memory').expect(404);
    } finally {
      await h.close();
      await wall.close();
      fs.rmSync(h.dir, { recursive: true, force: true });
      fs.rmSync(wall.dir, { recursive: true, force: true });
    }
  });
});
