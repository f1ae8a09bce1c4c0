import { loopIteration, loopIterationRun, runScript } from './script';

const env = { vars: { NAME: 'world' }, hostname: 'pod-1', namespace: 'default', busybox: true };
const T = Date.UTC(2026, 0, 1);

describe('runScript', () => {
  it.each([
    ['echo hello; sleep 3600', [[0, 'hello']], 3_600_000, 0],
    ['echo "hi $NAME"', [[0, 'hi world']], 0, 0],
    ["echo 'no $NAME'", [[0, 'no $NAME']], 0, 0],
    ['exit 1', [], 0, 1],
    ['sleep 2; echo done; exit 3', [[2000, 'done']], 2000, 3],
    ['cat /nonexistent', [[0, "cat: can't open '/nonexistent': No such file or directory"]], 0, 1],
    ['echo a && false && echo b; echo c', [[0, 'a'], [0, 'c']], 0, 0],
    ['for i in 1 2 3; do echo $i; done', [[0, '1'], [0, '2'], [0, '3']], 0, 0],
    ['echo $((2+3*4))', [[0, '14']], 0, 0],
    ['hostname', [[0, 'pod-1']], 0, 0],
    ['echo hi > /tmp/x; sleep 1', [], 1000, 0],
    ['foo', [[0, 'sh: foo: not found']], 0, 127],
    // seq, and loops whose condition is a test: they end when it fails (until: when it holds)
    ['for i in $(seq 3); do echo n$i; done', [[0, 'n1'], [0, 'n2'], [0, 'n3']], 0, 0],
    ['seq 10 -4 1', [[0, '10'], [0, '6'], [0, '2']], 0, 0],
    ['seq 5 1', [], 0, 0],
    ['seq x', [[0, "seq: invalid number 'x'"]], 0, 1],
    ['i=0; while [ $i -lt 3 ]; do echo r$i; i=$((i+1)); done; echo end', [[0, 'r0'], [0, 'r1'], [0, 'r2'], [0, 'end']], 0, 0],
    ['i=0; until [ $i -ge 2 ]; do echo u$i; sleep 1; i=$((i+1)); done', [[0, 'u0'], [1000, 'u1']], 2000, 0],
    ['n=3; while test "$n" != 0; do n=$((n-1)); done; echo $n', [[0, '0']], 0, 0],
    ['[ -z "" ] && [ -n x ] && [ ! a = b ] && echo yes', [[0, 'yes']], 0, 0],
    ['[ a -lt 3 ]', [[0, "sh: invalid number 'a'"]], 0, 2],
    ['[ 1 -lt 3', [[0, 'sh: missing ]']], 0, 2],
    ['while [ 1 -gt 2 ]; do echo never; done; echo after', [[0, 'after']], 0, 0],
  ])('%s', (src, lines, exitAfter, code) => {
    const r = runScript(src, env, T);
    expect(r.lines).toEqual(lines);
    expect(r.exitAfterMs).toBe(exitAfter);
    expect(r.exitCode).toBe(code);
  });

  it("takes a loop whose condition asks the network as endless, as before (its answer is the cluster's)", () => {
    const r = runScript('until nslookup db; do echo waiting; sleep 2; done', env, T);
    expect(r.loop).toMatchObject({ startMs: 0, periodMs: 2000 });
    expect(r.exitAfterMs).toBeUndefined();
  });

  it('a test loop still going after 2,000 lines (or 10,000 silent rounds) goes on as an endless loop from there, its counter counting', () => {
    const r = runScript('i=0; while [ $i -ge 0 ]; do i=$((i+1)); sleep 1; echo $i; done', env, T);
    expect(r.exitAfterMs).toBeUndefined();
    expect(r.lines).toHaveLength(2000);
    expect(r.lines.slice(-1)).toEqual([[2_000_000, '2000']]);
    expect(r.loop).toMatchObject({ startMs: 2_000_000, periodMs: 1000, deltas: { i: 1 } });
    expect(loopIteration(r.loop!, 5, env, T)).toEqual([[2_006_000, '2006']]);
    const silent = runScript('i=0; while [ $i -ge 0 ]; do i=$((i+1)); done', env, T);
    expect(silent.exitAfterMs).toBeUndefined();
    expect(silent.loop).toMatchObject({ vars0: { i: '10000' }, deltas: { i: 1 } });
  });

  it('sleep infinity never exits', () => {
    expect(runScript('echo up; sleep infinity', env, T)).toEqual({ lines: [[0, 'up']], exitCode: 0 });
  });

  it('keeps an endless loop as one iteration and its counters', () => {
    const r = runScript('i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 10; done', env, T);
    expect(r.exitAfterMs).toBeUndefined();
    expect(r.loop).toMatchObject({ startMs: 0, periodMs: 10_000, deltas: { i: 1 } });
    expect(loopIteration(r.loop!, 360, env, T)).toEqual([[3_600_000, '360: Thu Jan  1 01:00:00 UTC 2026']]);
  });

  it('execs a server', () => {
    expect(runScript('echo start; exec nginx -g "daemon off;"', env, T).server).toEqual(['nginx', '-g', 'daemon off;']);
  });

  it('records what it writes into files: `>` truncates, `>>` appends', () => {
    const r = runScript('echo one > /data/f; sleep 2; echo two >> /data/f; date >> /data/log', env, T);
    expect(r.writes).toEqual([
      [0, '/data/f', 'one', false],
      [2000, '/data/f', 'two', true],
      [2000, '/data/log', 'Thu Jan  1 00:00:02 UTC 2026', true],
    ]);
    expect(r.lines).toEqual([]);
  });

  it("keeps an endless loop's writes per iteration, not with the writes before it", () => {
    const r = runScript('echo start > /html/index.html; while true; do date >> /html/index.html; sleep 1; done', env, T);
    expect(r.writes).toEqual([[0, '/html/index.html', 'start', false]]);
    expect(loopIterationRun(r.loop!, 3600, env, T).writes).toEqual([[3_600_000, '/html/index.html', 'Thu Jan  1 01:00:00 UTC 2026', true]]);
  });
});
