// go-yaml v2's resolve(): which plain scalars would read back as something other than a string
// (null, bools of YAML 1.1 such as `yes`/`on`/`n`, ints incl. 0x/0o/0b, floats, timestamps). Such
// strings are printed double-quoted by `kubectl get -o yaml`.

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;

function resolveHint(c: string): string {
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return '';
}

/** go-yaml's parseTimestamp: YYYY-M-D, with an optional time part. */
function isTimestamp(s: string): boolean {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s) ??
    /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(s) ??
    /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?$/.exec(s);
  if (!m) return false;
  const [month, day] = [+m[2], +m[3]];
  const daysIn = [31, +m[1] % 4 === 0 && (+m[1] % 100 !== 0 || +m[1] % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > daysIn[month - 1]) return false;
  if (m[4] !== undefined && (+m[4] > 23 || +m[5] > 59 || +m[6] > 59)) return false;
  return true;
}

/** True when go-yaml would read the plain scalar `s` as something other than a string. */
export function resolvesToNonString(s: string): boolean {
  const hint = s === '' ? 'M' : resolveHint(s[0]);
  if (!hint) return false;
  if (RESOLVE_MAP.has(s)) return true;
  if (hint === '.') return YAML_STYLE_FLOAT.test(s) || /^\.[0-9]+$/.test(s);
  if (hint === 'D' || hint === 'S') {
    if (isTimestamp(s)) return true;
    const plain = s.replace(/_/g, '');
    if (GO_INT.test(plain)) return true;
    if (YAML_STYLE_FLOAT.test(plain)) return true;
    if (/^-?0b[01]+$/.test(plain)) return true;
  }
  return false;
}

export function isBase60Float(s: string): boolean {
  if (!s) return false;
  const c = s[0];
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false;
  return BASE60_FLOAT.test(s);
}
