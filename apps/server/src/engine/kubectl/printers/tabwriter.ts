// A port of the behaviour of Go's text/tabwriter as kubectl vendors it (github.com/liggitt/tabwriter,
// which adds the RememberWidths flag). Cells end at '\t' (or '\v'); lines at '\n' (or '\f', which
// also flushes). A column is aligned only across a contiguous run of lines that all have a
// tab-terminated cell in it; the text after a line's last tab is not part of any column.
// Widths count Unicode code points, as utf8.RuneCount does. Escape sequences and FilterHTML are
// not supported (kubectl uses neither).

export const AlignRight = 1 << 2;
export const DiscardEmptyColumns = 1 << 3;
export const TabIndent = 1 << 4;
export const RememberWidths = 1 << 6;

export interface TabwriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: string;
  flags: number;
}

/** cli-runtime pkg/printers/tabwriter.go: what `kubectl get` (and api-resources, top) use. */
export const GET_TABWRITER: TabwriterOptions = Object.freeze({ minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ', flags: RememberWidths });

/** kubectl pkg/describe tabbedString: what `kubectl describe` uses. */
export const DESCRIBE_TABWRITER: TabwriterOptions = Object.freeze({ minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ', flags: 0 });

interface Cell {
  text: string;
  width: number;
  /** the cell was terminated by a horizontal tab */
  htab: boolean;
}

const runeCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** A stateful writer, for callers that flush between blocks (kubectl get keeps remembered widths). */
export class TabWriter {
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private maxwidths: number[] = [];
  private out = '';
  private readonly opts: TabwriterOptions;

  constructor(opts: TabwriterOptions) {
    const flags = opts.padchar === '\t' ? opts.flags & ~AlignRight : opts.flags; // tab padding enforces left alignment
    this.opts = { ...opts, flags };
  }

  write(text: string): this {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        // a line with a single cell cannot affect later lines: Go flushes there
        if (ch === '\f' || ncells === 1) this.flushBuffered();
      }
    }
    this.cell += text.slice(start);
    return this;
  }

  /** Formats everything buffered and returns all output produced since the last call. */
  flush(): string {
    this.flushBuffered();
    const out = this.out;
    this.out = '';
    return out;
  }

  rememberedWidths(): number[] {
    return [...this.maxwidths];
  }

  setRememberedWidths(widths: readonly number[]): this {
    this.maxwidths = [...widths];
    return this;
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.cell, width: runeCount(this.cell), htab });
    this.cell = '';
    return line.length;
  }

  private flushBuffered(): void {
    if (this.cell.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.cell = '';
    this.widths = [];
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let self = line0; self < line1; self++) {
      if (column >= this.lines[self].length - 1) continue;
      // a cell exists in this column: it starts a column block
      this.writeLines(line0, self);
      line0 = self;
      let width = this.opts.minwidth;
      let discardable = true;
      for (; self < line1; self++) {
        const line = this.lines[self];
        if (column >= line.length - 1) break;
        const c = line[column];
        width = Math.max(width, c.width + this.opts.padding);
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && this.opts.flags & DiscardEmptyColumns) width = 0;
      if (this.opts.flags & RememberWidths) width = this.remember(width);
      this.widths.push(width);
      this.format(line0, self);
      this.widths.pop();
      line0 = self;
    }
    this.writeLines(line0, line1);
  }

  private remember(width: number): number {
    const col = this.widths.length;
    if (this.maxwidths.length < col) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
    if (this.maxwidths.length === col) this.maxwidths.push(width);
    else if (this.maxwidths[col] > width) width = this.maxwidths[col];
    else this.maxwidths[col] = width;
    return width;
  }

  private writeLines(line0: number, line1: number): void {
    const { flags } = this.opts;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      let useTabs = (flags & TabIndent) !== 0;
      line.forEach((c, j) => {
        const w = this.widths[j];
        if (c.text.length === 0) {
          if (j < this.widths.length) this.pad(c.width, w, useTabs);
          return;
        }
        useTabs = false;
        if (flags & AlignRight) {
          if (j < this.widths.length) this.pad(c.width, w, false);
          this.out += c.text;
        } else {
          this.out += c.text;
          if (j < this.widths.length) this.pad(c.width, w, false);
        }
      });
      // the last buffered line has no newline of its own
      if (i + 1 < this.lines.length) this.out += '\n';
    }
  }

  private pad(textw: number, cellw: number, useTabs: boolean): void {
    const { padchar, tabwidth } = this.opts;
    if (padchar === '\t' || useTabs) {
      if (tabwidth === 0) return;
      const cw = Math.ceil(cellw / tabwidth) * tabwidth;
      this.out += '\t'.repeat(Math.ceil((cw - textw) / tabwidth));
      return;
    }
    this.out += padchar.repeat(Math.max(0, cellw - textw));
  }
}

/** Formats `text` in one go, as writing it to a fresh Go tabwriter and flushing would. */
export function tabwrite(text: string, opts: TabwriterOptions = GET_TABWRITER): string {
  return new TabWriter(opts).write(text).flush();
}
