import { Sandbox, VirtualClock } from '../sandbox';
import { kubeletSection } from '../controllers/kubelet/runtime-state';

const START = Date.UTC(2026, 0, 1);

async function run(s: Sandbox, line: string): Promise<string> {
  const r = await s.run(s.newSession(), line, undefined, { isTTY: false });
  return r.result.stdout + r.result.stderr;
}

const SIDECAR = `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  volumes:
  - name: html
    emptyDir: {}
  containers:
  - name: web
    image: nginx
    volumeMounts:
    - {name: html, mountPath: /usr/share/nginx/html}
  - name: writer
    image: busybox
    command: ["/bin/sh", "-c"]
    args:
    - while true; do date >> /html/index.html; sleep 1; done
    volumeMounts:
    - {name: html, mountPath: /html}
EOF`;

function writerStart(s: Sandbox): number {
  return kubeletSection(s.cluster.runtime).pods['default/two'].containers.find((c) => c.name === 'writer')!.current!.startedAt;
}

const date = (ms: number) => new Date(ms).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) (\S+) GMT$/, (_m, wd, d, mon, y, t) => `${wd} ${mon} ${String(Number(d)).padStart(2, ' ')} ${t} UTC ${y}`);

describe('a process writing into a shared emptyDir', () => {
  it("the sidecar's lines, one a second, are what nginx's container reads and serves", async () => {
    const s = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
    await run(s, SIDECAR);
    await run(s, 'sleep 12');
    const t0 = writerStart(s);
    const now = s.clock.now();
    const expected = [];
    for (let t = t0; t <= now; t += 1000) expected.push(`${date(t)}\n`);
    expect(await run(s, 'kubectl exec two -c web -- cat /usr/share/nginx/html/index.html')).toBe(expected.join(''));
    await run(s, 'sleep 3');
    const served = await run(s, 'kubectl exec two -c web -- curl -s localhost');
    expect(served.split('\n').filter(Boolean)).toHaveLength(expected.length + 3);
    expect(await run(s, 'kubectl exec two -c writer -- tail -n 1 /html/index.html')).toBe(`${date(s.clock.now() - ((s.clock.now() - t0) % 1000))}\n`);
  });

  it('a day later the file has every line by its size, its text kept up to the 1 MiB a file keeps', async () => {
    const s = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
    await run(s, SIDECAR);
    await run(s, 'sleep 86400');
    const lines = Math.floor((s.clock.now() - writerStart(s)) / 1000) + 1;
    const ls = await run(s, 'kubectl exec two -c web -- ls -l /usr/share/nginx/html/index.html');
    // `Thu Jan  1 00:00:05 UTC 2026\n` is 29 bytes, every day of January
    const last = new Date(writerStart(s) + (lines - 1) * 1000);
    const hhmm = `${String(last.getUTCHours()).padStart(2, '0')}:${String(last.getUTCMinutes()).padStart(2, '0')}`;
    expect(ls).toContain(` ${lines * 29} Jan  ${last.getUTCDate()} ${hhmm} /usr/share/nginx/html/index.html`);
    const head = await run(s, 'kubectl exec two -c web -- head -n 2 /usr/share/nginx/html/index.html');
    expect(head).toBe(`${date(writerStart(s))}\n${date(writerStart(s) + 1000)}\n`);
  });

  it('a `tail -f` sidecar logs what its neighbour appends, at the time it was written', async () => {
    const s = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
    await run(s, `kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: counter
spec:
  containers:
  - name: count
    image: busybox
    args: [/bin/sh, -c, 'i=0; while true; do echo "$i: $(date)" >> /var/log/1.log; i=$((i+1)); sleep 1; done']
    volumeMounts:
    - {name: varlog, mountPath: /var/log}
  - name: count-log-1
    image: busybox
    args: [/bin/sh, -c, 'tail -n+1 -f /var/log/1.log']
    volumeMounts:
    - {name: varlog, mountPath: /var/log}
  volumes:
  - name: varlog
    emptyDir: {}
EOF`);
    await run(s, 'sleep 60');
    const start = kubeletSection(s.cluster.runtime).pods['default/counter'].containers[0].current!.startedAt;
    const k = Math.floor((s.clock.now() - start) / 1000);
    expect(await run(s, 'kubectl logs counter count-log-1 --tail=2')).toBe(`${k - 1}: ${date(start + (k - 1) * 1000)}\n${k}: ${date(start + k * 1000)}\n`);
    expect((await run(s, 'kubectl logs counter count-log-1')).split('\n')[0]).toBe(`0: ${date(start)}`);
    expect(await run(s, 'kubectl get pod counter')).toMatch(/counter\s+2\/2\s+Running\s+0/);
  });

  it('what was written and how far it was applied survive serialization', async () => {
    const a = Sandbox.create({ seed: 1, start: START }, new VirtualClock(START));
    await run(a, SIDECAR);
    await run(a, 'sleep 20');
    await run(a, 'kubectl exec two -c web -- wc -l /usr/share/nginx/html/index.html');
    const b = Sandbox.load(JSON.parse(JSON.stringify(a.serialize())), new VirtualClock(a.clock.now()));
    expect(JSON.stringify(b.serialize())).toBe(JSON.stringify(a.serialize()));
    for (const x of [a, b]) await run(x, 'sleep 30');
    const look = 'kubectl exec two -c web -- cat /usr/share/nginx/html/index.html';
    expect(await run(b, look)).toBe(await run(a, look));
  });
});
