// An Event's name suffix: its time in nanoseconds, in hex, as client-go's recorder makes it.

/**
 * `(ms * 1e6 + seq).toString(16)` without BigInt: the nanoseconds split as hi * 2^20 + lo, both
 * exact in doubles for any epoch ms of this millennium.
 */
export function nanosHex(ms: number, seq: number): string {
  // many Events are named at one instant: the high digits are those of the last call
  if (ms === last.ms && seq < 0x100000 - last.lo) {
    const lo = last.lo + seq;
    if (lo < 0x100000) return last.hi + lo.toString(16).padStart(5, '0');
  }
  const msHi = Math.floor(ms / 0x100000);
  let lo = (ms - msHi * 0x100000) * 1_000_000 + seq;
  const carry = Math.floor(lo / 0x100000);
  lo -= carry * 0x100000;
  const hi = msHi * 1_000_000 + carry;
  if (hi > 0 && seq === 0) {
    last.ms = ms;
    last.lo = lo;
    last.hi = hi.toString(16);
  }
  return hi > 0 ? hi.toString(16) + lo.toString(16).padStart(5, '0') : lo.toString(16);
}

/** the instant last named with sequence 0: its high hex digits and low 20 bits */
const last = { ms: -1, lo: 0, hi: '' };
