import { newKit } from './verb-test-kit';

describe('kubectl label', () => {
  const cases: { name: string; setup?: string[]; line: string; stdout?: string; stderr?: string; exit?: number; labels?: Record<string, string> }[] = [
    { name: 'adds a label', line: 'kubectl label pod web env=prod', stdout: 'pod/web labeled\n', labels: { run: 'web', env: 'prod' } },
    { name: 'refuses to change without --overwrite', setup: ['kubectl label pod web env=prod'], line: 'kubectl label pod web env=dev', stderr: "error: 'env' already has a value (prod), and --overwrite is false\n", exit: 1, labels: { run: 'web', env: 'prod' } },
    { name: 'even the same value needs --overwrite', setup: ['kubectl label pod web env=prod'], line: 'kubectl label pod web env=prod', stderr: "error: 'env' already has a value (prod), and --overwrite is false\n", exit: 1 },
    { name: 'overwrites', setup: ['kubectl label pod web env=prod'], line: 'kubectl label pod web env=dev --overwrite', stdout: 'pod/web labeled\n', labels: { run: 'web', env: 'dev' } },
    { name: 'same value with --overwrite is not labeled', setup: ['kubectl label pod web env=prod'], line: 'kubectl label pod/web env=prod --overwrite', stdout: 'pod/web not labeled\n' },
    { name: 'removes a label', setup: ['kubectl label pod web env=prod'], line: 'kubectl label pod web env-', stdout: 'pod/web unlabeled\n', labels: { run: 'web' } },
    // the server drops the emptied map; kubectl printing without the server keeps it (kubectl v1.32)
    { name: 'removing the last label leaves none on the server', line: 'kubectl label pod web run-', stdout: 'pod/web unlabeled\n', labels: undefined },
    { name: 'removing the last label, client dry run: an empty map', line: "kubectl label pod web run- --dry-run=client -o jsonpath='{.metadata.labels}'", stdout: '{}', labels: { run: 'web' } },
    { name: 'removal with --overwrite says labeled', setup: ['kubectl label pod web env=prod'], line: 'kubectl label pod web env- --overwrite', stdout: 'pod/web labeled\n' },
    { name: 'removing a missing label', line: 'kubectl label pod web env-', stdout: 'label "env" not found.\npod/web not labeled\n' },
    { name: 'no label given', line: 'kubectl label pod web', stderr: 'error: at least one label update is required\n', exit: 1 },
    { name: 'resources after labels', line: 'kubectl label pod a=b web', stderr: 'error: all resources must be specified before label changes: web\n', exit: 1 },
    { name: 'modify and remove', line: 'kubectl label pod web a=b a-', stderr: 'error: can not both modify and remove a label in the same command\n', exit: 1 },
    { name: 'bad value', line: 'kubectl label pod web a=-x', stderr: "error: invalid label value: \"a=-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n", exit: 1 },
    { name: 'not found', line: 'kubectl label pod nope a=b', stderr: 'Error from server (NotFound): pods "nope" not found\n', exit: 1 },
    { name: '--list', setup: ['kubectl label pod web env=prod'], line: 'kubectl label pod web --list', stdout: 'run=web\nenv=prod\n' },
    { name: '--all', setup: ['kubectl run db --image=redis'], line: 'kubectl label pods --all tier=x', stdout: 'pod/db labeled\npod/web labeled\n' },
    { name: '-l', setup: ['kubectl run db --image=redis'], line: 'kubectl label pods -l run=db tier=x', stdout: 'pod/db labeled\n' },
    { name: 'type without a name', line: 'kubectl label pods tier=x', stderr: 'error: resource(s) were provided, but no name was specified\n', exit: 1 },
    { name: '--resource-version mismatch', line: 'kubectl label pod web a=b --resource-version=1', stderr: 'Error from server (Conflict): Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again\n', exit: 1 },
    { name: 'dry run', line: 'kubectl label pod web a=b --dry-run=client', stdout: 'pod/web labeled (dry run)\n', labels: { run: 'web' } },
    { name: 'node role label', line: 'kubectl label node node1 node-role.kubernetes.io/worker=', stdout: 'node/node1 labeled\n' },
  ];

  test.each(cases)('$name', async (c) => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx', ...(c.setup ?? []));
    const r = await kit.sh(c.line);
    expect(r.stderr).toBe(c.stderr ?? '');
    if (c.stdout !== undefined) expect(r.stdout).toBe(c.stdout);
    expect(r.exitCode).toBe(c.exit ?? 0);
    if ('labels' in c) expect(kit.sandbox.cluster.api.get('pods', 'default', 'web').metadata.labels).toEqual(c.labels);
  });
});
