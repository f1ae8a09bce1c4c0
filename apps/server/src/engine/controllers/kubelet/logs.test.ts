// The cap on a container's log: `kubectl logs` shows the newest LOG_MAX_LINES lines within
// LOG_MAX_BYTES (the kubelet's rotation keeps the newest; here a sliding window, not files).
import { newKit } from '../../kubectl/verbs/verb-test-kit';
import { LOG_MAX_BYTES, LOG_MAX_LINES, appendContainerLog } from './logs';

const range = (from: number, to: number, line: (i: number) => string): string => {
  let out = '';
  for (let i = from; i <= to; i++) out += `${line(i)}\n`;
  return out;
};

describe('container log cap', () => {
  it('is 1000 lines and 256 KiB', () => {
    expect([LOG_MAX_LINES, LOG_MAX_BYTES]).toEqual([1000, 262144]);
  });

  it('keeps the newest 1000 lines of a container that printed more', async () => {
    const kit = newKit();
    // one line a second from 00:00:02.072 (busybox pulled and started), for 25 minutes
    await kit.setup(`kubectl run loop --image=busybox -- sh -c 'i=0; while true; do echo "line $i"; i=$((i+1)); sleep 1; done'`, 'sleep 1500');
    const all = await kit.sh('kubectl logs loop');
    expect(all).toEqual({ stdout: range(498, 1497, (i) => `line ${i}`), stderr: '', exitCode: 0 });
    // --tail counts within what is kept
    expect((await kit.sh('kubectl logs loop --tail=5000')).stdout).toBe(all.stdout);
    expect((await kit.sh('kubectl logs loop --tail=2')).stdout).toBe('line 1496\nline 1497\n');
    expect((await kit.sh('kubectl logs loop --tail=1 --timestamps')).stdout).toBe('2026-01-01T00:24:59.072000000Z line 1497\n');
    // a minute later the window has moved on by sixty lines
    await kit.setup('sleep 60');
    expect((await kit.sh('kubectl logs loop')).stdout).toBe(range(558, 1557, (i) => `line ${i}`));
  });

  it('keeps fewer, longer lines within 256 KiB', async () => {
    const kit = newKit();
    const x = 'x'.repeat(1000);
    await kit.setup(`kubectl run wide --image=busybox -- sh -c 'i=0; while true; do echo "$i ${x}"; i=$((i+1)); sleep 1; done'`, 'sleep 1500');
    const r = await kit.sh('kubectl logs wide');
    // 1006 bytes a line: 260 lines are 261,560 bytes, a 261st would pass 262,144
    expect(r.stdout).toBe(range(1238, 1497, (i) => `${i} ${x}`));
    expect(r.stdout.length).toBe(261_560);
  });

  it('lines added while it runs (requests served) are capped too, the oldest going first', async () => {
    const kit = newKit();
    await kit.setup('kubectl run web --image=nginx', 'sleep 30');
    const c = kit.sandbox.cluster;
    const first = (await kit.sh('kubectl logs web')).stdout;
    expect(first.split('\n')[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    for (let i = 1; i <= 1200; i++) appendContainerLog(c.runtime, 'default', 'web', 'web', c.now, `request ${i}`);
    const r = await kit.sh('kubectl logs web');
    expect(r.stdout).toBe(range(201, 1200, (i) => `request ${i}`));
  });
});
