// Splits a script into the command lines bash would read one at a time: a here-document with
// its body, `\` continuations and open quotes stay with their command. Blank lines and comments
// are skipped, except `# step: ID` markers, which are kept for the lesson tooling.

import { parse } from 'sh-syntax';

export type ScriptItem = { kind: 'command'; text: string; line: number } | { kind: 'step'; id: string; line: number };

const STEP = /^#\s*step:\s*(\S+)\s*$/;
/** an odd number of backslashes at the end: the last one escapes the newline (`\\` is a backslash) */
const CONTINUED = /(?:^|[^\\])(?:\\\\)*\\$/;

export async function splitScript(text: string): Promise<ScriptItem[]> {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const items: ScriptItem[] = [];
  let buffer: string[] = [];
  let startLine = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (buffer.length === 0) {
      const trimmed = line.trim();
      if (trimmed === '') continue;
      if (trimmed.startsWith('#')) {
        const m = STEP.exec(trimmed);
        if (m) items.push({ kind: 'step', id: m[1], line: i + 1 });
        continue;
      }
      startLine = i + 1;
    }
    buffer.push(line);
    const src = buffer.join('\n');
    if (CONTINUED.test(line) && i + 1 < lines.length) continue;
    if ((await incomplete(src)) && i + 1 < lines.length) continue;
    items.push({ kind: 'command', text: src, line: startLine });
    buffer = [];
  }
  return items;
}

async function incomplete(src: string): Promise<boolean> {
  try {
    await parse(`${src}\n`, { keepComments: false });
    return false;
  } catch (e) {
    const err = e as { Incomplete?: boolean; Text?: string };
    return err.Incomplete === true || /unclosed here-document|reached EOF/.test(err.Text ?? '');
  }
}
