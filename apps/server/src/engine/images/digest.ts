// Stable fake SHA-256 values: a digest or container ID must look real and never change for the
// same input, without node:crypto (the engine is pure). FNV-1a with murmur3's finalizer, then
// splitmix32 stretches it to 64 hex digits (not collision-proof beyond 32 bits; fine here).

function lane(input: string, seed: number): number {
  let h = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** 64 lowercase hex digits derived from `input` (one hash, stretched by splitmix32) */
export function fakeSha256(input: string): string {
  let s = lane(input, 1);
  // the digits' codes, then one string (a container ID is drawn per start: eight padded
  // toString(16) pieces cost several times as much)
  const c = DIGEST_CODES;
  for (let i = 0; i < 8; i++) {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    for (let j = 0; j < 8; j++) c[i * 8 + j] = HEX_CODES[(z >>> (28 - 4 * j)) & 15];
  }
  return String.fromCharCode.apply(null, c);
}

/** the character codes of a digest being built (reused: fakeSha256 is not reentrant) */
const DIGEST_CODES = new Array<number>(64).fill(0);
const HEX_CODES = [...'0123456789abcdef'].map((ch) => ch.charCodeAt(0));

/** 32 hex digits (the kubelet's static pod config hash is an md5) */
export function fakeMd5(input: string): string {
  return fakeSha256(`md5:${input}`).slice(0, 32);
}
