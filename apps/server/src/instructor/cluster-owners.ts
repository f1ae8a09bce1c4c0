// Which student (and classroom) a cluster belongs to, as the class view's socket needs it for
// every cluster change: remembered for a while, not forever. An entry is trusted TTL_MS (a
// membership that ends, or a role that changes, is seen within that), at most CAPACITY are kept
// (least recently used out first), and a reset or restore makes the next change ask again.
export interface ClusterOwner {
  classroomId: string;
  userId: string;
}

/** Cluster id → its student's classroom and user, or null when it is no student's. */
export class ClusterOwners {
  static readonly CAPACITY = 5000;
  static readonly TTL_MS = 60_000;
  private readonly entries = new Map<string, { owner: ClusterOwner | null; until: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly capacity = ClusterOwners.CAPACITY,
    private readonly ttlMs = ClusterOwners.TTL_MS,
  ) {}

  /** The remembered owner; undefined when unknown or too old to trust. */
  get(clusterId: string): ClusterOwner | null | undefined {
    const e = this.entries.get(clusterId);
    if (!e) return undefined;
    this.entries.delete(clusterId);
    if (e.until <= this.now()) return undefined;
    this.entries.set(clusterId, e); // most recently used last
    return e.owner;
  }

  set(clusterId: string, owner: ClusterOwner | null): void {
    this.entries.delete(clusterId);
    this.entries.set(clusterId, { owner, until: this.now() + this.ttlMs });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  forget(clusterId: string): void {
    this.entries.delete(clusterId);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
