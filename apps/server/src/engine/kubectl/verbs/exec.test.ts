import { newKit, terminal } from './verb-test-kit';

const ENV_POD = `cat <<'EOF2' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata: {name: env, labels: {app: env}}
spec:
  containers:
  - name: c
    image: busybox
    command: [sleep, '3600']
    env:
    - {name: GREETING, value: hola}
    - {name: MSG, value: '$(GREETING) mundo'}
    - name: MY_POD
      valueFrom: {fieldRef: {fieldPath: metadata.name}}
EOF2`;

const OCI = (id: string, prog: string): string =>
  `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${prog}": executable file not found in $PATH: unknown\n`;

describe('kubectl exec', () => {
  it('runs commands in the container with its environment and files', async () => {
    const kit = newKit();
    await kit.setup(ENV_POD, 'sleep 20');
    const cases: [string, string, string, number][] = [
      ['kubectl exec env -- printenv MSG', 'hola mundo\n', '', 0],
      ['kubectl exec env -- printenv MY_POD', 'env\n', '', 0],
      ['kubectl exec env -- hostname', 'env\n', '', 0],
      ['kubectl exec env -- cat /etc/hostname', 'env\n', '', 0],
      ['kubectl exec env -- cat /etc/resolv.conf', 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n', '', 0],
      ['kubectl exec env -- cat /var/run/secrets/kubernetes.io/serviceaccount/namespace', 'default', '', 0],
      ["kubectl exec env -- sh -c 'echo $GREETING > /tmp/g; cat /tmp/g'", 'hola\n', '', 0],
      // every container has the /dev/null device: it reads empty and drops what is written
      ["kubectl exec env -- sh -c 'echo x > /dev/null; ls /nope 2>/dev/null; cat /dev/null; echo y | tee /dev/null'", 'y\n', '', 0],
      ["kubectl exec env -- sh -c 'exit 3'", '', 'command terminated with exit code 3\n', 3],
      ["kubectl exec env -- sh -c 'curl web'", '', 'sh: curl: not found\ncommand terminated with exit code 127\n', 127],
      ['kubectl exec env', '', "error: you must specify at least one command for the container\n", 1],
      ['kubectl exec env ls', '', "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n", 1],
      ['kubectl exec nope -- ls', '', 'Error from server (NotFound): pods "nope" not found\n', 1],
      // the API server checks the name first (its Status is the server's error)
      ['kubectl exec env -c x -- ls', '', 'Error from server (BadRequest): container x is not valid for pod env\n', 1],
    ];
    for (const [line, stdout, stderr, exit] of cases) {
      const r = await kit.sh(line);
      expect([line, r.stdout, r.stderr, r.exitCode]).toEqual([line, stdout, stderr, exit]);
    }
    // the writable layer keeps files while the container runs
    expect((await kit.sh('kubectl exec env -- cat /tmp/g')).stdout).toBe('hola\n');
  });

  it('refuses a pod no node has taken (the API server) apart from a container not started yet (the kubelet)', async () => {
    const kit = newKit();
    await kit.setup(`kubectl run nowhere --image=nginx --overrides='{"spec":{"nodeSelector":{"disk":"none"}}}'`, 'kubectl run slow --image=mysql:8.0', 'sleep 1');
    expect(await kit.sh('kubectl exec nowhere -- ls')).toEqual({ stdout: '', stderr: 'Error from server (BadRequest): pod nowhere does not have a host assigned\n', exitCode: 1 });
    expect(await kit.sh('kubectl exec nowhere -c nope -- ls')).toEqual({ stdout: '', stderr: 'Error from server (BadRequest): container nope is not valid for pod nowhere\n', exitCode: 1 });
    // scheduled, its image still pulling
    expect(await kit.sh('kubectl exec slow -- ls')).toEqual({ stdout: '', stderr: 'error: unable to upgrade connection: container not found ("slow")\n', exitCode: 1 });
  });

  it('answers a program the image lacks with the runtime error, and -t without a terminal', async () => {
    const kit = newKit();
    await kit.setup(ENV_POD, 'sleep 20');
    const r = await kit.sh('kubectl exec env -- bash');
    const id = /start exec "([0-9a-f]{64})"/.exec(r.stderr)?.[1] ?? '';
    expect([r.stderr, r.exitCode]).toEqual([OCI(id, 'bash'), 1]);
    const t = await kit.sh('kubectl exec -it env -- echo hi');
    expect([t.stdout, t.stderr]).toEqual(['hi\n', 'Unable to use a TTY - input is not a terminal or the right kind of file\n']);
  });

  it('shares an emptyDir between containers and loses it with the pod', async () => {
    const pod = `cat <<'EOF2' > p.yaml
apiVersion: v1
kind: Pod
metadata: {name: two}
spec:
  volumes: [{name: shared, emptyDir: {}}]
  containers:
  - {name: a, image: busybox, command: [sleep, '3600'], volumeMounts: [{name: shared, mountPath: /data}]}
  - {name: b, image: nginx, volumeMounts: [{name: shared, mountPath: /usr/share/nginx/html}]}
EOF2`;
    const kit = newKit();
    await kit.setup(pod, 'kubectl apply -f p.yaml', 'sleep 20');
    await kit.setup("kubectl exec two -c a -- sh -c 'echo hola > /data/index.html'");
    expect((await kit.sh('kubectl exec two -c b -- cat /usr/share/nginx/html/index.html')).stdout).toBe('hola\n');
    expect((await kit.sh('kubectl exec two -c b -- curl -s localhost')).stdout).toBe('hola\n');
    expect((await kit.sh('kubectl logs two -c b --tail=1')).stdout).toBe('127.0.0.1 - - [01/Jan/2026:00:00:20 +0000] "GET / HTTP/1.1" 200 5 "-" "curl/7.88.1" "-"\n');
    await kit.setup('kubectl delete pod two --grace-period=0 --force', 'kubectl apply -f p.yaml', 'sleep 20');
    expect((await kit.sh('kubectl exec two -c a -- ls /data')).stdout).toBe('');
  });

  it('opens an interactive shell in the container where the terminal allows it', async () => {
    const kit = newKit();
    await kit.setup(ENV_POD, 'kubectl run web --image=nginx', 'sleep 20');
    const tty = terminal(kit);
    expect((await tty('kubectl exec -it env -- sh')).prompt).toBe('/ # ');
    expect(await tty('cd /tmp && echo $GREETING')).toMatchObject({ stdout: 'hola\n', prompt: '/tmp # ' });
    expect(await tty('exit 2')).toMatchObject({ stderr: 'command terminated with exit code 2\n', exitCode: 2, prompt: 'student@master:~$ ' });
    expect((await tty('kubectl exec -it web -- bash')).prompt).toBe('root@web:/# ');
    expect(await tty('ls /usr/share/nginx/html')).toMatchObject({ stdout: '50x.html  index.html\n', prompt: 'root@web:/# ' });
    expect(await tty('exit')).toMatchObject({ stdout: 'exit\n', exitCode: 0, prompt: 'student@master:~$ ' });
  });
});
