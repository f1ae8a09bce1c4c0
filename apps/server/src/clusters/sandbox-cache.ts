// Clusters kept in memory between commands, least recently used first out. An entry is only
// trusted while its version equals the stored one (checked before every use).
import type { Sandbox } from '../engine/sandbox';
import type { ServerSandboxClock } from './sandbox-clock';

export interface CacheEntry {
  clusterId: string;
  sandbox: Sandbox;
  clock: ServerSandboxClock;
  /** The stored version this in-memory state corresponds to. */
  version: number;
}

export class SandboxCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(private readonly capacity: number) {}

  get(clusterId: string): CacheEntry | undefined {
    const e = this.entries.get(clusterId);
    if (e) {
      this.entries.delete(clusterId);
      this.entries.set(clusterId, e);
    }
    return e;
  }

  peek(clusterId: string): CacheEntry | undefined {
    return this.entries.get(clusterId);
  }

  set(entry: CacheEntry): void {
    this.entries.delete(entry.clusterId);
    this.entries.set(entry.clusterId, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Drops `clusterId`, or only if it is still `entry` when given. */
  evict(clusterId: string, entry?: CacheEntry): void {
    if (!entry || this.entries.get(clusterId) === entry) this.entries.delete(clusterId);
  }

  get size(): number {
    return this.entries.size;
  }
}
