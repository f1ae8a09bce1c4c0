import type { Command, CondExpr, List, Word } from './ast';
import { ShellSyntaxError, parseShell } from './parser';
import { checkSyntax } from './syntax-check';

const lit = (value: string): Word => ({ parts: [{ kind: 'lit', value }], raw: value });

function only(list: List): Command {
  expect(list.items).toHaveLength(1);
  expect(list.items[0].andOr.rest).toHaveLength(0);
  expect(list.items[0].andOr.first.commands).toHaveLength(1);
  return list.items[0].andOr.first.commands[0];
}

describe('parseShell', () => {
  it('builds lists of and-or pipelines', () => {
    const { list } = parseShell('a | b && c || d; e &');
    expect(list.items.map((i) => i.background)).toEqual([false, true]);
    const ao = list.items[0].andOr;
    expect(ao.first.commands).toHaveLength(2);
    expect(ao.rest.map((r) => r.op)).toEqual(['&&', '||']);
  });

  it('separates assignments, words and redirections', () => {
    const cmd = only(parseShell('A=1 B+=x cmd arg 2>&1 >out <in').list);
    expect(cmd).toEqual({
      type: 'simple',
      assigns: [
        { name: 'A', append: false, value: lit('1') },
        { name: 'B', append: true, value: lit('x') },
      ],
      words: [lit('cmd'), lit('arg')],
      redirs: [
        { fd: 2, op: '>&', target: lit('1') },
        { fd: 1, op: '>', target: lit('out') },
        { fd: 0, op: '<', target: lit('in') },
      ],
      line: 1,
    });
  });

  it('keeps quoting apart from literal text', () => {
    const cmd = only(parseShell(`echo a'b c'"d $X \\$"\\e`).list);
    expect(cmd.type === 'simple' && cmd.words[1].parts).toEqual([
      { kind: 'lit', value: 'a' },
      { kind: 'quoted', value: 'b c' },
      { kind: 'dq', parts: [{ kind: 'quoted', value: 'd ' }, { kind: 'param', name: 'X' }, { kind: 'quoted', value: ' $' }] },
      { kind: 'quoted', value: 'e' },
    ]);
  });

  it('parses parameter forms', () => {
    const cmd = only(parseShell('echo ${A:-x y} ${#B} $? $1 ${C%.*}').list);
    expect(cmd.type === 'simple' && cmd.words.slice(1).map((w) => w.parts[0])).toEqual([
      { kind: 'param', name: 'A', op: ':-', arg: { parts: [{ kind: 'lit', value: 'x y' }], raw: 'x y' } },
      { kind: 'param', name: 'B', op: 'len' },
      { kind: 'param', name: '?' },
      { kind: 'param', name: '1' },
      { kind: 'param', name: 'C', op: '%', arg: { parts: [{ kind: 'lit', value: '.*' }], raw: '.*' } },
    ]);
  });

  it('reads here-documents after the line that opens them', () => {
    const { list } = parseShell("cat <<A <<-'B'; echo next\nbody $X\nA\n\tliteral $Y\n\tB\necho after");
    const first = list.items[0].andOr.first.commands[0];
    expect(first.redirs.map((r) => r.heredoc)).toEqual([
      { parts: [{ kind: 'quoted', value: 'body ' }, { kind: 'param', name: 'X' }, { kind: 'quoted', value: '\n' }], raw: 'body $X\n' },
      { parts: [{ kind: 'quoted', value: 'literal $Y\n' }], raw: 'literal $Y\n' },
    ]);
    expect(list.items).toHaveLength(3);
  });

  it('parses compound commands', () => {
    const { list } = parseShell('if a; then b; elif c; then d; else e; fi; for x in 1 2; do f; done; while g; do h; done; (i); { j; }');
    expect(list.items.map((i) => i.andOr.first.commands[0].type)).toEqual(['if', 'for', 'while', 'subshell', 'group']);
  });

  it('treats reserved words as words outside command position', () => {
    const cmd = only(parseShell('echo if then fi }').list);
    expect(cmd.type === 'simple' && cmd.words.map((w) => w.raw)).toEqual(['echo', 'if', 'then', 'fi', '}']);
  });

  it.each([
    ['a |', 'syntax error: unexpected end of file'],
    ['| a', "syntax error near unexpected token `|'"],
    ['a && && b', "syntax error near unexpected token `&&'"],
    ['(a', 'syntax error: unexpected end of file'],
    ['a)', "syntax error near unexpected token `)'"],
    ['then', "syntax error near unexpected token `then'"],
    ['for 1 in a; do b; done', "syntax error near unexpected token `1'"],
    ['echo ${a b}', '${a b}: bad substitution'],
    ['f() echo x', "syntax error near unexpected token `echo'"],
    ['function', 'syntax error: unexpected end of file'],
    ['case x in', 'syntax error: unexpected end of file'],
    ['case x in a b) c;; esac', "syntax error near unexpected token `b'"],
    ['esac', "syntax error near unexpected token `esac'"],
    ['in', "syntax error near unexpected token `in'"],
    [']]', "syntax error near unexpected token `]]'"],
    ['select x in a; do b; done', 'select: this construct is not supported in this sandbox'],
    ['while read -r x; do echo $x; done < <(ls)', 'process substitution <(...) is not supported in this sandbox; use a pipe: cmd | while read -r x; do ...; done'],
    ['diff <(ls a) <(ls b)', 'process substitution <(...) is not supported in this sandbox; use a pipe: cmd | while read -r x; do ...; done'],
    ['tee >(wc -l)', 'process substitution <(...) is not supported in this sandbox; use a pipe: cmd | while read -r x; do ...; done'],
  ])('%j fails with %j', (src, message) => {
    expect(() => parseShell(src)).toThrow(new ShellSyntaxError(message));
  });

  it('parses case: patterns, bodies and their terminators', () => {
    const cmd = only(parseShell('case $x in (a|b*) echo one;; c) ;& *) echo two; echo three;;& esac').list);
    if (cmd.type !== 'case') throw new Error(cmd.type);
    expect(cmd.word.raw).toBe('$x');
    expect(cmd.items.map((i) => [i.patterns.map((p) => p.raw), i.body.items.length, i.terminator])).toEqual([
      [['a', 'b*'], 1, ';;'],
      [['c'], 0, ';&'],
      [['*'], 2, ';;&'],
    ]);
    // the last item may end at esac, on the next line
    const multi = only(parseShell('case $1 in\n  start)\n    echo go\n    ;;\n  *) echo no\nesac').list);
    expect(multi.type === 'case' && multi.items.map((i) => i.patterns[0].raw)).toEqual(['start', '*']);
  });

  it('parses [[ ]]: operators, precedence, and a regular expression with its parentheses', () => {
    const cmd = only(parseShell('[[ ! -f $f && ( $a == b* || $n -gt 2 ) && $v =~ ^(x|y)+$ ]]').list);
    if (cmd.type !== 'cond') throw new Error(cmd.type);
    const show = (e: CondExpr): unknown => {
      switch (e.kind) {
        case 'not':
          return ['!', show(e.expr)];
        case 'paren':
          return ['(', show(e.expr), ')'];
        case 'and':
        case 'or':
          return [show(e.left), e.kind, show(e.right)];
        case 'word':
          return e.word.raw;
        case 'unary':
          return [e.op, e.arg.raw];
        case 'binary':
          return [e.left.raw, e.op, e.right.raw];
      }
    };
    expect(show(cmd.expr)).toEqual([[['!', ['-f', '$f']], 'and', ['(', [['$a', '==', 'b*'], 'or', ['$n', '-gt', '2']], ')']], 'and', ['$v', '=~', '^(x|y)+$']]);
    // `<` and `>` compare strings there, they do not redirect
    const lt = only(parseShell('[[ a < b ]] > out').list);
    expect(lt.type === 'cond' && lt.expr.kind === 'binary' && lt.expr.op).toBe('<');
    expect(lt.redirs.map((r) => r.target.raw)).toEqual(['out']);
  });

  it('gives up on a broken [[ ]] as bash does, leaving $? as it was', () => {
    for (const [src, message] of [
      ['[[ ]]', ''],
      ['[[ a == ]]', "unexpected argument `]]' to conditional binary operator"],
      ['[[ -n ]]', "unexpected argument `]]' to conditional unary operator"],
    ]) {
      let thrown: unknown;
      try {
        parseShell(src);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ShellSyntaxError);
      expect(thrown).toMatchObject({ message, keepStatus: true });
    }
  });

  it('limits nesting', () => {
    expect(() => parseShell(`${'( '.repeat(60)}a${' )'.repeat(60)}`)).toThrow('nesting too deep');
  });
});

describe('checkSyntax (mvdan/sh through sh-syntax)', () => {
  it.each([
    ['echo ok | grep o && x=$(date) || true', undefined],
    ['kubectl get pods -o wide', undefined],
    ['export 1x=2', undefined],
    ['a | | b', "syntax error near unexpected token `|'"],
    ['echo "x', 'unexpected EOF while looking for matching `"\''],
    ['echo a &&', 'syntax error: unexpected end of file'],
    ['done', "syntax error near unexpected token `done'"],
  ])('%j', async (src, want) => {
    expect(await checkSyntax(src)).toBe(want);
  });
});
