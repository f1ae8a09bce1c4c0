// An Event's name suffix: its time in nanoseconds, in hex, as client-go's recorder makes it.

/**
 * `(ms * 1e6 + seq).toString(16)` without BigInt: the nanoseconds split as hi * 2^20 + lo, both
 * exact in doubles for any epoch ms of this millennium.
 */
export function nanosHex(ms: number, seq: number): string {
  const msHi = Math.floor(ms / 0x100000);
  let lo = (ms - msHi * 0x100000) * 1_000_000 + seq;
  const carry = Math.floor(lo / 0x100000);
  lo -= carry * 0x100000;
  const hi = msHi * 1_000_000 + carry;
  return hi > 0 ? hi.toString(16) + lo.toString(16).padStart(5, '0') : lo.toString(16);
}
