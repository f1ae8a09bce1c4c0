// The server's clock: the one place outside tests where wall time is read. The engine never
// reads time; the services hand it `clock.now()`. A virtual clock only moves when told to, so
// e2e, browser and bot tests are exact and fast (`sleep 10` costs nothing).

/** Injection token for the Clock. */
export const CLOCK = Symbol('CLOCK');

export interface Clock {
  readonly mode: 'wall' | 'virtual';
  /** Epoch milliseconds. */
  now(): number;
}

export class WallClock implements Clock {
  readonly mode = 'wall' as const;
  now(): number {
    return Date.now();
  }
}

/** Largest single step, so a typo cannot throw a cluster centuries ahead. */
export const MAX_ADVANCE_MS = 366 * 24 * 3600 * 1000;

export class VirtualClock implements Clock {
  readonly mode = 'virtual' as const;
  private current: number;
  private readonly listeners = new Set<(now: number) => void>();

  constructor(startMs: number) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** Moves time forward by `ms` (never backwards) and returns the new now. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_ADVANCE_MS) {
      throw new RangeError(`advance must be between 0 and ${MAX_ADVANCE_MS} ms, got ${ms}`);
    }
    this.current += Math.floor(ms);
    for (const listener of this.listeners) listener(this.current);
    return this.current;
  }

  /** Calls `listener` after every advance (e.g. to push the transitions now due); returns an unsubscribe. */
  onAdvance(listener: (now: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function isVirtualClock(clock: Clock): clock is VirtualClock {
  return clock instanceof VirtualClock;
}
