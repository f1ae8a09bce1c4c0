// resource.Quantity parsing (k8s.io/apimachinery/pkg/api/resource): the decoder's errors and a
// numeric value good enough to compare requests with limits.

import { goQuantity, QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR } from '../quantity';

export { QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR };

const FORMAT = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

const MULTIPLIERS: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The value of a quantity, or the decoder's error text. Numbers in JSON are quantities too. */
export function parseQuantity(q: unknown): { value: number } | { error: string } {
  if (typeof q === 'number') return Number.isFinite(q) ? { value: q } : { error: QUANTITY_FORMAT_ERROR };
  if (typeof q !== 'string') return { error: QUANTITY_FORMAT_ERROR };
  const s = q.trim();
  const m = FORMAT.exec(s);
  if (!m || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(m[1])) return { error: QUANTITY_FORMAT_ERROR };
  const num = Number(m[1]);
  const suffix = m[2];
  if (suffix in MULTIPLIERS) return { value: num * MULTIPLIERS[suffix] };
  const exp = /^[eE]([-+]?\d+)$/.exec(suffix);
  if (exp) return { value: num * 10 ** Number(exp[1]) };
  return { error: QUANTITY_SUFFIX_ERROR };
}

/** the value of a quantity known to parse; NaN otherwise */
export function quantityValue(q: unknown): number {
  const r = parseQuantity(q);
  return 'value' in r ? r.value : NaN;
}

/**
 * Quantity.String(): the form the API server stores and prints (api/quantity.ts). A JSON number is
 * its decimal text; unparsable input is returned unchanged (validation reports it).
 */
export function canonicalQuantity(q: unknown): string {
  const input = typeof q === 'string' ? q.trim() : String(q);
  const r = goQuantity(input);
  return 'text' in r ? r.text : String(q);
}
