// kubectl's prefixWriter over a tabwriter (describe.go PrefixWriter + tabbedString): each level
// indents two spaces; text is buffered and aligned by Go tabwriter rules when the string is taken.
import { DESCRIBE_TABWRITER, tabwrite } from '../tabwriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export class PrefixWriter {
  private readonly segments: string[] = [];
  private buf = '';

  /** `w.Write(level, format, ...)`: the caller formats; the prefix goes before the text only. */
  write(level: number, text: string): void {
    this.buf += escapeTerminal('  '.repeat(level) + text);
  }

  /** `w.WriteLine(a...)`: fmt.Sprintln, no indentation. */
  writeLine(text = ''): void {
    this.buf += escapeTerminal(`${text}\n`);
  }

  /** Flushing ends every alignment block: text after it is aligned on its own. */
  flush(): void {
    this.segments.push(this.buf);
    this.buf = '';
  }

  toString(): string {
    return [...this.segments, this.buf].map((t) => tabwrite(t, DESCRIBE_TABWRITER)).join('');
  }
}

/** printers.WriteEscaped: ESC and CR from object data must not reach the terminal. */
export function escapeTerminal(s: string): string {
  return s.split('\u001b').join('^[').split('\r').join('\\r');
}

/** Runs a describer body against a fresh writer and returns the aligned text (tabbedString). */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  body(w);
  return w.toString();
}
