// Simulated time. The engine's clock is a number of milliseconds since the Unix epoch, passed in
// as `now`; objects carry RFC 3339 timestamps with second precision, as the API server writes them.

import { remembered } from './memo';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

let lastSecond = NaN;
let lastText = '';

/** `2026-01-01T00:00:00Z` (truncated to seconds) */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / SECOND);
  if (second === lastSecond) return lastText; // many writes happen at one instant
  const d = civil(ms);
  lastSecond = second;
  lastText = `${d.year}-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}Z`;
  return lastText;
}

/** parses an RFC 3339 timestamp into epoch ms; NaN when malformed */
export function parseTime(s: string | null | undefined): number {
  if (!s) return NaN;
  return parseRemembered(s);
}

// a table of pods reads the same few timestamps hundreds of times
const parseRemembered = remembered((s: string) => parseTimeText(s), 4096);

function parseTimeText(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m) return NaN;
  const days = daysFromCivil(+m[1], +m[2], +m[3]);
  let ms = days * DAY + +m[4] * HOUR + +m[5] * MINUTE + +m[6] * SECOND;
  if (m[7]) ms += Math.floor(parseFloat(m[7]) * 1000);
  if (m[8] !== 'Z' && m[8] !== 'z') {
    const sign = m[8][0] === '-' ? -1 : 1;
    ms -= sign * (+m[8].slice(1, 3) * HOUR + +m[8].slice(4, 6) * MINUTE);
  }
  return ms;
}

export interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

export function civil(ms: number): Civil {
  const days = Math.floor(ms / DAY);
  let rem = ms - days * DAY;
  const hour = Math.floor(rem / HOUR);
  rem -= hour * HOUR;
  const minute = Math.floor(rem / MINUTE);
  rem -= minute * MINUTE;
  const second = Math.floor(rem / SECOND);
  // Howard Hinnant's civil_from_days
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const weekday = ((days % 7) + 11) % 7; // 1970-01-01 was a Thursday
  return { year, month, day, hour, minute, second, weekday };
}

function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC, as kubectl describe prints times: `Mon, 02 Sep 2024 10:15:03 +0000` */
export function rfc1123z(ms: number): string {
  const d = civil(ms);
  return `${WEEKDAYS[d.weekday]}, ${pad(d.day)} ${MONTHS[d.month - 1]} ${d.year} ${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)} +0000`;
}

/** `date` in a UTC shell: `Thu Jan  1 00:00:00 UTC 2026` */
export function unixDate(ms: number): string {
  const d = civil(ms);
  return `${WEEKDAYS[d.weekday]} ${MONTHS[d.month - 1]} ${String(d.day).padStart(2, ' ')} ${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)} UTC ${d.year}`;
}

/**
 * apimachinery's duration.HumanDuration, exactly: the AGE column, `LAST SEEN`, `(x3 over 5m)`.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${Math.trunc(hours / 24 / 365)}y` : `${Math.trunc(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** Go's time.Duration.String() for whole milliseconds: `2.9s`, `1m30s`, `300ms`, `0s` */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let v = Math.abs(ms);
  let out: string;
  if (v < SECOND) out = `${v}ms`;
  else {
    const h = Math.floor(v / HOUR);
    v -= h * HOUR;
    const m = Math.floor(v / MINUTE);
    v -= m * MINUTE;
    const s = v / SECOND;
    const sec = `${Number.isInteger(s) ? s : String(Number(s.toFixed(3)))}s`;
    out = h > 0 ? `${h}h${m}m${sec}` : m > 0 ? `${m}m${sec}` : sec;
  }
  return neg ? `-${out}` : out;
}
