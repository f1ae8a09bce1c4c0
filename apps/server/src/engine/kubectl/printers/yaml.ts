// `-o yaml` exactly as kubectl prints it. kubectl marshals objects with sigs.k8s.io/yaml: to JSON,
// then through go-yaml v2, so the layout is go-yaml v2's emitter: keys in its "natural" order,
// 2-space indentation, sequences not indented under their key, empty collections as {} and [],
// strings quoted only when they would read back as something else (double quotes) or cannot be
// plain (single quotes), multi-line strings as literal blocks, and long scalars folded at 80 columns.
// This is a port of the emitter for JSON-shaped values (the `yaml` package cannot be configured to
// choose quoting styles the way go-yaml v2 does).

import { isBase60Float, resolvesToNonString } from './yaml-resolve';

export { resolvesToNonString } from './yaml-resolve';

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

// ---- character classes (on code points) ------------------------------------------------------------

const isPrintable = (cp: number): boolean =>
  cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
const isBreak = (ch: string | undefined): boolean => ch === '\r' || ch === '\n' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
const isSpace = (ch: string | undefined): boolean => ch === ' ';
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';
const isBlankz = (ch: string | undefined): boolean => ch === undefined || isBlank(ch) || isBreak(ch) || ch === '\0';

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** yaml_emitter_analyze_scalar, for block context (kubectl output never uses flow scalars). */
function analyzeScalar(chars: string[]): ScalarAnalysis {
  if (chars.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  const head = chars.slice(0, 3).join('');
  if (head === '---' || head === '...') blockIndicators = true;
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':') && followedByWhitespace) blockIndicators = true;
      else if (ch === '-' && followedByWhitespace) blockIndicators = true;
    } else if (ch === ':' && followedByWhitespace) {
      blockIndicators = true;
    } else if (ch === '#' && precededByWhitespace) {
      blockIndicators = true;
    }
    if (!isPrintable(ch.codePointAt(0)!)) special = true;
    if (isSpace(ch)) {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(ch);
  }
  const a: ScalarAnalysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) a.blockPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

type Style = 'plain' | 'single' | 'double' | 'literal';

/** encoder.stringv + yaml_emitter_select_scalar_style */
function selectStyle(s: string, chars: string[], simpleKey: boolean): Style {
  const canUsePlain = !resolvesToNonString(s) && !isBase60Float(s);
  let style: Style = s.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double';
  const a = analyzeScalar(chars);
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single';
    if (chars.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

// ---- the emitter ----------------------------------------------------------------------------------

class Emitter {
  out = '';
  column = 0;
  /** the last thing written was whitespace (or nothing on the line) */
  whitespace = true;
  /** the current line holds only indentation so far */
  indention = true;

  put(s: string): void {
    this.out += s;
    this.column += [...s].length;
  }

  newline(): void {
    this.out += '\n';
    this.column = 0;
  }

  /** write_break: a newline, or another line break character written as is */
  writeBreak(ch: string): void {
    if (ch === '\n') this.newline();
    else {
      this.out += ch;
      this.column = 0;
    }
  }

  /** yaml_emitter_write_indent */
  writeIndent(indent: number): void {
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.newline();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  /** yaml_emitter_write_indicator */
  indicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  scalar(s: string, indent: number, simpleKey: boolean, forcePlain = false): void {
    const chars = [...s];
    const style = forcePlain ? 'plain' : selectStyle(s, chars, simpleKey);
    const allowBreaks = !simpleKey;
    switch (style) {
      case 'plain':
        return this.plain(chars, indent, allowBreaks);
      case 'single':
        return this.singleQuoted(chars, indent, allowBreaks);
      case 'double':
        return this.doubleQuoted(chars, indent, allowBreaks);
      case 'literal':
        return this.literal(chars, indent);
    }
  }

  private plain(chars: string[], indent: number, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (isSpace(ch)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(chars[i + 1])) this.writeIndent(indent);
        else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private singleQuoted(chars: string[], indent: number, allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (isSpace(ch)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && !isSpace(chars[i + 1])) {
          this.writeIndent(indent);
        } else {
          this.put(ch);
        }
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') this.newline();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        if (ch === "'") this.put("'");
        this.put(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.indicator("'", false, false, false);
  }

  private doubleQuoted(chars: string[], indent: number, allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      const cp = ch.codePointAt(0)!;
      if (!isPrintable(cp) || cp === 0xfeff || isBreak(ch) || ch === '"' || ch === '\\') {
        this.put(`\\${escapeChar(cp)}`);
        spaces = false;
      } else if (isSpace(ch)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          this.writeIndent(indent);
          if (isSpace(chars[i + 1])) this.put('\\');
        } else {
          this.put(ch);
        }
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    }
    this.indicator('"', false, false, false);
  }

  private literal(chars: string[], indent: number): void {
    this.indicator('|', true, false, false);
    // block scalar hints: an indentation indicator when the text starts with a space or break
    if (isSpace(chars[0]) || isBreak(chars[0])) this.indicator(String(BEST_INDENT), false, false, false);
    const last = chars.length - 1;
    if (chars.length === 0 || !isBreak(chars[last])) this.indicator('-', false, false, false);
    else if (last === 0 || isBreak(chars[last - 1])) this.indicator('+', false, false, false);
    this.newline();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(ch)) {
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent(indent);
          breaks = false;
        }
        this.put(ch);
        this.indention = false;
      }
    }
  }
}

function escapeChar(cp: number): string {
  const short: Record<number, string> = {
    0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
    0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
  };
  if (short[cp] !== undefined) return short[cp];
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `u${hex.padStart(4, '0')}`;
  return `U${hex.padStart(8, '0')}`;
}

// ---- values ---------------------------------------------------------------------------------------

/** go-yaml v2's key order (sorter.go keyList.Less) for string keys: letters after other runes, digit runs numerically. */
export function yamlKeyLess(a: string, b: string): number {
  const ar = [...a];
  const br = [...b];
  const isLetter = (c: string) => /\p{L}/u.test(c);
  const isDigit = (c: string | undefined) => c !== undefined && /\p{Nd}/u.test(c);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i] ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai].charCodeAt(0) - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi].charCodeAt(0) - 48);
    if (an !== bn) return an < bn ? -1 : 1;
    if (ai !== bi) return ai < bi ? -1 : 1;
    return ar[i] < br[i] ? -1 : 1;
  }
  return ar.length - br.length;
}

/** strconv.FormatFloat(f, 'g', -1, 64), as go-yaml prints floats. */
export function goFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const [mant, expStr] = n.toExponential().split('e');
  const exp = Number(expStr);
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp);
    return `${mant}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  return String(n);
}

function scalarText(v: unknown): string | null {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? String(v) : goFloat(v);
  return null;
}

const isEmptyCollection = (v: unknown): boolean =>
  (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Drops undefined fields, as JSON marshalling does. */
const entries = (o: Record<string, unknown>): [string, unknown][] =>
  Object.entries(o).filter(([, v]) => v !== undefined).sort(([a], [b]) => yamlKeyLess(a, b));

function emitNode(e: Emitter, v: unknown, indent: number): void {
  // `indent` is the indentation of this node's own block
  if (isEmptyCollection(v)) {
    e.indicator(Array.isArray(v) ? '[]' : '{}', true, false, false);
    return;
  }
  if (Array.isArray(v)) {
    for (const item of v) {
      e.writeIndent(indent);
      e.indicator('-', true, false, true);
      emitNode(e, item === undefined ? null : item, indent + BEST_INDENT);
    }
    return;
  }
  if (isObject(v)) {
    for (const [key, value] of entries(v)) {
      e.writeIndent(indent);
      e.scalar(key, indent + BEST_INDENT, true);
      e.indicator(':', false, false, false);
      // a sequence under a mapping key is not indented
      const childIndent = Array.isArray(value) && value.length > 0 ? indent : indent + BEST_INDENT;
      emitNode(e, value, childIndent);
    }
    return;
  }
  const text = scalarText(v);
  if (text !== null) e.scalar(text, indent, false, true);
  else e.scalar(String(v), indent, false);
}

/** One YAML document for a JSON-shaped value, ending in a newline. */
export function toYaml(value: unknown): string {
  const e = new Emitter();
  const root = JSON.parse(JSON.stringify(value ?? null)) as unknown; // marshal through JSON first, as sigs.k8s.io/yaml does
  emitNode(e, root, 0);
  return `${e.out}\n`;
}
