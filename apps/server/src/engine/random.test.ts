import { Random, seedRandom } from './random';

/** the straightforward forms through int(): the fast ones must draw and answer the same */
function hexByInt(r: Random, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += '0123456789abcdef'[r.int(16)];
  return out;
}

function uuidByInt(r: Random): string {
  const h = hexByInt(r, 32).split('');
  h[12] = '4';
  h[16] = '89ab'[r.int(4)];
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

describe('Random', () => {
  it.each([1, 2, 42, 0xdeadbeef])('hex and uuid match their int() forms and leave the same state (seed %i)', (seed) => {
    const fast = new Random(seedRandom(seed));
    const slow = new Random(seedRandom(seed));
    for (let i = 0; i < 2000; i++) {
      if (i % 3 === 0) expect(fast.hex(7)).toBe(hexByInt(slow, 7));
      else expect(fast.uuid()).toBe(uuidByInt(slow));
    }
    expect(fast.nextUint32()).toBe(slow.nextUint32());
  });

  it('makes version-4 uuids', () => {
    expect(new Random(seedRandom(3)).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
