// What the ReplicaSet controller reads from each pod on every sync, computed once per stored pod
// object. Stored objects are immutable and keep their identity until rewritten, so a sync over
// 1,000 unchanged pods costs 1,000 lookups instead of 1,000 condition scans and selector matches.

import { Labels, Pod } from '../../api/types';
import { isPodActive, isPodReady, podReadyTime } from './pod-utils';

export interface PodFacts {
  active: boolean;
  ready: boolean;
  /** when the pod became Ready (ms), NaN when it is not */
  readyAt: number;
  /** the last selector asked about and the answer */
  selectorKey?: string;
  selectorMatch?: boolean;
  templateKey?: string;
  templateMatch?: boolean;
}

const cache = new WeakMap<Pod, PodFacts>();

export function factsOf(pod: Pod): PodFacts {
  let f = cache.get(pod);
  if (!f) {
    const ready = isPodReady(pod);
    f = { active: isPodActive(pod), ready, readyAt: ready ? podReadyTime(pod) : NaN };
    cache.set(pod, f);
  }
  return f;
}

/** `match(labels)` for a selector identified by `key`, remembered per pod object. */
export function matchesCached(pod: Pod, key: string, match: (l: Labels | undefined) => boolean): boolean {
  const f = factsOf(pod);
  if (f.selectorKey !== key) {
    f.selectorKey = key;
    f.selectorMatch = match(pod.metadata.labels);
  }
  return f.selectorMatch!;
}

export function templateMatchesCached(pod: Pod, key: string, match: (l: Labels | undefined) => boolean): boolean {
  const f = factsOf(pod);
  if (f.templateKey !== key) {
    f.templateKey = key;
    f.templateMatch = match(pod.metadata.labels);
  }
  return f.templateMatch!;
}

/** Ready for minReadySeconds at `now` (see isPodAvailable). */
export function availableFromFacts(f: PodFacts, minReadySeconds: number | undefined, now: number): boolean {
  if (!f.ready) return false;
  if (!minReadySeconds) return true;
  return Number.isFinite(f.readyAt) && f.readyAt + minReadySeconds * 1000 <= now;
}
