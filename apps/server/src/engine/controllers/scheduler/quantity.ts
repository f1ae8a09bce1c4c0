// Resource quantities as the scheduler and the PV binder compare them: MilliValue and Value of
// apimachinery's resource.Quantity, which round up. Parsing is the API layer's.

import { quantityValue } from '../../api/validation/quantity';

/** Millicores (CPU), rounded up; 0 when absent or malformed. */
export function milliValue(q: string | number | undefined | null): number {
  const v = q === undefined || q === null || q === '' ? NaN : quantityValue(q);
  return Number.isFinite(v) ? Math.ceil(Math.round(v * 1e9) / 1e6) : 0;
}

/** Whole units (bytes, pods), rounded up; 0 when absent or malformed. */
export function intValue(q: string | number | undefined | null): number {
  const v = q === undefined || q === null || q === '' ? NaN : quantityValue(q);
  return Number.isFinite(v) ? Math.ceil(Math.round(v * 1e3) / 1e3) : 0;
}
