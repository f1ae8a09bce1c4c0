// resource.Quantity as Kubernetes parses and prints it (k8s.io/apimachinery/pkg/api/resource):
// ParseQuantity with its errors, then String(), the canonical text the API server stores and
// kubectl sends (`0.5` -> `500m`, `1024Mi` -> `1Gi`, `1.5Gi` -> `1536Mi`, nano precision kept,
// a text already canonical kept as written). Exact integers (bigint), checked against kubectl
// v1.32 on generated inputs (kubectl/verbs/set-resources.test.ts, api/quantity.test.ts).

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';

export type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
export const INT64_MAX = 2n ** 63n - 1n;
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/**
 * A quantity parsed as resource.ParseQuantity parses it (the same errors), then written as
 * Quantity.String() writes it. A quantity already in canonical form keeps the text it was given,
 * as ParseQuantity keeps it (`+1`, `1E3`, `01`, `1.G`).
 */
export function goQuantity(str: string): { text: string } | { error: string } {
  if (str === '') return { error: QUANTITY_FORMAT_ERROR };
  if (str === '0') return { text: '0' };
  const parts = splitQuantity(str);
  if (!parts) return { error: QUANTITY_FORMAT_ERROR };
  const suffix = interpretSuffix(parts.suffix);
  if (!suffix) return { error: QUANTITY_SUFFIX_ERROR };
  const { positive, num, denom } = parts;
  let { format } = suffix;
  const { exponent } = suffix;

  const fast = int64FastPath(parts, suffix);
  if (fast) return { text: fast.kept ? str : canonical(fast.value, fast.scale, format) };

  // the arbitrary-precision path (inf.Dec, which wants a digit): value = m × 10^e
  if (!/\d/.test(parts.value)) return { error: QUANTITY_NUMERIC_ERROR };
  let m = BigInt(num + denom);
  let e = -denom.length;
  if (format === 'BinarySI') m *= 1n << BigInt(exponent);
  else e += exponent;
  // a non-zero amount is rounded up (away from zero) to whole nano units
  if (m !== 0n && e < -9) {
    // (an amount far below a nano unit is one nano unit, without computing 10^-e)
    if (m.toString().length < -9 - e) m = 1n;
    else {
      const div = 10n ** BigInt(-9 - e);
      m = (m + div - 1n) / div;
    }
    e = -9;
  }
  if (format === 'BinarySI') {
    if (compareScaled(m, e, INT64_MAX) > 0) {
      m = INT64_MAX;
      e = 0;
    }
    if (m !== 0n && compareScaled(m, e, 1n) < 0) format = 'DecimalSI';
  }
  return { text: canonical(positive ? m : -m, e, format) };
}

/** sign of m × 10^e − n */
function compareScaled(m: bigint, e: number, n: bigint): number {
  const [a, b] = e >= 0 ? [m * 10n ** BigInt(e), n] : [m, n * 10n ** BigInt(-e)];
  return a === b ? 0 : a > b ? 1 : -1;
}

/** Quantity.CanonicalizeBytes of m × 10^e */
function canonical(m: bigint, e: number, format: Format): string {
  if (m === 0n) return '0';
  const abs = m < 0n ? -m : m;
  if (format === 'BinarySI') {
    const integral = e >= 0 || abs % 10n ** BigInt(-e) === 0n;
    if (compareScaled(abs, e, 1024n) < 0 || !integral) format = 'DecimalSI';
    else {
      let n = e >= 0 ? m * 10n ** BigInt(e) : m / 10n ** BigInt(-e);
      let k = 0;
      while ((n >= 1024n || n <= -1024n) && n % 1024n === 0n) {
        n /= 1024n;
        k++;
      }
      const suffix = Object.keys(BINARY).find((s) => BINARY[s] === k * 10) ?? '';
      return `${n}${suffix}`;
    }
  }
  while (m % 10n === 0n) {
    m /= 10n;
    e++;
  }
  while (e % 3 !== 0) {
    m *= 10n;
    e--;
  }
  if (format === 'DecimalExponent') return `${m}${e === 0 ? '' : `e${e}`}`;
  // an exponent without a suffix (past E) is written without one, as kubectl does
  return `${m}${Object.keys(DECIMAL).find((s) => DECIMAL[s] === e) ?? ''}`;
}

/**
 * ParseQuantity's int64 fast path: the signed value at its decimal scale, and whether the text as
 * written is canonical (then kept as the Quantity's string); undefined where Go goes on to inf.Dec.
 */
export function int64FastPath(parts: QuantityParts, suffix: QuantitySuffix): { value: bigint; scale: number; kept: boolean } | undefined {
  const { positive, num, denom } = parts;
  const { exponent, format } = suffix;
  let precision: number;
  let scale = 0;
  let mantissa = 1n;
  if (format !== 'BinarySI') {
    scale = exponent;
    precision = 18 - (num.length + denom.length);
  } else if (exponent >= 0 && denom.length === 0) {
    mantissa = 1n << BigInt(exponent);
    precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
  } else precision = -1;
  if (precision < 0) return undefined;
  scale -= denom.length;
  if (scale < -9) return undefined;
  const shifted = num + denom;
  const value = BigInt(shifted);
  const result = value * mantissa;
  if (result > INT64_MAX) return undefined;
  const kept = format === 'BinarySI' ? exponent % 10 === 0 && (value & 7n) !== 0n : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
  return { value: positive ? result : -result, scale, kept };
}

export interface QuantityParts {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

export interface QuantitySuffix {
  exponent: number;
  format: Format;
}

/** parseQuantityString: sign, the number as written, numerator (leading zeros stripped), denominator, suffix */
export function splitQuantity(str: string): QuantityParts | undefined {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, value: str, num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  const num = str.slice(pos, i) || '0';
  if (i >= end) return { positive, value: str, num, denom: '', suffix: '' };
  pos = i;
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { positive, value: str, num, denom, suffix: '' };
    pos = i;
  }
  const suffixStart = pos;
  const value = str.slice(0, pos);
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos])) pos++;
  if (pos >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  return undefined;
}

export function interpretSuffix(s: string): QuantitySuffix | undefined {
  if (Object.hasOwn(DECIMAL, s)) return { exponent: DECIMAL[s], format: 'DecimalSI' };
  if (Object.hasOwn(BINARY, s)) return { exponent: BINARY[s], format: 'BinarySI' };
  if (s.length > 1 && (s[0] === 'e' || s[0] === 'E') && /^[+-]?\d+$/.test(s.slice(1))) {
    const n = BigInt(s.slice(1));
    if (n > INT64_MAX || n < -INT64_MAX - 1n) return undefined;
    return { exponent: Number(BigInt.asIntN(32, n)), format: 'DecimalExponent' };
  }
  return undefined;
}
