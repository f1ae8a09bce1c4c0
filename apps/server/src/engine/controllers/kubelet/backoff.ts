// client-go's flowcontrol.Backoff as the kubelet uses it for crash loops and image pulls: 10 s
// doubling to 5 min; an entry idle for twice the cap (10 min) starts over.

import { BackoffEntry } from './runtime-state';

export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

/** IsInBackOffSince: still waiting `eventTime` (the last failure) + the current delay */
export function inBackoff(entry: BackoffEntry | undefined, eventTime: number, now: number): boolean {
  if (!entry) return false;
  if (eventTime - entry.lastUpdate > 2 * BACKOFF_MAX_MS) return false;
  return now - eventTime < entry.ms;
}

/** Next: the delay after this failure */
export function nextBackoff(entry: BackoffEntry | undefined, eventTime: number, now: number): BackoffEntry {
  if (!entry || eventTime - entry.lastUpdate > 2 * BACKOFF_MAX_MS) return { ms: BACKOFF_INITIAL_MS, lastUpdate: now };
  return { ms: Math.min(entry.ms * 2, BACKOFF_MAX_MS), lastUpdate: now };
}

/** backOffPeriod: the pod worker requeues a pod whose sync failed after 10 s ... */
const RESYNC_BASE_MS = 10_000;
/** ... jittered by up to half of it (workerBackOffPeriodJitterFactor 0.5) */
const RESYNC_JITTER_MS = 5_000;
/** the sync loop picks up due pods on a 1-second tick */
const SYNC_TICK_MS = 1_000;

/**
 * When the pod worker syncs a pod again after a failed sync at `t` (a container still in its
 * crash back-off): wait.Jitter(10 s, 0.5), taken at the sync loop's next tick. The jitter is the
 * n-th of a sequence drawn from the pod's uid, the container's name and the current back-off
 * rather than from the cluster's random source: it draws nothing another object's name depends on,
 * and every cycle of a loop at its 5-minute cap repeats the same intervals, so a long idle span is
 * caught up in bulk.
 */
export function resyncAfterError(uid: string, container: string, backoffMs: number, n: number, t: number): number {
  const due = t + RESYNC_BASE_MS + unitHash(`${uid}/${container}/${backoffMs}/${n}`) * RESYNC_JITTER_MS;
  return Math.ceil(due / SYNC_TICK_MS) * SYNC_TICK_MS;
}

/** FNV-1a of a string, as a fraction in [0, 1) */
function unitHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 0x1_0000_0000;
}
