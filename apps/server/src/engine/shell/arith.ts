// $(( )) arithmetic: integers, + - * / % **, comparisons, && || !, parentheses, variables.

import { ExpansionError } from './expand-error';

export function evalArith(expr: string, getVar: (name: string) => string | undefined): number {
  const toks = expr.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||<<|>>|[-+*/%()<>!~&|^]|\S/g) ?? [];
  let i = 0;
  const fail = (tok: string | undefined): never => {
    throw new ExpansionError(`${expr.trim()}: syntax error: ${tok === undefined ? 'operand expected' : 'invalid arithmetic operator'} (error token is "${tok ?? ''}")`);
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
    return primary();
  };
  const primary = (): number => {
    const t = toks[i++];
    if (t === undefined) return fail(undefined);
    if (t === '(') {
      const v = binary(0);
      if (toks[i++] !== ')') fail(toks[i - 1]);
      return v;
    }
    if (/^\d+$/.test(t)) return parseInt(t, 10);
    if (/^[A-Za-z_]/.test(t)) {
      const v = (getVar(t) ?? '').trim();
      if (v === '') return 0;
      if (/^-?\d+$/.test(v)) return parseInt(v, 10);
      return evalArith(v, getVar);
    }
    return fail(t);
  };
  if (toks.length === 0) return 0;
  const v = binary(0);
  if (i < toks.length) fail(toks[i]);
  return Math.trunc(v);
}
