import { KubeEvent } from '../../api/types';
import { newKit } from './verb-test-kit';
import { eventInterval } from './events';

describe('kubectl events', () => {
  test('lists the namespace events in time order, in kubectl events columns', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx', 'sleep 10');
    const r = await kit.sh('kubectl events');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'LAST SEEN   TYPE     REASON      OBJECT    MESSAGE',
        '10s         Normal   Scheduled   Pod/web   Successfully assigned default/web to node1',
        '9s          Normal   Pulling     Pod/web   Pulling image "nginx"',
        '6s          Normal   Pulled      Pod/web   Successfully pulled image "nginx" in 3.432s (3.432s including waiting). Image size: 72950530 bytes.',
        '6s          Normal   Created     Pod/web   Created container: web',
        '6s          Normal   Started     Pod/web   Started container web',
        '',
      ].join('\n'),
    );
  });

  const cases: { name: string; line: string; stdout?: RegExp | string; stderr?: string; exit?: number }[] = [
    { name: '--for', line: 'kubectl events --for pod/db', stdout: /^LAST SEEN {3}TYPE {5}REASON {6}OBJECT {3}MESSAGE\n(.*Pod\/db .*\n)+$/ },
    { name: '--for with a short type', line: 'kubectl events --for=po/db --types=Normal', stdout: /Pod\/db/ },
    { name: '--types Warning with none', line: 'kubectl events --types=Warning', stdout: '', stderr: 'No events found in default namespace.\n' },
    { name: 'another namespace', line: 'kubectl events -n empty', stdout: '', stderr: 'No events found in empty namespace.\n' },
    { name: '-A adds NAMESPACE', line: 'kubectl events -A', stdout: /^NAMESPACE {3}LAST SEEN {3}TYPE {5}REASON/ },
    { name: 'bad --types', line: 'kubectl events --types=Foo', stderr: 'error: valid --types are Normal or Warning\n', exit: 1 },
    { name: 'bad --for', line: 'kubectl events --for web', stderr: 'error: --for must be in resource/name form\n', exit: 1 },
  ];
  test.each(cases)('$name', async (c) => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx', 'kubectl run db --image=redis', 'kubectl create namespace empty', 'sleep 10');
    const r = await kit.sh(c.line);
    expect(r.stderr).toBe(c.stderr ?? '');
    if (typeof c.stdout === 'string') expect(r.stdout).toBe(c.stdout);
    else if (c.stdout) expect(r.stdout).toMatch(c.stdout);
    expect(r.exitCode).toBe(c.exit ?? 0);
  });

  test('a Warning shows with --types=Warning', async () => {
    const kit = newKit();
    await kit.setup('kubectl run bad --image=nginx:nope', 'sleep 30');
    const r = await kit.sh('kubectl events --types=warning');
    expect(r.stdout).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE\n/);
    expect(r.stdout.split('\n').slice(1, -1).every((l) => /^\S+( \(x\d+ over \S+\))? +Warning /.test(l))).toBe(true);
  });

  test.each([
    [{ firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:00:00Z', count: 1 }, '60s'],
    [{ firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:00:50Z', count: 4 }, '10s (x4 over 60s)'],
    [{ eventTime: '2026-01-01T00:00:30Z', series: { count: 2, lastObservedTime: '2026-01-01T00:00:55Z' } }, '5s (x2 over 30s)'],
  ])('interval %#', (fields, want) => {
    const ev = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' }, involvedObject: {}, ...fields } as unknown as KubeEvent;
    expect(eventInterval(ev, Date.UTC(2026, 0, 1, 0, 1))).toBe(want);
  });
});
