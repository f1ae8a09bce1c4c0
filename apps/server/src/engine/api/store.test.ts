import { ApiError } from './errors';
import { ObjectStore, WATCH_LOG_SIZE } from './store';
import { KubeObject } from './types';

const cm = (namespace: string | undefined, name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(namespace ? { namespace } : {}) } });

describe('ObjectStore', () => {
  it('lists in etcd key order: `a-b/` sorts before `a/` as the whole keys do', () => {
    const s = new ObjectStore();
    for (const [ns, n] of [['a', 'z'], ['a-b', 'y'], ['a', 'b'], ['b', 'a'], ['a-b', 'c']]) s.put('configmaps', cm(ns, n));
    const keys = (list: KubeObject[]): string[] => list.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    const expected = ['a/z', 'a-b/y', 'a/b', 'b/a', 'a-b/c'].sort((x, y) => (`configmaps/${x}` < `configmaps/${y}` ? -1 : 1));
    expect(keys(s.list('configmaps'))).toEqual(expected);
    expect(keys(s.list('configmaps', 'a'))).toEqual(['a/b', 'a/z']);
    expect(keys(s.list('configmaps', 'a-'))).toEqual([]);
  });

  it('keeps counts, order and lookups through adds, replaces and removals', () => {
    const s = new ObjectStore();
    s.put('nodes', cm(undefined, 'n2'));
    s.put('nodes', cm(undefined, 'n1'));
    s.put('configmaps', cm('x', 'c'));
    expect(s.list('nodes').map((o) => o.metadata.name)).toEqual(['n1', 'n2']);
    s.put('nodes', cm(undefined, 'n1'));
    expect(s.size).toBe(3);
    expect(s.countOf('nodes')).toBe(2);
    s.remove('nodes', undefined, 'n1');
    expect(s.get('nodes', undefined, 'n1')).toBeUndefined();
    expect(s.get('nodes', '', 'n2')?.metadata.name).toBe('n2');
    expect(s.list('nodes').map((o) => o.metadata.name)).toEqual(['n2']);
    s.remove('configmaps', 'x', 'c');
    expect(s.list('configmaps')).toEqual([]);
    expect(s.size).toBe(1);
    expect(() => s.remove('configmaps', 'x', 'c')).toThrow(ApiError);
  });

  it('hands out every object of a resource unordered, for building indexes', () => {
    const s = new ObjectStore();
    for (const [ns, n] of [['b', 'x'], ['a', 'y'], ['a', 'x']]) s.put('configmaps', cm(ns, n));
    const names = (list: KubeObject[]): string[] => list.map((o) => `${o.metadata.namespace}/${o.metadata.name}`).sort();
    expect(names(s.unordered('configmaps'))).toEqual(names(s.list('configmaps')));
    expect(s.unordered('pods')).toEqual([]);
  });

  it('answers watches from the last WATCH_LOG_SIZE changes and says Gone before them', () => {
    const s = new ObjectStore();
    s.retainLog();
    const total = WATCH_LOG_SIZE * 2 + 7;
    for (let i = 0; i < total; i++) s.put('configmaps', cm('x', `c${i % 5}`));
    const rv = s.resourceVersion;
    expect(s.eventsSince(rv - 3).map((e) => e.rv)).toEqual([rv - 2, rv - 1, rv]);
    expect(s.eventsSince(rv - WATCH_LOG_SIZE)).toHaveLength(WATCH_LOG_SIZE);
    expect(() => s.eventsSince(rv - WATCH_LOG_SIZE - 1)).toThrow('too old resource version');
    expect(s.eventsSince(rv)).toEqual([]);
  });

  it('compacts the watch log: what was before is too old, what comes after is answered', () => {
    const s = new ObjectStore();
    s.retainLog();
    for (let i = 0; i < 10; i++) s.put('configmaps', cm('x', `c${i % 3}`));
    const rv = s.resourceVersion;
    s.compactLog();
    expect(s.logSize).toBe(0);
    expect(() => s.eventsSince(rv - 1)).toThrow(`too old resource version: ${rv - 1} (${rv})`);
    expect(s.eventsSince(rv)).toEqual([]);
    s.put('configmaps', cm('x', 'c9'));
    expect(s.eventsSince(rv).map((e) => [e.type, e.rv])).toEqual([['ADDED', rv + 1]]);
    expect(s.get('configmaps', 'x', 'c1')?.metadata.name).toBe('c1');
  });

  it('logs writes only while a reader holds the log, from the first reader on, until the last lets go', () => {
    const s = new ObjectStore();
    s.put('configmaps', cm('x', 'a'));
    const rv0 = s.resourceVersion;
    s.put('configmaps', cm('x', 'b'));
    // no reader: nothing kept, a version before now is too old
    expect(s.logSize).toBe(0);
    expect(() => s.eventsSince(rv0)).toThrow(`too old resource version: ${rv0} (${rv0 + 1})`);
    expect(s.eventsSince(rv0 + 1)).toEqual([]);
    const first = s.retainLog();
    const rv1 = s.resourceVersion;
    s.put('configmaps', cm('x', 'c'));
    const second = s.retainLog();
    const rv2 = s.resourceVersion;
    s.put('configmaps', cm('x', 'd'));
    first();
    first(); // letting go twice counts once
    s.put('configmaps', cm('x', 'e'));
    // the second reader still holds it: the first reader's writes are kept too
    expect(s.eventsSince(rv1).map((e) => e.object.metadata.name)).toEqual(['c', 'd', 'e']);
    expect(s.eventsSince(rv2).map((e) => e.object.metadata.name)).toEqual(['d', 'e']);
    second();
    expect(s.logSize).toBe(0);
    s.put('configmaps', cm('x', 'f'));
    expect(s.logSize).toBe(0);
    expect(() => s.eventsSince(rv2)).toThrow('too old resource version');
  });
});
