// Number formats kompose inherits from Go libraries: Go durations (healthcheck intervals),
// docker's RAMInBytes (mem_limit), and Kubernetes resource.Quantity canonical strings.

import { goQuantity } from '../api/quantity';

const DURATION_UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** whole seconds of a Go duration string ("1m30s" → 90); undefined when it does not parse */
export function durationSeconds(text: string): number | undefined {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    total += parseFloat(m[1]) * DURATION_UNITS[m[2]];
    pos = re.lastIndex;
  }
  if (pos === 0 || pos !== text.length) return undefined;
  return Math.trunc(total + 1e-9);
}

/** docker's units.RAMInBytes: "512m", "1g", "10000Mb" (binary multiples); numbers are bytes */
export function ramInBytes(value: unknown): number | undefined {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(value.trim());
  if (!m) return undefined;
  const mult: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };
  return Math.trunc(parseFloat(m[1]) * (m[2] ? mult[m[2].toLowerCase()] : 1));
}

/** resource.Quantity in DecimalExponent form, what kompose's memory limits print as: 10000 → "10e3" */
export function decimalExponent(n: number): string {
  if (n === 0) return '0';
  let exp = 0;
  while (n % 1000 === 0) {
    n /= 1000;
    exp += 3;
  }
  return exp ? `${n}e${exp}` : `${n}`;
}

/** a milli-quantity in DecimalSI: 500 → "500m", 2000 → "2" */
export function milliQuantity(milli: number): string {
  return milli % 1000 === 0 ? `${milli / 1000}` : `${milli}m`;
}

/** ParseQuantity then String(): the canonical form ("1024Mi" → "1Gi"); undefined when invalid */
export function canonicalQuantity(text: string): string | undefined {
  const r = goQuantity(text.trim());
  return 'text' in r ? r.text : undefined;
}

export const QUANTITY_REGEX_TEXT = "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
