// $(( )) arithmetic: integers, + - * / % **, comparisons, && || !, parentheses, variables.

import { ExpansionError } from './expand-error';

export function evalArith(expr: string, getVar: (name: string) => string | undefined, setVar?: (name: string, value: string) => void): number {
  const matches = [...expr.matchAll(/0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\+\+|--|\*\*=?|[-+*/%]=|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%()<>!~&|^=,?:]|\S/g)];
  const toks = matches.map((m) => m[0]);
  let i = 0;
  // bash names the rest of the expression from the bad token on (the last token at the end)
  const fail = (kind: 'operand' | 'leftover', at = i): never => {
    const bad = at < toks.length ? expr.slice(matches[at].index).trim() : toks[toks.length - 1] ?? '';
    const what = kind === 'operand' ? 'syntax error: operand expected' : /^[\w(]/.test(toks[at] ?? '') ? 'syntax error in expression' : 'syntax error: invalid arithmetic operator';
    throw new ExpansionError(`${expr.trim()}: ${what} (error token is "${bad}")`);
  };
  const levels: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];
  const binary = (level: number): number => {
    if (level === levels.length) return power();
    let left = binary(level + 1);
    while (i < toks.length && levels[level].includes(toks[i])) {
      const op = toks[i++];
      const right = binary(level + 1);
      left = apply(op, left, right);
    }
    return left;
  };
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '||': return a || b ? 1 : 0;
      case '&&': return a && b ? 1 : 0;
      case '|': return a | b;
      case '^': return a ^ b;
      case '&': return a & b;
      case '==': return a === b ? 1 : 0;
      case '!=': return a !== b ? 1 : 0;
      case '<': return a < b ? 1 : 0;
      case '>': return a > b ? 1 : 0;
      case '<=': return a <= b ? 1 : 0;
      case '>=': return a >= b ? 1 : 0;
      case '<<': return a << b;
      case '>>': return a >> b;
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '**': return a ** b;
      default:
        if (b === 0) throw new ExpansionError(`${expr.trim()}: division by 0 (error token is "${String(b)}")`);
        return op === '/' ? Math.trunc(a / b) : a % b;
    }
  };
  const power = (): number => {
    const base = unary();
    if (toks[i] === '**') {
      i++;
      return base ** power();
    }
    return base;
  };
  const unary = (): number => {
    const t = toks[i];
    if (t === '-') { i++; return -unary(); }
    if (t === '+') { i++; return unary(); }
    if (t === '!') { i++; return unary() ? 0 : 1; }
    if (t === '~') { i++; return ~unary(); }
    if ((t === '++' || t === '--') && isName(toks[i + 1])) {
      const name = toks[i + 1];
      i += 2;
      return store(name, valueOf(name) + (t === '++' ? 1 : -1));
    }
    return primary();
  };
  const primary = (): number => {
    const t = toks[i++];
    if (t === undefined) return fail('operand', toks.length);
    if (t === '(') {
      const v = binary(0);
      if (toks[i] !== ')') fail('leftover');
      i++;
      return v;
    }
    if (/^0[xX]/.test(t)) return parseInt(t.slice(2), 16);
    if (/^0\d+$/.test(t)) return parseInt(t, 8);
    if (/^\d+$/.test(t)) return parseInt(t, 10);
    if (/^[A-Za-z_]/.test(t)) {
      const post = toks[i];
      if (post === '++' || post === '--') {
        i++;
        const old = valueOf(t);
        store(t, old + (post === '++' ? 1 : -1));
        return old;
      }
      return valueOf(t);
    }
    return fail('operand', i - 1);
  };
  const isName = (t: string | undefined): t is string => t !== undefined && /^[A-Za-z_]\w*$/.test(t);
  const valueOf = (name: string): number => {
    const v = (getVar(name) ?? '').trim();
    if (v === '') return 0;
    return /^-?\d+$/.test(v) ? parseInt(v, 10) : evalArith(v, getVar);
  };
  const store = (name: string, v: number): number => {
    if (!setVar) throw new ExpansionError(`${expr.trim()}: attempted assignment to non-variable`);
    setVar(name, String(v));
    return v;
  };
  // assignment and the comma operator sit below the binary operators
  const assignment = (): number => {
    const t = toks[i];
    const op = toks[i + 1];
    if (isName(t) && op !== undefined && /^([-+*/%]|\*\*)?=$/.test(op) && op !== '==') {
      i += 2;
      const rhs = assignment();
      if (op === '=') return store(t, rhs);
      return store(t, apply(op.slice(0, -1) === '**' ? '**' : op.slice(0, -1), valueOf(t), rhs));
    }
    const c = binary(0);
    if (toks[i] === '?') {
      i++;
      const a = assignment();
      if (toks[i] !== ':') fail('leftover');
      i++;
      const b = assignment();
      return c ? a : b;
    }
    return c;
  };
  if (toks.length === 0) return 0;
  let v = assignment();
  while (toks[i] === ',') {
    i++;
    v = assignment();
  }
  if (i < toks.length) fail('leftover');
  return Math.trunc(v);
}
