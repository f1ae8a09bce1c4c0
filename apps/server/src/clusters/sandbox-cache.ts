// Clusters kept in memory between commands, least recently used first out. An entry is only
// trusted while its version equals the stored one (checked before every use).
import type { Sandbox } from '../engine/sandbox';
import type { ShellSession } from '../engine/shell/types';
import type { SwitchClock } from './replay-clock';
import type { ServerSandboxClock } from './sandbox-clock';

export interface CacheEntry {
  clusterId: string;
  sandbox: Sandbox;
  clock: ServerSandboxClock;
  /** The stored version this in-memory state corresponds to. */
  version: number;
  /** The sandbox's own clock: `clock` normally, a recording or replaying clock while a command runs. */
  switch: SwitchClock;
  /** Inputs committed since the last state stored (the input log replays them on a load). */
  sinceState: number;
  /** Shells (ShellSession ids) whose session an input recorded since the last state stored. */
  recorded: Set<string>;
  /** Sessions by `userId/door/terminalKey`, as the last input of each left them. */
  shells: Map<string, { id: string; session: ShellSession }>;
  /** Wall time of the last use (idle clusters get their state stored). */
  lastUsed: number;
  /** Changes running on it, also those asleep without the lock (its state may hold their half). */
  busy: number;
}

export class SandboxCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(
    private readonly capacity: number,
    /** Called with each entry pushed out by a newer one. */
    private readonly onEvict: (entry: CacheEntry) => void = () => {},
  ) {}

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
      const gone = this.entries.get(oldest)!;
      this.entries.delete(oldest);
      this.onEvict(gone);
    }
  }

  /** Drops `clusterId`, or only if it is still `entry` when given. */
  evict(clusterId: string, entry?: CacheEntry): void {
    if (!entry || this.entries.get(clusterId) === entry) this.entries.delete(clusterId);
  }

  values(): IterableIterator<CacheEntry> {
    return this.entries.values();
  }

  get size(): number {
    return this.entries.size;
  }
}
