// What test(1), `[ ]` and `[[ ]]` share: the unary operators (file tests as the current user,
// -z, -n) and the integer comparisons.

import type { UserFs } from './user-fs';

/** test(1)'s file and string unary operators (shared with `[[ ]]`); undefined for another operator */
export function unaryTest(fs: UserFs, user: string, op: string, v: string): boolean | undefined {
  if (op === '-z') return v === '';
  if (op === '-n') return v !== '';
  const node = (() => {
    try {
      return fs.stat(v);
    } catch {
      return undefined;
    }
  })();
  switch (op) {
    case '-e':
    case '-a':
      return node !== undefined;
    case '-f':
      return node?.type === 'file';
    case '-d':
      return node?.type === 'dir';
    case '-s':
      return node !== undefined && (node.type === 'dir' || (node.content ?? '') !== '');
    case '-r':
    case '-w':
    case '-x': {
      if (!node) return false;
      if (user === 'root') return op !== '-x' || node.type === 'dir' || (node.mode & 0o111) !== 0;
      const bits = node.owner === user ? (node.mode >> 6) & 7 : node.mode & 7;
      return (bits & (op === '-r' ? 4 : op === '-w' ? 2 : 1)) !== 0;
    }
    case '-L':
    case '-h':
      return false;
  }
  return undefined;
}

/** -eq, -ne, -lt, -le, -gt, -ge */
export function compareIntegers(op: string, a: number, b: number): boolean {
  switch (op) {
    case '-eq':
      return a === b;
    case '-ne':
      return a !== b;
    case '-lt':
      return a < b;
    case '-le':
      return a <= b;
    case '-gt':
      return a > b;
    default:
      return a >= b;
  }
}
