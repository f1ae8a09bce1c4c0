// A running simulated cluster: the store, the API server, the controllers and simulated time.
//
// Time only moves through `step(now)`: timers (a controller's key due at a time) fire instant by
// instant; every timer due at one instant is queued (in order of controller, key), then the
// controllers settle, as informers batch changes that arrive together. Nothing else reads the
// time, so any split of a span gives the same state, and a replay of the same inputs at the same
// times gives the same cluster.

import { ApiServer } from './api/api-server';
import { ObjectStore, WatchEvent, clone } from './api/store';
import { resourceForKind, resourceByName } from './api/resources';
import { KubeEvent, KubeObject } from './api/types';
import { Controller, ControllerContext, EventSource } from './controllers/controller';
import {
  ClusterConfig,
  ClusterOptions,
  ClusterShape,
  DEFAULT_LIMITS,
  ENGINE_VERSION,
  EngineVersionError,
  RuntimeState,
  SerializedCluster,
  TimerEntry,
} from './cluster-state';
import { Random, RandomState, seedRandom } from './random';
import { rfc3339 } from './time';
import { TimerQueue } from './timer-queue';
import { nanosHex } from './event-name';
import { defaultPlugins } from './api/plugins';
import { buildControllers } from './controllers/registry';
import { bootstrap } from './bootstrap/bootstrap';
import type { FileSystem } from './shell/filesystem';

export interface CreateClusterInput {
  seed?: number;
  /** creation time of the cluster, epoch ms */
  start: number;
  shape?: ClusterShape;
  options?: ClusterOptions;
  /** freeze stored objects (tests: catches a controller mutating the cache) */
  freezeObjects?: boolean;
}

/** How long before `start` the cluster was installed (its nodes' AGE when handed over). */
export const BOOTSTRAP_LEAD_MS = 5 * 60_000;

export interface EngineFault {
  at: number;
  controller: string;
  key: string;
  message: string;
}

const MAX_FAULTS = 20;

/** Settling stops with an error beyond this many syncs at one instant: a controller loop bug. */
const MAX_SYNCS_PER_SETTLE = 200_000;

export class Cluster {
  readonly store: ObjectStore;
  readonly api: ApiServer;
  readonly rng: Random;
  readonly controllers: Controller[];
  readonly runtime: RuntimeState;
  /** simulated hosts for the shell (files, services): opaque here */
  hosts: Record<string, unknown>;
  /** the machines' own files, when a sandbox has them (ControllerContext.nodeFiles); not serialized */
  nodeFiles: (node: string) => FileSystem | undefined = () => undefined;
  private current: number;
  private horizon: number;
  private readonly timers: TimerQueue;
  private readonly queues = new Map<string, WorkQueue>();
  private readonly contexts = new Map<string, ControllerContext>();
  /** the controllers in settle order with their queue and context (no map lookups while settling) */
  private readonly slots: { c: Controller; q: WorkQueue; ctx: ControllerContext }[] = [];
  private settling = false;
  private eventSeq = 0;
  private lastEventMs = -1;

  private constructor(
    readonly config: ClusterConfig,
    now: number,
    rngState: RandomState,
    resourceVersion: number,
    runtime: RuntimeState,
    hosts: Record<string, unknown>,
    freeze: boolean,
  ) {
    this.current = now;
    this.horizon = now;
    this.rng = new Random(rngState);
    this.store = new ObjectStore(resourceVersion, freeze);
    this.runtime = runtime;
    this.hosts = hosts;
    this.api = new ApiServer(this.store, { now: () => this.current }, this.rng, config.limits, defaultPlugins);
    this.controllers = buildControllers(config);
    const order = new Map(this.controllers.map((c, i) => [c.name, i]));
    this.timers = new TimerQueue(order);
    for (const c of this.controllers) {
      const q: WorkQueue = { keys: [], head: 0, set: new Set() };
      const ctx = this.makeContext(c.name);
      this.queues.set(c.name, q);
      this.contexts.set(c.name, ctx);
      this.slots.push({ c, q, ctx });
      if (c.earliestExcept) this.expiryHooks.set(c.name, { c, ctx });
    }
    this.store.onChange((ev) => this.dispatch(ev));
  }

  static create(input: CreateClusterInput): Cluster {
    const shape = input.shape ?? 'kubeadm';
    const opts = input.options ?? {};
    const config: ClusterConfig = {
      seed: input.seed ?? 1,
      start: input.start,
      shape,
      workers: opts.workers ?? 2,
      kubeProxyMode: opts.kubeProxyMode ?? 'iptables',
      limits: { ...DEFAULT_LIMITS, ...(opts.limits ?? {}) },
    };
    const runtime: RuntimeState = { apiServerUp: false, apiServerEndpoint: '', machines: {}, sections: {}, unavailableImages: [] };
    // kubeadm ran a little before the cluster is handed over, so its system pods are Running
    const bootAt = input.start - BOOTSTRAP_LEAD_MS;
    const cluster = new Cluster(config, bootAt, seedRandom(config.seed), 1, runtime, {}, input.freezeObjects ?? false);
    // the installation's own Events are not kept: a new cluster starts with an empty event list
    cluster.quietEvents = true;
    bootstrap(cluster);
    cluster.settle();
    cluster.step(input.start);
    cluster.quietEvents = false;
    return cluster;
  }

  /**
   * A cluster from its plain snapshot. `owned`: the data is the caller's to give away (freshly
   * decoded, as Sandbox.load does), so it is used as it is instead of copied.
   */
  static load(data: SerializedCluster, opts: { freezeObjects?: boolean; owned?: boolean } = {}): Cluster {
    if (data.engineVersion !== ENGINE_VERSION) throw new EngineVersionError(data.engineVersion);
    const copy: <T>(v: T) => T = opts.owned ? (v) => v : clone;
    const cluster = new Cluster(
      copy(data.config),
      data.now,
      data.rng,
      data.resourceVersion,
      copy(data.runtime),
      copy(data.hosts),
      opts.freezeObjects ?? false,
    );
    for (const [resource, obj] of data.objects) cluster.store.load(resource, copy(obj));
    for (const t of data.timers) cluster.timers.add(t.at, t.controller, t.key);
    return cluster;
  }

  serialize(): SerializedCluster {
    const objects: [string, KubeObject][] = [];
    for (const resource of this.store.resources()) for (const o of this.store.list(resource)) objects.push([resource, o]);
    return {
      engineVersion: ENGINE_VERSION,
      config: this.config,
      now: this.current,
      rng: this.rng.state(),
      resourceVersion: this.store.resourceVersion,
      objects,
      timers: this.timers.entries(),
      runtime: this.runtime,
      hosts: this.hosts,
    };
  }

  get now(): number {
    return this.current;
  }

  /** Fast-forwards through every transition due up to `now`. Time never goes backwards. */
  step(now: number): void {
    if (now <= this.current) {
      this.settle();
      return;
    }
    this.horizon = now;
    for (;;) {
      const next = this.timers.peek();
      if (!next || next.at > now) break;
      const at = next.at;
      this.current = Math.max(this.current, at);
      // every timer due at this instant is queued before the controllers run
      for (let t = this.timers.peek(); t && t.at === at; t = this.timers.peek()) {
        this.timers.pop();
        if (!this.queues.has(t.controller)) continue;
        this.enqueue(t.controller, t.key);
        let keys = this.firing.get(t.controller);
        if (!keys) this.firing.set(t.controller, (keys = new Set()));
        if (!keys.has(t.key)) {
          keys.add(t.key);
          this.firingCount++;
        }
      }
      this.settle();
    }
    this.current = now;
    this.settle();
  }

  /** When something will next happen on its own (a pod starting, a back-off ending), or undefined. */
  nextTransitionAt(): number | undefined {
    return this.timers.peek()?.at;
  }

  /** Runs controllers at the current time until no work is left. */
  settle(): void {
    if (this.settling) return;
    this.settling = true;
    try {
      let syncs = 0;
      let progressed = true;
      while (progressed) {
        progressed = false;
        for (const { c, q, ctx } of this.slots) {
          while (q.head < q.keys.length) {
            const key = q.keys[q.head++];
            // drained: the array starts again (a shift per key would move the rest every time)
            if (q.head === q.keys.length) {
              q.keys.length = 0;
              q.head = 0;
            }
            q.set.delete(key);
            if (++syncs > MAX_SYNCS_PER_SETTLE) {
              this.recordFault(c.name, key, new Error('controllers did not settle'));
              for (const other of this.queues.values()) {
                other.keys.length = 0;
                other.head = 0;
                other.set.clear();
              }
              this.firing.clear();
              this.firingCount = 0;
              return;
            }
            if (this.firingCount) this.fired(c.name, key);
            try {
              c.sync(key, ctx);
            } catch (e) {
              // a controller bug must not take the student's cluster down with it: the sync is
              // dropped, recorded for the engine's tests and for the instructor, and time goes on
              this.recordFault(c.name, key, e);
            }
            progressed = true;
          }
        }
      }
    } finally {
      this.settling = false;
    }
  }

  /** Controller failures so far (a bug in the engine, never the student's doing); capped. */
  faults(): EngineFault[] {
    return (this.runtime.sections.faults ?? []) as EngineFault[];
  }

  private recordFault(controller: string, key: string, e: unknown): void {
    const list: EngineFault[] = (this.runtime.sections.faults ??= []);
    list.push({ at: this.current, controller, key, message: e instanceof Error ? e.message : String(e) });
    if (list.length > MAX_FAULTS) list.splice(0, list.length - MAX_FAULTS);
  }

  /** Run `fn` (a command's API calls) at `now`, then let the controllers react. */
  at<T>(now: number, fn: () => T): T {
    this.step(now);
    try {
      return fn();
    } finally {
      this.settle();
    }
  }

  enqueue(controller: string, key: string): void {
    const q = this.queues.get(controller);
    if (q) push(q, key);
  }

  schedule(controller: string, at: number, key: string): void {
    this.timers.add(Math.max(at, this.current), controller, key);
  }

  /** Moves (controller, key)'s timer later, to `at` (never earlier than a pending one). */
  postpone(controller: string, at: number, key: string): void {
    this.timers.reschedule(Math.max(at, this.current, this.timers.pendingAt(controller, key) ?? -Infinity), controller, key);
  }

  context(controller: string): ControllerContext {
    const ctx = this.contexts.get(controller);
    if (!ctx) throw new Error(`no controller ${controller}`);
    return ctx;
  }

  private dispatch(ev: WatchEvent): void {
    let watchers = this.watchers.get(ev.resource);
    if (!watchers) {
      // the controllers that watch this resource, in settle order (the order enqueues happen in)
      watchers = this.slots
        .filter(({ c }) => !c.resources || c.resources.includes(ev.resource))
        .map(({ c, q, ctx }) => ({ c, ctx, enqueue: (key: string) => push(q, key) }));
      this.watchers.set(ev.resource, watchers);
    }
    for (const w of watchers) w.c.watch(ev, w.enqueue, w.ctx);
  }

  /**
   * The earliest timer other than (controller, key) and those in `ignore`. A timer fired at this
   * instant whose sync has not run yet still counts (at now): what it does is still ahead.
   */
  private nextTimerAt(controller: string, key: string | undefined, ignore: readonly { controller: string; key: string }[] = []): number {
    if (this.firingCount) {
      for (const [c, keys] of this.firing) {
        for (const k of keys) {
          if (c === controller && k === key) continue;
          if (ignore.some((x) => x.controller === c && x.key === k)) continue;
          return this.current;
        }
      }
    }
    // a controller that keeps its own expiries (event-ttl) answers for the keys ignored in it;
    // its timers stand for those expiries and are left out
    let own: Set<string> | undefined;
    let best = Infinity;
    for (const x of ignore) {
      const hook = this.expiryHooks.get(x.controller);
      if (!hook || own?.has(x.controller)) continue;
      (own ??= new Set()).add(x.controller);
      const keys = new Set(ignore.filter((y) => y.controller === x.controller).map((y) => y.key));
      best = Math.min(best, hook.c.earliestExcept!(keys, hook.ctx));
    }
    if (!own) return this.timers.earliestExcept(controller, key, ignore);
    return Math.min(best, this.timers.earliestExcept(controller, key, ignore, own));
  }

  /** the controllers that answer `earliestExcept` for their own keys, with their contexts */
  private readonly expiryHooks = new Map<string, { c: Controller; ctx: ControllerContext }>();

  /** (controller, key)'s sync is about to run: a timer fired for it is no longer ahead */
  private fired(controller: string, key: string): void {
    if (this.firing.get(controller)?.delete(key)) this.firingCount--;
  }

  /** the timers fired at this instant whose syncs have not run yet, by controller */
  private readonly firing = new Map<string, Set<string>>();
  private firingCount = 0;

  private readonly watchers = new Map<string, { c: Controller; ctx: ControllerContext; enqueue: (key: string) => void }[]>();

  private makeContext(name: string): ControllerContext {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const cluster = this;
    return {
      get now() {
        return cluster.current;
      },
      get horizon() {
        return cluster.horizon;
      },
      api: this.api,
      store: this.store,
      rng: this.rng,
      runtime: this.runtime,
      config: this.config,
      nodeFiles: (node) => cluster.nodeFiles(node),
      schedule: (at, key) => cluster.schedule(name, at, key),
      enqueue: (controller, key) => cluster.enqueue(controller, key),
      postpone: (controller, at, key) => cluster.postpone(controller, at, key),
      nextTimerAt: (exceptKey, ignore) => cluster.nextTimerAt(name, exceptKey, ignore),
      record: (obj, type, reason, message, source, fieldPath) => cluster.record(obj, type, reason, message, source, fieldPath),
      recordEvent: (obj, type, reason, message, source, fieldPath, times, at) => cluster.recordEvent(obj, type, reason, message, source, fieldPath, times, at),
    };
  }

  /**
   * Records an Event, aggregated as client-go's EventCorrelator does: the same object, reason,
   * message and source bump `count` and `lastTimestamp` of the existing Event.
   */
  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): KubeEvent | undefined {
    const r = this.recordEvent(obj, type, reason, message, source, fieldPath);
    return r?.created ? r.event : undefined;
  }

  /**
   * `record`, `times` occurrences at once, the last at `at` (a closed-form catch-up counts many
   * repeats in one write). A new Event is created with count 1 now, the other occurrences are a
   * second write. Undefined when nothing was stored (quiet, or the namespace is gone).
   */
  recordEvent(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string, times = 1, at = this.current): RecordedEvent | undefined {
    if (this.quietEvents) return undefined;
    const meta = obj.metadata;
    const namespace = meta.namespace || 'default';
    const uid = meta.uid ?? '';
    const path = fieldPath ?? '';
    const host = source.host ?? '';
    const index = this.eventIndex();
    const list = index.get(uid);
    let slot = -1;
    if (list) {
      for (let i = 0; i < list.length; i++) {
        const e = list[i];
        if (e.reason !== reason || e.message !== message || e.type !== type || (e.involvedObject.fieldPath ?? '') !== path || e.source?.component !== source.component || (e.source?.host ?? '') !== host) continue;
        slot = i;
        const existing = this.store.get('events', namespace, e.metadata.name!) as KubeEvent | undefined;
        if (existing && existing.reason === reason && existing.message === message && existing.involvedObject.uid === meta.uid) {
          const repeated = this.repeatEvent(existing, times, at);
          list[i] = repeated;
          return { event: repeated, created: false };
        }
        break;
      }
    }
    if (this.current === this.lastEventMs) this.eventSeq++;
    else {
      this.eventSeq = 0;
      this.lastEventMs = this.current;
    }
    const name = `${meta.name}.${nanosHex(this.current, this.eventSeq)}`;
    const info = resourceForKind(obj.apiVersion, obj.kind) ?? resourceByName(obj.kind.toLowerCase() + 's');
    // each object literal is built with every field it will have: a field added later moves the
    // object's fields out of line (an extra allocation per Event) and a `delete` slows every read
    const involvedNs = info?.namespaced ? meta.namespace : undefined;
    let involvedObject: KubeEvent['involvedObject'];
    // the kubelet names one pod version on the same container in Pulled, Created and Started:
    // those Events share one reference (stored objects are never changed in place)
    const last = this.lastInvolved;
    if (last && last.obj === obj && last.fieldPath === fieldPath) involvedObject = last.ref;
    else if (meta.resourceVersion === undefined) {
      involvedObject = referenceOnly(obj, involvedNs);
      if (fieldPath) involvedObject.fieldPath = fieldPath;
    } else if (involvedNs) {
      involvedObject = fieldPath
        ? { apiVersion: obj.apiVersion, kind: obj.kind, name: meta.name, namespace: involvedNs, uid: meta.uid, resourceVersion: meta.resourceVersion, fieldPath }
        : { apiVersion: obj.apiVersion, kind: obj.kind, name: meta.name, namespace: involvedNs, uid: meta.uid, resourceVersion: meta.resourceVersion };
    } else {
      involvedObject = fieldPath
        ? { apiVersion: obj.apiVersion, kind: obj.kind, name: meta.name, uid: meta.uid, resourceVersion: meta.resourceVersion, fieldPath }
        : { apiVersion: obj.apiVersion, kind: obj.kind, name: meta.name, uid: meta.uid, resourceVersion: meta.resourceVersion };
    }
    this.lastInvolved = { obj, fieldPath, ref: involvedObject };
    const now = rfc3339(this.current);
    const ev: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      // uid, creationTimestamp and resourceVersion are the API server's to set (a trusted create keeps their places)
      metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' },
      involvedObject,
      reason,
      message,
      source: eventSource(source.component, host),
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: host,
    };
    let stored: KubeEvent;
    try {
      stored = this.api.create(ev, { internal: true, trusted: true }) as KubeEvent;
    } catch {
      return undefined; // an event that cannot be stored (namespace gone) is dropped, as the recorder does
    }
    // the index holds the stored Event for its aggregation fields and name; a stale entry (its
    // Event expired) now names the new Event
    if (slot >= 0) list![slot] = stored;
    else this.indexEvent(uid, stored);
    if (times > 1) {
      const repeated = this.repeatEvent(stored, times - 1, at);
      const entries = index.get(uid);
      if (entries) entries[entries.indexOf(stored)] = repeated;
      return { event: repeated, created: true };
    }
    return { event: stored, created: true };
  }

  /** adds `times` occurrences to a stored Event, the last at `at`; its expiry moves with it */
  private repeatEvent(existing: KubeEvent, times: number, at: number): KubeEvent {
    const next = clone(existing);
    next.count = (next.count ?? 1) + times;
    next.lastTimestamp = rfc3339(at);
    // the Event now expires an hour after this repeat: event-ttl sees the write and moves it
    return this.api.update(next, { internal: true, trusted: true }) as KubeEvent;
  }

  /**
   * Event aggregation index: the involved object's uid → its Events' aggregation fields (as
   * EventCorrelator's key: fieldPath, type, reason, message, source) and names. Keyed by the uid
   * string the object already holds, so a look-up hashes no new string. Derived from the stored
   * Events, so it is rebuilt after a load instead of being serialized. An entry whose Event
   * expired or was deleted is harmless (the look-up finds no Event and a new one is made).
   */
  private eventIndex(): Map<string, KubeEvent[]> {
    // stale entries are dropped when they outnumber the stored Events (what a load does, so
    // behaviour is the same)
    if (this.aggIndex && this.aggEntries > 2 * this.store.countOf('events') + 256) this.aggIndex = undefined;
    if (!this.aggIndex) {
      this.aggIndex = new Map();
      this.aggEntries = 0;
      for (const e of this.store.unordered('events') as KubeEvent[]) this.indexEvent(e.involvedObject.uid ?? '', e);
    }
    return this.aggIndex;
  }

  private indexEvent(uid: string, entry: KubeEvent): void {
    const index = this.eventIndex();
    const list = index.get(uid);
    // a new list at its length (a list grown by push keeps room for 17 per object)
    index.set(uid, list ? list.concat([entry]) : [entry]);
    this.aggEntries++;
  }

  /** the involvedObject of the last Event built, with the object and field path it names */
  private lastInvolved: { obj: KubeObject; fieldPath: string | undefined; ref: KubeEvent['involvedObject'] } | undefined;

  /** While true, no Events are recorded (the installation before the cluster is handed over). */
  quietEvents = false;
  private aggIndex: Map<string, KubeEvent[]> | undefined;
  private aggEntries = 0;

  timerEntries(): TimerEntry[] {
    return this.timers.entries();
  }
}

/**
 * An Event's `source`, one shared (frozen) object per component and host: a kubelet records
 * five Events per pod it starts, and stored objects are never changed in place.
 */
function eventSource(component: string, host: string): KubeEvent['source'] {
  let hosts = SOURCES.get(component);
  if (!hosts) SOURCES.set(component, (hosts = new Map()));
  let source = hosts.get(host);
  if (!source) {
    if (hosts.size >= 256) hosts.clear();
    source = Object.freeze(host ? { component, host } : { component });
    hosts.set(host, source);
  }
  return source;
}

const SOURCES = new Map<string, Map<string, KubeEvent['source']>>();

/**
 * The involvedObject of an Event whose recorder names the object by a reference it built itself
 * (api/node-reference.ts) rather than the stored object: only the fields it set, no resourceVersion.
 */
function referenceOnly(obj: KubeObject, namespace: string | undefined): KubeEvent['involvedObject'] {
  const ref: KubeEvent['involvedObject'] = { kind: obj.kind, name: obj.metadata.name };
  if (namespace) ref.namespace = namespace;
  if (obj.metadata.uid) ref.uid = obj.metadata.uid;
  if (obj.apiVersion) ref.apiVersion = obj.apiVersion;
  return ref;
}

/** an Event stored by `recordEvent`: the new one, or the existing one it repeated */
export interface RecordedEvent {
  event: KubeEvent;
  created: boolean;
}

interface WorkQueue {
  /** keys from `head` on are waiting, in order */
  keys: string[];
  head: number;
  set: Set<string>;
}

/** adds `key` to a controller's queue unless it is already waiting there */
function push(q: WorkQueue, key: string): void {
  if (q.set.has(key)) return;
  q.set.add(key);
  q.keys.push(key);
}


export function createCluster(input: CreateClusterInput): Cluster {
  return Cluster.create(input);
}
