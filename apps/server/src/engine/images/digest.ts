// Stable fake SHA-256 values: a digest or container ID must look real and never change for the
// same input, without node:crypto (the engine is pure). Eight FNV-1a lanes with distinct seeds,
// each mixed with murmur3's finalizer, give 64 hex digits.

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

/** 64 lowercase hex digits derived from `input` */
export function fakeSha256(input: string): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += lane(input, i + 1).toString(16).padStart(8, '0');
  return out;
}

/** 32 hex digits (the kubelet's static pod config hash is an md5) */
export function fakeMd5(input: string): string {
  return fakeSha256(`md5:${input}`).slice(0, 32);
}
