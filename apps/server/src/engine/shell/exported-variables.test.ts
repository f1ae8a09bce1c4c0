// bash's shell variables and its environment: a variable the shell makes is its own until
// `export` names it; a command it starts (bash -c, a script, env, kubectl, sudo) sees only the
// exported ones and its own `NAME=value` prefix. Each answer as bash 5.2 gives it.
import { testRig, transcript } from './testing/test-shell';
import { Shell } from './shell';
import { newShellSession } from './session';
import { newKit } from '../kubectl/verbs/verb-test-kit';

async function lines(rig: ReturnType<typeof testRig>, script: string[]): Promise<string> {
  let out = '';
  for (const line of script) {
    const r = await rig.run(line);
    out += r.stdout + r.stderr;
  }
  return out;
}

describe('exported and unexported variables', () => {
  it('keeps a new variable from the commands the shell starts until it is exported', async () => {
    const rig = testRig();
    const out = await lines(rig, [
      'X=1',
      'declare -p X',
      "bash -c 'echo [$X]'",
      'export X',
      'declare -p X',
      "bash -c 'echo [$X]'",
      'export -n X',
      'declare -p X',
      "bash -c 'echo [$X]'",
      "Y=2 bash -c 'echo y=$Y'",
      'env | grep -c ^X=',
      'export -p | grep -c " X="',
      'echo $X',
    ]);
    expect(out).toBe(['declare -- X="1"', '[]', 'declare -x X="1"', '[1]', 'declare -- X="1"', '[]', 'y=2', '0', '0', '1', ''].join('\n'));
  });

  it('makes the variables of for, read, printf -v, let and local unexported, and a local over an exported one exported', async () => {
    const rig = testRig();
    const out = await lines(rig, [
      'for i in 1; do :; done',
      'read -r Q <<< q',
      'printf -v P %s p',
      'let N=3',
      'export Z=3',
      'f() { local Z=4; local W=5; bash -c "echo z=\\$Z w=\\$W"; declare -p Z W; }',
      'f',
      "bash -c 'echo [$i] [$Q] [$P] [$N] [$Z] [$W]'",
      'declare -x C=1',
      'declare +x C',
      'declare -p C',
    ]);
    expect(out).toBe(['z=4 w=', 'declare -x Z="4"', 'declare -- W="5"', '[] [] [] [] [3] []', 'declare -- C="1"', ''].join('\n'));
  });

  it('gives kubectl only its environment: a KUBECONFIG set but not exported is not read', async () => {
    const kit = newKit();
    await kit.setup('KUBECONFIG=/nowhere');
    expect(await kit.sh('kubectl config current-context')).toEqual({ stdout: 'kubernetes-admin@kubernetes\n', stderr: '', exitCode: 0 });
    await kit.setup('export KUBECONFIG');
    expect((await kit.sh('kubectl config current-context')).stderr).toBe('error: current-context is not set\n');
  });

  it('starts a nested shell with the environment only, and gives the variables back on exit; unset forgets the attribute', async () => {
    const rig = testRig();
    const out = await lines(rig, [
      'X=outer',
      'export Z=3',
      'bash',
      'echo "inner [$X] [$Z]"',
      'X=inner',
      'exit',
      'echo "back [$X]"',
      "bash -c 'echo [$X]'",
      'unset X',
      'export X=again',
      'unset X',
      'X=new',
      "bash -c 'echo [$X]'",
    ]);
    expect(out).toBe(['inner [] [3]', 'exit', 'back [outer]', '[]', '[]', ''].join('\n'));
  });

  it('keeps a variable declared without a value (export, readonly, local, declare NAME) unset, with its attributes, as bash 5.2 does', async () => {
    const script = [
      "export A; declare -p A; echo \"${A-unset}\"; env | grep -c \"^A=\"",
      "A=1; bash -c \"echo child=\\$A\"; declare -p A",
      "unset A; export B; B=2; bash -c \"echo b=\\$B\"",
      "readonly Q; declare -p Q; echo \"${Q-unset}\"",
      "Q=1",
      "declare -x C; declare -p C; export -p | grep \" C$\"",
      "export D; export -n D; declare -p D",
      "declare -p E; echo st=$?",
      "export F; unset F; declare -p F; echo st=$?",
      "f() { local L; declare -p L; echo \"${L-unset}\"; }; f",
      "declare G; declare -p G; G=3; declare -p G",
      "readonly -p | grep \" Q\""
    ];
    expect(await transcript(testRig(), script)).toEqual([
      "declare -x A",
      "unset",
      "0",
      "child=1",
      "declare -x A=\"1\"",
      "b=2",
      "declare -r Q",
      "unset",
      "bash: Q: readonly variable",
      "declare -x C",
      "declare -x C",
      "declare -- D",
      "bash: declare: E: not found",
      "st=1",
      "bash: declare: F: not found",
      "st=1",
      "declare -- L",
      "unset",
      "declare -- G",
      "declare -- G=\"3\"",
      "declare -r Q"
    ]);
  });

  it('reads a session stored before the shell kept the list as all exported, as it ran then', async () => {
    const rig = testRig();
    const older = { ...newShellSession(), env: { ...newShellSession().env, X: 'set-before' } };
    const shell = new Shell(rig.env, older);
    const r = await shell.run("bash -c 'echo [$X]'", undefined, { isTTY: false });
    expect(r).toEqual({ stdout: "[set-before]\n", stderr: "", exitCode: 0 });
    await shell.run('Y=new', undefined, { isTTY: false });
    expect((await shell.run("bash -c 'echo [$Y]'", undefined, { isTTY: false })).stdout).toBe('[]\n');
  });
});

describe('setting a variable that names an array', () => {
  it('sets its element 0 by read, for, let and printf -v, as bash does', async () => {
    const rig = testRig();
    const out = await lines(rig, [
      'a=(1 2); read a <<< x; echo "${a[@]}"',
      'b=(1 2); for b in y; do :; done; echo "${b[@]}"',
      'c=(1 2); let c=5; echo "${c[@]}"',
      'd=(1 2); printf -v d %s z; echo "${d[@]}" $d',
    ]);
    expect(out).toBe(['x 2', 'y 2', '5 2', 'z 2 z', ''].join('\n'));
  });
});
