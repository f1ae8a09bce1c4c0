// Resource quantities as the scheduler and the PV binder compare them: MilliValue and Value of
// apimachinery's resource.Quantity, which round up. Parsing is the API layer's.

import { quantityValue } from '../../api/validation/quantity';

// every pod of a cluster asks for the same few quantities: each is parsed once
const milli = new Map<string | number, number>();
const whole = new Map<string | number, number>();

function memo(cache: Map<string | number, number>, q: string | number, f: (v: number) => number): number {
  let out = cache.get(q);
  if (out === undefined) {
    if (cache.size >= 1024) cache.clear();
    const v = quantityValue(q);
    out = Number.isFinite(v) ? f(v) : 0;
    cache.set(q, out);
  }
  return out;
}

/** Millicores (CPU), rounded up; 0 when absent or malformed. */
export function milliValue(q: string | number | undefined | null): number {
  if (q === undefined || q === null || q === '') return 0;
  return memo(milli, q, (v) => Math.ceil(Math.round(v * 1e9) / 1e6));
}

/** Whole units (bytes, pods), rounded up; 0 when absent or malformed. */
export function intValue(q: string | number | undefined | null): number {
  if (q === undefined || q === null || q === '') return 0;
  return memo(whole, q, (v) => Math.ceil(Math.round(v * 1e3) / 1e3));
}
