import { ClusterOwners } from './cluster-owners';

const ana = { classroomId: 'room', userId: 'ana' };

describe("the class view's cluster owners", () => {
  it('trusts an entry for its TTL only, then asks again', () => {
    let t = 0;
    const owners = new ClusterOwners(() => t, 10, 1000);
    owners.set('c1', ana);
    owners.set('c2', null);
    t = 999;
    expect(owners.get('c1')).toEqual(ana);
    expect(owners.get('c2')).toBeNull();
    t = 1000;
    expect(owners.get('c1')).toBeUndefined();
    expect(owners.get('c2')).toBeUndefined();
    expect(owners.size).toBe(0);
  });

  it('keeps at most its capacity, the least recently used out first', () => {
    const owners = new ClusterOwners(() => 0, 3, 1000);
    for (const id of ['a', 'b', 'c']) owners.set(id, ana);
    owners.get('a'); // used: b is now the oldest
    owners.set('d', ana);
    expect(owners.size).toBe(3);
    expect(owners.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((id) => owners.get(id))).toEqual([ana, ana, ana]);
  });

  it('forgets one cluster, or all', () => {
    const owners = new ClusterOwners(() => 0, 3, 1000);
    owners.set('a', ana);
    owners.set('b', ana);
    owners.forget('a');
    expect(owners.get('a')).toBeUndefined();
    expect(owners.get('b')).toEqual(ana);
    owners.clear();
    expect(owners.size).toBe(0);
  });
});
