// Every model of prisma/schema.prisma written and read back through the generated client on a
// database built by the committed migrations: the client, the schema and the SQL agree.
import fs from 'node:fs';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { bootApp, Harness } from './app-harness';

describe('data model', () => {
  let h: Harness;
  let prisma: PrismaService;
  beforeAll(async () => {
    h = await bootApp();
    prisma = h.app.get(PrismaService);
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  it('stores and reads back a classroom with a student, a cluster and its records', async () => {
    const at = new Date('2026-03-02T08:00:00.000Z');
    const teacher = await prisma.user.create({ data: { username: 'profe', displayName: 'Profe', role: 'instructor', passwordHash: 'x' } });
    const student = await prisma.user.create({ data: { username: 'ana', displayName: 'Ana', locale: 'en', timeZone: 'Europe/Madrid' } });
    const room = await prisma.classroom.create({
      data: { name: 'K8s 101', joinCode: 'ABC123', ownerId: teacher.id, discordGuildId: '1', discordChannels: { commands: '2' } },
    });
    const membership = await prisma.membership.create({ data: { userId: student.id, classroomId: room.id } });
    const cluster = await prisma.cluster.create({
      data: { membershipId: membership.id, purpose: 'course', options: { nodes: 2 }, seed: 2147483647, state: '{}', engineVersion: '1', stateAt: at, updatedAt: at },
    });
    const shell = await prisma.shellSession.create({
      data: { userId: student.id, clusterId: cluster.id, door: 'web', terminalKey: 'tab-1', env: { HOME: '/root' }, cwd: '/root', host: 'master', history: ['kubectl get pods'], lastUsedAt: at },
    });
    await prisma.input.create({
      data: {
        clusterId: cluster.id, seq: 1, kind: 'command', at, door: 'web', actorId: student.id, shellSessionId: shell.id,
        command: 'kubectl get pods', stdout: 'No resources found in default namespace.\n', stderr: '', exitCode: 0, durationMs: 3,
      },
    });
    await prisma.snapshot.create({ data: { clusterId: cluster.id, name: 'before', state: '{}', engineVersion: '1', clusterVersion: 1, stateAt: at } });
    await prisma.workspaceFile.create({ data: { clusterId: cluster.id, host: 'master', path: '/root/pod.yaml', content: 'kind: Pod\n', size: 10, updatedAt: at } });
    await prisma.lessonProgress.create({ data: { membershipId: membership.id, clusterId: cluster.id, lessonId: 'pods', startedAt: at, updatedAt: at } });
    await prisma.checkResult.create({ data: { membershipId: membership.id, clusterId: cluster.id, lessonId: 'pods', checkId: 'pod-running', passed: false, detail: { reason: 'no pod' }, clusterVersion: 1, at } });
    await prisma.discordLink.create({ data: { userId: student.id, discordUserId: '42', linkedAt: at } });
    await prisma.apiToken.create({ data: { userId: student.id, name: 'laptop', prefix: 'ka_12', tokenHash: 'h1', scopes: ['exec'], createdAt: at } });
    await prisma.apiToken.create({ data: { kind: 'service', name: 'bot', prefix: 'ka_34', tokenHash: 'h2', scopes: ['discord'], createdAt: at } });
    await prisma.session.create({ data: { tokenHash: 's1', userId: student.id, createdAt: at, lastSeenAt: at, expiresAt: new Date(at.getTime() + 3600_000) } });

    const read = await prisma.cluster.findUniqueOrThrow({
      where: { membershipId_purpose: { membershipId: membership.id, purpose: 'course' } },
      include: { inputs: true, snapshots: true, workspaceFiles: true, shellSessions: true, lessonProgress: true, checkResults: true },
    });
    expect(read.options).toEqual({ nodes: 2 });
    expect(read.seed).toBe(2147483647);
    expect(read.stateAt).toEqual(at);
    expect(read.inputs).toMatchObject([{ seq: 1, command: 'kubectl get pods', exitCode: 0, outputTruncated: false, at }]);
    expect(read.snapshots).toHaveLength(1);
    expect(read.workspaceFiles[0]).toMatchObject({ path: '/root/pod.yaml', size: 10 });
    expect(read.shellSessions[0].history).toEqual(['kubectl get pods']);
    expect(read.checkResults[0].detail).toEqual({ reason: 'no pod' });
    expect(await prisma.apiToken.count()).toBe(2);
  });

  it('refuses a second input with the same seq on one cluster (no lost update)', async () => {
    const cluster = await prisma.cluster.findFirstOrThrow();
    await expect(
      prisma.input.create({ data: { clusterId: cluster.id, seq: 1, kind: 'command', at: new Date(), door: 'api', command: 'x' } }),
    ).rejects.toMatchObject({ code: 'P2002' });
  });

  it('compare-and-set on the cluster version updates only the expected version', async () => {
    const cluster = await prisma.cluster.findFirstOrThrow();
    const cas = (version: number) =>
      prisma.cluster.updateMany({ where: { id: cluster.id, version }, data: { version: version + 1, state: `{"v":${version + 1}}` } });
    expect((await cas(cluster.version)).count).toBe(1);
    expect((await cas(cluster.version)).count).toBe(0);
  });

  it('keeps a deleted user\'s inputs, without the actor', async () => {
    const ana = await prisma.user.findUniqueOrThrow({ where: { username: 'ana' } });
    await prisma.membership.deleteMany({ where: { userId: ana.id } }); // cascades to the cluster
    const other = await prisma.user.create({ data: { username: 'luis', displayName: 'Luis' } });
    const room = await prisma.classroom.findFirstOrThrow();
    const m = await prisma.membership.create({ data: { userId: other.id, classroomId: room.id } });
    const at = new Date();
    const c = await prisma.cluster.create({ data: { membershipId: m.id, purpose: 'sandbox', seed: 1, state: '{}', engineVersion: '1', stateAt: at, updatedAt: at } });
    await prisma.input.create({ data: { clusterId: c.id, seq: 1, kind: 'instructor', at, door: 'web', actorId: ana.id } });
    await prisma.user.delete({ where: { id: ana.id } });
    expect(await prisma.input.findFirstOrThrow({ where: { clusterId: c.id } })).toMatchObject({ actorId: null });
  });
});
