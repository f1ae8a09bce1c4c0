// In-process fan-out of cluster changes to whoever watches (the WebSocket gateway): the watch
// events of every committed input, whatever door caused it, and of timed transitions.
import { Injectable } from '@nestjs/common';
import type { WatchEvent } from '../engine/api/store';

export interface ClusterChange {
  clusterId: string;
  /** The cluster's stored version after the change. */
  version: number;
  events: WatchEvent[];
  /** The whole state was replaced (reset, restore): watchers should list again. */
  replaced: boolean;
}

export type ClusterListener = (change: ClusterChange) => void;

@Injectable()
export class ClusterEvents {
  private readonly listeners = new Map<string, Set<ClusterListener>>();
  /** Listeners of every cluster (the course module records transitions from them). */
  private readonly everyCluster = new Set<ClusterListener>();

  /** Every committed change of every cluster in this process; returns the unsubscribe. */
  subscribeAll(listener: ClusterListener): () => void {
    this.everyCluster.add(listener);
    return () => this.everyCluster.delete(listener);
  }

  subscribe(clusterId: string, listener: ClusterListener): () => void {
    let set = this.listeners.get(clusterId);
    if (!set) this.listeners.set(clusterId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(clusterId);
    };
  }

  watched(): string[] {
    return [...this.listeners.keys()];
  }

  isWatched(clusterId: string): boolean {
    return this.listeners.has(clusterId);
  }

  publish(change: ClusterChange): void {
    if (change.events.length === 0 && !change.replaced) return;
    for (const l of this.everyCluster) l(change);
    for (const l of this.listeners.get(change.clusterId) ?? []) l(change);
  }
}
