// resource.Quantity parsing (k8s.io/apimachinery/pkg/api/resource): the decoder's errors and a
// numeric value good enough to compare requests with limits.

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

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

// ---- canonical form ---------------------------------------------------------------------------

const DECIMAL_SUFFIXES: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/**
 * Quantity.String(): the form the API server stores and prints, e.g. `0.5` → `500m`,
 * `1024Mi` → `1Gi`, `1.5Gi` → `1536Mi`, `2000` → `2k`, a JSON number `1` → `1`. The suffix
 * family of the input is kept; precision stops at milli-units (rounded up), as the real one.
 * Unparsable input is returned unchanged.
 */
export function canonicalQuantity(q: unknown): string {
  const input = typeof q === 'number' ? String(q) : typeof q === 'string' ? q.trim() : String(q);
  const m = FORMAT.exec(input);
  if (!m || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(m[1])) return String(q);
  const suffix = m[2];
  let format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
  let exp10 = 0;
  let pow2 = 0;
  if (BINARY_SUFFIXES.includes(suffix) && suffix !== '') {
    format = 'BinarySI';
    pow2 = 10 * BINARY_SUFFIXES.indexOf(suffix);
  } else if (suffix in MULTIPLIERS) {
    format = 'DecimalSI';
    exp10 = Number(Object.entries(DECIMAL_SUFFIXES).find(([, s]) => s === suffix)![0]);
  } else {
    const e = /^[eE]([-+]?\d+)$/.exec(suffix);
    if (!e) return String(q);
    format = 'DecimalExponent';
    exp10 = Number(e[1]);
  }
  // the number as an exact decimal: mantissa × 10^exp10 × 2^pow2
  let text = m[1];
  const negative = text.startsWith('-');
  text = text.replace(/^[+-]/, '');
  const dot = text.indexOf('.');
  if (dot >= 0) {
    exp10 -= text.length - dot - 1;
    text = text.replace('.', '');
  }
  let mantissa = BigInt(text || '0');
  mantissa *= 2n ** BigInt(pow2);
  // normalise to scale -3 (milli), rounding away from zero as Quantity does
  let scale = exp10;
  if (scale < -3) {
    const div = 10n ** BigInt(-3 - scale);
    mantissa = (mantissa + div - 1n) / div;
    scale = -3;
  }
  if (mantissa === 0n) return '0';
  if (format === 'BinarySI') {
    const integral = scale >= 0 || mantissa % 10n ** BigInt(-scale) === 0n;
    const whole = scale >= 0 ? mantissa * 10n ** BigInt(scale) : mantissa / 10n ** BigInt(-scale);
    if (integral && (whole >= 1024n || whole <= -1024n)) {
      let n = whole;
      let k = 0;
      while (k < 6 && n % 1024n === 0n) {
        n /= 1024n;
        k++;
      }
      return `${negative ? '-' : ''}${n}${BINARY_SUFFIXES[k]}`;
    }
    format = 'DecimalSI';
  }
  // strip trailing zeros into the exponent, then align it to a multiple of three
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    scale++;
  }
  while (((scale % 3) + 3) % 3 !== 0) {
    mantissa *= 10n;
    scale--;
  }
  if (format === 'DecimalSI' && scale > 18) {
    mantissa *= 10n ** BigInt(scale - 18);
    scale = 18;
  }
  const sign = negative ? '-' : '';
  if (format === 'DecimalExponent') return `${sign}${mantissa}${scale === 0 ? '' : `e${scale}`}`;
  return `${sign}${mantissa}${DECIMAL_SUFFIXES[scale]}`;
}
