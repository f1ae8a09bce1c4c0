import { newKit } from './verb-test-kit';

describe('kubectl annotate', () => {
  const cases: { name: string; setup?: string[]; line: string; stdout?: string; stderr?: string; exit?: number; annotations?: Record<string, string> }[] = [
    { name: 'annotates', line: 'kubectl annotate pod web note=x', stdout: 'pod/web annotated\n', annotations: { note: 'x' } },
    { name: 'value with = and spaces', line: 'kubectl annotate pod web "note=a = b"', stdout: 'pod/web annotated\n', annotations: { note: 'a = b' } },
    {
      name: 'existing without --overwrite',
      setup: ['kubectl annotate pod web note=x'],
      line: 'kubectl annotate pod web note=y',
      stderr: "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (x)\n",
      exit: 1,
      annotations: { note: 'x' },
    },
    { name: '--overwrite', setup: ['kubectl annotate pod web note=x'], line: 'kubectl annotate pod web note=y --overwrite', stdout: 'pod/web annotated\n', annotations: { note: 'y' } },
    { name: 'change-cause can always be overwritten', setup: ['kubectl annotate pod web kubernetes.io/change-cause=a'], line: 'kubectl annotate pod web kubernetes.io/change-cause=b', stdout: 'pod/web annotated\n' },
    { name: 'removes', setup: ['kubectl annotate pod web note=x'], line: 'kubectl annotate pod web note-', stdout: 'pod/web annotated\n', annotations: {} },
    { name: 'nothing to do', line: 'kubectl annotate pod web', stderr: 'error: at least one annotation update is required\n', exit: 1 },
    { name: 'modify and remove', line: 'kubectl annotate pod web a=1 a-', stderr: 'error: can not both modify and remove the following annotation(s) in the same command: a\n', exit: 1 },
    { name: '--list', setup: ['kubectl annotate pod web note=x'], line: 'kubectl annotate pod web --list', stdout: 'note=x\n' },
    { name: 'not found', line: 'kubectl annotate pod nope a=b', stderr: 'Error from server (NotFound): pods "nope" not found\n', exit: 1 },
  ];

  test.each(cases)('$name', async (c) => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx', ...(c.setup ?? []));
    const r = await kit.sh(c.line);
    expect(r.stderr).toBe(c.stderr ?? '');
    if (c.stdout !== undefined) expect(r.stdout).toBe(c.stdout);
    expect(r.exitCode).toBe(c.exit ?? 0);
    if (c.annotations) expect(kit.sandbox.cluster.api.get('pods', 'default', 'web').metadata.annotations ?? {}).toEqual(c.annotations);
  });
});
