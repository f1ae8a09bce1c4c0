// An in-memory index of one resource's objects by controller owner uid, plus the orphans (no
// controller) per namespace, so a sync reads only the objects it may own instead of every pod.
// It is rebuilt from the store on first use (after a load nothing is replayed) and then kept
// current from watch events; it is never serialized.

import { ObjectStore, WatchEvent } from '../../api/store';
import { KubeObject } from '../../api/types';
import { controllerRefOf } from './pod-utils';

export class OwnerIndex<T extends KubeObject = KubeObject> {
  private built = false;
  private readonly byOwner = new Map<string, Set<string>>();
  private readonly orphans = new Map<string, Set<string>>();

  constructor(private readonly resource: string) {}

  /** Applies a watch event (a no-op until the index is built: the build reads the store). */
  observe(ev: WatchEvent): void {
    if (!this.built || ev.resource !== this.resource) return;
    if (ev.old) this.remove(ev.old);
    if (ev.type !== 'DELETED') this.add(ev.object);
  }

  ensure(store: ObjectStore): void {
    if (this.built) return;
    this.built = true;
    for (const o of store.list(this.resource)) this.add(o);
  }

  /** Objects whose controller is `uid`, in name order. */
  owned(store: ObjectStore, uid: string): T[] {
    this.ensure(store);
    return this.read(store, this.byOwner.get(uid));
  }

  /** Objects of `namespace` without a controller, in name order. */
  orphansIn(store: ObjectStore, namespace: string): T[] {
    this.ensure(store);
    return this.read(store, this.orphans.get(namespace));
  }

  private read(store: ObjectStore, keys: Set<string> | undefined): T[] {
    if (!keys) return [];
    const out: T[] = [];
    for (const k of [...keys].sort()) {
      const i = k.indexOf('/');
      const o = store.get(this.resource, k.slice(0, i) || undefined, k.slice(i + 1));
      if (o) out.push(o as T);
    }
    return out;
  }

  private add(o: KubeObject): void {
    const key = `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    const ref = controllerRefOf(o);
    const map = ref ? this.byOwner : this.orphans;
    const bucket = ref ? ref.uid : (o.metadata.namespace ?? '');
    let set = map.get(bucket);
    if (!set) map.set(bucket, (set = new Set()));
    set.add(key);
  }

  private remove(o: KubeObject): void {
    const key = `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    const ref = controllerRefOf(o);
    const map = ref ? this.byOwner : this.orphans;
    const bucket = ref ? ref.uid : (o.metadata.namespace ?? '');
    const set = map.get(bucket);
    if (!set) return;
    set.delete(key);
    if (!set.size) map.delete(bucket);
  }
}
