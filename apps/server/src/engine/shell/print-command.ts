// A function as `type f` and `declare -f f` show it: bash prints the command it parsed, in its
// own layout (print_cmd.c), not the text that was typed: one command a line, four spaces a
// level, `;` after each command of an if, loop or case body, `elif` as a nested `if`.

import type { AndOr, Command, CondExpr, List, Pipeline, Redirect, Word } from './ast';

const STEP = '    ';

export function printFunction(name: string, body: Command): string {
  // a body that is not a group is shown inside one
  const group: Command = body.type === 'group' ? body : { type: 'group', body: { items: [{ andOr: { first: { negated: false, commands: [body] }, rest: [] }, background: false }] }, redirs: [] };
  return `${name} () \n${command(group, '')}\n`;
}

/** the items of a list; `terminated`: every one ends with `;` (bodies of if, loops) */
function list(l: List, indent: string, terminated: boolean): string {
  let out = '';
  l.items.forEach((item, i) => {
    const last = i === l.items.length - 1;
    out += andOr(item.andOr, indent);
    if (item.background) out += last ? ' &' : ' & ';
    else if (!last || terminated) out += ';';
    if (!last && !item.background) out += `\n${indent}`;
  });
  return out;
}

function andOr(a: AndOr, indent: string): string {
  let out = pipeline(a.first, indent);
  for (const r of a.rest) out += ` ${r.op} ${pipeline(r.pipeline, indent)}`;
  return out;
}

function pipeline(p: Pipeline, indent: string): string {
  return (p.negated ? '! ' : '') + p.commands.map((c) => command(c, indent)).join(' | ');
}

function command(c: Command, indent: string): string {
  const inner = indent + STEP;
  switch (c.type) {
    case 'simple':
      return [...c.assigns.map((a) => `${a.name}${a.append ? '+=' : '='}${a.value.raw}`), ...c.words.map((w) => w.raw)].join(' ') + redirs(c.redirs);
    case 'group':
      return `{ \n${inner}${list(c.body, inner, false)}\n${indent}}${redirs(c.redirs)}`;
    case 'subshell':
      return `( ${list(c.body, indent, false)} )${redirs(c.redirs)}`;
    case 'if': {
      const [first, ...rest] = c.clauses;
      let out = `if ${list(first.cond, indent, false)}; then\n${inner}${list(first.body, inner, true)}\n`;
      if (rest.length) {
        const nested: Command = { type: 'if', clauses: rest, elseBody: c.elseBody, redirs: [] };
        out += `${indent}else\n${inner}${command(nested, inner)};\n`;
      } else if (c.elseBody) out += `${indent}else\n${inner}${list(c.elseBody, inner, true)}\n`;
      return `${out}${indent}fi${redirs(c.redirs)}`;
    }
    case 'for': {
      const items = c.items ? ` in ${c.items.map((w) => w.raw).join(' ')}` : '';
      return `for ${c.name}${items};\n${indent}do\n${inner}${list(c.body, inner, true)}\n${indent}done${redirs(c.redirs)}`;
    }
    case 'cfor':
      return `for ((${arith(c.init)}; ${arith(c.cond)}; ${arith(c.step)}))\n${indent}do\n${inner}${list(c.body, inner, true)}\n${indent}done${redirs(c.redirs)}`;
    case 'while':
      return `${c.until ? 'until' : 'while'} ${list(c.cond, indent, false)}; do\n${inner}${list(c.body, inner, true)}\n${indent}done${redirs(c.redirs)}`;
    case 'case': {
      let out = `case ${c.word.raw} in \n`;
      for (const item of c.items) {
        out += `${inner}${item.patterns.map((p) => p.raw).join(' | ')})\n`;
        // an empty body is an empty line
        out += item.body.items.length ? `${inner}${STEP}${list(item.body, inner + STEP, false)}\n` : '\n';
        out += `${inner}${item.terminator}\n`;
      }
      return `${out}${indent}esac${redirs(c.redirs)}`;
    }
    case 'cond':
      return `[[ ${cond(c.expr)} ]]${redirs(c.redirs)}`;
    case 'arith':
      return `(( ${arith(c.expr)} ))${redirs(c.redirs)}`;
    case 'function':
      return printFunction(c.name, c.body).replace(/\n$/, '').split('\n').join(`\n${indent}`);
  }
}

function cond(e: CondExpr): string {
  switch (e.kind) {
    case 'word':
      return e.word.raw;
    case 'unary':
      return `${e.op} ${e.arg.raw}`;
    case 'binary':
      return `${e.left.raw} ${e.op} ${e.right.raw}`;
    case 'not':
      return `! ${cond(e.expr)}`;
    case 'paren':
      return `( ${cond(e.expr)} )`;
    case 'and':
      return `${cond(e.left)} && ${cond(e.right)}`;
    case 'or':
      return `${cond(e.left)} || ${cond(e.right)}`;
  }
}

function arith(w: Word): string {
  return w.raw.trim();
}

function redirs(rs: Redirect[]): string {
  let out = '';
  for (const r of rs) {
    const defaultFd = r.op.startsWith('<') ? 0 : 1;
    const fd = r.fd === defaultFd || r.op.startsWith('&') ? '' : String(r.fd);
    const dup = r.op === '>&' || r.op === '<&';
    out += dup ? ` ${fd}${r.op}${r.target.raw}` : ` ${fd}${r.op} ${r.target.raw}`;
  }
  return out;
}
