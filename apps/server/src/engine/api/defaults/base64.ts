// Base64 of a string's UTF-8 bytes, as Secret data holds it, both ways. The engine may not use Node's
// Buffer module, so this is the plain RFC 4648 alphabet over TextEncoder's bytes.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
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
