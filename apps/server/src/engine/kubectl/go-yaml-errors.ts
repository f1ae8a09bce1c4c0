// The `yaml` package's syntax errors, said as kubectl says them: sigs.k8s.io/yaml hands each
// document of a manifest (the text after its `---` line) to go-yaml v2, whose messages and line
// numbers follow its scanner and parser. What a student sees for a misindented line is go-yaml's
// sentence, not the `yaml` package's.

interface YamlError {
  code?: string;
  message: string;
  pos: [number, number];
}

/** go-yaml's error: its words, which of its stages found it, and the 1-based line of its mark. */
interface GoYamlError {
  message: string;
  stage: 'scanner' | 'parser';
  /** offset in the text of the token go-yaml stops at */
  at: number;
}

/** `line N: message` (or the message alone) as go-yaml prints the first error of a document. */
export function goYamlSyntaxError(text: string, errors: readonly YamlError[]): string {
  const e = classify(text, errors);
  const line = lineOf(text, e.at) - separatorLineBefore(text, e.at);
  // parser.fail(): a scanner error names its mark's 1-based line, a parser error its 0-based
  // one, and neither names the document's first line (0-based 0)
  if (line <= 1) return e.message;
  return `line ${e.stage === 'scanner' ? line : line - 1}: ${e.message}`;
}

/** What the `yaml` package throws while building values, in go-yaml's words. */
export function goYamlThrownError(e: Error): string {
  if (/alias/i.test(e.message) && /excessive|exhaustion/i.test(e.message)) return 'document contains excessive aliasing';
  const alias = /^Unresolved alias.*?: (.*)$/.exec(e.message.split('\n')[0]);
  if (alias) return `unknown anchor '${alias[1]}' referenced`;
  return firstLine(e.message);
}

/** the `yaml` package's message without its position and source excerpt */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
}

function classify(text: string, errors: readonly YamlError[]): GoYamlError {
  const first = errors[0];
  const at = first.pos[0];
  // a `- item` after a key's value on the key's own indentation: the mapping wanted another key
  const seqAfterKey = errors.find((e) => e.code === 'UNEXPECTED_TOKEN' && /block-seq-ind on same line with key/.test(e.message));
  if (seqAfterKey) return { message: 'did not find expected key', stage: 'parser', at: seqAfterKey.pos[0] };
  switch (first.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // a `- item` less indented than its siblings: the mapping around it wanted a key
      if (/block sequence/.test(first.message)) return { message: 'did not find expected key', stage: 'parser', at };
      // a `key: value` where a value was being read
      // go-yaml stops at the colon that made a key of what ran over two lines
      const multiline = errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY');
      return { message: 'mapping values are not allowed in this context', stage: 'scanner', at: multiline ? multiline.pos[1] : at };
    }
    case 'TAB_AS_INDENT':
    case 'BAD_SCALAR_START':
      // a plain scalar ran on into the next line, whose tab go-yaml finds left of the scalar's indentation
      if (tabBreaksPlainScalar(text, at)) return { message: 'found a tab character that violates indentation', stage: 'scanner', at };
      return { message: 'found character that cannot start any token', stage: 'scanner', at };
    case 'MISSING_CHAR':
      if (/closing "?quote/i.test(first.message)) return { message: 'found unexpected end of stream', stage: 'scanner', at };
      // a plain word alone on its line: the scanner gives up on it as a key at the next token
      if (/Implicit map keys need to be followed by map values/.test(first.message)) return { message: "could not find expected ':'", stage: 'scanner', at: nextTokenAfterLine(text, at) };
      return { message: 'did not find expected key', stage: 'parser', at };
    case 'BAD_INDENT':
      if (/^Flow sequence/.test(first.message)) return { message: "did not find expected ',' or ']'", stage: 'parser', at };
      if (/^Flow map/.test(first.message)) return { message: "did not find expected ',' or '}'", stage: 'parser', at };
      return { message: 'did not find expected key', stage: 'parser', at };
    case 'DUPLICATE_KEY':
      return { message: 'mapping key already defined', stage: 'parser', at };
    case 'UNEXPECTED_TOKEN':
      if (/flow-(seq|map)-end/.test(first.message)) return { message: 'did not find expected key', stage: 'parser', at };
      if (/at node end/.test(first.message) && insideBlockSequence(text, at)) return { message: "did not find expected '-' indicator", stage: 'parser', at };
      return { message: 'did not find expected node content', stage: 'parser', at };
    default:
      return { message: firstLine(first.message), stage: 'parser', at };
  }
}

/** 1-based line of an offset */
function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** the 1-based line of the last `---` separator before `at`, 0 when there is none */
function separatorLineBefore(text: string, at: number): number {
  let found = 0;
  let line = 1;
  for (let start = 0; start < at && start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const content = text.slice(start, end === -1 ? undefined : end);
    if (/^---(\s|#|$)/.test(content)) found = line;
    if (end === -1) break;
    start = end + 1;
  }
  return found;
}

/** where the token after the line holding `at` begins (blank lines and comments skipped), or the end */
function nextTokenAfterLine(text: string, at: number): number {
  const eol = text.indexOf('\n', at);
  if (eol === -1) return text.length;
  const rest = /^(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]*/.exec(text.slice(eol + 1));
  return eol + 1 + (rest ? rest[0].length : 0);
}

/** the nearest less-or-equally indented line above `at` is a `- ` item at the same column */
function insideBlockSequence(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const column = at - lineStart;
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    if (indent > column) continue;
    return indent === column && /^-(\s|$)/.test(line.trimStart());
  }
  return false;
}

/**
 * The line holding `at` is indented with a tab, and the line before it (blank lines and comments
 * skipped) ends in a plain scalar (`key: value`, `- value`): go-yaml's scanner reads the next line
 * as the scalar's continuation, and a tab in its leading blanks left of the scalar's indentation
 * (the key's or the dash's column, plus one) is "a tab character that violates indentation".
 */
function tabBreaksPlainScalar(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lead = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const tab = lead.indexOf('\t');
  if (tab === -1) return false;
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\s+$/, '');
    end = start - 1;
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const m = /^( *)((?:- +)*)(.*)$/.exec(line)!;
    const column = m[1].length + (m[2] ? m[2].lastIndexOf('-') : 0);
    const kv = /^[^'"{[#][^:]*:\s+(.*)$/.exec(m[3]);
    const value = kv ? kv[1] : m[2] ? m[3] : '';
    return isPlainScalar(value) && tab <= column;
  }
  return false;
}

/** a value go-yaml scans as a plain scalar: not empty, quoted, a flow collection, a block scalar or a node property */
function isPlainScalar(value: string): boolean {
  return value !== '' && !/^['"{[|>&*!%@`#]/.test(value);
}

