// One copy of SQLite per server process: npm installs two better-sqlite3 (Prisma's adapter's and a
// top-level one), and two copies in one process drop each other's POSIX locks, which corrupts the
// database under load (sqlite.org/howtocorrupt.html, 2.2). After the server has served everything
// that opens its own connection (the input log, a token and a cluster owner read, the class view,
// grading's history), exactly one better_sqlite3.node is mapped in it: Prisma's.
import fs from 'node:fs';
import { tempDir } from './app-harness';
import { adminCreate, HttpClient, startServer, ServerProcess } from './server-process';

jest.setTimeout(120_000);

const onLinux = fs.existsSync('/proc/self/maps') ? it : it.skip;

describe('the server process', () => {
  const dir = tempDir();
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  onLinux('loads a single copy of SQLite, the one Prisma uses', async () => {
    adminCreate(dir, 'teacher');
    server = await startServer(dir);
    const base = server.url;
    const teacher = new HttpClient();
    await teacher.signIn(base, 'teacher');
    const room = (await teacher.call(base, 'POST', '/api/v1/classrooms', { name: 'S' })).body;
    const student = new HttpClient();
    await student.signIn(base, 'stu', true);
    await student.call(base, 'POST', '/api/v1/classrooms/join', { code: room.joinCode });
    const clusterId = (await student.call(base, 'GET', '/api/v1/clusters')).body[0].id;
    expect((await student.call(base, 'POST', `/api/v1/clusters/${clusterId}/exec`, { command: 'kubectl run web --image=nginx' })).status).toBe(200);
    const token = (await student.call(base, 'POST', '/api/v1/auth/tokens', { name: 't' })).body.token;
    expect((await fetch(`${base}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await teacher.call(base, 'GET', `/api/v1/classrooms/${room.id}/class-view`)).status).toBe(200);
    const a = await teacher.call(base, 'POST', `/api/v1/classrooms/${room.id}/assignments`, {
      title: 'Pods',
      items: [{ kind: 'lesson', lessonId: 'pods', weight: 1 }],
      deadline: '2099-01-01T00:00',
      feedback: 'pass',
    });
    expect(a.status).toBe(201);
    expect((await teacher.call(base, 'POST', `/api/v1/classrooms/${room.id}/assignments/${a.body.id}/grade`)).status).toBeLessThan(300);

    const maps = fs.readFileSync(`/proc/${server.child.pid}/maps`, 'utf8');
    const copies = [...new Set(maps.split('\n').filter((l) => l.endsWith('better_sqlite3.node')).map((l) => l.slice(l.indexOf('/'))))];
    expect(copies).toHaveLength(1);
    expect(copies[0]).toContain('@prisma/adapter-better-sqlite3/node_modules/better-sqlite3/');
  });
});
