import fc from 'fast-check';
import { Cluster } from '../../cluster';
import { KubeEvent, Pod } from '../../api/types';
import { Sandbox, VirtualClock } from '../../sandbox';
import { FileSystem } from '../../shell/filesystem';
import { checkHostPathType, mountRetryDelay } from './volume-setup';

const START = Date.UTC(2026, 0, 1);
const S = 1000;

describe('hostPath type checks (checkType)', () => {
  function node(): FileSystem {
    const fs = new FileSystem();
    fs.mkdir('/data/dir', { parents: true });
    fs.write('/data/file', 'x');
    fs.mkdir('/dev');
    fs.mknod('/dev/null', 1, 3);
    return fs;
  }

  it.each([
    ['', '/nope', undefined],
    ['Directory', '/data/dir', undefined],
    ['Directory', '/nope', 'hostPath type check failed: /nope is not a directory'],
    ['Directory', '/data/file', 'hostPath type check failed: /data/file is not a directory'],
    ['DirectoryOrCreate', '/data/file', 'hostPath type check failed: /data/file is not a directory'],
    ['DirectoryOrCreate', '/data/file/sub', 'mkdir /data/file: not a directory'],
    ['File', '/data/file', undefined],
    // IsFile is "exists and is not a directory": a device passes
    ['File', '/dev/null', undefined],
    ['File', '/data/dir', 'hostPath type check failed: /data/dir is not a file'],
    ['File', '/nope', 'hostPath type check failed: /nope is not a file'],
    ['FileOrCreate', '/data/dir', 'hostPath type check failed: /data/dir is not a file'],
    // os.OpenFile(O_CREATE) makes no parent directories
    ['FileOrCreate', '/nope/f', 'open /nope/f: no such file or directory'],
    ['FileOrCreate', '/data/file/f', 'open /data/file/f: not a directory'],
    ['Socket', '/data/file', 'hostPath type check failed: /data/file is not a socket file'],
    ['CharDevice', '/dev/null', undefined],
    ['CharDevice', '/data/file', 'hostPath type check failed: /data/file is not a character device'],
    ['BlockDevice', '/dev/null', 'hostPath type check failed: /dev/null is not a block device'],
  ])('type %j at %s: %s', (type, path, want) => {
    expect(checkHostPathType(node(), path, type, 5 * S)).toBe(want);
  });

  it('DirectoryOrCreate makes the directory and its parents 0755; FileOrCreate an empty 0644 file', () => {
    const fs = node();
    expect(checkHostPathType(fs, '/srv/a/b/', 'DirectoryOrCreate', 5 * S)).toBeUndefined();
    expect([fs.stat('/srv/a'), fs.stat('/srv/a/b')]).toEqual([
      { type: 'dir', mode: 0o755, owner: 'root', mtime: 5 * S },
      { type: 'dir', mode: 0o755, owner: 'root', mtime: 5 * S },
    ]);
    expect(checkHostPathType(fs, '/data/dir/lock', 'FileOrCreate', 6 * S)).toBeUndefined();
    expect(fs.stat('/data/dir/lock')).toEqual({ type: 'file', content: '', mode: 0o644, owner: 'root', mtime: 6 * S });
    // what exists is left as it is
    expect(checkHostPathType(fs, '/data/file', 'FileOrCreate', 7 * S)).toBeUndefined();
    expect(fs.read('/data/file')).toBe('x');
  });

  it('retries a failed SetUp after 0.5 s, doubling up to 2m2s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30].map(mountRetryDelay)).toEqual([500, 1000, 2000, 4000, 8000, 16000, 32000, 64000, 122000, 122000, 122000]);
  });
});

async function run(s: Sandbox, line: string): Promise<{ out: string; err: string; code: number }> {
  const r = await s.run(s.newSession(), line, undefined, { isTTY: false });
  return { out: r.result.stdout, err: r.result.stderr, code: r.result.exitCode };
}

function podYaml(name: string, volumes: string, node = 'node1'): string {
  return `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeName: ${node}
  volumes:
${volumes}
  containers:
  - name: c
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - {name: data, mountPath: /data}
EOF`;
}

const pod = (s: Sandbox, name: string): Pod => s.cluster.store.get('pods', 'default', name) as Pod;
const events = (s: Sandbox, name: string): Pick<KubeEvent, 'type' | 'reason' | 'message' | 'count' | 'firstTimestamp' | 'lastTimestamp' | 'source'>[] =>
  (s.cluster.store.list('events', 'default') as KubeEvent[])
    .filter((e) => e.involvedObject.name === name)
    .map(({ type, reason, message, count, firstTimestamp, lastTimestamp, source }) => ({ type, reason, message, count, firstTimestamp, lastTimestamp, source }));
const waiting = (p: Pod): string | undefined => p.status?.containerStatuses?.[0].state.waiting?.reason;

describe('the kubelet sets up hostPath volumes before the sandbox', () => {
  it('a Directory that is missing: ContainerCreating, FailedMount retried with back-off, and the pod starts at the retry after the directory appears', async () => {
    const clock = new VirtualClock(START);
    const s = Sandbox.create({ seed: 1, start: START }, clock);
    expect((await run(s, podYaml('strict', '  - name: data\n    hostPath: {path: /data/foo, type: Directory}'))).code).toBe(0);
    await run(s, 'sleep 90');
    const p = pod(s, 'strict');
    expect([p.status?.phase, waiting(p), p.status?.podIP]).toEqual(['Pending', 'ContainerCreating', undefined]);
    expect(p.status?.conditions?.find((c) => c.type === 'PodReadyToStartContainers')?.status).toBe('False');
    // tries at 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 and 63.5 s: one Event counted 8 times
    expect(events(s, 'strict')).toEqual([
      {
        type: 'Warning',
        reason: 'FailedMount',
        message: 'MountVolume.SetUp failed for volume "data" : hostPath type check failed: /data/foo is not a directory',
        count: 8,
        firstTimestamp: '2026-01-01T00:00:00Z',
        lastTimestamp: '2026-01-01T00:01:03Z',
        source: { component: 'kubelet', host: 'node1' },
      },
    ]);
    // nothing was made on the node
    expect(s.hosts.node1.fs.exists('/data')).toBe(false);
    // someone makes it on the node: the next try (127.5 s) mounts it, the sandbox follows 1 s later (128.5 s)
    expect((await run(s, 'ssh node1 sudo mkdir -p /data/foo')).code).toBe(0);
    await run(s, 'sleep 38');
    expect(waiting(pod(s, 'strict'))).toBe('ContainerCreating');
    expect(pod(s, 'strict').status?.podIP).toBeUndefined();
    await run(s, 'sleep 1');
    expect(pod(s, 'strict').status?.podIP).toMatch(/^10\.244\.1\.\d+$/);
    await run(s, 'sleep 10');
    expect(pod(s, 'strict').status?.phase).toBe('Running');
    const evs = events(s, 'strict');
    expect(evs[0]).toMatchObject({ reason: 'FailedMount', count: 8 });
    expect(evs.slice(1).map((e) => [e.reason, e.firstTimestamp])).toEqual([
      ['Pulling', '2026-01-01T00:02:08Z'],
      ['Pulled', '2026-01-01T00:02:09Z'],
      ['Created', '2026-01-01T00:02:09Z'],
      ['Started', '2026-01-01T00:02:09Z'],
    ]);
  });

  it('past 2 minutes the tries come every 2m2s, each counted on the same Event', async () => {
    const s = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
    await run(s, podYaml('strict', '  - name: data\n    hostPath: {path: /data/foo, type: Directory}'));
    await run(s, 'sleep 600');
    // 0 ... 63.5, 127.5, 249.5, 371.5, 493.5 s
    expect(events(s, 'strict')).toMatchObject([{ reason: 'FailedMount', count: 12, lastTimestamp: '2026-01-01T00:08:13Z' }]);
    expect(pod(s, 'strict').status?.phase).toBe('Pending');
  });

  it('DirectoryOrCreate and FileOrCreate make what is missing on the pod node; a FileOrCreate without its directory fails', async () => {
    const s = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
    await run(s, podYaml('made', '  - name: data\n    hostPath: {path: /srv/new/dir, type: DirectoryOrCreate}\n  - name: lock\n    hostPath: {path: /run/app.lock, type: FileOrCreate}'));
    await run(s, podYaml('nodir', '  - name: data\n    hostPath: {path: /var/lib/app/app.lock, type: FileOrCreate}\n  - name: other\n    hostPath: {path: /etc/nope, type: File}'));
    await run(s, 'sleep 20');
    expect(pod(s, 'made').status?.phase).toBe('Running');
    expect(events(s, 'made').map((e) => e.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect(s.hosts.node1.fs.stat('/srv/new/dir')).toEqual({ type: 'dir', mode: 0o755, owner: 'root', mtime: START });
    expect(s.hosts.node1.fs.stat('/run/app.lock')).toEqual({ type: 'file', content: '', mode: 0o644, owner: 'root', mtime: START });
    // only on the pod's node
    expect(s.hosts.node2.fs.exists('/srv/new')).toBe(false);
    expect(waiting(pod(s, 'nodir'))).toBe('ContainerCreating');
    expect(events(s, 'nodir').map((e) => [e.message, e.count])).toEqual([
      ['MountVolume.SetUp failed for volume "data" : open /var/lib/app/app.lock: no such file or directory', 6],
      ['MountVolume.SetUp failed for volume "other" : hostPath type check failed: /etc/nope is not a file', 6],
    ]);
    // one volume set up, the other not yet: only the failing one is tried again
    await run(s, 'ssh node1 sudo mkdir /var/lib/app');
    await run(s, 'sleep 20');
    expect(s.hosts.node1.fs.stat('/var/lib/app/app.lock')?.type).toBe('file');
    expect(events(s, 'nodir').map((e) => [e.message, e.count])).toEqual([
      ['MountVolume.SetUp failed for volume "data" : open /var/lib/app/app.lock: no such file or directory', 6],
      ['MountVolume.SetUp failed for volume "other" : hostPath type check failed: /etc/nope is not a file', 7],
    ]);
    // a pod waiting on its volumes is deleted at once
    await run(s, 'kubectl delete pod nodir');
    expect(s.cluster.store.get('pods', 'default', 'nodir')).toBeUndefined();
  });

  it('a hostPath without a type is made a directory when a container mounts it (as containerd does)', async () => {
    const s = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
    await run(s, podYaml('plain', '  - name: data\n    hostPath: {path: /srv/plain}'));
    await run(s, 'sleep 20');
    expect(pod(s, 'plain').status?.phase).toBe('Running');
    expect(s.hosts.node1.fs.stat('/srv/plain')?.type).toBe('dir');
  });

  it('any split of a span gives the same cluster and hosts', () => {
    const MKDIR = START + 300 * S;
    const end = START + 900 * S;
    const strict = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'strict', namespace: 'default' },
      spec: { nodeName: 'node1', volumes: [{ name: 'data', hostPath: { path: '/data/foo', type: 'Directory' } }], containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] },
    } as Pod;
    const play = (cuts: number[]): Sandbox => {
      const s = Sandbox.create({ seed: 3, start: START }, new VirtualClock(START));
      s.cluster.at(START + S, () => s.cluster.api.create(strict));
      const sorted = [...cuts].sort((a, b) => a - b).map((t) => START + t);
      for (const t of sorted.filter((x) => x < MKDIR)) s.cluster.step(t);
      s.cluster.step(MKDIR);
      s.hosts.node1.fs.mkdir('/data/foo', { parents: true, now: MKDIR });
      for (const t of sorted.filter((x) => x >= MKDIR)) s.cluster.step(t);
      s.cluster.step(end);
      return s;
    };
    const whole = play([]);
    // tried at 1, 1.5, 2.5, 4.5, 8.5, 16.5, 32.5, 64.5, 128.5 and 250.5 s; set up at 372.5 s
    expect(events(whole, 'strict')[0]).toMatchObject({ reason: 'FailedMount', count: 10, lastTimestamp: '2026-01-01T00:04:10Z' });
    expect(pod(whole, 'strict').status?.phase).toBe('Running');
    const expected = JSON.stringify(whole.snapshot());
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2 * S, max: 900 * S }), { maxLength: 8 }), (cuts) => {
        // compared whole, without printing two snapshots
        expect(JSON.stringify(play(cuts).snapshot()) === expected).toBe(true);
      }),
      { numRuns: 6 },
    );
  });

  it('a cluster without its machines files checks nothing', () => {
    const c = Cluster.create({ seed: 1, start: START });
    const p = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'strict', namespace: 'default' },
      spec: { nodeName: 'node1', volumes: [{ name: 'data', hostPath: { path: '/data/foo', type: 'Directory' } }], containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] },
    } as Pod;
    c.at(START + S, () => c.api.create(p));
    c.step(START + 30 * S);
    expect((c.api.get('pods', 'default', 'strict') as Pod).status?.phase).toBe('Running');
  });
});

describe('configMap, secret and projected volumes need their objects and keys', () => {
  const failedMount = (s: Sandbox, name: string): [number | undefined, string | undefined][] =>
    events(s, name)
      .filter((e) => e.reason === 'FailedMount')
      .map((e) => [e.count, e.message]);

  it.each([
    ['a missing ConfigMap', '  - name: data\n    configMap: {name: app-config}', 'MountVolume.SetUp failed for volume "data" : configmap "app-config" not found'],
    ['a missing Secret', '  - name: data\n    secret: {secretName: db-pass}', 'MountVolume.SetUp failed for volume "data" : secret "db-pass" not found'],
    ['a ConfigMap without the key an item names', '  - name: data\n    configMap: {name: present, items: [{key: nope, path: f}]}', 'MountVolume.SetUp failed for volume "data" : configmap references non-existent config key: nope'],
    ['a Secret without the key an item names', '  - name: data\n    secret: {secretName: present, items: [{key: nope, path: f}]}', 'MountVolume.SetUp failed for volume "data" : references non-existent secret key: nope'],
    ['a projected volume with one source missing', '  - name: data\n    projected: {sources: [{configMap: {name: present}}, {secret: {name: gone}}]}', 'MountVolume.SetUp failed for volume "data" : secret "gone" not found'],
    ['a projected volume with two sources missing', '  - name: data\n    projected: {sources: [{configMap: {name: gone}}, {secret: {name: gone}}]}', 'MountVolume.SetUp failed for volume "data" : [configmap "gone" not found, secret "gone" not found]'],
  ])('%s: ContainerCreating with FailedMount until it is there', async (_what, volumes, message) => {
    const s = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
    await run(s, 'kubectl create configmap present --from-literal=k=v');
    await run(s, 'kubectl create secret generic present --from-literal=k=v');
    expect((await run(s, podYaml('app', volumes))).code).toBe(0);
    await run(s, 'sleep 20');
    const p = pod(s, 'app');
    expect([p.status?.phase, waiting(p), p.status?.podIP]).toEqual(['Pending', 'ContainerCreating', undefined]);
    // tries at 0, 0.5, 1.5, 3.5, 7.5 and 15.5 s
    expect(failedMount(s, 'app')).toEqual([[6, message]]);
  });

  it('the pod starts at the retry after the ConfigMap is created; an optional one is not waited for', async () => {
    const s = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
    await run(s, podYaml('app', '  - name: data\n    configMap: {name: app-config}'));
    await run(s, podYaml('relaxed', '  - name: data\n    configMap: {name: app-config, optional: true}'));
    await run(s, 'sleep 20');
    expect(pod(s, 'relaxed').status?.phase).toBe('Running');
    expect(failedMount(s, 'relaxed')).toEqual([]);
    // the next try is at 31.5 s: the sandbox 1 s later (32.5 s), then the container
    expect((await run(s, 'kubectl create configmap app-config --from-literal=mode=prod')).code).toBe(0);
    await run(s, 'sleep 12');
    expect(pod(s, 'app').status?.podIP).toBeUndefined();
    await run(s, 'sleep 1');
    expect(pod(s, 'app').status?.podIP).toMatch(/^10\.244\.1\.\d+$/);
    await run(s, 'sleep 10');
    expect(pod(s, 'app').status?.phase).toBe('Running');
    expect(failedMount(s, 'app')).toEqual([[6, 'MountVolume.SetUp failed for volume "data" : configmap "app-config" not found']]);
    expect((await run(s, 'kubectl exec app -- cat /data/mode')).out).toBe('prod');
  });
});
