// Shell pattern matching (`*`, `?`, `[...]`, backslash escapes) as regular expressions.

/**
 * `*.yaml` → /^[^/]*\.yaml$/ when `inPath` (a path component: nothing matches `/`), otherwise `*`
 * matches anything (`${x%.*}`, `case`).
 */
export function globToRegExp(pattern: string, inPath: boolean): RegExp {
  let re = '';
  const any = inPath ? '[^/]' : '[\\s\\S]';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      re += escape(pattern[++i]);
    } else if (c === '*') re += `${any}*`;
    else if (c === '?') re += any;
    else if (c === '[') {
      const end = bracketEnd(pattern, i);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      // POSIX classes ([:digit:]) become ranges; the rest is taken as written
      const parts = body.split(/(\[:[a-z]+:\])/).map((t) => POSIX_CLASSES[t] ?? classChars(t));
      re += `[${negate ? '^' : ''}${parts.join('')}]`;
      i = end;
    } else re += escape(c);
  }
  return new RegExp(`^${re}$`);
}

/**
 * The characters and ranges of a bracket expression, for a JavaScript class. A range whose end
 * comes before its start matches nothing, as in bash (`[t-b]` matches no character, `[set-before]`
 * the letters around it); JavaScript refuses such a class.
 */
function classChars(text: string): string {
  let out = '';
  for (let k = 0; k < text.length; k++) {
    if (text[k + 1] === '-' && k + 2 < text.length) {
      if (text[k] <= text[k + 2]) out += `${classEscape(text[k])}-${classEscape(text[k + 2])}`;
      k += 2;
    } else out += classEscape(text[k]);
  }
  return out;
}

function classEscape(c: string): string {
  return /[\]\\^[-]/.test(c) ? `\\${c}` : c;
}

/** POSIX bracket classes as JavaScript class ranges: shell patterns, grep and sed share them */
export const POSIX_CLASSES: Record<string, string> = {
  '[:alpha:]': 'A-Za-z',
  '[:digit:]': '0-9',
  '[:alnum:]': 'A-Za-z0-9',
  '[:upper:]': 'A-Z',
  '[:lower:]': 'a-z',
  '[:space:]': '\\s',
  '[:blank:]': ' \\t',
  '[:punct:]': '!-\\/:-@\\[-`{-~',
  '[:xdigit:]': '0-9A-Fa-f',
};

/** the `]` that closes the bracket expression opening at `start` (a `]` first in it is a member; classes nest) */
function bracketEnd(pattern: string, start: number): number {
  let j = start + 1;
  if (pattern[j] === '!' || pattern[j] === '^') j++;
  if (pattern[j] === ']') j++;
  for (; j < pattern.length; j++) {
    if (pattern[j] === '[' && pattern[j + 1] === ':') {
      const close = pattern.indexOf(':]', j + 2);
      if (close > 0) {
        j = close + 1;
        continue;
      }
    }
    if (pattern[j] === ']') return j;
  }
  return -1;
}

function escape(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
