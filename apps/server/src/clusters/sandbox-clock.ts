// The clock a server-side Sandbox sees. Wall time in production: a waiting command (`sleep`,
// `kubectl get -w`, `rollout status`) lets go of its cluster while it sleeps and takes it back
// after, so other commands of that cluster run meanwhile; ^C or a door's time cap ends the
// sleep early. Under the server's virtual clock, sleeping moves this cluster's time ahead
// instantly (tests are exact and fast) and waiting commands end when nothing more will happen.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '../clock/clock';
import type { SandboxClock } from '../engine/sandbox';
import type { ShellSignal } from '../engine/shell/types';
import type { Release } from './keyed-mutex';

/** What the command now running holds: its lock (to let go of while asleep) and its ^C. */
export interface RunContext {
  signal: ShellSignal;
  /** Lets go of the cluster while the command sleeps. */
  release(): void;
  /** Takes the cluster back after the sleep. */
  reacquire(): Promise<void>;
}

const current = new AsyncLocalStorage<RunContext>();

export function withRunContext<T>(ctx: RunContext, fn: () => Promise<T>): Promise<T> {
  return current.run(ctx, fn);
}

/** Runs `fn` with the current context's ^C replaced by `signal` (a door's own, or its cap). */
export function withSignal<T>(signal: ShellSignal, fn: () => Promise<T>): Promise<T> {
  const ctx = current.getStore();
  return ctx ? current.run({ ...ctx, signal }, fn) : fn();
}

/** A RunContext around a held lock: `holder.release` always lets go of what is held now. */
export function lockContext(signal: ShellSignal, holder: { release: Release }, acquire: () => Promise<Release>): RunContext {
  return {
    signal,
    release() {
      holder.release();
      holder.release = () => {};
    },
    async reacquire() {
      holder.release = await acquire();
    },
  };
}

export class ServerSandboxClock implements SandboxClock {
  readonly virtual: boolean;
  private ahead: number;

  constructor(
    private readonly clock: Clock,
    clusterNow: number,
  ) {
    this.virtual = clock.mode === 'virtual';
    this.ahead = clusterNow;
  }

  now(): number {
    return this.virtual ? Math.max(this.clock.now(), this.ahead) : this.clock.now();
  }

  async sleep(ms: number): Promise<void> {
    if (this.virtual) {
      this.ahead = this.now() + Math.max(0, ms);
      return;
    }
    const ctx = current.getStore();
    if (!ctx) {
      await delay(ms);
      return;
    }
    ctx.release();
    try {
      await abortableDelay(ms, ctx.signal);
    } finally {
      await ctx.reacquire();
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

function abortableDelay(ms: number, signal: ShellSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const off = signal.onAbort(() => {
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      off();
      resolve();
    }, Math.max(0, ms));
  });
}
