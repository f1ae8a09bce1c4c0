// The grammar's authority: mvdan/sh (via sh-syntax's WASM build) must accept a line before it
// runs. Its errors are turned into bash's wording: bash names the token it choked on.

import { parse } from 'sh-syntax';

const PLAIN = /^[\w \t\-./=:,@%+^{}[\]*?~]*$/;
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'in', 'function', 'select', 'time', 'coproc']);

interface ShParseError {
  Incomplete?: boolean;
  Text?: string;
  Pos?: { Offset: number };
}

/** undefined when mvdan/sh accepts `src`, else bash's message (without `bash: `) */
export async function checkSyntax(src: string): Promise<string | undefined> {
  if (isPlain(src)) return undefined;
  if (CACHE.has(src)) return CACHE.get(src);
  let verdict: string | undefined;
  try {
    await parse(src, { keepComments: false });
  } catch (e) {
    const err = e as ShParseError;
    // bash checks names in `export 1x=2` and arithmetic in $(( )) when it runs them, not
    // when it parses: those errors are left to the interpreter
    if (err.Text !== 'invalid var name' && !/expression|arithmetic/.test(err.Text ?? '')) verdict = bashMessage(src, err);
  }
  if (CACHE.size >= CACHE_SIZE) CACHE.delete(CACHE.keys().next().value as string);
  CACHE.set(src, verdict);
  return verdict;
}

/** each check starts a Go runtime in WASM (tens of ms): lines typed again are answered here */
const CACHE = new Map<string, string | undefined>();
const CACHE_SIZE = 1000;

/**
 * Plain words (quoted text without expansions included) have no grammar to get wrong: spare
 * them the WASM round trip. `kubectl get pods -o jsonpath='{.items[*].metadata.name}'` is plain.
 */
function isPlain(src: string): boolean {
  const unquoted = src.replace(/'[^']*'/g, 'q').replace(/"[^"$`\\!]*"/g, 'q');
  return PLAIN.test(unquoted) && !unquoted.split(/\s+/).some((w) => RESERVED.has(w));
}

export function bashMessage(src: string, err: ShParseError): string {
  const text = err.Text ?? String(err);
  const quote = /reached EOF without closing quote `(.)`/.exec(text);
  if (quote) return `unexpected EOF while looking for matching \`${quote[1]}'`;
  if (/unclosed here-document/.test(text)) return 'syntax error: unexpected end of file';
  const at = err.Pos ? charIndex(src, err.Pos.Offset) : src.length;
  let tok = tokenAt(src, at);
  // mvdan points at the operator that lacks an operand; bash names what follows it
  if (/must be followed by/.test(text) && tok) tok = tokenAt(src, skipBlank(src, at + tok.length));
  if (tok === undefined) return err.Incomplete ? 'syntax error: unexpected end of file' : "syntax error near unexpected token `newline'";
  return `syntax error near unexpected token \`${tok}'`;
}

/** mvdan reports UTF-8 byte offsets */
function charIndex(src: string, byteOffset: number): number {
  const enc = new TextEncoder();
  let bytes = 0;
  for (let i = 0; i < src.length; i++) {
    if (bytes >= byteOffset) return i;
    bytes += enc.encode(src[i]).length;
  }
  return src.length;
}

function skipBlank(src: string, i: number): number {
  while (src[i] === ' ' || src[i] === '\t') i++;
  return i;
}

function tokenAt(src: string, i: number): string | undefined {
  const rest = src.slice(i);
  if (rest === '') return undefined;
  if (rest[0] === '\n') return 'newline';
  const op = /^(;;&|;;|;&|&&|\|\||\|&|>>|<<-|<<|&>>|&>|>&|<&|[;&|()<>])/.exec(rest);
  if (op) return op[1];
  const w = /^[^\s;&|()<>]+/.exec(rest);
  return w ? w[0] : rest[0];
}
