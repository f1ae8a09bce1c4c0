// Clusters kept in memory between commands, in two tiers. The most recently used are live (their
// Sandbox, ready to run: 100-300 kB of heap each); when there are more than the live capacity,
// the least recently used one that nothing is using is packed: its stored form (what the input
// log stores as its state, 45-80 kB of JSON) deflated to 15-25 kB, loaded back on its next use in
// 5-10 ms. Past the packed capacity the oldest packed ones are dropped (their state is in the
// database). An entry is only trusted while its version equals the stored one (checked before
// every use).
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

/** A cluster kept packed: its state at `version`, already stored in the database. */
export interface PackedEntry {
  clusterId: string;
  version: number;
  /** The deflated JSON of `Sandbox.serialize()`. */
  state: Buffer;
  shells: CacheEntry['shells'];
}

export interface CacheHooks {
  /** Whether the entry may be packed now (nothing running on it or holding it). */
  canPack(entry: CacheEntry): boolean;
  /** Its packed form (its state stored first), or undefined to drop it instead. */
  pack(entry: CacheEntry): PackedEntry | undefined;
}

export class SandboxCache {
  private readonly live = new Map<string, CacheEntry>();
  private readonly packedEntries = new Map<string, PackedEntry>();
  private bytes = 0;

  constructor(
    /** Live entries kept (tests lower it; takes effect at the next `set`). */
    public liveCapacity: number,
    public packedCapacity: number,
    private readonly hooks: CacheHooks,
  ) {}

  /** The live entry, made the most recently used. */
  get(clusterId: string): CacheEntry | undefined {
    const e = this.live.get(clusterId);
    if (e) {
      this.live.delete(clusterId);
      this.live.set(clusterId, e);
    }
    return e;
  }

  peek(clusterId: string): CacheEntry | undefined {
    return this.live.get(clusterId);
  }

  /** The packed entry, if the cluster is kept packed. */
  packed(clusterId: string): PackedEntry | undefined {
    return this.packedEntries.get(clusterId);
  }

  /** Makes `entry` the live one of its cluster (the packed one goes); packs the oldest past capacity. */
  set(entry: CacheEntry): void {
    this.dropPacked(entry.clusterId);
    this.live.delete(entry.clusterId);
    this.live.set(entry.clusterId, entry);
    this.shrink(entry);
  }

  /** Packs the least recently used entries past the live capacity that can be (never `keep`). */
  shrink(keep?: CacheEntry): void {
    if (this.live.size <= this.liveCapacity) return;
    for (const old of [...this.live.values()]) {
      if (this.live.size <= this.liveCapacity) break;
      if (old !== keep && this.hooks.canPack(old)) this.packEntry(old);
    }
  }

  /** Packs `entry` now, whatever the capacity (an idle cluster). */
  pack(entry: CacheEntry): void {
    if (this.live.get(entry.clusterId) === entry && this.hooks.canPack(entry)) this.packEntry(entry);
  }

  /** Drops `clusterId` from both tiers, or only its live entry if it is still `entry` when given. */
  evict(clusterId: string, entry?: CacheEntry): void {
    if (entry) {
      if (this.live.get(clusterId) === entry) this.live.delete(clusterId);
      return;
    }
    this.live.delete(clusterId);
    this.dropPacked(clusterId);
  }

  /** The live entries. */
  values(): IterableIterator<CacheEntry> {
    return this.live.values();
  }

  /** Live entries. */
  get size(): number {
    return this.live.size;
  }

  get packedSize(): number {
    return this.packedEntries.size;
  }

  /** Bytes of the packed states. */
  get packedBytes(): number {
    return this.bytes;
  }

  private packEntry(entry: CacheEntry): void {
    this.live.delete(entry.clusterId);
    const p = this.hooks.pack(entry);
    if (!p) return;
    this.packedEntries.set(p.clusterId, p);
    this.bytes += p.state.length;
    while (this.packedEntries.size > this.packedCapacity) this.dropPacked(this.packedEntries.keys().next().value as string);
  }

  private dropPacked(clusterId: string): void {
    const p = this.packedEntries.get(clusterId);
    if (!p) return;
    this.packedEntries.delete(clusterId);
    this.bytes -= p.state.length;
  }
}
