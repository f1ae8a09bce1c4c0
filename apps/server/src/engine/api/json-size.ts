// An upper bound of JSON.stringify(v).length without writing the text, for the API server's
// object size limit: most objects are far below it, and only those that might not be are
// serialized to measure them exactly.

/** The longest text a JSON number can take (`-1.2345678901234567e-308`). */
const NUMBER_MAX = 24;

/**
 * At least JSON.stringify(v).length for plain JSON data (each string character escapes to at
 * most 6); stops counting once past `budget`.
 */
export function jsonLengthBound(v: unknown, budget: number): number {
  if (typeof v === 'string') return 2 + 6 * v.length;
  if (typeof v !== 'object' || v === null) return NUMBER_MAX; // numbers, booleans, null, absent values
  let n = 2;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length && n <= budget; i++) n += 1 + jsonLengthBound(v[i], budget - n);
    return n;
  }
  const o = v as Record<string, unknown>;
  for (const k in o) {
    n += 4 + 6 * k.length + jsonLengthBound(o[k], budget - n);
    if (n > budget) return n;
  }
  return n;
}
