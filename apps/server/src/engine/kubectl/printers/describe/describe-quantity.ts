// resource.Quantity as describe needs it: parse, canonical String(), Add, Cmp, Value/MilliValue.
// Amounts are exact BigInt nano-units; the format (DecimalSI, BinarySI, DecimalExponent) follows
// the parsed suffix and decides how String() prints, as in apimachinery's quantity.go.

import { goQuantity } from '../../../api/quantity';

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** the amount in units of 10^-9 */
  nano: bigint;
  format: QuantityFormat;
}

const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_BY_EXP = new Map(Object.entries(DECIMAL_SUFFIX).map(([s, e]) => [e, s]));
const BINARY_BY_EXP = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

const pow10 = (n: number): bigint => 10n ** BigInt(n);
const ceilDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return a % b !== 0n && a > 0n === b > 0n ? q + 1n : q;
};

export const ZERO: Quantity = { nano: 0n, format: 'DecimalSI' };

export function parseQuantity(s: string | number | undefined | null): Quantity | undefined {
  if (s === undefined || s === null) return undefined;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/.exec(String(s).trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, int, frac = '', suffix = ''] = m;
  const digits = BigInt(`${int}${frac}` || '0');
  const scale = pow10(frac.length);
  let nano: bigint;
  let format: QuantityFormat;
  if (suffix in BINARY_SUFFIX) {
    format = 'BinarySI';
    nano = ceilDiv(digits * 1024n ** BigInt(BINARY_SUFFIX[suffix]) * pow10(9), scale);
  } else {
    let exp: number;
    if (/^[eE]/.test(suffix)) {
      format = 'DecimalExponent';
      exp = parseInt(suffix.slice(1), 10);
    } else {
      format = 'DecimalSI';
      exp = DECIMAL_SUFFIX[suffix];
    }
    nano = exp + 9 >= 0 ? ceilDiv(digits * pow10(exp + 9), scale) : ceilDiv(digits, scale * pow10(-(exp + 9)));
  }
  return { nano: sign === '-' ? -nano : nano, format };
}

/** Quantity.String(): the canonical form (`1024Mi` prints `1Gi`, `0.5` prints `500m`). */
export function quantityString(q: Quantity): string {
  if (q.nano === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const abs = q.nano < 0n ? -q.nano : q.nano;
    if (abs < 1024n * pow10(9) || abs % pow10(9) !== 0n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let amount = q.nano / pow10(9);
    let times = 0;
    while (times < 6 && amount % 1024n === 0n) {
      amount /= 1024n;
      times++;
    }
    return `${amount}${BINARY_BY_EXP[times]}`;
  }
  let amount = q.nano;
  let exp = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exp++;
  }
  const rem = ((exp % 3) + 3) % 3;
  amount *= pow10(rem);
  exp -= rem;
  if (format === 'DecimalExponent') return exp === 0 ? `${amount}` : `${amount}e${exp}`;
  const suffix = DECIMAL_BY_EXP.get(exp);
  return suffix === undefined ? `${amount}e${exp}` : `${amount}${suffix}`;
}

/** Canonical text of a quantity string (api/quantity.ts); unparsable text is returned as is. */
export function canonicalQuantity(s: string | number | undefined): string {
  const r = goQuantity(String(s ?? '').trim());
  return 'text' in r ? r.text : String(s ?? '');
}

/** q.Add(y): the result keeps q's format unless q is zero. */
export function addQuantity(q: Quantity, y: Quantity): Quantity {
  return { nano: q.nano + y.nano, format: q.nano === 0n ? y.format : q.format };
}

export function cmpQuantity(a: Quantity, b: Quantity): number {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0;
}

/** Value(): rounded up to whole units. */
export function quantityValue(q: Quantity): bigint {
  return ceilDiv(q.nano, pow10(9));
}

/** MilliValue(): rounded up to thousandths. */
export function quantityMilliValue(q: Quantity): bigint {
  return ceilDiv(q.nano, pow10(6));
}

export type ResourceList = Map<string, Quantity>;

export function toResourceList(list: Readonly<Record<string, string>> | undefined): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    if (q) out.set(k, q);
  }
  return out;
}

export function addResourceList(into: ResourceList, add: ResourceList): void {
  for (const [k, v] of add) {
    const cur = into.get(k);
    into.set(k, cur ? addQuantity(cur, v) : { ...v });
  }
}

export function maxResourceList(into: ResourceList, other: ResourceList): void {
  for (const [k, v] of other) {
    const cur = into.get(k);
    if (!cur || cmpQuantity(v, cur) > 0) into.set(k, { ...v });
  }
}
