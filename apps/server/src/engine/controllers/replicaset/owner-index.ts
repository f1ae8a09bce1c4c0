// An in-memory index of one resource's objects by controller owner uid, plus the orphans (no
// controller) per namespace, so a sync reads only the objects it may own instead of every pod.
// It is rebuilt from the store on first use (after a load nothing is replayed) and then kept
// current from watch events; it is never serialized. Stored objects are immutable, so the index
// holds them directly.

import { ObjectStore, WatchEvent } from '../../api/store';
import { KubeObject } from '../../api/types';
import { controllerRefOf } from './pod-utils';

interface Bucket<T> {
  objects: Map<string, T>;
  /** keys in name order, recomputed after a key comes or goes */
  order?: string[];
}

export class OwnerIndex<T extends KubeObject = KubeObject> {
  private built = false;
  private readonly buckets = new Map<string, Bucket<T>>();

  constructor(private readonly resource: string) {}

  /** Applies a watch event (a no-op until the index is built: the build reads the store). */
  observe(ev: WatchEvent): void {
    if (!this.built || ev.resource !== this.resource) return;
    if (ev.type === 'MODIFIED' && ev.old) {
      // most writes keep the owner list itself (status updates share it): same bucket
      const bucket = bucketOf(ev.object);
      if (ev.old.metadata.ownerReferences === ev.object.metadata.ownerReferences || bucketOf(ev.old) === bucket) {
        this.buckets.get(bucket)?.objects.set(keyOf(ev.object), ev.object as T);
        return;
      }
    }
    if (ev.old) this.remove(ev.old);
    if (ev.type !== 'DELETED') this.add(ev.object);
  }

  ensure(store: ObjectStore): void {
    if (this.built) return;
    this.built = true;
    for (const o of store.unordered(this.resource)) this.add(o);
  }

  /** Objects whose controller is `uid`, in name order. */
  owned(store: ObjectStore, uid: string): T[] {
    this.ensure(store);
    return this.read(`owner:${uid}`);
  }

  /** Objects of `namespace` without a controller, in name order. */
  orphansIn(store: ObjectStore, namespace: string): T[] {
    this.ensure(store);
    return this.read(`ns:${namespace}`);
  }

  private read(bucketKey: string): T[] {
    const b = this.buckets.get(bucketKey);
    if (!b) return [];
    b.order ??= [...b.objects.keys()].sort();
    return b.order.map((k) => b.objects.get(k)!);
  }

  private add(o: KubeObject): void {
    const bk = bucketOf(o);
    let b = this.buckets.get(bk);
    if (!b) this.buckets.set(bk, (b = { objects: new Map() }));
    const key = keyOf(o);
    if (!b.objects.has(key)) b.order = undefined;
    b.objects.set(key, o as T);
  }

  private remove(o: KubeObject): void {
    const bk = bucketOf(o);
    const b = this.buckets.get(bk);
    if (!b || !b.objects.delete(keyOf(o))) return;
    b.order = undefined;
    if (!b.objects.size) this.buckets.delete(bk);
  }
}

function keyOf(o: KubeObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

function bucketOf(o: KubeObject): string {
  const ref = controllerRefOf(o);
  return ref ? `owner:${ref.uid}` : `ns:${o.metadata.namespace ?? ''}`;
}
