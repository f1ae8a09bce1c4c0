// Compose variable substitution (compose-go's template package): $VAR, ${VAR}, ${VAR:-default},
// ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+alt}, ${VAR+alt}, and $$ for a literal $.
// Also the .env / env_file parser (compose-go's dotenv), which substitutes inside values.

import { KomposeFatal } from './logrus';

export type Lookup = (name: string) => string | undefined;

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

export interface SubstituteOptions {
  /** called for each variable that is unset and has no default */
  onMissing?: (name: string) => void;
}

/** substitutes variables in one string; throws KomposeFatal on a malformed template or a required variable */
export function substitute(text: string, lookup: Lookup, opts: SubstituteOptions = {}): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const end = matchingBrace(text, i + 1);
      if (end < 0) throw new KomposeFatal(`Invalid template: "${text}"`);
      out += expandBraced(text.slice(i + 2, end), text, lookup, opts);
      i = end + 1;
      continue;
    }
    const m = NAME.exec(text.slice(i + 1));
    if (!m) {
      out += '$';
      i++;
      continue;
    }
    const v = lookup(m[0]);
    if (v === undefined) opts.onMissing?.(m[0]);
    out += v ?? '';
    i += 1 + m[0].length;
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function expandBraced(inner: string, whole: string, lookup: Lookup, opts: SubstituteOptions): string {
  const m = NAME.exec(inner);
  if (!m) throw new KomposeFatal(`Invalid template: "${whole}"`);
  const name = m[0];
  const rest = inner.slice(name.length);
  const value = lookup(name);
  if (rest === '') {
    if (value === undefined) opts.onMissing?.(name);
    return value ?? '';
  }
  const op = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest);
  if (!op) throw new KomposeFatal(`Invalid template: "${whole}"`);
  const arg = () => substitute(rest.slice(op[0].length), lookup, opts);
  const emptyOrUnset = value === undefined || value === '';
  switch (op[0]) {
    case ':-':
      return emptyOrUnset ? arg() : value!;
    case '-':
      return value === undefined ? arg() : value;
    case ':?':
      if (emptyOrUnset) throw new KomposeFatal(`required variable ${name} is missing a value: ${arg()}`);
      return value!;
    case '?':
      if (value === undefined) throw new KomposeFatal(`required variable ${name} is missing a value: ${arg()}`);
      return value;
    case ':+':
      return emptyOrUnset ? '' : arg();
    default:
      return value === undefined ? '' : arg();
  }
}

/**
 * Parses an env file: KEY=VALUE lines, `export` prefixes, comments, single quotes (literal),
 * double quotes (escapes, substitution), unquoted values (trimmed, ` #` comments, substitution).
 * Substitution looks in `lookup` first, then in the keys read so far.
 */
export function parseDotenv(text: string, lookup: Lookup = () => undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const find: Lookup = (k) => lookup(k) ?? (Object.prototype.hasOwnProperty.call(out, k) ? out[k] : undefined);
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n].trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('export ')) line = line.slice(7).trim();
    const eq = line.search(/[=:]/);
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let raw = line.slice(eq + 1).trimStart();
    let value: string;
    if (raw.startsWith("'")) {
      const end = raw.indexOf("'", 1);
      value = end < 0 ? raw.slice(1) : raw.slice(1, end);
    } else if (raw.startsWith('"')) {
      // a double-quoted value may span lines
      let body = raw.slice(1);
      let end = closingQuote(body);
      while (end < 0 && n + 1 < lines.length) {
        body += '\n' + lines[++n];
        end = closingQuote(body);
      }
      body = end < 0 ? body : body.slice(0, end);
      value = substitute(unescape(body), find);
    } else {
      const hash = raw.search(/\s#/);
      if (hash >= 0) raw = raw.slice(0, hash);
      value = substitute(raw.trim(), find);
    }
    out[key] = value;
  }
  return out;
}

function closingQuote(s: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  return -1;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
}
