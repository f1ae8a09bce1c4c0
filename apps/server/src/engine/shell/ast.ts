// The shell's own small command AST (sh-syntax validates the grammar; see syntax-check.ts).

export type WordPart =
  /** unquoted text: subject to tilde expansion (at word start) and globbing */
  | { kind: 'lit'; value: string }
  /** text that came from quotes or backslash escapes: taken literally */
  | { kind: 'quoted'; value: string }
  /** "..." : its parts expand but are never split or globbed */
  | { kind: 'dq'; parts: WordPart[] }
  /**
   * `${name}` and its operators; `indirect`: `${!name}` (the variable named by name's value).
   * `arg2` is the replacement of `/` and friends, or the length of a substring (`${x:1:2}`).
   */
  | { kind: 'param'; name: string; op?: ParamOp; arg?: Word; arg2?: Word; indirect?: boolean; index?: ArrayIndex }
  | { kind: 'cmdsub'; body: List }
  | { kind: 'arith'; expr: Word };

/** `${a[@]}`, `${a[*]}`: every element; otherwise one, by an arithmetic expression */
export type ArrayIndex = { all: '@' | '*' } | { expr: Word };

export type ParamOp =
  | ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#' | '##' | '%' | '%%' | 'len'
  /** case modification: the first character or all of them, upper or lower case */
  | '^' | '^^' | ',' | ',,'
  /** pattern substitution: the first match, all of them, at the start, at the end */
  | '/' | '//' | '/#' | '/%'
  /** substring: arg is the offset, arg2 the length (both arithmetic) */
  | ':';

export interface Word {
  parts: WordPart[];
  /** source text, for messages and the reserved-word check */
  raw: string;
}

export type RedirOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<' | '>|';

export interface Redirect {
  fd: number;
  op: RedirOp;
  target: Word;
  /** here-document body: a word to expand, or literal text when the delimiter was quoted */
  heredoc?: Word;
}

export interface Assignment {
  name: string;
  value: Word;
  append: boolean;
  /** `a[i]=v`: the subscript, an arithmetic expression */
  index?: Word;
  /** `a=(x y z)`: the array's words */
  array?: Word[];
}

export type Command =
  /** `line`: where it starts in the text parsed, from 1 (a script's messages name it) */
  | { type: 'simple'; assigns: Assignment[]; words: Word[]; redirs: Redirect[]; line?: number }
  | { type: 'subshell'; body: List; redirs: Redirect[] }
  | { type: 'group'; body: List; redirs: Redirect[] }
  | { type: 'if'; clauses: { cond: List; body: List }[]; elseBody?: List; redirs: Redirect[] }
  | { type: 'for'; name: string; items?: Word[]; body: List; redirs: Redirect[] }
  /** `for ((init; cond; step))` */
  | { type: 'cfor'; init: Word; cond: Word; step: Word; body: List; redirs: Redirect[] }
  /** `(( expr ))`: status 0 when the value is not zero */
  | { type: 'arith'; expr: Word; redirs: Redirect[] }
  | { type: 'while'; until: boolean; cond: List; body: List; redirs: Redirect[] }
  | { type: 'case'; word: Word; items: CaseItem[]; redirs: Redirect[] }
  /** `name() body` or `function name body`: `source` is the body's text, kept in the session */
  | { type: 'function'; name: string; body: Command; source: string; line: number; redirs: Redirect[] }
  /** `[[ expr ]]` */
  | { type: 'cond'; expr: CondExpr; redirs: Redirect[] };

/** `pattern|pattern) body ;;` — `;&` falls through to the next body, `;;&` tests the next patterns */
export interface CaseItem {
  patterns: Word[];
  body: List;
  terminator: ';;' | ';&' | ';;&';
}

/** the expression inside `[[ ]]`: its words are expanded without splitting or globbing */
export type CondExpr =
  /** a lone word: true when not empty */
  | { kind: 'word'; word: Word }
  | { kind: 'unary'; op: string; arg: Word }
  /** `==` `!=` (the right side a pattern), `=~` (an extended regular expression), `<` `>`, -eq and friends */
  | { kind: 'binary'; op: string; left: Word; right: Word }
  | { kind: 'not'; expr: CondExpr }
  /** `( expr )`, kept so that a function prints as typed */
  | { kind: 'paren'; expr: CondExpr }
  | { kind: 'and' | 'or'; left: CondExpr; right: CondExpr };

export interface Pipeline {
  negated: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface List {
  items: { andOr: AndOr; background: boolean }[];
}
