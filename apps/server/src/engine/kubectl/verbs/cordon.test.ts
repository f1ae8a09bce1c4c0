import { Node } from '../../api/types';
import { newKit } from './verb-test-kit';

describe('kubectl cordon / uncordon', () => {
  const cases: { name: string; setup?: string[]; line: string; stdout?: string; stderr?: string; exit?: number; unschedulable?: Record<string, boolean> }[] = [
    { name: 'cordons', line: 'kubectl cordon node1', stdout: 'node/node1 cordoned\n', unschedulable: { node1: true, node2: false } },
    { name: 'already cordoned', setup: ['kubectl cordon node1'], line: 'kubectl cordon node1', stdout: 'node/node1 already cordoned\n' },
    { name: 'uncordons', setup: ['kubectl cordon node1'], line: 'kubectl uncordon node1', stdout: 'node/node1 uncordoned\n', unschedulable: { node1: false } },
    { name: 'already uncordoned', line: 'kubectl uncordon node1', stdout: 'node/node1 already uncordoned\n' },
    { name: 'several, and node/NAME', line: 'kubectl cordon node1 node/node2', stdout: 'node/node1 cordoned\nnode/node2 cordoned\n', unschedulable: { node1: true, node2: true } },
    { name: 'by selector', line: 'kubectl cordon -l node-role.kubernetes.io/control-plane', stdout: 'node/master cordoned\n', unschedulable: { master: true, node1: false } },
    { name: 'dry run', line: 'kubectl cordon node1 --dry-run=client', stdout: 'node/node1 cordoned (dry run)\n', unschedulable: { node1: false } },
    { name: 'no node', line: 'kubectl cordon', stderr: "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n", exit: 1 },
    { name: 'name and selector', line: 'kubectl uncordon node1 -l a=b', stderr: "error: cannot specify both a node name and a --selector option\nSee 'kubectl uncordon -h' for help and examples\n", exit: 1 },
    { name: 'not found', line: 'kubectl cordon node9', stderr: 'Error from server (NotFound): nodes "node9" not found\n', exit: 1 },
  ];

  test.each(cases)('$name', async (c) => {
    const kit = newKit();
    await kit.setup(...(c.setup ?? []));
    const r = await kit.sh(c.line);
    expect(r.stderr).toBe(c.stderr ?? '');
    if (c.stdout !== undefined) expect(r.stdout).toBe(c.stdout);
    expect(r.exitCode).toBe(c.exit ?? 0);
    for (const [name, want] of Object.entries(c.unschedulable ?? {})) {
      expect(!!(kit.sandbox.cluster.api.get('nodes', undefined, name) as Node).spec.unschedulable).toBe(want);
    }
  });

  test('a cordoned node gets no new pods', async () => {
    const kit = newKit();
    await kit.setup('kubectl cordon node1', 'kubectl create deployment web --image=nginx --replicas=4', 'sleep 10');
    const nodes = kit.sandbox.cluster.api.list('pods', { namespace: 'default' }).map((p) => (p as unknown as { spec: { nodeName?: string } }).spec.nodeName);
    expect(nodes).toEqual(['node2', 'node2', 'node2', 'node2']);
  });
});
