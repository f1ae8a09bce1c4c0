// time.Parse(time.RFC3339, s) as a Go flag parser reports it: the layout is walked element by
// element, and the first element the text does not match is named in the error.

import { parseTime } from '../time';

const LAYOUT = '2006-01-02T15:04:05Z07:00';
const ELEMENTS: Array<{ digits: number; max?: number; name: string } | { literal: string }> = [
  { digits: 4, name: '2006' },
  { literal: '-' },
  { digits: 2, max: 12, name: '01' },
  { literal: '-' },
  { digits: 2, max: 31, name: '02' },
  { literal: 'T' },
  { digits: 2, max: 23, name: '15' },
  { literal: ':' },
  { digits: 2, max: 59, name: '04' },
  { literal: ':' },
  { digits: 2, max: 59, name: '05' },
];

const RANGE: Record<string, string> = { '01': 'month', '02': 'day', '15': 'hour', '04': 'minute', '05': 'second' };

/** epoch ms, or the message Go's time.Parse gives (without `error: `) */
export function parseRfc3339(text: string): { ms: number } | { error: string } {
  const fail = (rest: string, elem: string) => ({ error: `parsing time ${JSON.stringify(text)} as ${JSON.stringify(LAYOUT)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(elem)}` });
  let rest = text;
  for (const e of ELEMENTS) {
    if ('literal' in e) {
      if (!rest.startsWith(e.literal)) return fail(rest, e.literal);
      rest = rest.slice(e.literal.length);
      continue;
    }
    const m = new RegExp(`^\\d{${e.digits}}`).exec(rest);
    if (!m) return fail(rest, e.name);
    const n = Number(m[0]);
    if (e.max !== undefined && (n > e.max || ((e.name === '01' || e.name === '02') && n === 0))) {
      return { error: `parsing time ${JSON.stringify(text)}: ${RANGE[e.name]} out of range` };
    }
    rest = rest.slice(e.digits);
  }
  // fractional seconds are accepted after the seconds though the layout has none
  const frac = /^\.\d+/.exec(rest);
  if (frac) rest = rest.slice(frac[0].length);
  const zone = /^(Z|[+-]\d{2}:\d{2})/.exec(rest);
  if (!zone) return fail(rest, 'Z07:00');
  rest = rest.slice(zone[0].length);
  if (rest) return { error: `parsing time ${JSON.stringify(text)}: extra text: ${JSON.stringify(rest)}` };
  const ms = parseTime(text);
  if (Number.isNaN(ms)) return { error: `parsing time ${JSON.stringify(text)}: day out of range` };
  return { ms };
}
