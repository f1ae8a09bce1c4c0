// The cluster's seeded random source (sfc32). Its state is part of the serialized cluster, so a
// replay draws exactly the same names, IPs and kube-proxy choices.

export type RandomState = [number, number, number, number];

export function seedRandom(seed: number): RandomState {
  // splitmix32 expands one seed into four well-mixed words
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  return [next(), next(), next(), next()];
}

export class Random {
  // four 32-bit words in a typed array: stored as they are, where a plain array of numbers above
  // 2^31 boxed every write (4x slower per draw, and garbage)
  private readonly s: Uint32Array;

  constructor(state: RandomState) {
    this.s = Uint32Array.from(state);
  }

  /** the state to serialize (a copy) */
  state(): RandomState {
    const s = this.s;
    return [s[0], s[1], s[2], s[3]];
  }

  /** a uniformly distributed 32-bit unsigned integer */
  nextUint32(): number {
    const s = this.s;
    const s0 = s[0];
    const s1 = s[1];
    const s2 = s[2];
    const t = (((s0 + s1) >>> 0) + s[3]) >>> 0;
    // the typed array keeps the low 32 bits of each sum, as `>>> 0` did
    s[3] = s[3] + 1;
    s[0] = s1 ^ (s1 >>> 9);
    s[1] = s2 + (s2 << 3);
    s[2] = ((s2 << 21) | (s2 >>> 11)) + t;
    return t;
  }

  /** integer in [0, n) */
  int(n: number): number {
    return Math.floor((this.nextUint32() / 0x100000000) * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** A random string from Kubernetes' name alphabet (apimachinery util/rand). */
  string(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += NAME_ALPHABET[this.int(NAME_ALPHABET.length)];
    return out;
  }

  hex(n: number): string {
    let out = '';
    // int(16) is exactly the top 4 bits: (u / 2^32) * 16 loses nothing in a double
    for (let i = 0; i < n; i++) out += HEX[this.nextUint32() >>> 28];
    return out;
  }

  /** as hex(32) with the version nibble set to 4 and the variant nibble drawn by int(4) after */
  uuid(): string {
    // 32 draws, one per hex digit (the 13th, drawn and replaced by the version 4), then the variant
    const c = UUID_CODES;
    let j = 0;
    for (let i = 0; i < 32; i++) {
      if (i === 8 || i === 12 || i === 16 || i === 20) c[j++] = DASH;
      const d = HEX_CODES[this.nextUint32() >>> 28];
      if (i === 12) c[j++] = FOUR;
      else if (i === 16) c[j++] = 0; // the variant's place, drawn last
      else c[j++] = d;
    }
    c[19] = VARIANT_CODES[this.nextUint32() >>> 30];
    return String.fromCharCode.apply(null, c as unknown as number[]);
  }
}

/** the character codes of a uuid being built (reused: uuid() is not reentrant) */
const UUID_CODES = new Array<number>(36).fill(0);
const DASH = 0x2d;
const FOUR = 0x34;

const HEX = '0123456789abcdef';
const VARIANT = '89ab';
const HEX_CODES = [...HEX].map((ch) => ch.charCodeAt(0));
const VARIANT_CODES = [...VARIANT].map((ch) => ch.charCodeAt(0));

/** apimachinery's `alphanums`: no vowels, no 0, 1, 3, so generated names never spell words. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
