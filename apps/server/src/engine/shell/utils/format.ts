// printf-style formatting shared by printf(1) and awk: %s %d %i %u %f %e %g %x %X %o %c %b %%.

/** backslash escapes of printf's format and echo -e; `stop` is set by \c */
export function unescape(s: string, forEcho = false): { text: string; stop: boolean } {
  let out = '';
  const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'" };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    if (n === 'c') return { text: out, stop: true };
    if (esc[n] !== undefined && !(forEcho && (n === '"' || n === "'"))) out += esc[n];
    else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\x';
    } else if (forEcho ? n === '0' : /[0-7]/.test(n)) {
      // echo -e: \0NNN; printf: \NNN
      const start = forEcho ? i + 1 : i;
      const digits = /^[0-7]{0,3}/.exec(s.slice(start))![0];
      out += String.fromCharCode(parseInt(digits || '0', 8));
      i = start + digits.length - 1;
    } else out += `\\${n}`;
  }
  return { text: out, stop: false };
}

export type FormatArg = string | number;

export interface Formatted {
  text: string;
  /** arguments consumed */
  used: number;
  /** a %d that got a non-number (printf reports it) */
  badNumber?: string;
  stop: boolean;
}

function toNumber(a: FormatArg | undefined, onBad: (s: string) => void): number {
  if (a === undefined) return 0;
  if (typeof a === 'number') return a;
  const t = a.trim();
  if (t === '') return 0;
  if (/^['"]./.test(t)) return t.codePointAt(1)!;
  if (/^[-+]?\d+$/.test(t)) return parseInt(t, 10);
  if (/^[-+]?0x[0-9a-f]+$/i.test(t)) return parseInt(t, 16);
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return parseFloat(t);
  onBad(a);
  const m = /^[-+]?\d+/.exec(t);
  return m ? parseInt(m[0], 10) : 0;
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s.padEnd(width);
  if (zero) {
    const sign = /^[-+ ]/.test(s) ? s[0] : '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width);
}

/** %g as C prints it */
export function formatG(v: number, precision = 6): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : v < 0 ? '-inf' : 'nan';
  const p = precision === 0 ? 1 : precision;
  const exp = Math.floor(Math.log10(Math.abs(v)));
  if (exp < -4 || exp >= p) {
    const [m, e] = v.toExponential(p - 1).split('e');
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const en = Number(e);
    return `${mant}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  }
  const fixed = v.toFixed(Math.max(0, p - 1 - exp));
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/** formats once through `fmt`, consuming arguments from `args` */
export function formatOnce(fmt: string, args: FormatArg[]): Formatted {
  let out = '';
  let used = 0;
  let badNumber: string | undefined;
  const next = (): FormatArg | undefined => (used < args.length ? args[used++] : undefined);
  const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfFgGcsb%])/g;
  let lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fmt))) {
    out += fmt.slice(lastIndex, m.index);
    lastIndex = re.lastIndex;
    const [, flags, w, prec, conv] = m;
    if (conv === '%') {
      out += '%';
      continue;
    }
    const width = w === '*' ? Number(toNumber(next(), () => undefined)) : w ? Number(w) : 0;
    const precision = prec === '*' ? Number(toNumber(next(), () => undefined)) : prec !== undefined ? Number(prec) : undefined;
    const left = flags.includes('-');
    const zero = flags.includes('0') && !left;
    const arg = next();
    const num = (): number => toNumber(arg, (s) => (badNumber ??= s));
    const signed = (s: string, v: number): string => (v >= 0 && flags.includes('+') ? `+${s}` : v >= 0 && flags.includes(' ') ? ` ${s}` : s);
    let s: string;
    switch (conv) {
      case 'd':
      case 'i': {
        const v = Math.trunc(num());
        s = signed(String(Math.abs(v)).padStart(precision ?? 0, '0'), v);
        if (v < 0) s = `-${s}`;
        break;
      }
      case 'u':
        s = String(Math.trunc(num()) >>> 0);
        break;
      case 'o':
        s = (Math.trunc(num()) >>> 0).toString(8);
        break;
      case 'x':
      case 'X': {
        s = (Math.trunc(num()) >>> 0).toString(16);
        if (conv === 'X') s = s.toUpperCase();
        break;
      }
      case 'f':
      case 'F': {
        const v = num();
        s = signed(v.toFixed(precision ?? 6), v);
        break;
      }
      case 'e':
      case 'E': {
        const v = num();
        const [mant, e] = v.toExponential(precision ?? 6).split('e');
        s = signed(`${mant}e${e[0] === '-' ? '-' : '+'}${e.replace(/^[-+]/, '').padStart(2, '0')}`, v);
        if (conv === 'E') s = s.toUpperCase();
        break;
      }
      case 'g':
      case 'G': {
        const v = num();
        s = signed(formatG(v, precision ?? 6), v);
        if (conv === 'G') s = s.toUpperCase();
        break;
      }
      case 'c':
        s = arg === undefined ? '' : typeof arg === 'number' ? String.fromCharCode(arg) : [...arg][0] ?? '';
        break;
      case 'b': {
        const u = unescape(arg === undefined ? '' : String(arg));
        s = u.text;
        if (u.stop) return { text: out + s, used, badNumber, stop: true };
        break;
      }
      default:
        s = arg === undefined ? '' : String(arg);
        if (precision !== undefined) s = s.slice(0, precision);
    }
    out += pad(s, width, left, zero && 'diouxXeEfFgG'.includes(conv));
  }
  out += fmt.slice(lastIndex);
  return { text: out, used, badNumber, stop: false };
}
