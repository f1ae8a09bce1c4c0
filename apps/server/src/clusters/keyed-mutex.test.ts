import { KeyedMutex } from './keyed-mutex';

describe('KeyedMutex', () => {
  it('grants one holder per key at a time, in arrival order', async () => {
    const m = new KeyedMutex();
    const order: string[] = [];
    const work = async (key: string, name: string) => {
      const release = await m.acquire(key);
      order.push(`${name}+`);
      await new Promise((r) => setTimeout(r, 5));
      order.push(`${name}-`);
      release();
    };
    await Promise.all([work('a', 'a1'), work('a', 'a2'), work('b', 'b1'), work('a', 'a3')]);
    const a = order.filter((s) => s.startsWith('a'));
    expect(a).toEqual(['a1+', 'a1-', 'a2+', 'a2-', 'a3+', 'a3-']);
    expect(order.indexOf('b1+')).toBeLessThan(order.indexOf('a1-'));
    expect(m.held('a')).toBe(false);
  });

  it('ignores a second release', async () => {
    const m = new KeyedMutex();
    const r1 = await m.acquire('k');
    const p2 = m.acquire('k');
    r1();
    r1();
    const r2 = await p2;
    let third = false;
    const p3 = m.acquire('k').then((r) => {
      third = true;
      r();
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(third).toBe(false);
    r2();
    await p3;
    expect(third).toBe(true);
  });
});
