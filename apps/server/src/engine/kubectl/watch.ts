// The loop behind every command that waits (`get -w`, `rollout status`, `wait`, `logs -f`,
// `delete --wait`): deliver watch events, then sleep in simulated time until the next
// transition, never holding the cluster while asleep. Ends on ^C (exit 130 is the caller's),
// on its timeout, or, in virtual time, when nothing more will happen.

import { isApiError } from '../api/errors';
import { WatchEvent } from '../api/store';
import { Invocation } from './command';
import { parseGoDuration } from './flags';

/** In virtual time a wait with no timeout of its own gives up after this much quiet. */
export const VIRTUAL_WAIT_LIMIT_MS = 10 * 60_000;
/** In real time, how often a quiet wait wakes up to check for ^C. */
const REALTIME_TICK_MS = 1000;

export interface WaitOptions {
  /** stop waiting after this long (ms); undefined: no limit of its own */
  timeoutMs?: number;
}

/**
 * Calls `onEvent` for each change of `resource` (or of every resource when undefined) and
 * `onTick` after each step; either may return true to stop. Resolves with 'done', 'timeout'
 * or 'interrupted'.
 */
export async function watchLoop(
  inv: Invocation,
  resource: string | undefined,
  onEvent: (ev: WatchEvent) => boolean | void,
  opts: WaitOptions & { onTick?: () => boolean | void } = {},
): Promise<'done' | 'timeout' | 'interrupted'> {
  const host = inv.host;
  const cluster = host.cluster;
  const requestTimeout = parseGoDuration(inv.flags.str('request-timeout') || '0') ?? 0;
  const timeoutMs = opts.timeoutMs ?? (requestTimeout > 0 ? requestTimeout : undefined);
  const start = host.now();
  const deadline = timeoutMs !== undefined ? start + timeoutMs : host.virtualTime ? start + VIRTUAL_WAIT_LIMIT_MS : Infinity;
  // the log keeps every change from here on until the watch ends, however it ends
  const release = cluster.store.retainLog();
  try {
    let rv = cluster.store.resourceVersion;
    for (;;) {
      let events: WatchEvent[];
      try {
        events = cluster.store.eventsSince(rv);
      } catch (e) {
        if (!isApiError(e)) throw e;
        events = []; // compacted: resync from now, as a reflector relists
      }
      rv = cluster.store.resourceVersion;
      for (const ev of events) {
        if (resource && ev.resource !== resource) continue;
        if (onEvent(ev)) return 'done';
      }
      if (opts.onTick?.()) return 'done';
      if (host.signal.aborted) return 'interrupted';
      const now = host.now();
      if (now >= deadline) return 'timeout';
      const next = cluster.nextTransitionAt();
      if (host.virtualTime && (next === undefined || next > deadline)) {
        if (timeoutMs === undefined) return 'timeout';
        await host.sleep(deadline - now);
        cluster.step(host.now());
        continue;
      }
      let wake = Math.min(next ?? Infinity, deadline);
      if (!host.virtualTime) wake = Math.min(wake, now + REALTIME_TICK_MS);
      await host.sleep(Math.max(0, wake - now));
      cluster.step(host.now());
    }
  } finally {
    release();
  }
}
