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
  ])('%s', (src, lines, exitAfter, code) => {
    const r = runScript(src, env, T);
    expect(r.lines).toEqual(lines);
    expect(r.exitAfterMs).toBe(exitAfter);
    expect(r.exitCode).toBe(code);
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
