// The file system as one user sees it from one directory: relative paths, Unix permission checks
// (owner or other bits; root passes every check). This is what commands get as `ctx.fs`.

import { FileSystem, FsError, FsNode, dirname, resolvePath } from './filesystem';

const R = 4;
const W = 2;
const X = 1;

export class UserFs {
  constructor(
    readonly raw: FileSystem,
    readonly user: string,
    readonly cwd: string,
    private readonly now: number,
  ) {}

  /** Ubuntu's umask: 022 for root, 002 for users with their own group (pam_umask usergroups) */
  get umask(): number {
    return this.user === 'root' ? 0o022 : 0o002;
  }

  resolve(path: string): string {
    return resolvePath(this.cwd, path);
  }

  private allowed(node: FsNode, bit: number): boolean {
    if (this.user === 'root') return true;
    const bits = node.owner === this.user ? (node.mode >> 6) & 7 : node.mode & 7;
    return (bits & bit) === bit;
  }

  /** every ancestor directory must exist, be a directory and be searchable */
  private traverse(abs: string): void {
    const segs = abs.split('/').filter(Boolean);
    let cur = '';
    for (let i = 0; i < segs.length - 1; i++) {
      cur += `/${segs[i]}`;
      const n = this.raw.stat(cur);
      if (!n) throw new FsError('ENOENT');
      if (n.type !== 'dir') throw new FsError('ENOTDIR');
      if (!this.allowed(n, X)) throw new FsError('EACCES');
    }
    const root = this.raw.stat('/')!;
    if (!this.allowed(root, X)) throw new FsError('EACCES');
  }

  /** node at path, or undefined when it does not exist (throws EACCES when the way is shut) */
  stat(path: string): FsNode | undefined {
    const abs = this.resolve(path);
    try {
      this.traverse(abs);
    } catch (e) {
      if (e instanceof FsError && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return undefined;
      throw e;
    }
    return this.raw.stat(abs);
  }

  exists(path: string): boolean {
    try {
      return this.stat(path) !== undefined;
    } catch {
      return false;
    }
  }

  isDir(path: string): boolean {
    try {
      return this.stat(path)?.type === 'dir';
    } catch {
      return false;
    }
  }

  readFile(path: string): string {
    const abs = this.resolve(path);
    this.traverse(abs);
    const n = this.raw.stat(abs);
    if (!n) throw new FsError('ENOENT');
    if (n.type === 'dir') throw new FsError('EISDIR');
    if (!this.allowed(n, R)) throw new FsError('EACCES');
    return n.content ?? '';
  }

  readDir(path: string): string[] {
    const abs = this.resolve(path);
    this.traverse(abs);
    const n = this.raw.stat(abs);
    if (!n) throw new FsError('ENOENT');
    if (n.type !== 'dir') throw new FsError('ENOTDIR');
    if (!this.allowed(n, R)) throw new FsError('EACCES');
    return this.raw.list(abs);
  }

  /** may the user enter this directory (cd)? */
  checkEnter(path: string): void {
    const abs = this.resolve(path);
    this.traverse(abs);
    const n = this.raw.stat(abs);
    if (!n) throw new FsError('ENOENT');
    if (n.type !== 'dir') throw new FsError('ENOTDIR');
    if (!this.allowed(n, X)) throw new FsError('EACCES');
  }

  private checkParentWritable(abs: string): void {
    this.traverse(abs);
    const parent = this.raw.stat(dirname(abs));
    if (!parent) throw new FsError('ENOENT');
    if (parent.type !== 'dir') throw new FsError('ENOTDIR');
    if (!this.allowed(parent, W | X)) throw new FsError('EACCES');
  }

  /** creates or replaces a file; a new one gets `mode` (default 0666) less the umask */
  writeFile(path: string, content: string, append = false, mode = 0o666): void {
    const abs = this.resolve(path);
    this.traverse(abs);
    const n = this.raw.stat(abs);
    if (n) {
      if (n.type === 'dir') throw new FsError('EISDIR');
      if (!this.allowed(n, W)) throw new FsError('EACCES');
    } else this.checkParentWritable(abs);
    this.raw.write(abs, content, { now: this.now, owner: this.user, mode: mode & ~this.umask, append });
  }

  /** writes `bytes` bytes of `unit` repeated (FileSystem.fill) with writeFile's checks; returns how many fit */
  fill(path: string, unit: string, bytes: number, append = false): number {
    const abs = this.resolve(path);
    this.traverse(abs);
    const n = this.raw.stat(abs);
    if (n) {
      if (n.type === 'dir') throw new FsError('EISDIR');
      if (!this.allowed(n, W)) throw new FsError('EACCES');
    } else this.checkParentWritable(abs);
    return this.raw.fill(abs, unit, bytes, { now: this.now, owner: this.user, mode: 0o666 & ~this.umask, append });
  }

  appendFile(path: string, content: string): void {
    this.writeFile(path, content, true);
  }

  mkdir(path: string, parents = false): void {
    const abs = this.resolve(path);
    if (parents) {
      const segs = abs.split('/').filter(Boolean);
      let cur = '';
      for (const seg of segs) {
        cur += `/${seg}`;
        const n = this.raw.stat(cur);
        if (n?.type === 'dir') continue;
        if (n) throw new FsError('EEXIST');
        this.checkParentWritable(cur);
        this.raw.mkdir(cur, { now: this.now, owner: this.user, mode: 0o777 & ~this.umask });
      }
      return;
    }
    this.traverse(abs);
    if (this.raw.exists(abs)) throw new FsError('EEXIST');
    this.checkParentWritable(abs);
    this.raw.mkdir(abs, { now: this.now, owner: this.user, mode: 0o777 & ~this.umask });
  }

  remove(path: string, recursive = false): void {
    const abs = this.resolve(path);
    this.traverse(abs);
    if (!this.raw.exists(abs)) throw new FsError('ENOENT');
    this.checkParentWritable(abs);
    this.raw.remove(abs, recursive);
  }

  rename(from: string, to: string): void {
    const a = this.resolve(from);
    const b = this.resolve(to);
    this.traverse(a);
    if (!this.raw.exists(a)) throw new FsError('ENOENT');
    this.checkParentWritable(a);
    this.checkParentWritable(b);
    this.raw.rename(a, b);
  }

  touch(path: string): void {
    const abs = this.resolve(path);
    this.traverse(abs);
    const n = this.raw.stat(abs);
    if (!n) {
      this.writeFile(path, '');
      return;
    }
    if (!this.allowed(n, W) && n.owner !== this.user) throw new FsError('EACCES');
    this.raw.touch(abs, this.now);
  }

  chmod(path: string, mode: number): void {
    const abs = this.resolve(path);
    this.traverse(abs);
    const n = this.raw.stat(abs);
    if (!n) throw new FsError('ENOENT');
    if (this.user !== 'root' && n.owner !== this.user) throw new FsError('EPERM');
    this.raw.chmod(abs, mode);
  }

  /** only root may give a file away */
  chown(path: string, owner: string): void {
    const abs = this.resolve(path);
    this.traverse(abs);
    const n = this.raw.stat(abs);
    if (!n) throw new FsError('ENOENT');
    if (this.user !== 'root') throw new FsError('EPERM');
    this.raw.chown(abs, owner);
  }
}
