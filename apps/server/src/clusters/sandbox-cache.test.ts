import type { Sandbox } from '../engine/sandbox';
import type { SwitchClock } from './replay-clock';
import { CacheEntry, PackedEntry, SandboxCache } from './sandbox-cache';
import type { ServerSandboxClock } from './sandbox-clock';

function entry(clusterId: string, version = 1): CacheEntry {
  return { clusterId, version, sandbox: {} as Sandbox, clock: {} as ServerSandboxClock, switch: {} as SwitchClock, sinceState: 0, recorded: new Set(), shells: new Map(), lastUsed: 0, busy: 0 };
}

/** A cache whose pack hook keeps a 10-byte state and records what it packed. */
function cache(live: number, packedCapacity: number, blocked = new Set<string>()) {
  const packedIds: string[] = [];
  const c = new SandboxCache(live, packedCapacity, {
    canPack: (e) => !blocked.has(e.clusterId),
    pack: (e): PackedEntry => {
      packedIds.push(e.clusterId);
      return { clusterId: e.clusterId, version: e.version, state: Buffer.alloc(10), shells: e.shells };
    },
  });
  return { c, packedIds };
}

describe('SandboxCache', () => {
  it('packs the least recently used live entry past the live capacity', () => {
    const { c, packedIds } = cache(2, 10);
    c.set(entry('a'));
    c.set(entry('b'));
    c.get('a'); // b is now the oldest
    c.set(entry('c'));
    expect(packedIds).toEqual(['b']);
    expect([...c.values()].map((e) => e.clusterId)).toEqual(['a', 'c']);
    expect(c.peek('b')).toBeUndefined();
    expect(c.packed('b')?.version).toBe(1);
    expect([c.size, c.packedSize, c.packedBytes]).toEqual([2, 1, 10]);
  });

  it('never packs an entry in use: the live tier stays over capacity until it can', () => {
    const blocked = new Set(['a']);
    const { c, packedIds } = cache(1, 10, blocked);
    c.set(entry('a'));
    c.set(entry('b'));
    expect(packedIds).toEqual([]);
    expect(c.size).toBe(2);
    blocked.clear();
    c.set(entry('c'));
    expect(packedIds).toEqual(['a', 'b']);
    expect([...c.values()].map((e) => e.clusterId)).toEqual(['c']);
  });

  it('drops the oldest packed entries past the packed capacity, and their bytes', () => {
    const { c } = cache(1, 2);
    for (const id of ['a', 'b', 'c', 'd']) c.set(entry(id));
    expect([c.packed('a'), c.packed('b')]).toEqual([undefined, expect.objectContaining({ clusterId: 'b' })]);
    expect([c.packedSize, c.packedBytes]).toEqual([2, 20]);
  });

  it('a cluster live again is no longer packed', () => {
    const { c } = cache(1, 10);
    c.set(entry('a'));
    c.set(entry('b'));
    c.set(entry('a', 2));
    expect(c.packed('a')).toBeUndefined();
    expect(c.peek('a')?.version).toBe(2);
    expect(c.packed('b')).toBeDefined();
    expect(c.packedBytes).toBe(10);
  });

  it('packs an idle entry on demand only if it is still the live one and free', () => {
    const blocked = new Set<string>();
    const { c, packedIds } = cache(5, 10, blocked);
    const a = entry('a');
    c.set(a);
    c.pack(entry('a')); // another object: not the live one
    blocked.add('a');
    c.pack(a);
    expect(packedIds).toEqual([]);
    blocked.clear();
    c.pack(a);
    expect(packedIds).toEqual(['a']);
    expect(c.size).toBe(0);
  });

  it('evicts a given entry only from the live tier, a cluster from both', () => {
    const { c } = cache(1, 10);
    const a = entry('a');
    c.set(a);
    c.set(entry('b'));
    c.evict('a', a); // packed already: the stale live object is not there
    expect(c.packed('a')).toBeDefined();
    c.evict('a');
    expect(c.packed('a')).toBeUndefined();
    c.evict('b', entry('b'));
    expect(c.peek('b')).toBeDefined();
    c.evict('b');
    expect([c.size, c.packedSize, c.packedBytes]).toEqual([0, 0, 0]);
  });
});
