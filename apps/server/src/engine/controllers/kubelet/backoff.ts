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
