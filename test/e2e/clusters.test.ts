// Classrooms and the exec service over REST: join with a code, a course cluster per student,
// commands that change it durably, shell state per terminal, reset and snapshots, isolation
// between students, and no lost update under concurrent commands on one cluster.
import fs from 'node:fs';
import request from 'supertest';
import { AuthService } from '../../apps/server/src/auth/auth.service';
import { ClusterRunner } from '../../apps/server/src/clusters/cluster-runner';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { bootApp, Harness } from './app-harness';
import { Client, signedIn, signedUp } from './client';

// Hundreds of commands per test: slow on a loaded 2-core machine.
jest.setTimeout(180_000);

describe('classrooms and clusters over REST', () => {
  let h: Harness;
  let teacher: Client;
  let ana: Client;
  let bob: Client;
  let code: string;
  let anaCluster: string;
  let bobCluster: string;

  beforeAll(async () => {
    h = await bootApp({ KUBEAULA_CLOCK: 'virtual', AUTH_RATE_LIMIT: '1000' });
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
    teacher = await signedIn(h.app, 'teacher');
    ana = await signedUp(h.app, 'ana');
    bob = await signedUp(h.app, 'bob');
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('lets an instructor create a classroom, and not a student', async () => {
    const res = await teacher.post('/api/v1/classrooms', { name: 'K8s 101' }).expect(201);
    expect(res.body).toMatchObject({ name: 'K8s 101', role: 'instructor', archived: false });
    expect(res.body.joinCode).toMatch(/^[A-Z2-9]{8}$/);
    code = res.body.joinCode;
    const refused = await ana.post('/api/v1/classrooms', { name: 'mine' }).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
  });

  it('lets students join with the code (any case) and gives each a course cluster', async () => {
    const j = await ana.post('/api/v1/classrooms/join', { code: code.toLowerCase() }).expect(200);
    expect(j.body).toEqual({ id: expect.any(String), name: 'K8s 101', role: 'student', archived: false });
    await bob.post('/api/v1/classrooms/join', { code }).expect(200);
    await ana.post('/api/v1/classrooms/join', { code: 'NOPE2345' }).expect(404);
    const a = await ana.get('/api/v1/clusters').expect(200);
    expect(a.body).toHaveLength(1);
    expect(a.body[0]).toMatchObject({ purpose: 'course', shape: 'kubeadm', classroomName: 'K8s 101', ownerUsername: 'ana', version: 0, mine: true });
    anaCluster = a.body[0].id;
    bobCluster = (await bob.get('/api/v1/clusters').expect(200)).body[0].id;
    expect(bobCluster).not.toBe(anaCluster);
    const students = await teacher.get(`/api/v1/classrooms/${j.body.id}/students`).expect(200);
    expect(students.body.map((s: { username: string }) => s.username)).toEqual(['ana', 'bob']);
    await ana.get(`/api/v1/classrooms/${j.body.id}/students`).expect(403);
  });

  it('runs a command, stores it with its Input row and returns the changes', async () => {
    const res = await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: 'kubectl create deployment web --image=nginx' }).expect(200);
    expect(res.body).toMatchObject({ stdout: 'deployment.apps/web created\n', stderr: '', exitCode: 0, exited: false, capped: false, version: 1 });
    expect(res.body.prompt).toBe('student@master:~$ ');
    expect(res.body.changes).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'ADDED', kind: 'Deployment', name: 'web', namespace: 'default' })]));
    const inputs = await ana.get(`/api/v1/clusters/${anaCluster}/inputs`).expect(200);
    expect(inputs.body).toEqual([expect.objectContaining({ seq: 1, kind: 'command', door: 'api', command: 'kubectl create deployment web --image=nginx', exitCode: 0, stdout: 'deployment.apps/web created\n' })]);
    const pods = await ana.get(`/api/v1/clusters/${anaCluster}/objects?resource=pods`).expect(200);
    expect(pods.body.objects.filter((o: { namespace: string }) => o.namespace === 'default')).toHaveLength(1);
  });

  it('keeps simulated time, errors and exit codes as kubectl gives them', async () => {
    await request(h.app.getHttpServer()).post('/api/v1/test/clock/advance').send({ seconds: 30 }).expect(200);
    const res = await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: 'kubectl get deploy web' }).expect(200);
    expect(res.body.stdout).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+1\/1\s+1\s+1\s+30s\n$/);
    const bad = await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: 'kubectl get pod nope' }).expect(200);
    expect(bad.body).toMatchObject({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
  });

  it('keeps a shell per terminal: directory and variables survive between commands', async () => {
    await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: 'mkdir -p work && cd work && export X=42', terminal: 't1' }).expect(200);
    const pwd = await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: 'pwd; echo $X', terminal: 't1' }).expect(200);
    expect(pwd.body.stdout).toBe('/home/student/work\n42\n');
    const other = await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: 'pwd; echo "[$X]"', terminal: 't2' }).expect(200);
    expect(other.body.stdout).toBe('/home/student\n[]\n');
  });

  it('refuses bad bodies and over-long command lines, writing nothing', async () => {
    const prisma = h.app.get(PrismaService);
    const before = await prisma.input.count();
    await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: 'x'.repeat(10_001) }).expect(413); // the line limit, as at every door
    await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { cmd: 'ls' }).expect(400);
    await ana.agent.post(`/api/v1/clusters/${anaCluster}/exec`).set('X-CSRF-Token', ana.csrf).set('Content-Type', 'application/json').send('{"command": ').expect(400);
    await ana.post('/api/v1/clusters/does-not-exist/exec', { command: 'ls' }).expect(404);
    expect(await prisma.input.count()).toBe(before);
  });

  it('isolates students: another student cannot read or change a cluster (404)', async () => {
    const id = anaCluster;
    await bob.get(`/api/v1/clusters/${id}`).expect(404);
    await bob.get(`/api/v1/clusters/${id}/objects`).expect(404);
    await bob.get(`/api/v1/clusters/${id}/inputs`).expect(404);
    await bob.get(`/api/v1/clusters/${id}/snapshots`).expect(404);
    await bob.post(`/api/v1/clusters/${id}/exec`, { command: 'kubectl delete deploy web' }).expect(404);
    await bob.post(`/api/v1/clusters/${id}/reset`).expect(404);
    await bob.post(`/api/v1/clusters/${id}/snapshots`, { name: 'x' }).expect(404);
    // the instructor may read, not change
    await teacher.get(`/api/v1/clusters/${id}/objects?resource=deployments`).expect(200);
    const w = await teacher.post(`/api/v1/clusters/${id}/exec`, { command: 'kubectl delete deploy web' }).expect(403);
    expect(w.body.code).toBe('FORBIDDEN');
    // without a session
    await request(h.app.getHttpServer()).get(`/api/v1/clusters/${id}`).expect(401);
    const bobSees = await bob.post(`/api/v1/clusters/${bobCluster}/exec`, { command: 'kubectl get deploy' }).expect(200);
    expect(bobSees.body.stderr).toBe('No resources found in default namespace.\n');
  });

  it('saves, lists and restores snapshots, and resets', async () => {
    const s = await ana.post(`/api/v1/clusters/${anaCluster}/snapshots`, { name: 'with web' }).expect(201);
    await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: 'kubectl delete deploy web' }).expect(200);
    expect((await ana.get(`/api/v1/clusters/${anaCluster}/snapshots`).expect(200)).body).toEqual([expect.objectContaining({ id: s.body.id, name: 'with web' })]);
    await ana.post(`/api/v1/clusters/${anaCluster}/snapshots/${s.body.id}/restore`).expect(200);
    const get = await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: 'kubectl get deploy -o name' }).expect(200);
    expect(get.body.stdout).toBe('deployment.apps/web\n');
    await ana.post(`/api/v1/clusters/${anaCluster}/reset`).expect(200);
    const after = await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: 'kubectl get deploy' }).expect(200);
    expect(after.body.stderr).toBe('No resources found in default namespace.\n');
    const kinds = (await ana.get(`/api/v1/clusters/${anaCluster}/inputs?limit=500`).expect(200)).body.map((i: { kind: string }) => i.kind);
    expect(kinds).toContain('restore');
    expect(kinds).toContain('reset');
    await bob.post(`/api/v1/clusters/${anaCluster}/snapshots/${s.body.id}/restore`).expect(404);
  });

  it('loses no update: 100 concurrent label commands on one pod all land, each with its Input row', async () => {
    await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: 'kubectl run target --image=nginx' }).expect(200);
    const prisma = h.app.get(PrismaService);
    const before = await prisma.input.count({ where: { clusterId: anaCluster } });
    const N = 100;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: `kubectl label pod target l${i}=v`, terminal: `c${i % 7}` })),
    );
    for (const r of results) expect(r.status).toBe(200);
    expect(results.map((r) => r.body.stdout)).toEqual(Array.from({ length: N }, () => 'pod/target labeled\n'));
    const pod = await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: 'kubectl get pod target -o json' }).expect(200);
    const labels = JSON.parse(pod.body.stdout).metadata.labels;
    for (let i = 0; i < N; i++) expect(labels[`l${i}`]).toBe('v');
    expect(await prisma.input.count({ where: { clusterId: anaCluster } })).toBe(before + N + 1);
    const versions = results.map((r) => r.body.version).sort((a: number, b: number) => a - b);
    expect(new Set(versions).size).toBe(N);
    // what is stored agrees: loaded afresh (the stored state and a replay of the inputs after
    // it), the pod has every label
    h.app.get(ClusterRunner).cache.evict(anaCluster);
    const reloaded = await ana.post(`/api/v1/clusters/${anaCluster}/exec`, { command: 'kubectl get pod target -o json' }).expect(200);
    expect(Object.keys(JSON.parse(reloaded.body.stdout).metadata.labels ?? {}).filter((k) => /^l\d+$/.test(k))).toHaveLength(N);
  });

  it("never translates kubectl: its output is English, byte for byte the same for a Spanish and an English user", async () => {
    // the dashboard and the bot speak the user's language; the terminal is a real cluster's
    const room = (await teacher.post('/api/v1/classrooms', { name: 'Idiomas' }).expect(201)).body as { joinCode: string };
    const eva = await signedUp(h.app, 'eva');
    const tom = await signedUp(h.app, 'tom');
    await tom.put('/api/v1/me/locale', { locale: 'en' }).expect(200);
    expect((await eva.get('/api/v1/auth/me').expect(200)).body.user.locale).toBe('es');
    expect((await tom.get('/api/v1/auth/me').expect(200)).body.user.locale).toBe('en');
    const clusterOf = async (c: Client) => {
      await c.post('/api/v1/classrooms/join', { code: room.joinCode }).expect(200);
      return ((await c.get('/api/v1/clusters').expect(200)).body as { id: string }[])[0].id;
    };
    // each in a fresh course cluster, and each browser asking for its own language
    const users = [
      { c: eva, cluster: await clusterOf(eva), lang: 'es-ES,es;q=0.9' },
      { c: tom, cluster: await clusterOf(tom), lang: 'en-US,en;q=0.9' },
    ];
    const lines = [
      'kubectl get pods',
      'kubectl get pod x',
      'kubectl obtener pods',
      'kubectl get pods --todos',
      'kubectl delete deployment web',
      'kubectl get nodes',
      'kubectl run web --image=nginx',
      'kubectl get pods -o name',
      'kubectl explain pod.spec.restartPolicy',
      'kubectl get --help | head -3',
      'orden-inexistente',
    ];
    const answers = await Promise.all(
      users.map(async ({ c, cluster, lang }) => {
        const out: { stdout: string; stderr: string; exitCode: number }[] = [];
        for (const command of lines) {
          const res = await c.agent.post(`/api/v1/clusters/${cluster}/exec`).set('X-CSRF-Token', c.csrf).set('Accept-Language', lang).send({ command }).expect(200);
          out.push({ stdout: res.body.stdout, stderr: res.body.stderr, exitCode: res.body.exitCode });
        }
        return out;
      }),
    );
    const [es, en] = answers;
    expect(es).toEqual(en);
    // and that is kubectl's (and bash's) English
    const said = Object.fromEntries(lines.map((l, i) => [l, es[i]]));
    expect(said['kubectl get pods']).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(said['kubectl get pod x']).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "x" not found\n', exitCode: 1 });
    expect(said['kubectl obtener pods']).toEqual({
      stdout: '',
      stderr: 'error: unknown command "obtener" for "kubectl"\n',
      exitCode: 1,
    });
    expect(said['kubectl get pods --todos']).toEqual({ stdout: '', stderr: "error: unknown flag: --todos\nSee 'kubectl get --help' for usage.\n", exitCode: 1 });
    expect(said['kubectl delete deployment web']).toEqual({ stdout: '', stderr: 'Error from server (NotFound): deployments.apps "web" not found\n', exitCode: 1 });
    expect(said['kubectl get nodes'].stdout).toMatch(/^NAME {3,}STATUS {3,}ROLES {3,}AGE {3,}VERSION\nmaster {3,}Ready {3,}control-plane /);
    expect(said['kubectl run web --image=nginx']).toEqual({ stdout: 'pod/web created\n', stderr: '', exitCode: 0 });
    expect(said['kubectl explain pod.spec.restartPolicy'].stdout).toMatch(/^KIND: {7}Pod\nVERSION: {4}v1\n\nFIELD: restartPolicy <string>\nENUM:\n {4}Always\n/);
    // kubectl v1.32's own help text
    expect(said['kubectl get --help | head -3'].stdout).toBe(
      "Display one or many resources.\n\n Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.\n",
    );
    expect(said['orden-inexistente']).toEqual({ stdout: '', stderr: 'bash: orden-inexistente: command not found\n', exitCode: 127 });
  });
});
