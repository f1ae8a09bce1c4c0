// ^C on commands that really wait: the line stops with exit status 130 at the moment of the ^C,
// with what the command printed until then. The clock below runs like the wall clock for the
// waiting commands (not virtual: they do not end early when nothing more will happen) but
// moves instantly, and presses ^C when a sleep reaches a given time.
import { Sandbox, SandboxClock } from '../sandbox';
import { createSignal } from './shell';
import { ShellSession } from './types';

const T0 = Date.UTC(2026, 0, 1);

class InterruptingClock implements SandboxClock {
  readonly virtual = false;
  private interruptAt = Infinity;
  private interrupt: () => void = () => {};
  constructor(private t: number) {}
  now(): number {
    return this.t;
  }
  sleep(ms: number): void {
    if (this.t + ms >= this.interruptAt) {
      this.t = this.interruptAt;
      this.interruptAt = Infinity;
      this.interrupt();
    } else this.t += Math.max(0, ms);
  }
  /** ^C `after` ms from now */
  pressCtrlC(after: number, abort: () => void): void {
    this.interruptAt = this.t + after;
    this.interrupt = abort;
  }
}

describe('^C on a waiting command', () => {
  let clock: InterruptingClock;
  let sandbox: Sandbox;
  let session: ShellSession;
  /** runs `line`, pressing ^C `after` ms into it; returns its result and the time it took */
  const run = async (line: string, after?: number) => {
    const ctl = createSignal();
    if (after !== undefined) clock.pressCtrlC(after, () => ctl.abort());
    const start = clock.now();
    const { result, session: next } = await sandbox.run(session, line, undefined, { isTTY: false, signal: ctl.signal });
    session = next;
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, seconds: (clock.now() - start) / 1000 };
  };

  beforeEach(async () => {
    clock = new InterruptingClock(T0);
    sandbox = Sandbox.create({ seed: 1, start: T0 }, clock);
    session = sandbox.newSession();
    expect((await run('kubectl run web --image=nginx && sleep 5')).exitCode).toBe(0);
  });

  it('sleep 100 stops at the ^C, and the rest of the line does not run', async () => {
    expect(await run('sleep 100; echo never', 3000)).toEqual({ stdout: '', stderr: '', exitCode: 130, seconds: 3 });
    expect((await run('echo $?')).stdout).toBe('130\n');
  });

  it('kubectl get pods -w prints the list, then ends on ^C with 130', async () => {
    expect(await run('kubectl get pods -w', 10_000)).toEqual({
      stdout: 'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          5s\n',
      stderr: '',
      exitCode: 130,
      seconds: 10,
    });
  });

  it('kubectl logs -f follows a running container until ^C', async () => {
    const r = await run('kubectl logs -f web --tail=1', 20_000);
    expect(r).toEqual({ stdout: '2026/01/01 00:00:04 [notice] 1#1: start worker process 30\n', stderr: '', exitCode: 130, seconds: 20 });
  });

  it('kubectl rollout status prints its progress until ^C', async () => {
    await run('kubectl create deployment api --image=httpd --replicas=2');
    expect(await run('kubectl rollout status deployment/api', 1000)).toEqual({
      stdout: 'Waiting for deployment "api" rollout to finish: 0 of 2 updated replicas are available...\n',
      stderr: '',
      exitCode: 130,
      seconds: 1,
    });
  });

  it('kubectl wait for a pod that never gets ready stops at the ^C, before its timeout', async () => {
    await run('kubectl run bad --image=nginx:9.9.9');
    expect(await run('kubectl wait --for=condition=Ready pod/bad --timeout=300s', 20_000)).toEqual({ stdout: '', stderr: '', exitCode: 130, seconds: 20 });
  });

  it('without ^C the same commands keep waiting (until their own end)', async () => {
    expect(await run('sleep 100')).toEqual({ stdout: '', stderr: '', exitCode: 0, seconds: 100 });
    const w = await run('kubectl wait --for=condition=Ready pod/web --timeout=30s');
    expect([w.stdout, w.exitCode]).toEqual(['pod/web condition met\n', 0]);
  });
});
