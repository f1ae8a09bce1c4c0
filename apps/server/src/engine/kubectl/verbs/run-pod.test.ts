// kubectl run's pod: --command, --env, `-- args`, --dry-run=client -o yaml|json (recorded from
// kubectl v1.32 pointed at a discovery-only server), its flag errors, and -i/-t off a terminal.
import { Pod } from '../../api/types';
import { newKit } from './verb-test-kit';

const WITH_COMMAND_AND_ENV =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: web\n  name: web\nspec:\n  containers:\n  - command:\n    - sh\n    - -c\n    - echo hi\n    env:\n    - name: A\n      value: "1"\n    - name: B\n      value: two\n    image: busybox\n    name: web\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n';
const WITH_ARGS =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: web\n  name: web\nspec:\n  containers:\n  - args:\n    - sleep\n    - "3600"\n    image: busybox\n    name: web\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n';
const BARE =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: web\n  name: web\nspec:\n  containers:\n  - image: busybox\n    name: web\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n';
const JSON_PORT_LABELS =
  '{\n    "kind": "Pod",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "web",\n        "creationTimestamp": null,\n        "labels": {\n            "a": "b",\n            "c": "d"\n        }\n    },\n    "spec": {\n        "containers": [\n            {\n                "name": "web",\n                "image": "nginx",\n                "ports": [\n                    {\n                        "containerPort": 80\n                    }\n                ],\n                "resources": {}\n            }\n        ],\n        "restartPolicy": "Never",\n        "dnsPolicy": "ClusterFirst"\n    },\n    "status": {}\n}\n';

describe('kubectl run (the pod)', () => {
  test.each([
    ["kubectl run web --image=busybox --env=A=1 --env=B=two --command --dry-run=client -o yaml -- sh -c 'echo hi'", WITH_COMMAND_AND_ENV],
    ['kubectl run web --image=busybox --dry-run=client -o yaml -- sleep 3600', WITH_ARGS],
    // --command without a command changes nothing
    ['kubectl run web --image=busybox --command --dry-run=client -o yaml', BARE],
    ['kubectl run web --image=nginx --port=80 --labels=a=b,c=d --restart=Never --dry-run=client -o json', JSON_PORT_LABELS],
    ['kubectl run web --image=busybox --dry-run=client', 'pod/web created (dry run)\n'],
  ])('%s', async (line, stdout) => {
    const kit = newKit();
    expect(await kit.sh(line)).toEqual({ stdout, stderr: '', exitCode: 0 });
    expect(kit.sandbox.cluster.api.tryGet('pods', 'default', 'web')).toBeUndefined();
  });

  test('--env sets the container environment; --command makes the words the command, not args', async () => {
    const kit = newKit();
    await kit.setup(
      "kubectl run e --image=busybox --env=GREETING=hello --env=NAME=world --restart=Never -- sh -c 'echo $GREETING $NAME'",
      'kubectl run c --image=busybox --command --restart=Never -- echo one two',
      'kubectl run a --image=busybox --restart=Never -- echo one two',
      'sleep 10',
    );
    const container = (name: string) => (kit.sandbox.cluster.api.get('pods', 'default', name) as Pod).spec.containers[0];
    expect(container('e').env).toEqual([
      { name: 'GREETING', value: 'hello' },
      { name: 'NAME', value: 'world' },
    ]);
    expect(await kit.sh('kubectl logs e')).toEqual({ stdout: 'hello world\n', stderr: '', exitCode: 0 });
    expect([container('c').command, container('c').args]).toEqual([['echo', 'one', 'two'], undefined]);
    expect([container('a').command, container('a').args]).toEqual([undefined, ['echo', 'one', 'two']]);
    expect((await kit.sh('kubectl logs c')).stdout).toBe('one two\n');
    expect((await kit.sh('kubectl logs a')).stdout).toBe('one two\n');
  });

  // client-side errors, as kubectl v1.32 prints them
  test.each([
    ['kubectl run x --image=busybox -t', "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n"],
    ['kubectl run x --image=busybox --rm', "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n"],
    ['kubectl run x --image=busybox --restart=Bogus', "error: invalid restart policy: Bogus\nSee 'kubectl run -h' for help and examples\n"],
    ['kubectl run x --image=busybox --env=A=1 --env=B --dry-run=client -o yaml', 'error: invalid env: B\n'],
    ['kubectl run x --image=busybox --env==x', 'error: invalid env: =x\n'],
    [
      'kubectl run x --image=busybox -it --rm --dry-run=client -o yaml -- sh',
      "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n",
    ],
  ])('%s', async (line, stderr) => {
    const kit = newKit();
    expect(await kit.sh(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
    expect(kit.sandbox.cluster.api.tryGet('pods', 'default', 'x')).toBeUndefined();
  });

  test('-it off a terminal: the TTY refused, the output streamed until the container ends, --rm deletes', async () => {
    const kit = newKit();
    const t = kit.sandbox.clock.now();
    expect(await kit.sh("kubectl run t -it --rm --image=busybox --restart=Never -- sh -c 'echo a; echo b'")).toEqual({
      stdout: 'a\nb\npod "t" deleted\n',
      stderr: 'Unable to use a TTY - input is not a terminal or the right kind of file\n',
      exitCode: 0,
    });
    expect(kit.sandbox.clock.now()).toBeGreaterThan(t);
    expect(kit.sandbox.cluster.api.tryGet('pods', 'default', 't')).toBeUndefined();
    expect(await kit.sh('kubectl run k -it --image=busybox --restart=Never -- echo hi')).toEqual({
      stdout: 'hi\n',
      stderr: 'Unable to use a TTY - input is not a terminal or the right kind of file\n',
      exitCode: 0,
    });
    expect((kit.sandbox.cluster.api.get('pods', 'default', 'k') as Pod).spec.containers[0]).toMatchObject({ stdin: true, stdinOnce: true, tty: true });
  });
});
