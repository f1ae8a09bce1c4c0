// The interactive shell's wall clock: a sleep ends at its time, or at once on the command's ^C.
import { createSignal } from '../engine/shell/shell';
import { WallClock } from './shell-command';

describe('WallClock', () => {
  it('sleeps the time asked without a signal', async () => {
    const clock = new WallClock();
    const t = Date.now();
    await clock.sleep(30);
    expect(Date.now() - t).toBeGreaterThanOrEqual(25);
  });

  it("ends a long sleep at once on the running command's ^C", async () => {
    const clock = new WallClock();
    const ctl = createSignal();
    clock.signal = ctl.signal;
    const t = Date.now();
    const sleeping = clock.sleep(100_000);
    setTimeout(() => ctl.abort(), 20);
    await sleeping;
    expect(Date.now() - t).toBeLessThan(5_000);
    // an aborted command's further sleeps do not wait
    await clock.sleep(100_000);
    expect(Date.now() - t).toBeLessThan(5_000);
  });
});
