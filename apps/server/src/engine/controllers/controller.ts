// The shape every controller has: a watch handler that maps object changes to the keys it cares
// about, and a sync function that reconciles one key at a time (as pkg/controller/* do), with
// `now` passed in. Delayed work is a timer on a key (the workqueue's AddAfter).

import type { ApiServer } from '../api/api-server';
import type { ObjectStore, WatchEvent } from '../api/store';
import type { KubeEvent, KubeObject } from '../api/types';
import type { Random } from '../random';
import type { ClusterConfig, RuntimeState } from '../cluster-state';
import type { FileSystem } from '../shell/filesystem';

export interface EventSource {
  component: string;
  host?: string;
}

export interface ControllerContext {
  /** the simulated time this sync runs at (epoch ms) */
  readonly now: number;
  /** the time the current `step` is heading to; work beyond it waits for a later step */
  readonly horizon: number;
  readonly api: ApiServer;
  readonly store: ObjectStore;
  readonly rng: Random;
  readonly runtime: RuntimeState;
  readonly config: ClusterConfig;
  /**
   * a machine's own files (the sandbox's hosts: the kubelet checks and makes hostPath volumes
   * there); undefined for a machine, or a cluster, whose files are not modelled
   */
  nodeFiles(node: string): FileSystem | undefined;
  /** sync `key` of this controller again at `at` (the earliest pending time wins) */
  schedule(at: number, key: string): void;
  /** sync `key` of another controller now */
  enqueue(controller: string, key: string): void;
  /**
   * moves `controller`'s timer on `key` later, to `at` (a deadline that moved, such as an Event's
   * TTL after a repeat); an earlier `at` leaves a pending timer as it is
   */
  postpone(controller: string, at: number, key: string): void;
  /** the earliest pending timer other than this controller's `exceptKey` and the `ignore`d ones, or Infinity */
  nextTimerAt(exceptKey?: string, ignore?: readonly { controller: string; key: string }[]): number;
  /**
   * records a Kubernetes Event about `obj`, aggregated as the EventCorrelator does; returns the
   * Event when a new one was stored (not when an existing one was repeated, nor when dropped)
   */
  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): KubeEvent | undefined;
  /**
   * `record` of `times` occurrences, the last at `at` (default: now): the Event stored, new or
   * repeated, or undefined when none was
   */
  recordEvent(
    obj: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
    times?: number,
    at?: number,
  ): { event: KubeEvent; created: boolean } | undefined;
}

export interface Controller {
  readonly name: string;
  /** the resources whose changes `watch` looks at; absent: all (dispatch skips the others) */
  readonly resources?: readonly string[];
  watch(ev: WatchEvent, enqueue: (key: string) => void, ctx: ControllerContext): void;
  sync(key: string, ctx: ControllerContext): void;
  /**
   * For a controller whose one timer stands for many deadlines it keeps itself (event-ttl): the
   * earliest of them other than those named in `keys`, or Infinity (a closed-form catch-up
   * ignores the deadlines it knows it moves).
   */
  earliestExcept?(keys: ReadonlySet<string>, ctx: ControllerContext): number;
}

/** `namespace/name` or `name`, as cache.MetaNamespaceKeyFunc makes keys */
export function keyOf(obj: KubeObject): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name!;
}

export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}
