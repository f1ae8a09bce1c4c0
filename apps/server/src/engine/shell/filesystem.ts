// The virtual file system of one simulated host: a flat map of absolute path to node, so it
// serializes to plain JSON and the cluster can store it per host. No symlinks, no hard links.
// A directory can carry a capacity (a container's volume mounted there): writes below it fail
// with ENOSPC once its files would need more bytes than it has, after writing what fits. A path
// can be mounted read-only (a configMap volume, a readOnly mount): changes below it fail with EROFS.
// A host's file system lies over the shared base of its fresh image (fs-layers.ts).

import { FsBase, NodeTable, ROOT } from './fs-layers';

export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_NODES = 500;
/** text kept of a file filled by `fill` (the rest of it is a byte count) */
export const FILL_KEPT = 64 * 1024;
/** what a file system without a capacity of its own has free for `fill` (a host's root disk, as df shows it) */
export const DEFAULT_FREE_BYTES = 23_935_980 * 1024;

export type FsErrorCode = 'ENOENT' | 'EACCES' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOSPC' | 'ENOTEMPTY' | 'EINVAL' | 'EPERM' | 'EROFS';

const MESSAGES: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOSPC: 'No space left on device',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
  EPERM: 'Operation not permitted',
  EROFS: 'Read-only file system',
};

/** an errno-like failure; `message` is the strerror text commands append after the path */
export class FsError extends Error {
  constructor(readonly code: FsErrorCode) {
    super(MESSAGES[code]);
  }
}

/**
 * write(2) on a command's redirected output failed (a full file system): thrown out of the
 * command's stdout, so that the command reports it in its own words (`echo: write error: ...`)
 */
export class WriteError extends Error {
  constructor(readonly fsError: FsError) {
    super(fsError.message);
  }
}

export interface FsNode {
  type: 'file' | 'dir';
  /** file content (files only) */
  content?: string;
  /** permission bits, e.g. 0o644 */
  mode: number;
  owner: string;
  /** modification time, epoch ms */
  mtime: number;
  /**
   * the file's length in bytes when `content` holds only its beginning: the rest is NUL bytes
   * (written by `dd if=/dev/zero`), kept as a count, never as text
   */
  size?: number;
  /** a character device (major, minor), /dev/null: reads give nothing, writes are taken and dropped */
  device?: readonly [number, number];
}

/** the file's length in bytes */
export function fileSize(n: FsNode): number {
  return n.type === 'dir' ? 0 : n.size ?? utf8Length(n.content ?? '');
}

/** a directory with a capacity: `reserved` bytes are taken by data the file system does not list */
export interface Quota {
  path: string;
  capacity: number;
  reserved: number;
}

export interface FileSystemJSON {
  nodes: Record<string, FsNode>;
}

/** joins and normalizes: resolves `.`, `..`, duplicate slashes; relative paths start at `cwd` */
export function resolvePath(cwd: string, path: string): string {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const seg of full.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const i = trimmed.lastIndexOf('/');
  return i < 0 ? trimmed : trimmed.slice(i + 1) || '/';
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** the longest prefix of `s` whose UTF-8 encoding fits in `bytes` */
function utf8Prefix(s: string, bytes: number): string {
  let n = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    const w = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : 3;
    if (n + w > bytes) break;
    n += w;
    i += w === 4 ? 2 : 1;
  }
  return s.slice(0, i);
}

/** the raw store: no permission checks (see UserFs for those), paths must be absolute */
export class FileSystem {
  // nodes are replaced, never changed in place: a node read may be a copy of a shared base node
  private nodes: NodeTable;
  /** capacities of directories (mounted volumes); not serialized: the mounter sets them */
  private quotas: Quota[] = [];
  /** mount points, read-only or not (the deepest one a path is under decides); not serialized */
  private mounts: { path: string; readOnly: boolean }[] = [];

  constructor(json?: FileSystemJSON, base?: { base: FsBase; at: number }) {
    this.nodes = new NodeTable(base?.base, base?.at);
    for (const [p, n] of Object.entries(json?.nodes ?? {})) this.nodes.set(p, { ...n });
    if (!this.nodes.has('/')) this.nodes.set('/', { ...ROOT });
  }

  static fromJSON(json: FileSystemJSON): FileSystem {
    return new FileSystem(json);
  }

  /** A file system that starts as `base` made at `at`, sharing its nodes until they change. */
  static over(base: FsBase, at: number): FileSystem {
    return new FileSystem(undefined, { base, at });
  }

  /**
   * What differs from `base` made at `at`: the nodes not in it or not equal (`same` compares),
   * and its paths that are gone, both in path order. The stored form of a host's files.
   */
  changesFrom(base: FsBase, at: number, same: (a: FsNode, b: FsNode | undefined) => boolean): { changed: Record<string, FsNode>; removed: string[] } {
    const fast = this.nodes.changesOver(base, at, same);
    if (fast) return fast;
    // over another base (or none): compared node by node with that base's whole tree
    const from = FileSystem.over(base, at).toJSON().nodes;
    const nodes = this.toJSON().nodes;
    const changed: Record<string, FsNode> = {};
    for (const [path, node] of Object.entries(nodes)) if (!same(node, from[path])) changed[path] = node;
    return { changed, removed: Object.keys(from).filter((path) => !(path in nodes)) };
  }

  /** Applies what changesFrom returned (the file system must be over the same base). */
  applyChanges(changed: Record<string, FsNode>, removed: readonly string[]): void {
    for (const [p, n] of Object.entries(changed)) this.nodes.set(p, { ...n });
    for (const p of removed) this.nodes.delete(p);
    if (!this.nodes.has('/')) this.nodes.set('/', { ...ROOT });
  }

  toJSON(): FileSystemJSON {
    const nodes: Record<string, FsNode> = {};
    for (const p of [...this.nodes.keys()].sort()) nodes[p] = { ...this.nodes.get(p)! };
    return { nodes };
  }

  get size(): number {
    return this.nodes.size;
  }

  /** gives the directory `path` a capacity in bytes, `reserved` of them already taken */
  setQuota(path: string, capacity: number, reserved = 0): void {
    this.quotas = this.quotas.filter((q) => q.path !== path);
    this.quotas.push({ path, capacity, reserved });
  }

  /** mounts a file system at `path`, read-only or writable (one mounted inside a read-only one) */
  setReadOnly(path: string, readOnly = true): void {
    this.mounts = this.mounts.filter((m) => m.path !== path);
    this.mounts.push({ path, readOnly });
  }

  /** whether `path` lies on a read-only mount (the deepest mount it is under decides) */
  isReadOnly(path: string): boolean {
    let best: { path: string; readOnly: boolean } | undefined;
    for (const m of this.mounts) {
      if ((path === m.path || path.startsWith(m.path === '/' ? '/' : `${m.path}/`)) && (!best || m.path.length > best.path.length)) best = m;
    }
    return best?.readOnly === true;
  }

  /** EROFS for a change at `path` on a read-only mount */
  private writable(path: string): void {
    if (this.mounts.length && this.isReadOnly(path)) throw new FsError('EROFS');
  }

  /** the capacity that `path` is under (the deepest one), if any */
  quotaOf(path: string): Quota | undefined {
    let best: Quota | undefined;
    for (const q of this.quotas) {
      if ((path === q.path || path.startsWith(q.path === '/' ? '/' : `${q.path}/`)) && (!best || q.path.length > best.path.length)) best = q;
    }
    return best;
  }

  /**
   * bytes used by the files at or below `path` (with the reserved bytes of its quota when it is
   * one); files under a deeper capacity (another file system mounted below) are not counted
   */
  usage(path: string): number {
    const prefix = path === '/' ? '/' : `${path}/`;
    const q = this.quotas.find((x) => x.path === path);
    const deeper = q ? this.quotas.filter((x) => x !== q && (x.path.startsWith(prefix) || (path === '/' && x.path !== '/'))) : [];
    let n = 0;
    for (const [p, node] of this.nodes.entries()) {
      if (node.type !== 'file' || !(p === path || p.startsWith(prefix))) continue;
      if (deeper.some((d) => p.startsWith(`${d.path}/`))) continue;
      n += fileSize(node);
    }
    return n + (q?.reserved ?? 0);
  }

  /** bytes a file at `path` may still grow by, or Infinity where no capacity applies */
  free(path: string): number {
    const q = this.quotaOf(path);
    if (!q) return Number.POSITIVE_INFINITY;
    return Math.max(0, q.capacity - this.usage(q.path));
  }

  stat(path: string): FsNode | undefined {
    const n = this.nodes.get(path);
    return n ? { ...n } : undefined;
  }

  exists(path: string): boolean {
    return this.nodes.has(path);
  }

  isDir(path: string): boolean {
    return this.nodes.get(path)?.type === 'dir';
  }

  isFile(path: string): boolean {
    return this.nodes.get(path)?.type === 'file';
  }

  /** content of a file; throws ENOENT / EISDIR */
  read(path: string): string {
    const n = this.nodes.get(path);
    if (!n) throw new FsError('ENOENT');
    if (n.type === 'dir') throw new FsError('EISDIR');
    return n.content ?? '';
  }

  /** names directly under a directory, sorted */
  list(path: string): string[] {
    const n = this.nodes.get(path);
    if (!n) throw new FsError('ENOENT');
    if (n.type !== 'dir') throw new FsError('ENOTDIR');
    const prefix = path === '/' ? '/' : `${path}/`;
    const out: string[] = [];
    for (const p of this.nodes.keys()) {
      if (p !== '/' && p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) out.push(p.slice(prefix.length));
    }
    return out.sort();
  }

  /** every path at or below `path` */
  walk(path: string): string[] {
    const prefix = path === '/' ? '/' : `${path}/`;
    return [...this.nodes.keys()].filter((p) => p === path || p.startsWith(prefix)).sort();
  }

  private parentDir(path: string): FsNode {
    const parent = this.nodes.get(dirname(path));
    if (!parent) throw new FsError('ENOENT');
    if (parent.type !== 'dir') throw new FsError('ENOTDIR');
    return parent;
  }

  /**
   * creates or replaces a file (keeps mode/owner of an existing one). Under a capacity, what fits
   * is written and then ENOSPC is thrown, as write(2) does on a full file system.
   */
  write(path: string, content: string, opts: { now?: number; owner?: string; mode?: number; append?: boolean; size?: number } = {}): void {
    const existing = this.nodes.get(path);
    if (existing?.type === 'dir') throw new FsError('EISDIR');
    if (existing?.device) return;
    if (!existing) this.parentDir(path);
    this.writable(path);
    if (!existing && this.nodes.size >= MAX_NODES) throw new FsError('ENOSPC');
    if (opts.append && existing?.size !== undefined) {
      // appending text after NUL bytes kept as a count: the text is counted, not kept
      return this.writeZeros(path, utf8Length(content), { now: opts.now, append: true }) < utf8Length(content) ? fail() : undefined;
    }
    let next = opts.append && existing ? (existing.content ?? '') + content : content;
    let full = false;
    const q = this.quotaOf(path);
    if (q) {
      const room = q.capacity - (this.usage(q.path) - (existing ? fileSize(existing) : 0));
      const kept = opts.append && existing ? existing.content ?? '' : '';
      if (utf8Length(next) > room) {
        next = kept + utf8Prefix(next.slice(kept.length), Math.max(0, room - utf8Length(kept)));
        full = true;
      }
    }
    if (utf8Length(next) > MAX_FILE_BYTES) throw new FsError('ENOSPC');
    this.nodes.set(path, {
      type: 'file',
      content: next,
      mode: existing?.mode ?? opts.mode ?? 0o644,
      owner: existing?.owner ?? opts.owner ?? 'root',
      mtime: opts.now ?? existing?.mtime ?? 0,
      ...(opts.size !== undefined && opts.size > utf8Length(next) ? { size: opts.size } : {}),
    });
    if (full) throw new FsError('ENOSPC');
  }

  /** writes `bytes` NUL bytes (see fill) */
  writeZeros(path: string, bytes: number, opts: { now?: number; owner?: string; mode?: number; append?: boolean } = {}): number {
    return this.fill(path, '\0', bytes, opts);
  }

  /**
   * writes `bytes` bytes of `unit` repeated (`y\n` from `yes`, NUL from /dev/zero) to a file, after
   * its end with `append`, else replacing it, as many as its capacity lets; returns how many were
   * written. Only the first FILL_KEPT bytes of text are kept (none of NULs); the rest is counted.
   */
  fill(path: string, unit: string, bytes: number, opts: { now?: number; owner?: string; mode?: number; append?: boolean } = {}): number {
    const existing = this.nodes.get(path);
    if (existing?.type === 'dir') throw new FsError('EISDIR');
    if (existing?.device) return bytes;
    if (!existing) this.parentDir(path);
    this.writable(path);
    if (!existing && this.nodes.size >= MAX_NODES) throw new FsError('ENOSPC');
    const before = opts.append && existing ? fileSize(existing) : 0;
    const q = this.quotaOf(path);
    const room = q ? Math.max(0, q.capacity - (this.usage(q.path) - (existing ? fileSize(existing) : 0)) - before) : Math.max(0, DEFAULT_FREE_BYTES - before);
    const written = Math.min(bytes, room);
    let content = opts.append && existing ? existing.content ?? '' : '';
    // text is kept while the whole file is text and short; NULs never
    if (unit !== '\0' && unit !== '' && utf8Length(content) === before && before < FILL_KEPT) {
      const want = Math.min(written, FILL_KEPT - before);
      content += unit.repeat(Math.ceil(want / unit.length)).slice(0, want);
    }
    this.nodes.set(path, {
      type: 'file',
      content,
      mode: existing?.mode ?? opts.mode ?? 0o644,
      owner: existing?.owner ?? opts.owner ?? 'root',
      mtime: opts.now ?? existing?.mtime ?? 0,
      ...(before + written > utf8Length(content) ? { size: before + written } : {}),
    });
    return written;
  }

  /** a character device node (mknod c) */
  mknod(path: string, major: number, minor: number, opts: { now?: number; mode?: number } = {}): void {
    if (this.nodes.has(path)) throw new FsError('EEXIST');
    this.parentDir(path);
    this.writable(path);
    this.nodes.set(path, { type: 'file', content: '', mode: opts.mode ?? 0o666, owner: 'root', mtime: opts.now ?? 0, device: [major, minor] });
  }

  mkdir(path: string, opts: { now?: number; owner?: string; mode?: number; parents?: boolean } = {}): void {
    if (this.nodes.has(path)) {
      if (opts.parents && this.isDir(path)) return;
      throw new FsError('EEXIST');
    }
    if (opts.parents && path !== '/') this.mkdir(dirname(path), { ...opts, mode: 0o755 });
    this.parentDir(path);
    this.writable(path);
    if (this.nodes.size >= MAX_NODES) throw new FsError('ENOSPC');
    this.nodes.set(path, { type: 'dir', mode: opts.mode ?? 0o755, owner: opts.owner ?? 'root', mtime: opts.now ?? 0 });
  }

  /** removes a file, or a directory (with `recursive`, its whole subtree) */
  remove(path: string, recursive = false): void {
    const n = this.nodes.get(path);
    if (!n) throw new FsError('ENOENT');
    if (path === '/') throw new FsError('EACCES');
    this.writable(path);
    if (n.type === 'dir') {
      const below = this.walk(path);
      if (below.length > 1 && !recursive) throw new FsError('ENOTEMPTY');
      for (const p of below) this.nodes.delete(p);
    } else this.nodes.delete(path);
  }

  /** moves a node and its subtree */
  rename(from: string, to: string): void {
    if (!this.nodes.has(from)) throw new FsError('ENOENT');
    if (to === from || to.startsWith(from === '/' ? '/' : `${from}/`)) throw new FsError('EINVAL');
    this.parentDir(to);
    this.writable(from);
    this.writable(to);
    if (this.isDir(to)) {
      if (!this.isDir(from)) throw new FsError('EISDIR');
      if (this.list(to).length > 0) throw new FsError('ENOTEMPTY');
    } else if (this.nodes.has(to) && this.isDir(from)) throw new FsError('ENOTDIR');
    const moves = this.walk(from).map((p) => [p, to + p.slice(from.length)] as const);
    if (this.nodes.has(to)) this.nodes.delete(to);
    for (const [p, q] of moves) {
      const n = this.nodes.get(p)!;
      this.nodes.delete(p);
      this.nodes.set(q, n);
    }
  }

  chmod(path: string, mode: number): void {
    const n = this.nodes.get(path);
    if (!n) throw new FsError('ENOENT');
    this.writable(path);
    this.nodes.set(path, { ...n, mode: mode & 0o7777 });
  }

  chown(path: string, owner: string): void {
    const n = this.nodes.get(path);
    if (!n) throw new FsError('ENOENT');
    this.writable(path);
    this.nodes.set(path, { ...n, owner });
  }

  touch(path: string, now: number): void {
    const n = this.nodes.get(path);
    if (!n) return;
    this.writable(path);
    this.nodes.set(path, { ...n, mtime: now });
  }
}

function fail(): never {
  throw new FsError('ENOSPC');
}
