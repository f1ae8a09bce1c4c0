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

export function objectKey(resource: string, namespace: string | undefined, name: string): string {
  return `${resource}/${namespace ?? ''}/${name}`;
}

export class ObjectStore {
  private readonly byResource = new Map<string, Map<string, KubeObject>>();
  /** per resource, keys sorted as etcd lists them (namespace, then name); rebuilt lazily */
  private readonly sortedKeys = new Map<string, string[] | undefined>();
  private readonly listeners: StoreListener[] = [];
  private readonly log: WatchEvent[] = [];
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
    return this.byResource.get(resource)?.size ?? 0;
  }

  onChange(listener: StoreListener): void {
    this.listeners.push(listener);
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byResource.get(resource)?.get(objectKey(resource, namespace, name));
  }

  /** objects of a resource, in etcd key order, optionally in one namespace */
  list(resource: string, namespace?: string): KubeObject[] {
    const map = this.byResource.get(resource);
    if (!map) return [];
    let keys = this.sortedKeys.get(resource);
    if (!keys) {
      keys = [...map.keys()].sort(compareKeys);
      this.sortedKeys.set(resource, keys);
    }
    const out: KubeObject[] = [];
    if (namespace === undefined) {
      for (const k of keys) out.push(map.get(k)!);
      return out;
    }
    const prefix = `${resource}/${namespace}/`;
    for (const k of keys) if (k.startsWith(prefix)) out.push(map.get(k)!);
    return out;
  }

  resources(): string[] {
    return [...this.byResource.keys()].sort();
  }

  /** Adds or replaces an object, stamping the next resourceVersion. Returns the stored object. */
  put(resource: string, obj: KubeObject): KubeObject {
    const key = objectKey(resource, obj.metadata.namespace, obj.metadata.name!);
    let map = this.byResource.get(resource);
    if (!map) {
      map = new Map();
      this.byResource.set(resource, map);
    }
    const old = map.get(key);
    this.rv++;
    obj.metadata.resourceVersion = String(this.rv);
    if (this.freeze) deepFreeze(obj);
    map.set(key, obj);
    if (!old) {
      this.count++;
      this.sortedKeys.set(resource, undefined);
    }
    this.emit({ type: old ? 'MODIFIED' : 'ADDED', resource, rv: this.rv, object: obj, old });
    return obj;
  }

  remove(resource: string, namespace: string | undefined, name: string): KubeObject {
    const key = objectKey(resource, namespace, name);
    const map = this.byResource.get(resource);
    const old = map?.get(key);
    if (!map || !old) throw ApiError.notFound(resource, name);
    map.delete(key);
    this.count--;
    this.sortedKeys.set(resource, undefined);
    this.rv++;
    // a deleted object is reported with the deletion's resourceVersion, as the API server does
    const gone = { ...old, metadata: { ...old.metadata, resourceVersion: String(this.rv) } };
    if (this.freeze) deepFreeze(gone);
    this.emit({ type: 'DELETED', resource, rv: this.rv, object: gone, old });
    return gone;
  }

  /** Loads objects without events (deserialization); resourceVersions are kept as stored. */
  load(resource: string, obj: KubeObject): void {
    let map = this.byResource.get(resource);
    if (!map) {
      map = new Map();
      this.byResource.set(resource, map);
    }
    if (this.freeze) deepFreeze(obj);
    const key = objectKey(resource, obj.metadata.namespace, obj.metadata.name!);
    if (!map.has(key)) this.count++;
    map.set(key, obj);
    this.sortedKeys.set(resource, undefined);
  }

  /**
   * Watch events after `sinceRv`, or Gone when that version has been compacted away, with the
   * API server's message.
   */
  eventsSince(sinceRv: number): WatchEvent[] {
    const oldest = this.log.length ? this.log[0].rv : this.rv + 1;
    if (sinceRv < oldest - 1 && sinceRv < this.rv) {
      throw new ApiError('Gone', `too old resource version: ${sinceRv} (${oldest - 1})`);
    }
    let i = this.log.length;
    while (i > 0 && this.log[i - 1].rv > sinceRv) i--;
    return this.log.slice(i);
  }

  private emit(ev: WatchEvent): void {
    this.log.push(ev);
    if (this.log.length > WATCH_LOG_SIZE) this.log.splice(0, this.log.length - WATCH_LOG_SIZE);
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
