// The clocks of the input log. A server sandbox's clock is a SwitchClock: normally it reads the
// server's ServerSandboxClock; while a command runs it reads through a RecordingClock, which
// notes every time the engine read (and every sleep), so that a replay can hand the engine the
// very same times through a ReplayClock. Under the wall clock a command reads a different
// millisecond at each call, and a waiting command steps to many times: recording the readings
// themselves (run-length encoded: most commands read one time a few times) is what makes a
// replay exact without knowing where the engine reads the time.
import type { SandboxClock } from '../engine/sandbox';

export class SwitchClock implements SandboxClock {
  constructor(public target: SandboxClock) {}

  get virtual(): boolean {
    return this.target.virtual;
  }

  now(): number {
    return this.target.now();
  }

  sleep(ms: number): Promise<void> | void {
    return this.target.sleep(ms);
  }
}

/** What a command read from its clock: [time, times read in a row, time, count, ...]. */
export type ClockReadings = number[];

export class RecordingClock implements SandboxClock {
  readonly readings: ClockReadings = [];
  /** Sleeps begun so far (a ^C or a door's cap is noted as the sleep it ended). */
  sleeps = 0;

  constructor(private readonly inner: SandboxClock) {}

  get virtual(): boolean {
    return this.inner.virtual;
  }

  now(): number {
    const t = this.inner.now();
    const r = this.readings;
    if (r.length > 0 && r[r.length - 2] === t) r[r.length - 1]++;
    else r.push(t, 1);
    return t;
  }

  sleep(ms: number): Promise<void> | void {
    this.sleeps++;
    return this.inner.sleep(ms);
  }
}

/** Hands back recorded readings in order; sleeping takes no time. */
export class ReplayClock implements SandboxClock {
  private i = 0;
  private left: number;
  private sleeps = 0;

  constructor(
    private readonly readings: ClockReadings,
    readonly virtual: boolean,
    /** The sleep during which the command was stopped (0: before it began), and how to stop it. */
    private readonly abortAt: number | undefined,
    private readonly abort: () => void,
  ) {
    this.left = readings[1] ?? 0;
    if (abortAt === 0) abort();
  }

  now(): number {
    if (this.readings.length === 0) throw new ReplayDiverged('the command read the clock, but no reading was recorded');
    if (this.left === 0 && this.i + 2 < this.readings.length) {
      this.i += 2;
      this.left = this.readings[this.i + 1];
    }
    // More readings than recorded: the replay went another way than the original run.
    if (this.left === 0) throw new ReplayDiverged('the command read the clock more often than when it ran');
    this.left--;
    return this.readings[this.i];
  }

  sleep(): void {
    this.sleeps++;
    if (this.sleeps === this.abortAt) this.abort();
  }

  /** True when every recorded reading was used. */
  exhausted(): boolean {
    return this.left === 0 && this.i + 2 >= this.readings.length;
  }
}

/** A replay did not follow the recorded run (a bug, or inputs recorded by another engine). */
export class ReplayDiverged extends Error {}
