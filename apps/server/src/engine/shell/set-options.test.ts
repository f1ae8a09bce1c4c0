// `set -e` (errexit), `set -u` (nounset) and `set -o pipefail`, as bash 5.2 runs them. Under -e a
// failure ends the shell but in an if, while or until condition, a part of && or || but the last,
// or after `!`; command substitution does not inherit -e, a ( ) subshell does; a new bash starts
// without it. Under -u an unset variable is an error unless an operator handles it. And `set`'s
// own listing and errors. Each answer as bash 5.2 gives it.
import { testRig, transcript } from './testing/test-shell';

const ERREXIT = "echo start\nfalse || echo \"or-rescued\"\nif false; then echo no; fi\nwhile false; do :; done\n! true\nfalse && echo never\necho \"after lenient: $-\"\nf() { false; echo \"in f, not reached\"; }\nx=$(false; echo sub-continues)\necho \"x=$x\"\n( false; echo \"subshell not reached\" )\necho \"not reached either\"\n";
const PIPEFAIL = "set -o pipefail\nfalse | true; echo \"pipefail st=$?\"\ntrue | false | true; echo \"st=$?\"\nset +o pipefail\nfalse | true; echo \"st=$?\"\nset -e\nfalse | true; echo \"no pipefail: continues\"\nset -o pipefail\nif false | true; then :; else echo \"cond\"; fi\nfalse | true\necho \"not reached\"\n";

describe('set -e and set -o pipefail', () => {
  it('end a script at the first failure that counts, as bash does', async () => {
    const rig = testRig();
    const fs = rig.env.hosts.master.fs;
    fs.write('/home/student/se.sh', ERREXIT, { now: 0 });
    fs.write('/home/student/se2.sh', PIPEFAIL, { now: 0 });
    // ($- differs: the sandbox's shells all say himBHs, with e in front under set -e)
    const a = await rig.run("bash -c 'set -e; source se.sh'");
    expect({ stdout: a.stdout.replace('ehimBHs', 'ehBc'), stderr: a.stderr, exitCode: a.exitCode }).toEqual({ stdout: "start\nor-rescued\nafter lenient: ehBc\nx=sub-continues\n", stderr: "", exitCode: 1 });
    expect(await rig.run('bash se2.sh')).toEqual({ stdout: "pipefail st=1\nst=1\nst=0\nno pipefail: continues\ncond\n", stderr: "", exitCode: 1 });
  });

  it('list and check their options as bash does, and set the positional parameters', async () => {
    const script = [
      "set -o | grep -E \"errexit|pipefail|braceexpand\"",
      "set -eo pipefail; set -o | grep -E \"^(errexit|pipefail)\"",
      "set +o | grep -E \"errexit|pipefail\"",
      "set +e +o pipefail",
      "set -o nosuch; echo st=$?",
      "set -Z; echo st=$?",
      "set -- a b; echo \"$1 $#\"",
      "set x y z; echo \"$1 $#\""
    ];
    expect(await transcript(testRig(), script)).toEqual([
      "braceexpand    \ton",
      "errexit        \toff",
      "pipefail       \toff",
      "errexit        \ton",
      "pipefail       \ton",
      "set -o errexit",
      "set -o pipefail",
      "bash: set: nosuch: invalid option name",
      "st=2",
      "bash: set: -Z: invalid option",
      "set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]",
      "st=2",
      "a 2",
      "x 3"
    ]);
  });

  it('are the shell\'s own: a nested bash starts without them, and exit gives them back', async () => {
    const rig = testRig();
    expect(await transcript(rig, ['set -e', 'bash', 'false; echo "inner goes on"', 'exit', 'echo "$-"'])).toEqual(['inner goes on', 'exit', 'ehimBHs']);
  });
});

describe('set -u', () => {
  it('makes an unset variable an error, unless an operator says what to do without it, as bash 5.2 does', async () => {
    const rig = testRig();
    rig.env.hosts.master.fs.write('/home/student/nu.sh', "set -u\necho \"a ${X-default} ${X:-d2} ${X+plus}.\"\necho \"len ${#Y}\" || true\necho \"after len\"\n", { now: 0 });
    // a script ends at the error (the message names its line)
    expect(await rig.run('bash nu.sh')).toEqual({ stdout: "a default d2 .\n", stderr: "nu.sh: line 3: Y: unbound variable\n", exitCode: 1 });
    // at the prompt the line is abandoned; "$@", an empty array and "${b[@]}" are no error
    const script = [
      "set -u",
      "echo \"$@ $*\" ok",
      "a=(); echo \"arr ${a[@]} ok\"",
      "echo \"${b[@]}\"",
      "echo next",
      "echo $((Z+1))",
      "echo next2",
      "echo $1",
      "echo next3",
      "echo ${U^^}",
      "f() { local L; echo \"$L\"; }; f",
      "echo $U; echo same-line",
      "echo after"
    ];
    expect(await transcript(testRig(), script)).toEqual([
      "  ok",
      "arr  ok",
      "next",
      "bash: Z: unbound variable",
      "next2",
      "bash: $1: unbound variable",
      "next3",
      "bash: U: unbound variable",
      "bash: L: unbound variable",
      "bash: U: unbound variable",
      "after"
    ]);
  });
});
