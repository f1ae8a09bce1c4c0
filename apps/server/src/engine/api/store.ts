// The object store: client-go's ObjectTracker in TypeScript. Objects are keyed by resource,
// namespace and name; every write bumps the cluster-wide resourceVersion (etcd's revision) and
// appends to a bounded watch log. Stored objects are never mutated: a write replaces the object,
// so handing out references is safe and the watch log can keep them for free.

import { ApiError } from './errors';
import { KubeObject } from './types';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  resource: string;
  /** resourceVersion of this change */
  rv: number;
  object: KubeObject;
  /** the object before a MODIFIED or DELETED change */
  old?: KubeObject;
}

export type StoreListener = (ev: WatchEvent) => void;

/** How many watch events stay in memory; older resourceVersions are "too old", as after compaction. */
export const WATCH_LOG_SIZE = 2000;

/** One resource's objects: namespace ('' when cluster-scoped) → name → object. */
interface Table {
  spaces: Map<string, Map<string, KubeObject>>;
  size: number;
  /** namespaces in etcd key order (`<namespace>/` compared as text); rebuilt after one comes or goes */
  order?: string[];
  /** per namespace, names in order; rebuilt after a name comes or goes */
  names: Map<string, string[]>;
  /** per namespace, the objects in order as `listShared` gave them; dropped at any write there */
  shared: Map<string, readonly KubeObject[]>;
}

const NO_OBJECTS: readonly KubeObject[] = Object.freeze([]);

export class ObjectStore {
  // nested maps rather than one map of `resource/namespace/name` keys: a read builds no string
  private readonly tables = new Map<string, Table>();
  private readonly listeners: StoreListener[] = [];
  /** the watch log: entries from `logStart` on are live (trimmed in bulk, not one by one) */
  private log: WatchEvent[] = [];
  private logStart = 0;
  /** readers holding the log (retainLog); with none, writes are not logged */
  private readers = 0;
  private rv: number;
  private count = 0;

  constructor(initialRv = 1, private readonly freeze = false) {
    this.rv = initialRv;
  }

  get resourceVersion(): number {
    return this.rv;
  }

  /** the number of stored objects (events excluded: see `countOf`) */
  get size(): number {
    return this.count;
  }

  /**
   * Advances the resourceVersion by `n` without a write, as a closed-form catch-up needs to leave
   * versions where the writes it skipped would have (etcd's revisions have gaps too).
   */
  skipVersions(n: number): void {
    if (n > 0) this.rv += n;
  }

  countOf(resource: string): number {
    return this.tables.get(resource)?.size ?? 0;
  }

  onChange(listener: StoreListener): void {
    this.listeners.push(listener);
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.tables.get(resource)?.spaces.get(namespace ?? '')?.get(name);
  }

  /** objects of a resource, in etcd key order (`resource/namespace/name`), optionally in one namespace */
  list(resource: string, namespace?: string): KubeObject[] {
    const table = this.tables.get(resource);
    const out: KubeObject[] = [];
    if (!table) return out;
    if (namespace !== undefined) {
      this.appendNamespace(table, namespace, out);
      return out;
    }
    // no namespace contains '/', so comparing `ns/` orders keys as the whole keys would
    table.order ??= [...table.spaces.keys()].sort((a, b) => compareKeys(`${a}/`, `${b}/`));
    for (const ns of table.order) this.appendNamespace(table, ns, out);
    return out;
  }

  /**
   * `list(resource, namespace)` as one array shared by every caller until the namespace's next
   * write of that resource: for watches that read a rarely written resource (the services of a
   * pod's namespace) on every write of another. Read only.
   */
  listShared(resource: string, namespace: string): readonly KubeObject[] {
    const table = this.tables.get(resource);
    if (!table) return NO_OBJECTS;
    let list = table.shared.get(namespace);
    if (!list) {
      const out: KubeObject[] = [];
      this.appendNamespace(table, namespace, out);
      table.shared.set(namespace, (list = Object.freeze(out)));
    }
    return list;
  }

  /** objects of a resource in no particular order: for building indexes, which sort what they need */
  unordered(resource: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const objects of this.tables.get(resource)?.spaces.values() ?? []) for (const o of objects.values()) out.push(o);
    return out;
  }

  private appendNamespace(table: Table, namespace: string, out: KubeObject[]): void {
    const objects = table.spaces.get(namespace);
    if (!objects) return;
    let names = table.names.get(namespace);
    if (!names) table.names.set(namespace, (names = [...objects.keys()].sort(compareKeys)));
    for (const n of names) out.push(objects.get(n)!);
  }

  resources(): string[] {
    return [...this.tables.keys()].sort();
  }

  private table(resource: string): Table {
    let table = this.tables.get(resource);
    if (!table) this.tables.set(resource, (table = { spaces: new Map(), size: 0, names: new Map(), shared: new Map() }));
    return table;
  }

  /** Stores `obj` under its namespace and name; returns the object it replaced. */
  private set(table: Table, obj: KubeObject): KubeObject | undefined {
    const ns = obj.metadata.namespace ?? '';
    let objects = table.spaces.get(ns);
    if (!objects) {
      table.spaces.set(ns, (objects = new Map()));
      table.order = undefined;
    }
    const name = obj.metadata.name!;
    const old = objects.get(name);
    objects.set(name, obj);
    if (table.shared.size) table.shared.delete(ns);
    if (!old) {
      table.size++;
      table.names.delete(ns);
    }
    return old;
  }

  /** Adds or replaces an object, stamping the next resourceVersion. Returns the stored object. */
  put(resource: string, obj: KubeObject): KubeObject {
    const table = this.table(resource);
    this.rv++;
    obj.metadata.resourceVersion = String(this.rv);
    if (this.freeze) deepFreeze(obj);
    const old = this.set(table, obj);
    if (!old) this.count++;
    this.emit({ type: old ? 'MODIFIED' : 'ADDED', resource, rv: this.rv, object: obj, old });
    return obj;
  }

  remove(resource: string, namespace: string | undefined, name: string): KubeObject {
    const table = this.tables.get(resource);
    const ns = namespace ?? '';
    const objects = table?.spaces.get(ns);
    const old = objects?.get(name);
    if (!table || !objects || !old) throw ApiError.notFound(resource, name);
    objects.delete(name);
    table.size--;
    table.names.delete(ns);
    if (table.shared.size) table.shared.delete(ns);
    if (!objects.size) {
      table.spaces.delete(ns);
      table.order = undefined;
    }
    this.count--;
    this.rv++;
    // a deleted object is reported with the deletion's resourceVersion, as the API server does
    const gone = { ...old, metadata: { ...old.metadata, resourceVersion: String(this.rv) } };
    if (this.freeze) deepFreeze(gone);
    this.emit({ type: 'DELETED', resource, rv: this.rv, object: gone, old });
    return gone;
  }

  /** Loads objects without events (deserialization); resourceVersions are kept as stored. */
  load(resource: string, obj: KubeObject): void {
    if (this.freeze) deepFreeze(obj);
    if (!this.set(this.table(resource), obj)) this.count++;
  }

  /**
   * Watch events after `sinceRv`, or Gone when that version has been compacted away, with the
   * API server's message.
   */
  eventsSince(sinceRv: number): WatchEvent[] {
    const oldest = this.log.length > this.logStart ? this.log[this.logStart].rv : this.rv + 1;
    if (sinceRv < oldest - 1 && sinceRv < this.rv) {
      throw new ApiError('Gone', `too old resource version: ${sinceRv} (${oldest - 1})`);
    }
    let i = this.log.length;
    while (i > this.logStart && this.log[i - 1].rv > sinceRv) i--;
    return this.log.slice(i);
  }

  /**
   * Drops the watch log, as etcd's compaction does: a watch from a resourceVersion before now is
   * then too old, exactly as after a load (the log is memory only, never stored). For a cluster
   * no reader is watching (between commands): the log keeps every old version of every object it
   * mentions, most of a resident cluster's memory.
   */
  compactLog(): void {
    this.log = [];
    this.logStart = 0;
  }

  /** the watch events kept (compactLog empties it) */
  get logSize(): number {
    return this.log.length - this.logStart;
  }

  /**
   * Keeps the watch log from now on for a reader that will ask `eventsSince` a resourceVersion
   * from now or later (`kubectl get -w`, the server publishing what a command changed); the
   * function returned lets go (once; the last reader to go compacts the log). While no reader
   * holds it, writes are not logged, as if compacted at once: a log no one reads only keeps old
   * versions of objects alive, garbage to copy and collect (a tenth of starting 1,000 pods).
   */
  retainLog(): () => void {
    this.readers++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      if (--this.readers === 0) this.compactLog();
    };
  }

  private emit(ev: WatchEvent): void {
    if (this.readers > 0) {
      this.log.push(ev);
      // only the last WATCH_LOG_SIZE entries count; the array is compacted once it holds twice
      // as many (a splice per write would move 2,000 entries every time)
      if (this.log.length - this.logStart > WATCH_LOG_SIZE) this.logStart = this.log.length - WATCH_LOG_SIZE;
      if (this.logStart >= WATCH_LOG_SIZE) {
        this.log = this.log.slice(this.logStart);
        this.logStart = 0;
      }
    }
    for (const l of this.listeners) l(ev);
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

/** A deep copy of plain JSON data (faster than structuredClone for API objects). */
export function clone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = clone(v[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in v as Record<string, unknown>) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = clone(x);
  }
  return out as T;
}
