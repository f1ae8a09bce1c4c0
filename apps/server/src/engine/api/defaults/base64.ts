// Base64 of a string's UTF-8 bytes, as Secret data holds it, both ways, and Go's
// base64.StdEncoding decoder with the offset its CorruptInputError names (kubectl config). The
// engine may not use Node's Buffer module, so this is the plain RFC 4648 alphabet over bytes.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeBase64(text: string): string {
  return encodeBase64Bytes(new TextEncoder().encode(text));
}

/** base64 of raw bytes (a file kubectl embeds may not be text) */
export function encodeBase64Bytes(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/** true when `s` is valid standard base64 (what the decoder of a Secret's data accepts) */
export function isBase64(s: string): boolean {
  return s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);
}

/** Secret data back to the text containers see (the kubelet, volumes, bootstrap tokens). */
export function decodeBase64(s: string): string {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const a = ALPHABET.indexOf(clean[i]);
    const b = ALPHABET.indexOf(clean[i + 1] ?? 'A');
    const c = i + 2 < clean.length ? ALPHABET.indexOf(clean[i + 2]) : -1;
    const d = i + 3 < clean.length ? ALPHABET.indexOf(clean[i + 3]) : -1;
    const n = (a << 18) | (b << 12) | ((c < 0 ? 0 : c) << 6) | (d < 0 ? 0 : d);
    bytes.push((n >> 16) & 255);
    if (c >= 0) bytes.push((n >> 8) & 255);
    if (d >= 0) bytes.push(n & 255);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** the bytes of a valid base64 string (as loaded from the file) */
export function decodeBase64Bytes(s: string): Uint8Array {
  const r = goDecodeBase64(s);
  return typeof r === 'number' ? new Uint8Array() : r;
}

/** base64.StdEncoding.DecodeString: the bytes, or the offset of the CorruptInputError */
export function goDecodeBase64(s: string): Uint8Array | number {
  const src = new TextEncoder().encode(s);
  const out: number[] = [];
  const isNl = (c: number | undefined) => c === 10 || c === 13;
  let si = 0;
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let err = -1;
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        return si - j;
      }
      const c = src[si++];
      const v = ALPHABET.indexOf(String.fromCharCode(c));
      if (c < 128 && v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (isNl(c)) {
        j--;
        continue;
      }
      if (c !== 61 /* = */) return si - 1;
      if (j === 0 || j === 1) return si - 1;
      if (j === 2) {
        while (si < src.length && isNl(src[si])) si++;
        if (si === src.length) return src.length;
        if (src[si] !== 61) return si - 1;
        si++;
      }
      while (si < src.length && isNl(src[si])) si++;
      if (si < src.length) err = si;
      dlen = j;
      break;
    }
    const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    const bytes = [(val >> 16) & 255, (val >> 8) & 255, val & 255];
    out.push(...bytes.slice(0, dlen - 1));
    if (err >= 0) return err;
  }
  return Uint8Array.from(out);
}

