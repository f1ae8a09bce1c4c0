// Copy-on-write storage of a file system's nodes: a base shared by every host made from the same
// fresh image (never changed, frozen), and the host's own nodes over it. A resident cluster then
// holds only what its hosts changed, not three copies of Ubuntu each.

import type { FsNode } from './filesystem';

/**
 * The nodes of a fresh host, shared: every node was made at the host's base time, so they are
 * kept with mtime 0 and seen with the base time of the file system over them. The root directory
 * is not part of it (every file system has its own).
 */
export class FsBase {
  readonly nodes: ReadonlyMap<string, Readonly<FsNode>>;

  constructor(nodes: Record<string, FsNode>) {
    const map = new Map<string, Readonly<FsNode>>();
    for (const [path, n] of Object.entries(nodes)) if (path !== '/') map.set(path, Object.freeze({ ...n, mtime: 0 }));
    this.nodes = map;
  }
}

/** The nodes of one file system: its own over an optional base. Map-like, iteration unordered. */
export class NodeTable {
  private readonly own = new Map<string, FsNode>();
  /** paths of the base not seen through: removed, or replaced by one of `own` */
  private readonly hidden = new Set<string>();

  constructor(
    readonly base?: FsBase,
    /** when the base nodes were made (their mtime) */
    readonly baseAt = 0,
  ) {}

  /** the node at `path`: the file system's own (changeable) or a fresh copy of the base's */
  get(path: string): FsNode | undefined {
    const n = this.own.get(path);
    if (n || !this.base || this.hidden.has(path)) return n;
    const b = this.base.nodes.get(path);
    return b && { ...b, mtime: this.baseAt };
  }

  has(path: string): boolean {
    return this.own.has(path) || (!!this.base?.nodes.has(path) && !this.hidden.has(path));
  }

  set(path: string, node: FsNode): void {
    this.own.set(path, node);
    if (this.base?.nodes.has(path)) this.hidden.add(path);
  }

  delete(path: string): void {
    this.own.delete(path);
    if (this.base?.nodes.has(path)) this.hidden.add(path);
  }

  get size(): number {
    return this.own.size + (this.base ? this.base.nodes.size - this.hidden.size : 0);
  }

  *keys(): IterableIterator<string> {
    yield* this.own.keys();
    if (this.base) for (const p of this.base.nodes.keys()) if (!this.hidden.has(p)) yield p;
  }

  *entries(): IterableIterator<[string, FsNode]> {
    for (const p of this.keys()) yield [p, this.get(p)!];
  }

  /**
   * With `base` at `at` as this table's own base: the nodes it has that the base has not (or
   * not so), and the base's paths it lacks, both sorted; undefined over any other base.
   */
  changesOver(base: FsBase, at: number, same: (a: FsNode, b: FsNode | undefined) => boolean): { changed: Record<string, FsNode>; removed: string[] } | undefined {
    if (base !== this.base || at !== this.baseAt) return undefined;
    const changed: Record<string, FsNode> = {};
    for (const p of [...this.own.keys()].sort()) {
      const n = this.own.get(p)!;
      const b = base.nodes.get(p);
      if (!same(n, p === '/' ? ROOT : b && { ...b, mtime: at })) changed[p] = { ...n };
    }
    const removed = [...this.hidden].filter((p) => !this.own.has(p));
    if (!this.own.has('/')) removed.push('/'); // the root is every file system's own (moved away)
    return { changed, removed: removed.sort() };
  }
}

/** the root directory every file system starts with */
export const ROOT: Readonly<FsNode> = Object.freeze({ type: 'dir', mode: 0o755, owner: 'root', mtime: 0 });
