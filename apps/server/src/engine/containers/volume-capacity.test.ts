import { Sandbox, VirtualClock } from '../sandbox';
import type { Pod } from '../api/types';
import { fillVolume, freeVolume } from '../operations/faults';

const START = Date.UTC(2026, 0, 1);

async function run(sandbox: Sandbox, line: string): Promise<{ out: string; err: string; code: number }> {
  const r = await sandbox.run(sandbox.newSession(), line, undefined, { isTTY: false });
  return { out: r.result.stdout, err: r.result.stderr, code: r.result.exitCode };
}

function podYaml(name: string, volume: string, mounts = 'box'): string {
  const containers = [
    '  - name: box\n    image: busybox\n    command: ["sleep", "3600"]\n    volumeMounts:\n    - {name: data, mountPath: /data}',
    '  - name: web\n    image: nginx\n    volumeMounts:\n    - {name: data, mountPath: /data}',
  ].filter((c) => mounts.includes(/name: (\w+)/.exec(c)![1]));
  return `kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  volumes:\n  - name: data\n${volume}\n  containers:\n${containers.join('\n')}\nEOF`;
}

async function sandboxWith(...lines: string[]): Promise<Sandbox> {
  const s = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
  for (const l of lines) expect((await run(s, l)).code).toBe(0);
  await run(s, 'sleep 20');
  return s;
}

const pod = (s: Sandbox, name: string) => s.cluster.store.get('pods', 'default', name) as Pod;

describe('a volume of limited capacity', () => {
  it('a memory-backed emptyDir is a tmpfs of its sizeLimit: BusyBox dd and sh run out of space', async () => {
    const s = await sandboxWith(podYaml('mem', '    emptyDir:\n      medium: Memory\n      sizeLimit: 100Mi', 'box web'));
    expect(await run(s, 'kubectl exec mem -c box -- dd if=/dev/zero of=/data/a bs=1M count=60')).toEqual({
      out: '',
      err: '60+0 records in\n60+0 records out\n62914560 bytes (60.0MB) copied, 0.048448 seconds, 1.2GB/s\n',
      code: 0,
    });
    // 40 MiB are left: the 41st block fails outright
    expect(await run(s, 'kubectl exec mem -c box -- dd if=/dev/zero of=/data/b bs=1M count=200')).toEqual({
      out: '',
      err: "dd: writing '/data/b': No space left on device\n41+0 records in\n40+0 records out\n41943040 bytes (40.0MB) copied, 0.032316 seconds, 1.2GB/s\ncommand terminated with exit code 1\n",
      code: 1,
    });
    expect(await run(s, "kubectl exec mem -c box -- sh -c 'echo hola > /data/c'")).toEqual({ out: '', err: 'sh: write error: No space left on device\ncommand terminated with exit code 1\n', code: 1 });
    expect((await run(s, "kubectl exec mem -c box -- sh -c 'yes > /data/d'")).err).toBe('yes: No space left on device\ncommand terminated with exit code 1\n');
    // the same volume seen from a Debian image: GNU coreutils and dash
    expect((await run(s, 'kubectl exec mem -c web -- dd if=/dev/zero of=/data/e bs=1M count=1')).err).toBe(
      "dd: error writing '/data/e': No space left on device\n1+0 records in\n0+0 records out\n0 bytes copied, 5.2e-05 s, 0.0 kB/s\ncommand terminated with exit code 1\n",
    );
    expect((await run(s, "kubectl exec mem -c web -- sh -c 'echo hola > /data/c'")).err).toBe('sh: 1: echo: I/O error\ncommand terminated with exit code 1\n');
    expect((await run(s, "kubectl exec mem -c web -- bash -c 'echo hola > /data/c'")).err).toBe('bash: line 1: echo: write error: No space left on device\ncommand terminated with exit code 1\n');
    expect((await run(s, "kubectl exec mem -c web -- sh -c 'yes > /data/d'")).err).toBe('yes: standard output: No space left on device\ncommand terminated with exit code 1\n');
    // deleting a file frees its space
    await run(s, 'kubectl exec mem -c box -- rm /data/a /data/d');
    expect((await run(s, 'kubectl exec mem -c web -- dd if=/dev/zero of=/data/a bs=1M count=50')).err).toBe(
      '50+0 records in\n50+0 records out\n52428800 bytes (52 MB, 50 MiB) copied, 0.0403818 s, 1.3 GB/s\n',
    );
    expect((await run(s, 'kubectl exec mem -c box -- ls -l /data')).out).toMatch(/ 52428800 .* a\n.* 41943040 .* b\n/s);
  });

  it('copying into a full volume: cp and cat say so in their words', async () => {
    const s = await sandboxWith(podYaml('tiny', '    emptyDir:\n      medium: Memory\n      sizeLimit: 1Ki', 'box web'));
    expect((await run(s, "kubectl exec tiny -c box -- sh -c 'seq 1000 > /tmp/n; cp /tmp/n /data/a'")).err).toBe('cp: write error: No space left on device\ncommand terminated with exit code 1\n');
    expect((await run(s, "kubectl exec tiny -c web -- sh -c 'seq 1000 > /tmp/n; cp /tmp/n /data/b'")).err).toBe("cp: error writing '/data/b': No space left on device\ncommand terminated with exit code 1\n");
    expect((await run(s, "kubectl exec tiny -c web -- sh -c 'cat /tmp/n > /data/c'")).err).toBe('cat: write error: No space left on device\ncommand terminated with exit code 1\n');
    // what fitted was written: the first 1024 bytes of the copy
    expect((await run(s, 'kubectl exec tiny -c web -- wc -c /data/a /data/b /data/c')).out).toBe('1024 /data/a\n   0 /data/b\n   0 /data/c\n1024 total\n');
  });

  it('an emptyDir on the node disk passes its sizeLimit: the kubelet evicts the pod at its next pass', async () => {
    const s = await sandboxWith(podYaml('cache', '    emptyDir:\n      sizeLimit: 50Mi'));
    expect((await run(s, 'kubectl exec cache -- dd if=/dev/zero of=/data/f bs=1M count=100')).code).toBe(0);
    expect(pod(s, 'cache').status?.phase).toBe('Running');
    await run(s, 'sleep 10');
    const p = pod(s, 'cache');
    expect(p.status).toMatchObject({ phase: 'Failed', reason: 'Evicted', message: 'Usage of EmptyDir volume "data" exceeds the limit "50Mi". ' });
    expect(p.status?.containerStatuses?.[0].state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    const events = s.cluster.store.list('events', 'default').filter((e: any) => e.involvedObject.name === 'cache').map((e: any) => `${e.type} ${e.reason} ${e.message}`);
    expect(events).toEqual(expect.arrayContaining(['Warning Evicted Usage of EmptyDir volume "data" exceeds the limit "50Mi". ', 'Normal Killing Stopping container box']));
  });

  it("a PersistentVolume's capacity binds a cloud or NFS disk, not a hostPath one", async () => {
    const pv = (name: string, source: string) => `kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ${name}\nspec:\n  capacity:\n    storage: 10Mi\n  accessModes: [ReadWriteOnce]\n  storageClassName: ${name}\n${source}\nEOF`;
    const pvc = (name: string) => `kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\nspec:\n  storageClassName: ${name}\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 10Mi\nEOF`;
    const s = await sandboxWith(
      pv('nfs', '  nfs:\n    server: 10.0.0.5\n    path: /exports'),
      pvc('nfs'),
      pv('local', '  hostPath:\n    path: /mnt/local'),
      pvc('local'),
      podYaml('on-nfs', '    persistentVolumeClaim:\n      claimName: nfs'),
      podYaml('on-host', '    persistentVolumeClaim:\n      claimName: local'),
    );
    expect((await run(s, 'kubectl exec on-nfs -- dd if=/dev/zero of=/data/f bs=1M count=20')).err).toMatch(/^dd: writing '\/data\/f': No space left on device\n11\+0 records in\n10\+0 records out\n/);
    expect((await run(s, 'kubectl exec on-host -- dd if=/dev/zero of=/data/f bs=1M count=20')).code).toBe(0);
  });

  it('the fill-a-volume fault: writes fail until the volume is freed again', async () => {
    const s = await sandboxWith(podYaml('app', '    emptyDir: {}'));
    s.cluster.at(s.clock.now(), () => fillVolume(s.cluster, 'default', 'app', 'data'));
    expect(await run(s, "kubectl exec app -- sh -c 'echo hola > /data/f'")).toEqual({ out: '', err: 'sh: write error: No space left on device\ncommand terminated with exit code 1\n', code: 1 });
    // an emptyDir without sizeLimit is only as full as the node's disk: no eviction
    await run(s, 'sleep 30');
    expect(pod(s, 'app').status?.phase).toBe('Running');
    s.cluster.at(s.clock.now(), () => freeVolume(s.cluster, 'default', 'app', 'data'));
    expect(await run(s, "kubectl exec app -- sh -c 'echo hola > /data/f; cat /data/f'")).toEqual({ out: 'hola\n', err: '', code: 0 });
  });

  it('filling an emptyDir that has a sizeLimit gets its pod evicted and replaced by its ReplicaSet', async () => {
    const s = await sandboxWith(`kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      volumes:
      - name: data
        emptyDir:
          sizeLimit: 1Gi
      containers:
      - name: web
        image: nginx
        volumeMounts:
        - {name: data, mountPath: /data}
EOF`);
    const first = (s.cluster.store.list('pods', 'default') as Pod[])[0].metadata.name!;
    s.cluster.at(s.clock.now(), () => fillVolume(s.cluster, 'default', first, 'data'));
    await run(s, 'sleep 30');
    expect(pod(s, first).status).toMatchObject({ phase: 'Failed', reason: 'Evicted', message: 'Usage of EmptyDir volume "data" exceeds the limit "1Gi". ' });
    const running = (s.cluster.store.list('pods', 'default') as Pod[]).filter((p) => p.status?.phase === 'Running');
    expect(running.map((p) => p.metadata.name)).not.toContain(first);
    expect(running).toHaveLength(1);
  });

  it('faults name a pod and a volume that exist and hold data', async () => {
    const s = await sandboxWith("kubectl create configmap cfg --from-literal=a=b", podYaml('app', '    configMap:\n      name: cfg'));
    expect(() => fillVolume(s.cluster, 'default', 'nope', 'data')).toThrow('pod default/nope not found');
    expect(() => fillVolume(s.cluster, 'default', 'app', 'other')).toThrow('pod default/app has no volume other');
    expect(() => fillVolume(s.cluster, 'default', 'app', 'data')).toThrow('volume data of pod default/app is not one data can be written to');
  });

  it('a filled volume, counted files and a pending eviction survive serialization', async () => {
    const s = await sandboxWith(podYaml('cache', '    emptyDir:\n      sizeLimit: 50Mi'), podYaml('app', '    emptyDir: {}'));
    await run(s, 'kubectl exec cache -- dd if=/dev/zero of=/data/f bs=1M count=100');
    s.cluster.at(s.clock.now(), () => fillVolume(s.cluster, 'default', 'app', 'data'));
    const b = Sandbox.load(JSON.parse(JSON.stringify(s.serialize())), new VirtualClock(s.clock.now()));
    expect(JSON.stringify(b.serialize())).toBe(JSON.stringify(s.serialize()));
    for (const x of [s, b]) {
      await run(x, 'sleep 10');
      expect(pod(x, 'cache').status?.reason).toBe('Evicted');
      expect((await run(x, "kubectl exec app -- sh -c 'echo x > /data/g'")).code).toBe(1);
    }
  });
});
