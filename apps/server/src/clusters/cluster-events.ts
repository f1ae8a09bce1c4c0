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
    for (const l of this.listeners.get(change.clusterId) ?? []) l(change);
  }
}
