import { Node } from '../../api/types';
import { newKit } from './verb-test-kit';

describe('kubectl taint', () => {
  const cases: { name: string; setup?: string[]; line: string; stdout?: string; stderr?: string; exit?: number; taints?: unknown }[] = [
    { name: 'adds', line: 'kubectl taint nodes node1 dedicated=gpu:NoSchedule', stdout: 'node/node1 tainted\n', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] },
    { name: 'adds without a value, node/NAME form', line: 'kubectl taint node/node1 maint:NoExecute', stdout: 'node/node1 tainted\n', taints: [{ key: 'maint', effect: 'NoExecute' }] },
    {
      name: 'same key and effect without --overwrite',
      setup: ['kubectl taint nodes node1 dedicated=gpu:NoSchedule'],
      line: 'kubectl taint nodes node1 dedicated=cpu:NoSchedule',
      stderr: 'error: node node1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
      exit: 1,
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
    },
    {
      name: '--overwrite says modified',
      setup: ['kubectl taint nodes node1 dedicated=gpu:NoSchedule'],
      line: 'kubectl taint nodes node1 dedicated=cpu:NoSchedule --overwrite',
      stdout: 'node/node1 modified\n',
      taints: [{ key: 'dedicated', value: 'cpu', effect: 'NoSchedule' }],
    },
    {
      name: 'same key, another effect',
      setup: ['kubectl taint nodes node1 dedicated=gpu:NoSchedule'],
      line: 'kubectl taint nodes node1 dedicated=gpu:NoExecute',
      stdout: 'node/node1 tainted\n',
      taints: [
        { key: 'dedicated', value: 'gpu', effect: 'NoExecute' },
        { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
      ],
    },
    { name: 'removes by key and effect', setup: ['kubectl taint nodes node1 dedicated=gpu:NoSchedule'], line: 'kubectl taint nodes node1 dedicated:NoSchedule-', stdout: 'node/node1 untainted\n', taints: undefined },
    { name: 'removes by key', setup: ['kubectl taint nodes node1 a=b:NoSchedule', 'kubectl taint nodes node1 a=b:NoExecute'], line: 'kubectl taint nodes node1 a-', stdout: 'node/node1 untainted\n', taints: undefined },
    { name: 'removing a missing taint', line: 'kubectl taint nodes node1 dedicated:NoSchedule-', stderr: 'error: taint "dedicated:NoSchedule" not found\n', exit: 1 },
    { name: 'the control-plane taint', line: 'kubectl taint nodes master node-role.kubernetes.io/control-plane:NoSchedule-', stdout: 'node/master untainted\n' },
    // a spec parseTaints refuses is a usage error: kubectl adds its usage line
    { name: 'bad effect', line: 'kubectl taint nodes node1 a=b:Sometimes', stderr: "error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n", exit: 1 },
    {
      name: 'no effect',
      line: 'kubectl taint nodes node1 key=value',
      stderr:
        "error: invalid taint spec: key=value, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\nSee 'kubectl taint -h' for help and examples\n",
      exit: 1,
    },
    { name: 'two equals signs', line: 'kubectl taint nodes node1 a=b=c:NoSchedule', stderr: "error: invalid taint spec: a=b=c:NoSchedule\nSee 'kubectl taint -h' for help and examples\n", exit: 1 },
    { name: 'no resource at all', line: 'kubectl taint key=v:NoSchedule', stderr: 'error: one or more resources must be specified as <resource> <name>\n', exit: 1 },
    { name: 'no taint', line: 'kubectl taint nodes node1', stderr: 'error: at least one taint update is required\n', exit: 1 },
    { name: 'not a node', line: 'kubectl taint pods p a=b:NoSchedule', stderr: 'error: invalid resource type pods, only node types are supported\n', exit: 1 },
    { name: 'no node name', line: 'kubectl taint nodes a=b:NoSchedule', stderr: "error: at least one resource name must be specified since 'all' parameter is not set\n", exit: 1 },
    { name: 'add and remove the same', line: 'kubectl taint nodes node1 a=b:NoSchedule a-', stderr: 'error: can not both modify and remove the following taint(s) in the same command: a=\n', exit: 1 },
    { name: 'not found', line: 'kubectl taint nodes node9 a=b:NoSchedule', stderr: 'Error from server (NotFound): nodes "node9" not found\n', exit: 1 },
    { name: '--all', line: 'kubectl taint nodes --all x=y:PreferNoSchedule', stdout: 'node/master tainted\nnode/node1 tainted\nnode/node2 tainted\n' },
  ];

  test.each(cases)('$name', async (c) => {
    const kit = newKit();
    await kit.setup(...(c.setup ?? []));
    const r = await kit.sh(c.line);
    expect(r.stderr).toBe(c.stderr ?? '');
    if (c.stdout !== undefined) expect(r.stdout).toBe(c.stdout);
    expect(r.exitCode).toBe(c.exit ?? 0);
    if ('taints' in c) expect((kit.sandbox.cluster.api.get('nodes', undefined, 'node1') as Node).spec.taints).toEqual(c.taints);
  });

  test('a NoSchedule taint keeps new pods off the node', async () => {
    const kit = newKit();
    await kit.setup('kubectl taint nodes node2 dedicated=gpu:NoSchedule', 'kubectl create deployment web --image=nginx --replicas=3', 'sleep 10');
    const nodes = kit.sandbox.cluster.api.list('pods', { namespace: 'default' }).map((p) => (p as unknown as { spec: { nodeName?: string } }).spec.nodeName);
    expect(nodes).toEqual(['node1', 'node1', 'node1']);
  });
});
