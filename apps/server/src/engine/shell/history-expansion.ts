// Interactive bash's history expansion, the common part: `!!` (so `sudo !!` works), `!$`, `!*`,
// `!N`, `!-N` and `!prefix`. Not inside single quotes; `!` before a blank, `=` or `(` stays, as
// does the `!` of `[!a]`, `${!name}` and `$!`.

export type HistoryExpansion = { line: string; changed: boolean } | { error: string };

export function expandHistory(line: string, history: string[]): HistoryExpansion {
  if (!line.includes('!')) return { line, changed: false };
  let out = '';
  let changed = false;
  let inSingle = false;
  const last = history[history.length - 1];
  const words = (s: string): string[] => s.trim().split(/\s+/);
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'" && !inSingle && isUnquotedPosition(line, i)) inSingle = true;
    else if (c === "'" && inSingle) inSingle = false;
    if (c === '\\' && !inSingle && line[i + 1] === '!') {
      out += '!';
      i++;
      continue;
    }
    if (c !== '!' || inSingle || inhibited(line, i)) {
      out += c;
      continue;
    }
    const rest = line.slice(i + 1);
    let event: string | undefined;
    let consumed = 0;
    let m: RegExpExecArray | null;
    if (rest.startsWith('!')) {
      event = last;
      consumed = 1;
      if (event === undefined) return { error: '!!: event not found' };
    } else if (rest.startsWith('$')) {
      if (last === undefined) return { error: '!$: event not found' };
      event = words(last).pop() ?? '';
      consumed = 1;
    } else if (rest.startsWith('*')) {
      if (last === undefined) return { error: '!*: event not found' };
      event = words(last).slice(1).join(' ');
      consumed = 1;
    } else if ((m = /^-?\d+/.exec(rest))) {
      const n = Number(m[0]);
      const idx = n < 0 ? history.length + n : n - 1;
      event = history[idx];
      consumed = m[0].length;
      if (event === undefined) return { error: `!${m[0]}: event not found` };
    } else if ((m = /^[A-Za-z_][^\s;&|()<>'"]*/.exec(rest))) {
      const prefix = m[0];
      event = [...history].reverse().find((h) => h.startsWith(prefix));
      consumed = prefix.length;
      if (event === undefined) return { error: `!${prefix}: event not found` };
    }
    if (event === undefined) {
      out += c;
      continue;
    }
    out += event;
    changed = true;
    i += consumed;
  }
  return { line: out, changed };
}

/** a `'` opens a quote only outside double quotes */
function isUnquotedPosition(line: string, i: number): boolean {
  let dq = false;
  for (let j = 0; j < i; j++) {
    if (line[j] === '\\') j++;
    else if (line[j] === '"') dq = !dq;
  }
  return !dq;
}

/**
 * bash_history_inhibit_expansion: `!` negating a bracket expression (`[!a]`, with a `]` after it),
 * in `${!name}` and in `$!` is the shell's, not history's.
 */
function inhibited(line: string, i: number): boolean {
  if (line[i - 1] === '[' && line.indexOf(']', i + 1) >= 0) return true;
  if (line[i - 1] === '{' && line[i - 2] === '$' && line.indexOf('}', i + 1) >= 0) return true;
  return line[i - 1] === '$';
}
