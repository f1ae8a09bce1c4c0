import { newKit } from './verb-test-kit';

const TWO = `cat <<'EOF2' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata: {name: two}
spec:
  containers:
  - {name: a, image: busybox, command: [sh, -c, 'echo from a; sleep 3600']}
  - {name: b, image: busybox, command: [sh, -c, 'echo from b; sleep 3600']}
EOF2`;

describe('kubectl logs', () => {
  it('prints the errors kubectl v1.32 prints', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx');
    const cases: [string, string, number][] = [
      ['kubectl logs', "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n", 1],
      ['kubectl logs nope', 'error: error from server (NotFound): pods "nope" not found in namespace "default"\n', 1],
      ['kubectl logs web', 'Error from server (BadRequest): container "web" in pod "web" is waiting to start: ContainerCreating\n', 1],
      ['kubectl logs web -c nope', 'Error from server (BadRequest): container nope is not valid for pod web\n', 1],
      ['kubectl logs web -f -p', "error: only one of follow (-f) or previous (-p) is allowed\nSee 'kubectl logs -h' for help and examples\n", 1],
    ];
    for (const [line, stderr, exit] of cases) {
      const r = await kit.sh(line);
      expect([line, r.stderr, r.exitCode]).toEqual([line, stderr, exit]);
    }
  });

  it('prints a running container, --tail, --timestamps, and the previous run', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx', "kubectl run cl --image=busybox -- sh -c 'echo boom; exit 1'", 'sleep 40');
    const all = await kit.sh('kubectl logs web');
    expect(all.stdout.split('\n')[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect((await kit.sh('kubectl logs web --tail=1')).stdout).toBe('2026/01/01 00:00:04 [notice] 1#1: start worker process 30\n');
    expect((await kit.sh('kubectl logs web --tail=1 --timestamps')).stdout).toMatch(/^2026-01-01T00:00:04\.\d{3}000000Z 2026\/01\/01 00:00:04 \[notice\] 1#1: start worker process 30\n$/);
    expect((await kit.sh('kubectl logs cl --previous')).stdout).toBe('boom\n');
    expect((await kit.sh('kubectl logs web --since=1s')).stdout).toBe('');
    const prev = await kit.sh('kubectl logs web -p');
    expect(prev.stderr).toBe('Error from server (BadRequest): previous terminated container "web" in pod "web" not found\n');
  });

  it('picks a pod of a deployment and defaults the container as kubectl does', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment d --image=nginx --replicas=3', TWO, 'sleep 30');
    const d = await kit.sh('kubectl logs deploy/d --tail=1');
    expect(d.stderr).toMatch(/^Found 3 pods, using pod\/d-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect(d.stdout).toBe('2026/01/01 00:00:04 [notice] 1#1: start worker process 30\n');
    const two = await kit.sh('kubectl logs two');
    expect([two.stdout, two.stderr]).toEqual(['from a\n', 'Defaulted container "a" out of: a, b\n']);
    expect((await kit.sh('kubectl logs two -c b')).stdout).toBe('from b\n');
    expect((await kit.sh('kubectl logs two --all-containers --prefix')).stdout).toBe('[pod/two/a] from a\n[pod/two/b] from b\n');
    const sel = await kit.sh('kubectl logs -l app=d --tail=1');
    expect(sel.stdout).toBe('2026/01/01 00:00:04 [notice] 1#1: start worker process 30\n'.repeat(3));
    expect((await kit.sh('kubectl logs -l app=none')).stderr).toBe('No resources found in default namespace.\n');
  });

  it('follows a container until it ends (-f), in simulated time', async () => {
    const kit = newKit();
    await kit.setup("kubectl run c --image=busybox --restart=Never -- sh -c 'for i in 1 2 3; do echo line $i; sleep 2; done'", 'sleep 3');
    const t0 = kit.sandbox.clock.now();
    const r = await kit.sh('kubectl logs -f c');
    expect(r.stdout).toBe('line 1\nline 2\nline 3\n');
    expect(kit.sandbox.clock.now()).toBeGreaterThan(t0);
  });

  it('prints what a `kubectl run -i` client fetched through a Service', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=httpd', 'kubectl expose deployment web --port=80', 'sleep 30');
    const r = await kit.sh('kubectl run tmp --rm -i --image=busybox --restart=Never -- wget -qO- http://web');
    expect(r.stdout).toBe('<html><body><h1>It works!</h1></body></html>\npod "tmp" deleted\n');
  });

  it('kubectl logs prints what a network client run as the main process fetched, its last run (-p) included', async () => {
    const kit = newKit();
    await kit.setup('kubectl create deployment web --image=httpd', 'kubectl expose deployment web --port=80', 'sleep 30');
    await kit.setup('kubectl run once --image=busybox --restart=Never -- wget -qO- http://web', 'kubectl run nowhere --image=busybox --restart=Never -- wget -qO- http://nope');
    await kit.setup('kubectl run again --image=busybox -- wget -qO- http://web', 'sleep 30');
    expect(await kit.sh('kubectl logs once')).toEqual({ stdout: '<html><body><h1>It works!</h1></body></html>\n', stderr: '', exitCode: 0 });
    expect(await kit.sh('kubectl logs nowhere')).toEqual({ stdout: "wget: bad address 'nope'\n", stderr: '', exitCode: 0 });
    // restarted (exit 0 under restartPolicy Always): the ended run's output, read for the first time with -p
    expect(await kit.sh('kubectl logs again -p')).toEqual({ stdout: '<html><body><h1>It works!</h1></body></html>\n', stderr: '', exitCode: 0 });
  });

  it('prints nothing, and succeeds, for a pod no node has taken (the API server has no kubelet to ask)', async () => {
    const kit = newKit();
    await kit.setup(`kubectl run nowhere --image=nginx --overrides='{"spec":{"nodeSelector":{"disk":"none"}}}'`, 'sleep 5');
    for (const line of ['kubectl logs nowhere', 'kubectl logs nowhere -f', 'kubectl logs nowhere -p']) {
      expect([line, await kit.sh(line)]).toEqual([line, { stdout: '', stderr: '', exitCode: 0 }]);
    }
    // the container name is still checked first
    expect(await kit.sh('kubectl logs nowhere -c nope')).toEqual({ stdout: '', stderr: 'Error from server (BadRequest): container nope is not valid for pod nowhere\n', exitCode: 1 });
  });

  it('--limit-bytes cuts the output, --since-time keeps the lines written from then on', async () => {
    const kit = newKit();
    await kit.setup("kubectl run c --image=busybox -- sh -c 'echo one; sleep 10; echo two; sleep 3600'", 'sleep 30');
    const stamped = (await kit.sh('kubectl logs c --timestamps')).stdout.trim().split('\n');
    expect(stamped).toHaveLength(2);
    const second = stamped[1].split(' ')[0];
    expect(await kit.sh('kubectl logs c --limit-bytes=6')).toEqual({ stdout: 'one\ntw', stderr: '', exitCode: 0 });
    expect(await kit.sh(`kubectl logs c --since-time=${second}`)).toEqual({ stdout: 'two\n', stderr: '', exitCode: 0 });
    expect(await kit.sh('kubectl logs c --since-time=2020-01-01T00:00:00Z')).toEqual({ stdout: 'one\ntwo\n', stderr: '', exitCode: 0 });
  });

  it('checks --limit-bytes and --since-time as kubectl v1.32 does', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx', 'sleep 10');
    const cases: [string, string][] = [
      ['kubectl logs web --limit-bytes=0', 'error: --limit-bytes must be greater than 0\n'],
      ['kubectl logs web --since-time=bad', 'error: parsing time "bad" as "2006-01-02T15:04:05Z07:00": cannot parse "bad" as "2006"\n'],
      ['kubectl logs web --since-time=2020-01-01', 'error: parsing time "2020-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"\n'],
      ['kubectl logs web --since-time=2020-13-01T00:00:00Z', 'error: parsing time "2020-13-01T00:00:00Z": month out of range\n'],
      ['kubectl logs web --since-time=2020-01-01T00:00:00Z --since=1h', 'error: at most one of `sinceTime` or `sinceSeconds` may be specified\n'],
    ];
    for (const [line, stderr] of cases) expect(await kit.sh(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
