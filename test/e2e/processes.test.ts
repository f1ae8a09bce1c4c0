// The server as separate processes on one SQLite file: no lost update when two processes run
// commands on the same cluster at once (version compare-and-set with retry), and durability:
// every command answered before a SIGKILL is in the database, with its effect, after a restart.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { tempDir } from './app-harness';
import { adminCreate, HttpClient, startServer, ServerProcess } from './server-process';

jest.setTimeout(180_000);

async function classroomWithStudent(base: string): Promise<{ student: HttpClient; clusterId: string }> {
  const teacher = new HttpClient();
  await teacher.signIn(base, 'teacher');
  const room = await teacher.call(base, 'POST', '/api/v1/classrooms', { name: 'P' });
  const student = new HttpClient();
  await student.signIn(base, 'stu', true);
  await student.call(base, 'POST', '/api/v1/classrooms/join', { code: room.body.joinCode });
  const clusters = await student.call(base, 'GET', '/api/v1/clusters');
  return { student, clusterId: clusters.body[0].id };
}

describe('two server processes on one database', () => {
  const dir = tempDir();
  let a: ServerProcess;
  let b: ServerProcess;
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loses no update: 200 concurrent label commands spread over both processes all land', async () => {
    adminCreate(dir, 'teacher');
    [a, b] = await Promise.all([startServer(dir), startServer(dir)]);
    const { student, clusterId } = await classroomWithStudent(a.url);
    expect((await student.call(b.url, 'POST', `/api/v1/clusters/${clusterId}/exec`, { command: 'kubectl run target --image=nginx' })).status).toBe(200);
    const N = 200;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => student.call(i % 2 ? a.url : b.url, 'POST', `/api/v1/clusters/${clusterId}/exec`, { command: `kubectl label pod target l${i}=v`, terminal: `t${i % 5}` })),
    );
    expect(results.filter((r) => r.status !== 200 || r.body.stdout !== 'pod/target labeled\n')).toEqual([]);
    for (const server of [a, b]) {
      const pod = await student.call(server.url, 'POST', `/api/v1/clusters/${clusterId}/exec`, { command: 'kubectl get pod target -o json' });
      const labels = JSON.parse(pod.body.stdout).metadata.labels as Record<string, string>;
      expect(Object.keys(labels).filter((k) => /^l\d+$/.test(k))).toHaveLength(N);
    }
    const db = new Database(path.join(dir, 'kubeaula.db'), { readonly: true });
    try {
      const rows = db.prepare(`SELECT seq FROM "Input" WHERE "clusterId" = ? AND command LIKE 'kubectl label%' ORDER BY seq`).all(clusterId) as { seq: number }[];
      expect(rows).toHaveLength(N);
    } finally {
      db.close();
    }
  });
});

describe('durability', () => {
  const dir = tempDir();
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every answered command across a SIGKILL, and starts cleanly after it', async () => {
    adminCreate(dir, 'teacher');
    server = await startServer(dir);
    const base = server.url;
    const { student, clusterId } = await classroomWithStudent(base);
    await student.call(base, 'POST', `/api/v1/clusters/${clusterId}/exec`, { command: 'kubectl run target --image=nginx' });
    const answered: { i: number; version: number }[] = [];
    let stop = false;
    const stream = (async () => {
      for (let i = 0; !stop; i++) {
        try {
          const r = await student.call(base, 'POST', `/api/v1/clusters/${clusterId}/exec`, { command: `kubectl label pod target d${i}=v` });
          if (r.status === 200) answered.push({ i, version: r.body.version });
        } catch {
          return; // the server died mid-request
        }
      }
    })();
    while (answered.length < 15) await new Promise((r) => setTimeout(r, 20));
    await server.stop('SIGKILL');
    stop = true;
    await stream;
    server = await startServer(dir);
    const again = new HttpClient();
    await again.signIn(server.url, 'stu');
    const pod = await again.call(server.url, 'POST', `/api/v1/clusters/${clusterId}/exec`, { command: 'kubectl get pod target -o json' });
    const labels = JSON.parse(pod.body.stdout).metadata.labels as Record<string, string>;
    expect(answered.filter(({ i }) => labels[`d${i}`] !== 'v')).toEqual([]);
    const inputs = await again.call(server.url, 'GET', `/api/v1/clusters/${clusterId}/inputs?limit=500`);
    const seqs = new Set((inputs.body as { seq: number }[]).map((x) => x.seq));
    expect(answered.filter(({ version }) => !seqs.has(version))).toEqual([]);
  });
});
