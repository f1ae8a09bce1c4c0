// readonly and declare -r: no assignment, unset or declaration may change such a variable, with
// bash's messages; an assignment statement abandons its line, a builtin that assigns fails with
// status 1, `R=v cmd` runs the command without it. Each answer as bash 5.2 gives it.
import { testRig, transcript } from './testing/test-shell';

describe('readonly variables', () => {
  it('refuse every way of changing them, as bash 5.2 answers', async () => {
    const script = [
      "readonly R=1; R=2; echo \"not reached\"",
      "echo \"st=$? R=$R\"",
      "R=3 echo prefixed",
      "export R=4; echo \"st=$?\"",
      "declare R=5; echo \"st=$?\"",
      "unset R; echo \"st=$?\"",
      "for R in a b; do echo in; done; echo \"st=$?\"",
      "read R <<< x; echo \"st=$?\"",
      "let R=7; echo \"st=$?\"",
      "(( R++ )); echo \"st=$?\"",
      "printf -v R x; echo \"st=$?\"",
      "f() { local R=9; echo \"local st=$?\"; }; f",
      "declare -p R",
      "export R; declare -p R",
      "declare -r S=s; declare -p S",
      "S=t",
      "declare +r S; echo \"st=$?\"",
      "readonly R=8; echo \"st=$?\"",
      "readonly 1x; echo \"st=$?\"",
      "UID=5; echo \"not reached\"",
      "bash -c 'R=inner; echo \"child R=$R\"'",
      "readonly -p | grep -v BASH | grep -v -E ' (BASHOPTS|EUID|PPID|SHELLOPTS|UID)='",
      "echo \"R=$R\""
    ];
    expect(await transcript(testRig(), script)).toEqual([
      "bash: R: readonly variable",
      "st=1 R=1",
      "bash: R: readonly variable",
      "prefixed",
      "bash: R: readonly variable",
      "st=1",
      "bash: declare: R: readonly variable",
      "st=1",
      "bash: unset: R: cannot unset: readonly variable",
      "st=1",
      "bash: R: readonly variable",
      "st=1",
      "bash: R: readonly variable",
      "st=1",
      "bash: R: readonly variable",
      "st=1",
      "bash: R: readonly variable",
      "st=1",
      "bash: R: readonly variable",
      "st=1",
      "bash: local: R: readonly variable",
      "local st=1",
      "declare -rx R=\"1\"",
      "declare -rx R=\"1\"",
      "declare -r S=\"s\"",
      "bash: S: readonly variable",
      "bash: declare: S: readonly variable",
      "st=1",
      "bash: R: readonly variable",
      "st=1",
      "bash: readonly: `1x': not a valid identifier",
      "st=1",
      "bash: UID: readonly variable",
      "child R=inner",
      "declare -rx R=\"1\"",
      "declare -r S=\"s\"",
      "R=1"
    ]);
  });

  it('are the shell\'s own: a nested bash or a login starts without them, and `exit` gives them back', async () => {
    expect(await transcript(testRig(), ['readonly R=1', 'bash', 'R=2; echo "inner $R"', 'exit', 'R=3; echo no', 'echo "outer $R"', 'sudo -i', 'R=4; echo "root $R"', 'exit', 'echo "again $R"'])).toEqual([
      'inner 2',
      'exit',
      'bash: R: readonly variable',
      'outer 1',
      'root 4',
      'logout',
      'again 1',
    ]);
  });

  it('take `readonly NAME` of a name already readonly as no change, and list arrays as declare -ar', async () => {
    expect(await transcript(testRig(), ['a=(x y); readonly a', 'readonly a; echo "st=$?"', 'a[2]=z; echo no', 'readonly', 'readonly -f g; echo "st=$?"'])).toEqual([
      'st=0',
      'bash: a: readonly variable',
      'declare -ar a=([0]="x" [1]="y")',
      'bash: readonly: -f: not supported in this sandbox',
      'st=2',
    ]);
  });
});
