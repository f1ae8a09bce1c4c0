// Fills the catalog's log line templates: each program stamps its lines in its own time format.

import { civil, unixDate } from '../../time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number): string => String(n).padStart(2, '0');

// a plan's lines all carry its start time in one style: the last answer is remembered
let lastStyle = '';
let lastMs = NaN;
let lastText = '';

export function formatTime(style: string, ms: number): string {
  if (ms === lastMs && style === lastStyle) return lastText;
  lastText = formatTimeUncached(style, ms);
  lastStyle = style;
  lastMs = ms;
  return lastText;
}

function formatTimeUncached(style: string, ms: number): string {
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
    case 'mariadbd':
      return `${date} ${clock}`;
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

/** a template split once into literal text and placeholders: [text, key, text, key, ..., text] */
const compiled = new Map<string, string[]>();

function compile(line: string): string[] {
  let parts = compiled.get(line);
  if (!parts) {
    parts = line.split(/\{(time:\w+|hostname|ip|\w+)\}/);
    if (compiled.size >= 4096) compiled.clear();
    compiled.set(line, parts);
  }
  return parts;
}

export function fillTemplate(line: string, v: TemplateVars): string {
  if (!line.includes('{')) return line;
  const parts = compile(line);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i];
    if (key.startsWith('time:')) out += formatTime(key.slice(5), v.at);
    else if (key === 'hostname') out += v.hostname;
    else if (key === 'ip') out += v.ip;
    else out += v.vars?.[key] ?? `{${key}}`;
    out += parts[i + 1];
  }
  return out;
}
