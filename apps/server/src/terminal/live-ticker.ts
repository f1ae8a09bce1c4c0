// Simulated time runs between commands: for every cluster someone watches, the server steps it
// when its next transition is due (and every few seconds anyway, which also notices changes
// made by another server process) and the runner publishes what changed. Under the virtual
// clock it steps the watched clusters whenever the clock is advanced.
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { CLOCK, Clock, isVirtualClock } from '../clock/clock';
import { ClusterRunner } from '../clusters/cluster-runner';

const POLL_MS = 5000;
const MIN_DELAY_MS = 50;

@Injectable()
export class LiveTicker implements OnModuleDestroy {
  private readonly logger = new Logger('LiveTicker');
  private readonly watchers = new Map<string, { count: number; timer?: NodeJS.Timeout }>();
  private readonly offAdvance?: () => void;

  constructor(
    private readonly runner: ClusterRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    if (isVirtualClock(clock)) this.offAdvance = clock.onAdvance(() => void this.tickAll());
  }

  /** Starts pushing `clusterId`'s transitions; returns the function that stops. */
  watch(clusterId: string): () => void {
    const w = this.watchers.get(clusterId) ?? { count: 0 };
    w.count++;
    this.watchers.set(clusterId, w);
    if (w.count === 1) void this.tick(clusterId);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      w.count--;
      if (w.count === 0) {
        clearTimeout(w.timer);
        this.watchers.delete(clusterId);
      }
    };
  }

  /** Steps every watched cluster now (the virtual clock moved). */
  async tickAll(): Promise<void> {
    await Promise.all([...this.watchers.keys()].map((id) => this.tick(id)));
  }

  private async tick(clusterId: string): Promise<void> {
    let next: number | undefined;
    try {
      next = await this.runner.tick(clusterId);
    } catch (e) {
      this.logger.warn(`tick of ${clusterId} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    const w = this.watchers.get(clusterId);
    if (!w || this.clock.mode === 'virtual') return;
    clearTimeout(w.timer);
    const delay = next === undefined ? POLL_MS : Math.min(POLL_MS, Math.max(MIN_DELAY_MS, next - this.clock.now()));
    w.timer = setTimeout(() => void this.tick(clusterId), delay);
    w.timer.unref();
  }

  onModuleDestroy(): void {
    this.offAdvance?.();
    for (const w of this.watchers.values()) clearTimeout(w.timer);
    this.watchers.clear();
  }
}
