// The input log and the timeline: a scripted session of mixed inputs (commands from every door and
// several terminals, nested shells, aliases, history expansion, workspace file writes and
// deletes, a reset, a restore, waiting commands, time passing), the serialized state recorded
// after each input as it ran; then the state after every input is rebuilt from the stored states
// and the log and must be the same JSON. Along the way the cluster leaves the cache and is loaded
// again by replay, which must publish nothing; and a replay refuses another engine's inputs.
import fs from 'node:fs';
import { AuthService, toAuthUser } from '../../apps/server/src/auth/auth.service';
import { CLOCK, VirtualClock as ServerVirtualClock } from '../../apps/server/src/clock/clock';
import { ClusterEvents, ClusterChange } from '../../apps/server/src/clusters/cluster-events';
import { ClusterRunner } from '../../apps/server/src/clusters/cluster-runner';
import { Door, ExecService } from '../../apps/server/src/clusters/exec.service';
import { PrismaService } from '../../apps/server/src/database/prisma.service';
import { TimelineService } from '../../apps/server/src/timeline/timeline.service';
import { bootApp, Harness } from './app-harness';
import { Client, signedIn, signedUp } from './client';

jest.setTimeout(300_000);

describe('the input log and the timeline', () => {
  let h: Harness;
  let ana: Client;
  let clusterId: string;
  let runner: ClusterRunner;
  const recorded: string[] = [];

  beforeAll(async () => {
    h = await bootApp({ KUBEAULA_CLOCK: 'virtual', AUTH_RATE_LIMIT: '1000' });
    await h.app.get(AuthService).register({ username: 'teacher', password: 'password123', role: 'instructor' });
    const teacher = await signedIn(h.app, 'teacher');
    ana = await signedUp(h.app, 'ana');
    const room = await teacher.post('/api/v1/classrooms', { name: 'Timeline' }).expect(201);
    await ana.post('/api/v1/classrooms/join', { code: room.body.joinCode }).expect(200);
    clusterId = (await ana.get('/api/v1/clusters').expect(200)).body[0].id;
    runner = h.app.get(ClusterRunner);
    runner.stateEvery = 6; // several periodic states within the script
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  });

  /** The live state right after the input just committed (not stepped any further). */
  async function record(): Promise<void> {
    const version = (await h.app.get(PrismaService).cluster.findUniqueOrThrow({ where: { id: clusterId } })).version;
    const entry = runner.cache.peek(clusterId)!;
    expect(entry.version).toBe(version);
    recorded[version] = JSON.stringify(entry.sandbox.serialize());
  }

  async function exec(door: Door, terminal: string, line: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    const user = toAuthUser(await h.app.get(PrismaService).user.findUniqueOrThrow({ where: { username: 'ana' } }));
    const r = await h.app.get(ExecService).exec({ user, clusterId, door, terminal, line });
    await record();
    return r;
  }

  async function rest(line: string, terminal = 'api'): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    const r = await ana.post(`/api/v1/clusters/${clusterId}/exec`, { command: line, terminal }).expect(200);
    await record();
    return r.body;
  }

  function advance(seconds: number): void {
    (h.app.get(CLOCK) as ServerVirtualClock).advance(seconds * 1000);
  }

  it('rebuilds the exact state after every input of a mixed session', async () => {
    const prisma = h.app.get(PrismaService);
    recorded[0] = JSON.stringify(runner.cache.peek(clusterId)!.sandbox.serialize());
    const published: ClusterChange[] = [];
    h.app.get(ClusterEvents).subscribe(clusterId, (c) => published.push(c));

    await rest('kubectl get nodes');
    await rest('kubectl create deployment web --image=nginx:1.25 --replicas=2');
    advance(30);
    await exec('web', 't1', 'mkdir -p lab && cd lab && export NS=default');
    await exec('web', 't1', 'alias k=kubectl');
    await ana.put(`/api/v1/clusters/${clusterId}/files`, { path: 'lab/app.yaml', content: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  greeting: hola\n' }).expect(200);
    await record();
    await exec('web', 't1', 'k apply -f app.yaml -n $NS');
    await exec('cli', 'c1', 'kubectl scale deployment web --replicas=3');
    advance(10);
    await exec('discord', 'chan-1', 'kubectl get pods');
    await exec('web', 't1', 'k get pods -o wide');
    // a function defined by one command is there for the next (stored with the session's row)
    await exec('web', 't1', 'kgp() { kubectl get pods "$@"; }');
    expect((await exec('web', 't1', 'kgp -o name | wc -l')).stdout).toBe('3\n');
    // an array too
    await exec('web', 't1', 'nodes=($(kubectl get nodes -o name))');
    expect((await exec('web', 't1', 'echo ${#nodes[@]} ${nodes[0]}')).stdout).toBe('3 node/master\n');
    await rest('kubectl expose deployment web --port=80');
    // a waiting command: under the virtual clock it sleeps through to the end of the rollout
    const rollout = await exec('cli', 'c1', 'kubectl rollout status deployment/web');
    expect(rollout.stdout).toContain('successfully rolled out');
    await exec('web', 't1', 'echo hello > notes.txt && cat notes.txt');
    await ana.del(`/api/v1/clusters/${clusterId}/files?path=lab/app.yaml`).expect(204);
    await record();
    await rest('kubectl label deployment web tier=frontend');
    await exec('web', 't1', 'ssh node1');
    await exec('web', 't1', 'hostname && ls /etc/kubernetes');
    await exec('web', 't1', 'exit');
    const snap = await ana.post(`/api/v1/clusters/${clusterId}/snapshots`, { name: 'before reset' }).expect(201);
    advance(60);
    await rest('kubectl delete pod -l app=web --wait=false');
    // out of the cache: the next input loads the stored state and replays the inputs after it,
    // and publishes nothing for what the replay rebuilt
    runner.cache.evict(clusterId);
    const before = published.length;
    await exec('web', 't1', 'k get deploy; echo "$NS" >> h.txt');
    expect(published.slice(before).filter((c) => c.events.length > 0 || c.replaced)).toEqual([]);
    // history expansion: the file's content depends on the history the replay carried
    await exec('web', 't1', '!!');
    await exec('web', 't2', 'export FOO=bar; echo $FOO');
    await ana.post(`/api/v1/clusters/${clusterId}/reset`).expect(200);
    await record();
    await exec('web', 't1', 'pwd; echo $NS');
    await rest('kubectl run solo --image=busybox:1.36 -- sleep 3600');
    advance(5);
    await ana.put(`/api/v1/clusters/${clusterId}/files`, { path: 'x.txt', content: 'after the reset\n' }).expect(200);
    await record();
    await exec('cli', 'c1', 'sleep 5');
    await ana.post(`/api/v1/clusters/${clusterId}/snapshots/${snap.body.id}/restore`).expect(200);
    await record();
    await rest('kubectl get deploy web');
    await exec('web', 't1', 'kubectl get pods -w');
    await exec('web', 't2', 'echo $FOO; cd /tmp; touch a b c; ls');
    advance(20);
    await exec('discord', 'chan-1', 'kubectl describe deployment web');
    await exec('cli', 'c2', 'kubectl logs deployment/web --tail=3');
    await exec('web', 't1', 'k delete svc web');
    runner.cache.evict(clusterId);
    await exec('api', 'api', 'kubectl get svc');
    await exec('web', 't1', 'history | tail -3 > h.txt; cat h.txt');
    await exec('web', 't1', 'kubectl scale deployment web --replicas=1');
    advance(3);
    await exec('web', 't1', 'kubectl get events -n default');
    await exec('cli', 'c1', 'kubectl create namespace exam && kubectl -n exam create configmap c --from-literal=a=b');
    await exec('web', 't2', 'cd; unalias k 2>/dev/null; kubectl get cm -A | wc -l');
    await rest('kubectl delete namespace exam --wait=false');

    const version = (await prisma.cluster.findUniqueOrThrow({ where: { id: clusterId } })).version;
    expect(version).toBeGreaterThanOrEqual(40);
    const kinds = new Set((await prisma.input.findMany({ where: { clusterId }, select: { kind: true, door: true } })).map((i) => `${i.kind}/${i.door}`));
    expect([...kinds].sort()).toEqual(['command/api', 'command/cli', 'command/discord', 'command/web', 'file-delete/api', 'file-write/api', 'reset/api', 'restore/api']);
    // only some inputs stored a whole state: the rest is the log
    const states = await prisma.snapshot.count({ where: { clusterId, kind: 'auto' } });
    expect(states).toBeLessThan(version / 2);

    const timeline = new TimelineService(prisma);
    for (let seq = 0; seq <= version; seq++) {
      expect({ seq, state: await timeline.serializedAfter(clusterId, seq) }).toEqual({ seq, state: recorded[seq] });
    }
  });

  it('refuses to replay inputs recorded by another engine version, saying so', async () => {
    const prisma = h.app.get(PrismaService);
    runner.stateEvery = 100;
    await rest('kubectl get pods');
    const row = await prisma.cluster.findUniqueOrThrow({ where: { id: clusterId } });
    expect(row.stateVersion).toBeLessThan(row.version);
    await prisma.cluster.update({ where: { id: clusterId }, data: { engineVersion: '0.0.1-old' } });
    runner.cache.evict(clusterId);
    const r = await ana.post(`/api/v1/clusters/${clusterId}/exec`, { command: 'kubectl get pods' }).expect(409);
    expect(r.body.message).toMatch(/recorded by engine 0\.0\.1-old .* this server runs engine .* does not replay another engine's inputs/);
    expect(await prisma.input.count({ where: { clusterId } })).toBe(row.version);
  });
});
