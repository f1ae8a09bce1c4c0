// The virtual file system of one simulated host: a flat map of absolute path to node, so it
// serializes to plain JSON and the cluster can store it per host. No symlinks, no hard links.

export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_NODES = 500;

export type FsErrorCode = 'ENOENT' | 'EACCES' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOSPC' | 'ENOTEMPTY' | 'EINVAL' | 'EPERM';

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
};

/** an errno-like failure; `message` is the strerror text commands append after the path */
export class FsError extends Error {
  constructor(readonly code: FsErrorCode) {
    super(MESSAGES[code]);
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

function utf8Length(s: string): number {
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

/** the raw store: no permission checks (see UserFs for those), paths must be absolute */
export class FileSystem {
  private nodes: Map<string, FsNode>;

  constructor(json?: FileSystemJSON) {
    this.nodes = new Map(Object.entries(json?.nodes ?? {}).map(([p, n]) => [p, { ...n }]));
    if (!this.nodes.has('/')) this.nodes.set('/', { type: 'dir', mode: 0o755, owner: 'root', mtime: 0 });
  }

  static fromJSON(json: FileSystemJSON): FileSystem {
    return new FileSystem(json);
  }

  toJSON(): FileSystemJSON {
    const nodes: Record<string, FsNode> = {};
    for (const p of [...this.nodes.keys()].sort()) nodes[p] = { ...this.nodes.get(p)! };
    return { nodes };
  }

  get size(): number {
    return this.nodes.size;
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

  /** creates or replaces a file (keeps mode/owner of an existing one) */
  write(path: string, content: string, opts: { now?: number; owner?: string; mode?: number; append?: boolean } = {}): void {
    const existing = this.nodes.get(path);
    if (existing?.type === 'dir') throw new FsError('EISDIR');
    if (!existing) {
      this.parentDir(path);
      if (this.nodes.size >= MAX_NODES) throw new FsError('ENOSPC');
    }
    const next = opts.append && existing ? (existing.content ?? '') + content : content;
    if (utf8Length(next) > MAX_FILE_BYTES) throw new FsError('ENOSPC');
    this.nodes.set(path, {
      type: 'file',
      content: next,
      mode: existing?.mode ?? opts.mode ?? 0o644,
      owner: existing?.owner ?? opts.owner ?? 'root',
      mtime: opts.now ?? existing?.mtime ?? 0,
    });
  }

  mkdir(path: string, opts: { now?: number; owner?: string; mode?: number; parents?: boolean } = {}): void {
    if (this.nodes.has(path)) {
      if (opts.parents && this.isDir(path)) return;
      throw new FsError('EEXIST');
    }
    if (opts.parents && path !== '/') this.mkdir(dirname(path), { ...opts, mode: 0o755 });
    this.parentDir(path);
    if (this.nodes.size >= MAX_NODES) throw new FsError('ENOSPC');
    this.nodes.set(path, { type: 'dir', mode: opts.mode ?? 0o755, owner: opts.owner ?? 'root', mtime: opts.now ?? 0 });
  }

  /** removes a file, or a directory (with `recursive`, its whole subtree) */
  remove(path: string, recursive = false): void {
    const n = this.nodes.get(path);
    if (!n) throw new FsError('ENOENT');
    if (path === '/') throw new FsError('EACCES');
    if (n.type === 'dir') {
      const below = this.walk(path);
      if (below.length > 1 && !recursive) throw new FsError('ENOTEMPTY');
      for (const p of below) this.nodes.delete(p);
    } else this.nodes.delete(path);
  }

  /** moves a node and its subtree */
  rename(from: string, to: string): void {
    if (!this.nodes.has(from)) throw new FsError('ENOENT');
    if (to === from || to.startsWith(`${from}/`)) throw new FsError('EINVAL');
    this.parentDir(to);
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
    n.mode = mode & 0o7777;
  }

  chown(path: string, owner: string): void {
    const n = this.nodes.get(path);
    if (!n) throw new FsError('ENOENT');
    n.owner = owner;
  }

  touch(path: string, now: number): void {
    const n = this.nodes.get(path);
    if (n) n.mtime = now;
  }
}
