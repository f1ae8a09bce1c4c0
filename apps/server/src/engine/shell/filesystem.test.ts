import { FILL_KEPT, FileSystem, FsError, MAX_FILE_BYTES, MAX_NODES, basename, dirname, resolvePath } from './filesystem';
import { baseFileSystem } from './hosts';
import { UserFs } from './user-fs';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
}

describe('paths', () => {
  it.each([
    ['/home/student', 'a/b', '/home/student/a/b'],
    ['/home/student', '../x', '/home/x'],
    ['/home/student', '/etc//hosts/', '/etc/hosts'],
    ['/', '..', '/'],
    ['/a', './b/./c/..', '/a/b'],
  ])('resolvePath(%j, %j) = %j', (cwd, p, want) => expect(resolvePath(cwd, p)).toBe(want));

  it('splits paths', () => {
    expect([dirname('/a/b'), dirname('/a'), basename('/a/b'), basename('dir/'), basename('/')]).toEqual(['/a', '/', 'b', 'dir', '/']);
  });
});

describe('FileSystem', () => {
  it('round-trips through plain JSON', () => {
    const fs = baseFileSystem('master', '10.0.0.10', undefined, 1000);
    fs.write('/tmp/a.yaml', 'kind: Pod\n', { owner: 'student', now: 2000 });
    const json = JSON.parse(JSON.stringify(fs.toJSON()));
    const back = FileSystem.fromJSON(json);
    expect(back.toJSON()).toEqual(fs.toJSON());
    expect(back.read('/tmp/a.yaml')).toBe('kind: Pod\n');
    expect(back.stat('/tmp/a.yaml')).toEqual({ type: 'file', content: 'kind: Pod\n', mode: 0o644, owner: 'student', mtime: 2000 });
  });

  it('lists, renames and removes subtrees', () => {
    const fs = new FileSystem();
    fs.mkdir('/a/b/c', { parents: true });
    fs.write('/a/b/f', 'x');
    expect(fs.list('/a/b')).toEqual(['c', 'f']);
    fs.rename('/a', '/z');
    expect(fs.walk('/z')).toEqual(['/z', '/z/b', '/z/b/c', '/z/b/f']);
    // never into itself, the root included
    expect(code(() => fs.rename('/z', '/z/b/y'))).toBe('EINVAL');
    expect(code(() => fs.rename('/', '/x'))).toBe('EINVAL');
    expect(code(() => fs.remove('/z'))).toBe('ENOTEMPTY');
    fs.remove('/z', true);
    expect(fs.size).toBe(1);
  });

  it('refuses a file over 1 MiB', () => {
    const fs = new FileSystem();
    fs.write('/ok', 'x'.repeat(MAX_FILE_BYTES));
    expect(code(() => fs.write('/big', 'x'.repeat(MAX_FILE_BYTES + 1)))).toBe('ENOSPC');
    expect(code(() => fs.write('/ok', 'y', { append: true }))).toBe('ENOSPC');
    // multi-byte characters count as their UTF-8 bytes
    expect(code(() => fs.write('/utf', 'é'.repeat(MAX_FILE_BYTES / 2 + 1)))).toBe('ENOSPC');
  });

  it(`refuses more than ${MAX_NODES} files per host`, () => {
    const fs = new FileSystem();
    for (let i = 1; i < MAX_NODES; i++) fs.write(`/f${i}`, '');
    expect(fs.size).toBe(MAX_NODES);
    expect(code(() => fs.write('/one-more', ''))).toBe('ENOSPC');
    expect(code(() => fs.mkdir('/dir'))).toBe('ENOSPC');
    fs.write('/f1', 'overwriting is fine');
  });
});

describe('capacity', () => {
  it('a directory with a capacity: what fits is written, then ENOSPC; removing frees it', () => {
    const fs = new FileSystem();
    fs.mkdir('/data');
    fs.setQuota('/data', 10);
    fs.write('/data/a', 'hello');
    expect(code(() => fs.write('/data/b', 'world!'))).toBe('ENOSPC');
    expect(fs.read('/data/b')).toBe('world');
    expect(fs.usage('/data')).toBe(10);
    expect(code(() => fs.write('/data/a', 'x', { append: true }))).toBe('ENOSPC');
    // outside the directory nothing is limited
    fs.write('/other', 'x'.repeat(100));
    fs.remove('/data/a');
    expect(fs.free('/data/c')).toBe(5);
  });

  it('NUL bytes and repeated text are counted, not kept; reserved bytes count as used', () => {
    const fs = new FileSystem();
    fs.mkdir('/vol');
    fs.setQuota('/vol', 100 * 1024 * 1024, 40 * 1024 * 1024);
    expect(fs.writeZeros('/vol/zeros', 50 * 1024 * 1024)).toBe(50 * 1024 * 1024);
    expect(fs.stat('/vol/zeros')).toMatchObject({ content: '', size: 50 * 1024 * 1024 });
    expect(fs.fill('/vol/yes', 'y\n', Number.POSITIVE_INFINITY)).toBe(10 * 1024 * 1024);
    expect(fs.read('/vol/yes').length).toBe(FILL_KEPT);
    expect(fs.read('/vol/yes').startsWith('y\ny\n')).toBe(true);
    expect(fs.free('/vol/x')).toBe(0);
    // a deeper capacity is its own file system: its files do not count above it
    fs.mkdir('/vol/sub');
    fs.setQuota('/vol/sub', 10);
    fs.write('/vol/sub/f', '0123456789');
    expect(fs.usage('/vol')).toBe(100 * 1024 * 1024);
  });
});

describe('read-only mounts', () => {
  it('refuse every change below them with EROFS; a writable mount inside one and the rest take them', () => {
    const fs = new FileSystem();
    fs.mkdir('/etc/config/sub', { parents: true });
    fs.write('/etc/config/a', '1');
    fs.mkdir('/etc/config/rw');
    fs.setReadOnly('/etc/config');
    fs.setReadOnly('/etc/config/rw', false);
    const changes: [string, () => unknown][] = [
      ['write', () => fs.write('/etc/config/a', 'x')],
      ['create', () => fs.write('/etc/config/b', 'x')],
      ['fill', () => fs.fill('/etc/config/b', 'y', 3)],
      ['mkdir', () => fs.mkdir('/etc/config/d')],
      ['remove', () => fs.remove('/etc/config/a')],
      ['remove the mount', () => fs.remove('/etc/config', true)],
      ['rename out', () => fs.rename('/etc/config/a', '/tmp-a')],
      ['rename in', () => fs.rename('/etc/hostname', '/etc/config/h')],
      ['chmod', () => fs.chmod('/etc/config/a', 0o600)],
      ['chown', () => fs.chown('/etc/config/a', 'student')],
      ['touch', () => fs.touch('/etc/config/a', 5)],
      ['mknod', () => fs.mknod('/etc/config/null', 1, 3)],
    ];
    fs.write('/etc/hostname', 'h');
    for (const [what, change] of changes) expect([what, code(change)]).toEqual([what, 'EROFS']);
    expect(fs.read('/etc/config/a')).toBe('1');
    // what does not exist is still ENOENT; reading and listing are fine
    expect(code(() => fs.write('/etc/config/nope/x', 'x'))).toBe('ENOENT');
    expect(fs.list('/etc/config')).toEqual(['a', 'rw', 'sub']);
    // `mkdir -p` of what is there changes nothing
    expect(code(() => fs.mkdir('/etc/config/sub', { parents: true }))).toBeUndefined();
    fs.write('/etc/config/rw/f', 'ok');
    fs.write('/etc/other', 'ok');
    expect([fs.isReadOnly('/etc/config/sub'), fs.isReadOnly('/etc/config/rw/f'), fs.isReadOnly('/etc/configs'), fs.isReadOnly('/etc')]).toEqual([true, false, false, false]);
  });
});

describe('UserFs permissions', () => {
  const fs = baseFileSystem('master', '10.0.0.10');
  fs.mkdir('/etc/kubernetes', { owner: 'root' });
  fs.write('/etc/kubernetes/admin.conf', 'secret', { owner: 'root', mode: 0o600 });
  fs.write('/root/notes', 'root only', { owner: 'root' });
  const student = new UserFs(fs, 'student', '/home/student', 0);
  const root = new UserFs(fs, 'root', '/root', 0);

  it.each([
    ['read admin.conf', () => student.readFile('/etc/kubernetes/admin.conf'), 'EACCES'],
    ['read through /root (0700)', () => student.readFile('/root/notes'), 'EACCES'],
    ['list /root', () => student.readDir('/root'), 'EACCES'],
    ['create in /etc', () => student.writeFile('/etc/new', 'x'), 'EACCES'],
    ['remove from /etc', () => student.remove('/etc/hosts'), 'EACCES'],
    ['write /etc/hosts', () => student.writeFile('/etc/hosts', 'x'), 'EACCES'],
    ['chmod a root file', () => student.chmod('/etc/hosts', 0o777), 'EPERM'],
    ['read a directory', () => student.readFile('/etc'), 'EISDIR'],
    ['read a missing file', () => student.readFile('nope'), 'ENOENT'],
    ['read under a file', () => student.readFile('/etc/hosts/x'), 'ENOTDIR'],
    ['mkdir over a file', () => student.mkdir('/etc/hosts'), 'EEXIST'],
    ['create in /tmp', () => student.writeFile('/tmp/mine', 'x'), undefined],
    ['write in home', () => student.writeFile('notes.txt', 'x'), undefined],
    ['root reads admin.conf', () => root.readFile('/etc/kubernetes/admin.conf'), undefined],
    ['root writes /etc', () => root.writeFile('/etc/motd', 'hi'), undefined],
  ])('%s', (_name, fn, want) => expect(code(fn)).toBe(want));

  it('gives new files to their creator', () => {
    student.writeFile('/tmp/owned', 'x');
    expect(fs.stat('/tmp/owned')).toMatchObject({ owner: 'student', mode: 0o664 });
  });
});
