// Whatever a student types, the shell answers as bash would or says what it does not do: lines
// made of random shell tokens (the constructs most likely to be half-typed) never reach an
// internal error, never throw, and never hang.
import fc from 'fast-check';
import { testRig } from './testing/test-shell';

const TOKENS = [
  'case', 'esac', 'in', ')', '(', ';;', ';&', ';;&', '[[', ']]', '==', '=~', '!=', '-f', '-z', '-eq', '&&', '||', '!',
  'a', 'b*', '"x y"', "'q'", '$x', '${x}', '${x^^}', '${x/a/b}', '${x:1:2}', '${!x}', '${a[@]}', '${a[1]}', '${#a[@]}',
  'a=(1 2)', 'a[2]=z', 'f()', '{', '}', 'function', 'local', 'return', 'echo', ';', '\n', '|', '$(echo', 'x=1', '"$@"',
  'set', '--', 'declare', '-a', 'unset', 'mapfile', 'read', '<<<', 'if', 'then', 'fi', 'for', 'do', 'done', 'while',
  '(( 1+', '$((', '))', '[', ']', '2', '-1', '*', '?',
];

it('never fails inside on lines of random shell tokens', async () => {
  const line = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 14 }).map((t) => t.join(' '));
  await fc.assert(
    fc.asyncProperty(line, async (l) => {
      const r = await testRig().run(l);
      expect(r.stderr).not.toMatch(/internal error|TypeError|is not a function|Cannot read/);
      expect(r.exitCode).toBeGreaterThanOrEqual(0);
    }),
    { numRuns: 400, seed: 12 },
  );
}, 120_000);
