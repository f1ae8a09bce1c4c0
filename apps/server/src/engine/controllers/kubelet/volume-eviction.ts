// The kubelet's eviction manager for local storage (eviction_manager.go localStorageEviction): a
// pod whose emptyDir holds more than its sizeLimit is evicted at the manager's next pass. The
// pod fails (reason Evicted, the manager's message), its containers are killed at once, and a
// controller that owns it replaces it. Usage is measured when it changes (a write through
// `kubectl exec`, a filled volume): requestEviction marks the pod; pod-sync evicts it when due.

import type { Pod } from '../../api/types';
import type { RuntimeState } from '../../cluster-state';
import type { ControllerContext } from '../controller';
import { fieldPathOf, msg, recordKubeletEvent } from './events';
import { PodRuntime, kubeletSection } from './runtime-state';

/** the eviction manager's monitoring interval (--eviction-monitoring-interval, 10s) */
export const EVICTION_INTERVAL_MS = 10_000;

/** emptyDirMessageFmt: `Usage of EmptyDir volume "cache" exceeds the limit "100Mi". ` */
export function emptyDirMessage(volume: string, limit: string): string {
  return `Usage of EmptyDir volume "${volume}" exceeds the limit "${limit}". `;
}

/**
 * Marks pod `key` for eviction at the manager's next pass after `now`; false when it has no
 * runtime on a node, is already marked, or is a static pod (critical pods are not evicted).
 * Enqueue the kubelet for `key` afterwards.
 */
export function requestEviction(runtime: RuntimeState, pod: Pod, key: string, now: number, message: string): boolean {
  const prt = kubeletSection(runtime).pods[key];
  if (!prt || prt.eviction || pod.metadata.annotations?.['kubernetes.io/config.mirror'] || prt.staticHash) return false;
  // passes run every interval from the kubelet's start; the pod's start stands in for it
  const since = Math.max(0, now - prt.startTime);
  prt.eviction = { at: prt.startTime + (Math.floor(since / EVICTION_INTERVAL_MS) + 1) * EVICTION_INTERVAL_MS, message };
  return true;
}

/** evictPod: the Evicted event, then every running container killed now. Returns the writes made. */
export function evictPod(ctx: ControllerContext, pod: Pod, prt: PodRuntime, t: number): number {
  const eviction = prt.eviction!;
  let writes = recordKubeletEvent(ctx, pod, 'Warning', 'Evicted', eviction.message, undefined, t).writes;
  for (const c of prt.containers) {
    c.nextAt = undefined;
    if (c.stage !== 'running' && c.stage !== 'exited') continue;
    const run = c.current!;
    if (c.stage === 'running') {
      writes += recordKubeletEvent(ctx, pod, 'Normal', 'Killing', msg.killing(c.name), fieldPathOf(pod, c.name, c.init), t).writes;
      run.finishedAt = t;
      run.exitCode = 137;
      run.reason = 'Error';
      run.killed = true;
    } else if ((run.finishedAt ?? t) > t) {
      // a container already being killed (liveness) goes now
      run.finishedAt = t;
    }
    c.stage = 'done';
    c.readyAt = undefined;
  }
  eviction.done = true;
  return writes;
}
