import fc from 'fast-check';
import { jsonEqual } from '../api/json-equal';
import { FileSystem } from './filesystem';
import { FsBase } from './fs-layers';
import { baseFileSystem, hostBase } from './hosts';

const AT = Date.UTC(2026, 0, 1);
const PATHS = ['/etc/hosts', '/etc/os-release', '/etc', '/etc/apt', '/etc/new', '/etc/new/f', '/home/student', '/home/student/.bashrc', '/home/student/a', '/tmp/x', '/root', '/moved', '/'];

type Op = [string, string, string, number];
const op: fc.Arbitrary<Op> = fc.tuple(
  fc.constantFrom('write', 'append', 'mkdir', 'mkdirp', 'remove', 'removeR', 'rename', 'chmod', 'chown', 'touch', 'fill'),
  fc.constantFrom(...PATHS),
  fc.constantFrom(...PATHS),
  fc.nat(5),
);

function apply(fs: FileSystem, [kind, p, q, n]: Op): string {
  try {
    if (kind === 'write') fs.write(p, `text ${n}\n`, { now: AT + n });
    else if (kind === 'append') fs.write(p, `more ${n}\n`, { now: AT + n, append: true });
    else if (kind === 'mkdir') fs.mkdir(p, { now: AT + n });
    else if (kind === 'mkdirp') fs.mkdir(p, { now: AT + n, parents: true });
    else if (kind === 'remove') fs.remove(p);
    else if (kind === 'removeR') fs.remove(p, true);
    else if (kind === 'rename') fs.rename(p, q);
    else if (kind === 'chmod') fs.chmod(p, 0o600 + n);
    else if (kind === 'chown') fs.chown(p, n % 2 ? 'student' : 'root');
    else if (kind === 'touch') fs.touch(p, AT + 1000 * n);
    else fs.fill(p, 'y\n', 10 * n, { now: AT });
    return 'ok';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('a host file system over the shared base', () => {
  it('behaves as a copy of the whole tree would, through any changes', () => {
    const base = hostBase('master');
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const layered = FileSystem.over(base, AT);
        const plain = FileSystem.fromJSON(FileSystem.over(base, AT).toJSON());
        for (const o of ops) {
          expect(apply(layered, o)).toBe(apply(plain, o));
          expect(layered.size).toBe(plain.size);
        }
        expect(layered.toJSON()).toEqual(plain.toJSON());
        expect(JSON.stringify(layered.toJSON())).toBe(JSON.stringify(plain.toJSON()));
        for (const d of ['/', '/etc', '/home/student']) if (plain.isDir(d)) expect(layered.list(d)).toEqual(plain.list(d));
        expect(layered.walk('/')).toEqual(plain.walk('/'));
        expect(layered.usage('/')).toBe(plain.usage('/'));
      }),
      { numRuns: 300 },
    );
  });

  it('finds what changed from its own base as a comparison with a fresh tree does', () => {
    const base = hostBase('master');
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const fs = FileSystem.over(base, AT);
        for (const o of ops) apply(fs, o);
        // an equal base that is not its own: the slow path, node by node
        const other = new FsBase(FileSystem.over(base, AT).toJSON().nodes);
        const fast = fs.changesFrom(base, AT, jsonEqual);
        const slow = fs.changesFrom(other, AT, jsonEqual);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
        // loads as the whole tree with the changes would (a root moved away comes back empty)
        const back = FileSystem.over(base, AT);
        back.applyChanges(fast.changed, fast.removed);
        const whole = { ...FileSystem.over(base, AT).toJSON().nodes, ...fast.changed };
        for (const p of fast.removed) delete whole[p];
        expect(JSON.stringify(back.toJSON())).toBe(JSON.stringify(FileSystem.fromJSON({ nodes: whole }).toJSON()));
        if (fs.exists('/')) expect(JSON.stringify(back.toJSON())).toBe(JSON.stringify(fs.toJSON()));
      }),
      { numRuns: 300 },
    );
  });

  it('shares the base between hosts made alike, each at its own time, and never changes it', () => {
    const a = baseFileSystem('node1', '10.0.0.11', undefined, AT);
    const b = baseFileSystem('node1', '10.0.0.11', undefined, AT + 5000);
    expect(hostBase('node1')).toBe(hostBase('node1'));
    expect(a.stat('/etc/hostname')).toEqual({ type: 'file', content: 'node1\n', mode: 0o644, owner: 'root', mtime: AT });
    expect(b.stat('/etc/hostname')?.mtime).toBe(AT + 5000);
    expect(a.stat('/')?.mtime).toBe(0);
    a.chmod('/etc/hostname', 0o600);
    a.write('/etc/hostname', 'other\n', { now: AT + 1 });
    a.remove('/etc/fstab');
    expect(b.read('/etc/hostname')).toBe('node1\n');
    expect(b.stat('/etc/hostname')?.mode).toBe(0o644);
    expect(b.exists('/etc/fstab')).toBe(true);
    expect(baseFileSystem('node1', '10.0.0.11', undefined, AT).toJSON()).toEqual(FileSystem.over(hostBase('node1'), AT).toJSON());
    expect(a.changesFrom(hostBase('node1'), AT, jsonEqual)).toEqual({
      changed: { '/etc/hostname': { type: 'file', content: 'other\n', mode: 0o600, owner: 'root', mtime: AT + 1 } },
      removed: ['/etc/fstab'],
    });
  });
});
