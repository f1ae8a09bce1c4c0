// The garbage collector's view of ownership: object uid → where it is stored, and owner uid →
// its dependents. Held in memory only: built from the store on first use (a loaded cluster
// replays no events) and kept current from watch events.

import { ObjectStore, WatchEvent } from '../../api/store';
import { KubeObject } from '../../api/types';

export interface ItemRef {
  resource: string;
  namespace: string | undefined;
  name: string;
}

export function itemKey(resource: string, obj: KubeObject): string {
  return `${resource}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

const parsed = new Map<string, ItemRef>();

/** The parts of an item key (remembered: the same owners' keys are parsed on every dependent's write). */
export function parseItemKey(key: string): ItemRef {
  let ref = parsed.get(key);
  if (!ref) {
    const [resource, namespace, ...rest] = key.split('/');
    ref = { resource, namespace: namespace || undefined, name: rest.join('/') };
    if (parsed.size >= 4096) parsed.clear();
    parsed.set(key, ref);
  }
  return { ...ref };
}

export class OwnerGraph {
  private built = false;
  private readonly byUid = new Map<string, string>();
  private readonly dependentsOf = new Map<string, Set<string>>();

  ensure(store: ObjectStore): void {
    if (this.built) return;
    this.built = true;
    for (const resource of store.resources()) {
      if (resource === 'events') continue;
      for (const o of store.unordered(resource)) this.add(resource, o);
    }
  }

  observe(ev: WatchEvent): void {
    if (!this.built) return;
    // most writes keep the uid and the owner list (status updates share it): nothing moves
    if (ev.type === 'MODIFIED' && ev.old && ev.old.metadata.uid === ev.object.metadata.uid && sameOwners(ev.old, ev.object)) return;
    if (ev.old) this.remove(ev.resource, ev.old);
    if (ev.type !== 'DELETED') this.add(ev.resource, ev.object);
  }

  /** where the object with this uid is stored, if it exists */
  keyOfUid(uid: string): string | undefined {
    return this.byUid.get(uid);
  }

  /** item keys of the objects that name `uid` among their owners, sorted */
  dependents(uid: string): string[] {
    return [...(this.dependentsOf.get(uid) ?? [])].sort();
  }

  hasDependents(uid: string): boolean {
    return (this.dependentsOf.get(uid)?.size ?? 0) > 0;
  }

  private add(resource: string, o: KubeObject): void {
    const key = itemKey(resource, o);
    if (o.metadata.uid) this.byUid.set(o.metadata.uid, key);
    for (const ref of o.metadata.ownerReferences ?? []) {
      let set = this.dependentsOf.get(ref.uid);
      if (!set) this.dependentsOf.set(ref.uid, (set = new Set()));
      set.add(key);
    }
  }

  private remove(resource: string, o: KubeObject): void {
    const key = itemKey(resource, o);
    if (o.metadata.uid && this.byUid.get(o.metadata.uid) === key) this.byUid.delete(o.metadata.uid);
    for (const ref of o.metadata.ownerReferences ?? []) {
      const set = this.dependentsOf.get(ref.uid);
      if (!set) continue;
      set.delete(key);
      if (!set.size) this.dependentsOf.delete(ref.uid);
    }
  }
}

function sameOwners(a: KubeObject, b: KubeObject): boolean {
  const ra = a.metadata.ownerReferences;
  const rb = b.metadata.ownerReferences;
  if (ra === rb) return true;
  if (!ra || !rb) return !ra?.length && !rb?.length;
  return ra.length === rb.length && ra.every((r, i) => r.uid === rb[i].uid);
}
