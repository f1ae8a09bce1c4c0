// Equality of JSON texts without writing them: `jsonEqual(a, b)` is exactly
// `JSON.stringify(a) === JSON.stringify(b)` for plain data (key order matters, undefined members
// are absent, undefined array items and non-finite numbers are null), at a fraction of the cost.

export function jsonEqual(a: unknown, b: unknown): boolean {
  return same(a, b, false);
}

function scalar(v: unknown, inArray: boolean): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return inArray ? null : undefined;
  return v;
}

function same(a: unknown, b: unknown, inArray: boolean): boolean {
  if (a === b && typeof a !== 'number') return true;
  const oa = typeof a === 'object' && a !== null;
  const ob = typeof b === 'object' && b !== null;
  if (!oa || !ob) return !oa && !ob && scalar(a, inArray) === scalar(b, inArray);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i], true)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const kb = present(rb);
  let i = 0;
  for (const k in ra) {
    if (!Object.prototype.hasOwnProperty.call(ra, k) || skipped(ra[k])) continue;
    if (kb[i++] !== k) return false;
    if (!same(ra[k], rb[k], false)) return false;
  }
  return i === kb.length;
}

function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function present(o: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k) && !skipped(o[k])) out.push(k);
  return out;
}
