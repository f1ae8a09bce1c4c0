// Fills the catalog's log line templates: each program stamps its lines in its own time format.

import { civil, unixDate } from '../../time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number): string => String(n).padStart(2, '0');

export function formatTime(style: string, ms: number): string {
  const d = civil(ms);
  const msPart = String(ms % 1000).padStart(3, '0');
  const date = `${d.year}-${p2(d.month)}-${p2(d.day)}`;
  const clock = `${p2(d.hour)}:${p2(d.minute)}:${p2(d.second)}`;
  switch (style) {
    case 'nginx':
    case 'go':
      return `${d.year}/${p2(d.month)}/${p2(d.day)} ${clock}`;
    case 'redis':
      return `${p2(d.day)} ${MONTHS[d.month - 1]} ${d.year} ${clock}.${msPart}`;
    case 'mysql':
    case 'maria':
      return `${date} ${clock}+00:00`;
    case 'php':
      return `${p2(d.day)}-${MONTHS[d.month - 1]}-${d.year} ${clock}`;
    case 'apache':
      return `${WEEKDAYS[d.weekday]} ${MONTHS[d.month - 1]} ${p2(d.day)} ${clock}.${msPart}000 ${d.year}`;
    case 'pg':
      return `${date} ${clock}.${msPart}`;
    case 'date':
      return unixDate(ms);
    default:
      return `${date}T${clock}.${msPart}000Z`;
  }
}

export interface TemplateVars {
  at: number;
  hostname: string;
  ip: string;
  vars?: Record<string, string>;
}

export function fillTemplate(line: string, v: TemplateVars): string {
  return line.replace(/\{(time:\w+|hostname|ip|\w+)\}/g, (m, key: string) => {
    if (key.startsWith('time:')) return formatTime(key.slice(5), v.at);
    if (key === 'hostname') return v.hostname;
    if (key === 'ip') return v.ip;
    return v.vars?.[key] ?? m;
  });
}
