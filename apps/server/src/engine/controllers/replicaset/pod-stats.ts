// Running counts of each controller's pods (active, ready), kept from watch events so that a
// ReplicaSet sync triggered by one pod turning ready costs O(1), not a pass over all its pods.
// Rebuilt from the store on first use; never serialized. `labelsVersion` moves whenever an owned
// pod's labels change, so a sync knows when its last full check of selectors is stale.

import { ObjectStore, WatchEvent } from '../../api/store';
import { Pod } from '../../api/types';
import { factsOf } from './pod-facts';
import { controllerRefOf } from './pod-utils';

export interface OwnerStats {
  active: number;
  ready: number;
  labelsVersion: number;
}

export class PodStats {
  private built = false;
  private readonly byOwner = new Map<string, OwnerStats>();

  ensure(store: ObjectStore): void {
    if (this.built) return;
    this.built = true;
    for (const p of store.unordered('pods')) this.apply(p as Pod, 1);
  }

  observe(ev: WatchEvent): void {
    if (!this.built || ev.resource !== 'pods') return;
    const old = ev.old as Pod | undefined;
    const cur = ev.object as Pod;
    if (old) this.apply(old, -1);
    if (ev.type !== 'DELETED') this.apply(cur, 1);
    if (old && ev.type === 'MODIFIED' && !sameLabels(old, cur)) {
      const uid = controllerRefOf(cur)?.uid;
      if (uid) this.stats(uid).labelsVersion++;
    }
  }

  get(store: ObjectStore, uid: string): OwnerStats {
    this.ensure(store);
    return this.stats(uid);
  }

  private stats(uid: string): OwnerStats {
    let s = this.byOwner.get(uid);
    if (!s) this.byOwner.set(uid, (s = { active: 0, ready: 0, labelsVersion: 0 }));
    return s;
  }

  private apply(pod: Pod, sign: 1 | -1): void {
    const uid = controllerRefOf(pod)?.uid;
    if (!uid) return;
    const f = factsOf(pod);
    if (!f.active) return;
    const s = this.stats(uid);
    s.active += sign;
    if (f.ready) s.ready += sign;
  }
}

function sameLabels(a: Pod, b: Pod): boolean {
  const la = a.metadata.labels ?? {};
  const lb = b.metadata.labels ?? {};
  const ka = Object.keys(la);
  return ka.length === Object.keys(lb).length && ka.every((k) => la[k] === lb[k]);
}
