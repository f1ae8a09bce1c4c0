import { VirtualClock } from '../engine/sandbox';
import { RecordingClock, ReplayClock, ReplayDiverged } from './replay-clock';

describe('recording and replaying clock readings', () => {
  it('records readings run-length encoded and hands them back in order', async () => {
    const inner = new VirtualClock(1000);
    const rec = new RecordingClock(inner);
    rec.now();
    rec.now();
    await rec.sleep(500);
    rec.now();
    rec.now();
    rec.now();
    expect(rec.readings).toEqual([1000, 2, 1500, 3]);
    expect(rec.sleeps).toBe(1);
    const replay = new ReplayClock(rec.readings, true, undefined, () => {});
    expect([replay.now(), replay.now()]).toEqual([1000, 1000]);
    replay.sleep();
    expect(replay.exhausted()).toBe(false);
    expect([replay.now(), replay.now(), replay.now()]).toEqual([1500, 1500, 1500]);
    expect(replay.exhausted()).toBe(true);
    expect(() => replay.now()).toThrow(ReplayDiverged);
  });

  it('stops the command at the sleep a ^C ended, or before it began', () => {
    let stopped = 0;
    const replay = new ReplayClock([5, 1], false, 2, () => stopped++);
    replay.sleep();
    expect(stopped).toBe(0);
    replay.sleep();
    expect(stopped).toBe(1);
    new ReplayClock([5, 1], false, 0, () => stopped++);
    expect(stopped).toBe(2);
  });
});
