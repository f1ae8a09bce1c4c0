import { Sandbox, VirtualClock } from '../sandbox';

const START = Date.UTC(2026, 0, 1);

async function run(s: Sandbox, line: string): Promise<{ out: string; err: string; code: number }> {
  const r = await s.run(s.newSession(), line, undefined, { isTTY: false });
  return { out: r.result.stdout, err: r.result.stderr, code: r.result.exitCode };
}

async function sandboxWith(...lines: string[]): Promise<Sandbox> {
  const s = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
  for (const l of lines) expect((await run(s, l)).code).toBe(0);
  await run(s, 'sleep 20');
  return s;
}

function hostPathPod(name: string, node: string, mount = '{name: data, mountPath: /data}', volume = 'hostPath: {path: /srv/data, type: DirectoryOrCreate}'): string {
  return `kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeName: ${node}
  volumes:
  - name: data
    ${volume}
  containers:
  - name: c
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - ${mount}
EOF`;
}

describe('a hostPath volume is the node own files', () => {
  it('survives its pod on the node, but a pod on another node does not see it', async () => {
    const s = await sandboxWith(hostPathPod('writer', 'node1'));
    expect(await run(s, "kubectl exec writer -- sh -c 'echo hola > /data/f'")).toEqual({ out: '', err: '', code: 0 });
    expect(s.hosts.node1.fs.read('/srv/data/f')).toBe('hola\n');
    await run(s, 'kubectl delete pod writer --grace-period=0 --force');
    // the replacement lands on node2: a directory of its own, empty
    await run(s, hostPathPod('writer', 'node2'));
    await run(s, 'sleep 20');
    expect(s.cluster.store.get('pods', 'default', 'writer')).toMatchObject({ spec: { nodeName: 'node2' }, status: { phase: 'Running' } });
    expect(await run(s, 'kubectl exec writer -- cat /data/f')).toEqual({ out: '', err: "cat: can't open '/data/f': No such file or directory\ncommand terminated with exit code 1\n", code: 1 });
    expect(await run(s, 'kubectl exec writer -- ls /data')).toEqual({ out: '', err: '', code: 0 });
    expect(s.hosts.node2.fs.exists('/srv/data/f')).toBe(false);
    // a pod on node1 finds what the first one left
    await run(s, hostPathPod('reader', 'node1'));
    await run(s, 'sleep 20');
    expect(await run(s, 'kubectl exec reader -- cat /data/f')).toEqual({ out: 'hola\n', err: '', code: 0 });
    expect((await run(s, 'ssh node1 cat /srv/data/f')).out).toBe('hola\n');
  });

  it('a file hostPath (FileOrCreate) is bind-mounted as that file: writes reach the node', async () => {
    const s = await sandboxWith(hostPathPod('lock', 'node1', '{name: data, mountPath: /run/app.lock}', 'hostPath: {path: /run/app.lock, type: FileOrCreate}'));
    expect(await run(s, 'kubectl exec lock -- ls -l /run/app.lock')).toEqual({ out: '-rw-r--r-- 1 root root 0 Jan  1 00:00 /run/app.lock\n', err: '', code: 0 });
    await run(s, "kubectl exec lock -- sh -c 'echo 42 > /run/app.lock'");
    expect(s.hosts.node1.fs.stat('/run/app.lock')).toMatchObject({ type: 'file', content: '42\n' });
  });

  it('a readOnly mount refuses writes: Read-only file system, nothing reaches the node', async () => {
    const s = await sandboxWith(hostPathPod('ro', 'node1', '{name: data, mountPath: /data, readOnly: true}'));
    expect(await run(s, "kubectl exec ro -- sh -c 'echo x > /data/f'")).toEqual({ out: '', err: "sh: can't create /data/f: Read-only file system\ncommand terminated with exit code 1\n", code: 1 });
    expect(await run(s, 'kubectl exec ro -- touch /data/g')).toEqual({ out: '', err: 'touch: /data/g: Read-only file system\ncommand terminated with exit code 1\n', code: 1 });
    expect(s.hosts.node1.fs.list('/srv/data')).toEqual([]);
    // BusyBox's own words for the commonest failures
    expect((await run(s, 'kubectl exec ro -- rm /nope')).err).toBe("rm: can't remove '/nope': No such file or directory\ncommand terminated with exit code 1\n");
    expect((await run(s, 'kubectl exec ro -- rm /data')).err).toBe("rm: '/data' is a directory\ncommand terminated with exit code 1\n");
    expect((await run(s, 'kubectl exec ro -- mkdir /etc')).err).toBe("mkdir: can't create directory '/etc': File exists\ncommand terminated with exit code 1\n");
    // the container's own layer stays writable
    expect(await run(s, "kubectl exec ro -- sh -c 'echo x > /tmp/f; cat /tmp/f'")).toEqual({ out: 'x\n', err: '', code: 0 });
  });
});
