import { prompt } from './session';
import { Shell, createSignal } from './shell';
import { T0, testRig } from './testing/test-shell';

interface Case {
  line: string;
  stdout?: string;
  stderr?: string;
  code?: number;
}

async function expectCases(cases: Case[], setup: string[] = []): Promise<void> {
  const rig = testRig();
  for (const s of setup) await rig.run(s);
  for (const c of cases) {
    const r = await rig.run(c.line);
    expect({ line: c.line, stdout: r.stdout, stderr: r.stderr, code: r.exitCode }).toEqual({
      line: c.line,
      stdout: c.stdout ?? '',
      stderr: c.stderr ?? '',
      code: c.code ?? 0,
    });
  }
}

describe('parsing with sh-syntax (mvdan/sh) as the grammar authority', () => {
  it('runs a here-document, a pipe and $( ) together', async () => {
    const rig = testRig();
    const r = await rig.run('cat <<EOF | grep -c "$(echo web)"\nweb one\ndb\nweb two\nEOF');
    expect(r).toEqual({ stdout: '2\n', stderr: '', exitCode: 0 });
  });

  it.each([
    ['echo a &&', 'bash: syntax error: unexpected end of file\n'],
    ['a | | b', "bash: syntax error near unexpected token `|'\n"],
    ['echo )', "bash: syntax error near unexpected token `)'\n"],
    ['fi', "bash: syntax error near unexpected token `fi'\n"],
    ['echo >', "bash: syntax error near unexpected token `newline'\n"],
    ['a && ; b', "bash: syntax error near unexpected token `;'\n"],
    ['echo "abc', 'bash: unexpected EOF while looking for matching `"\'\n'],
    ["echo 'abc", "bash: unexpected EOF while looking for matching `''\n"],
    ['echo $(ls', "bash: unexpected EOF while looking for matching `)'\n"],
    ['if true; then echo', 'bash: syntax error: unexpected end of file\n'],
    [';', "bash: syntax error near unexpected token `;'\n"],
  ])('%j is a syntax error', async (line, stderr) => {
    const r = await testRig().run(line);
    expect(r).toEqual({ stdout: '', stderr, exitCode: 2 });
  });

  it('keeps going after a here-document cut by the end of input, as bash does', async () => {
    const r = await testRig().run('cat <<EOF\nhello');
    expect(r).toEqual({ stdout: 'hello\n', stderr: "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n", exitCode: 0 });
  });
});

describe('pipelines, lists and exit codes', () => {
  it.each<Case>([
    { line: 'kubectl get pods | grep -c web', stdout: '2\n' },
    { line: 'kubectl get pods | grep Pending | awk \'{print $1}\'', stdout: 'db-0\n' },
    { line: 'kubectl get pods | tail -n +2 | wc -l', stdout: '3\n' },
    { line: 'kubectl get pods | grep nothing', code: 1 },
    { line: 'kubectl get pods | grep -q web && echo found', stdout: 'found\n' },
    { line: 'true && echo a || echo b', stdout: 'a\n' },
    { line: 'false && echo a || echo b', stdout: 'b\n' },
    { line: 'false; echo $?', stdout: '1\n' },
    { line: '! false; echo $?', stdout: '0\n' },
    { line: 'nosuch; echo $?', stdout: '127\n', stderr: 'bash: nosuch: command not found\n' },
    { line: 'nosuch', stderr: 'bash: nosuch: command not found\n', code: 127 },
    { line: 'false | true', code: 0 },
    { line: 'true | false', code: 1 },
    { line: 'exit 3 | true; echo still here', stdout: 'still here\n' },
    { line: '(exit 4); echo $?', stdout: '4\n' },
    { line: '(cd /tmp; pwd); pwd', stdout: '/tmp\n/home/student\n' },
    { line: '{ echo a; echo b; } | wc -l', stdout: '2\n' },
    { line: 'cd /tmp | true; pwd', stdout: '/home/student\n' },
    { line: 'x=$(false); echo $?', stdout: '1\n' },
    // no job control: the job has ended before the next command, so there is none to list or wait for
    { line: 'echo a & wait; echo "st=$?"', stdout: 'a\nst=0\n' },
    { line: 'false & jobs; echo "st=$?"', stdout: 'st=0\n' },
  ])('$line', async (c) => expectCases([c]));

  it('remembers $? across command lines', async () => {
    await expectCases([{ line: 'false', code: 1 }, { line: 'echo $?', stdout: '1\n' }]);
  });
});

describe('case and [[ ]]', () => {
  it('runs a case statement typed over several lines', async () => {
    await expectCases([
      { line: 'x=stop', stdout: '' },
      { line: 'case $x in\n  start|restart)\n    echo starting\n    ;;\n  stop) echo stopping ;;\n  *)\n    echo "usage: $0 start|stop"\nesac', stdout: 'stopping\n' },
    ]);
  });

  it('tests inside if and until, with files, patterns and the output of kubectl-like commands', async () => {
    await expectCases([
      { line: 'if [[ -d ~ && $(echo Running) == Run* ]]; then echo ready; else echo waiting; fi', stdout: 'ready\n' },
      { line: 'n=0; until [[ $n -ge 3 ]]; do n=$((n+1)); done; echo $n', stdout: '3\n' },
      { line: '[[ -f ~/nope ]] || echo missing', stdout: 'missing\n' },
    ]);
  });

  it('leaves $? as it was after a broken [[ ]], as bash does', async () => {
    await expectCases([
      { line: 'false', code: 1 },
      { line: '[[ a == ]]', stderr: "bash: unexpected argument `]]' to conditional binary operator\n", code: 1 },
      { line: 'true' },
      { line: '[[ ]]' },
    ]);
  });

  it('stops the line at ${x:?} inside [[ ]]; history expansion leaves the ! of a bracket expression alone', async () => {
    await expectCases([
      { line: '[[ ${NOPE:?is required} == x ]]; echo after', stderr: 'bash: NOPE: is required\n', code: 1 },
      { line: 'case b in [!a]) echo not-a;; esac', stdout: 'not-a\n' },
      { line: 'case b in [^a]) echo not-a;; esac', stdout: 'not-a\n' },
      // the event is not found and $? stays as it was
      { line: 'echo a!b]', stderr: 'bash: !b]: event not found\n' },
    ]);
  });
});

describe('$RANDOM and $SRANDOM', () => {
  it('gives a new number at each expansion, in bash\'s ranges, in words and in arithmetic', async () => {
    const rig = testRig();
    const r = await rig.run('echo $RANDOM $RANDOM $SRANDOM $((RANDOM % 10)) name-$RANDOM');
    const [a, b, s, digit, name] = r.stdout.trim().split(' ');
    for (const n of [a, b]) {
      expect(Number(n)).toBeGreaterThanOrEqual(0);
      expect(Number(n)).toBeLessThan(32768);
    }
    expect(a).not.toBe(b);
    expect(Number(s)).toBeLessThan(2 ** 32);
    expect(Number(digit)).toBeLessThan(10);
    expect(name).toMatch(/^name-\d+$/);
  });
});

describe('functions', () => {
  it('keeps a function from one line to the next, with its arguments, locals and return status', async () => {
    await expectCases([
      { line: 'greet() {\n  local who=${1:-world}\n  echo "hello $who"\n  return 3\n}' },
      { line: 'who=outer; greet; echo "$? $who"', stdout: 'hello world\n3 outer\n' },
      { line: 'greet "kube aula" | tr a-z A-Z', stdout: 'HELLO KUBE AULA\n' },
      { line: '( greet x ) ; type -t greet', stdout: 'hello x\nfunction\n' },
      { line: 'unset -f greet; greet', stderr: 'bash: greet: command not found\n', code: 127 },
    ]);
  });

  it('does not hand functions to a new bash, and return ends a sourced script', async () => {
    await expectCases([
      { line: 'f() { echo f; }; echo f > s.sh; echo "echo in-script; return 4; echo not-here" > r.sh' },
      { line: 'bash s.sh 2>/dev/null; echo $?', stdout: '127\n' },
      { line: 'bash -c f 2>/dev/null; echo $?', stdout: '127\n' },
      { line: 'source r.sh; echo $?', stdout: 'in-script\n4\n' },
    ]);
  });

  it("names the script and the line in a script's messages, and bash -c's as line 1", async () => {
    await expectCases([
      { line: "printf 'echo one\\n\\nf() {\\n  nope\\n}\\nf\\n' > s.sh" },
      { line: 'bash s.sh', stdout: 'one\n', stderr: 's.sh: line 4: nope: command not found\n', code: 127 },
      { line: "bash -c 'echo a; nope7'", stdout: 'a\n', stderr: 'bash: line 1: nope7: command not found\n', code: 127 },
      // a bash -c inside a script speaks for itself, unprefixed by the script
      { line: "echo 'bash -c nope9' > c.sh; bash c.sh", stderr: 'bash: line 1: nope9: command not found\n', code: 127 },
      // the interactive shell's own messages stay as they were, after a script too
      { line: 'nope8', stderr: 'bash: nope8: command not found\n', code: 127 },
    ]);
  });

  it('refuses more functions than a session may keep', async () => {
    const rig = testRig();
    const many = Array.from({ length: 200 }, (_, i) => `f${i}() { :; }`).join('; ');
    expect((await rig.run(many)).exitCode).toBe(0);
    expect(await rig.run('g() { :; }')).toEqual({ stdout: '', stderr: 'bash: g: too many functions (sandbox limit 200)\n', exitCode: 1 });
    // redefining one is not one more
    expect((await rig.run('f1() { echo again; }; f1')).stdout).toBe('again\n');
  });
});

describe('arrays', () => {
  it('keeps an array from one line to the next, written over several lines, with its elements and indices', async () => {
    await expectCases([
      { line: 'pods=(\n  web-1   # the first\n  "web 2"\n)' },
      { line: 'pods+=(db-0); echo ${#pods[@]} "${pods[1]}" ${!pods[@]}', stdout: '3 web 2 0 1 2\n' },
      { line: 'for p in "${pods[@]}"; do echo "<$p>"; done', stdout: '<web-1>\n<web 2>\n<db-0>\n' },
      { line: 'unset pods; echo "[${pods[@]}]"', stdout: '[]\n' },
    ]);
  });

  it('says what it does not keep instead of pretending', async () => {
    await expectCases([
      { line: 'declare -A m', stderr: 'bash: declare: associative arrays are not supported in this sandbox\n', code: 2 },
      { line: 'declare -i n=3', stderr: 'bash: declare: -i: attributes are not supported in this sandbox\n', code: 2 },
    ]);
  });
});

describe('trap', () => {
  it('runs the EXIT trap when the terminal\'s shell exits, set lines before', async () => {
    const rig = testRig();
    await rig.run("trap 'echo bye' EXIT");
    expect(await rig.run('echo working')).toEqual({ stdout: 'working\n', stderr: '', exitCode: 0 });
    const r = await rig.run('exit 3');
    expect(r.stdout).toBe('bye\n');
    expect(r.exitCode).toBe(3);
    expect(r.exited).toBe(true);
  });

  it('refuses the traps bash runs itself, which nothing would run here', async () => {
    await expectCases([{ line: "trap 'echo e' ERR", stderr: 'bash: trap: ERR: not supported in this sandbox\n', code: 1 }]);
  });
});

describe('read -p, bash --version', () => {
  it('shows read\'s prompt only when the input is the terminal', async () => {
    await expectCases([
      { line: 'read -p "name: " n <<< bob; echo "[$n]"', stdout: '[bob]\n' },
      { line: 'echo bob | { read -p "name: " n; echo "[$n]"; }', stdout: '[bob]\n' },
      // nothing typed ahead at the terminal: the prompt, then the end of input
      { line: 'read -p "name: " n; echo "[$n] $?"', stdout: '[] 1\n', stderr: 'name: ' },
    ]);
  });

  it('names Ubuntu 24.04\'s bash, and sh is dash', async () => {
    await expectCases([
      { line: 'bash --version | head -1; echo $BASH_VERSION', stdout: 'GNU bash, version 5.2.21(1)-release (x86_64-pc-linux-gnu)\n5.2.21(1)-release\n' },
      { line: 'sh --version', stderr: 'sh: 0: Illegal option --\n', code: 2 },
    ]);
  });
});

describe('quoting and expansion', () => {
  it.each<Case>([
    { line: "echo 'single $HOME' \"double $HOME\"", stdout: 'single $HOME double /home/student\n' },
    { line: 'echo "a   b"  c   d', stdout: 'a   b c d\n' },
    { line: 'X="1  2"; printf "[%s]" $X "$X"; echo', stdout: '[1][2][1  2]\n' },
    { line: "printf '[%s]' '' \"\" $EMPTY; echo", stdout: '[][]\n' },
    { line: 'echo \\$HOME \\"q\\"', stdout: '$HOME "q"\n' },
    { line: "echo \"it's\" 'say \"hi\"'", stdout: 'it\'s say "hi"\n' },
    { line: 'echo "$(echo "inner quotes")"', stdout: 'inner quotes\n' },
    { line: 'echo `echo back`ticks', stdout: 'backticks\n' },
    { line: 'echo ~ ~/x ~root', stdout: '/home/student /home/student/x /root\n' },
    { line: 'echo "~"', stdout: '~\n' },
    { line: 'A=1; B=${A}2; echo $B ${B}3 "${B}"', stdout: '12 123 12\n' },
    { line: 'echo ${NOPE:-fallback} ${HOME:+set} ${#HOME}', stdout: 'fallback set 13\n' },
    { line: 'F=app.tar.gz; echo ${F%.gz} ${F%%.*} ${F#*.} ${F##*.}', stdout: 'app.tar app tar.gz gz\n' },
    { line: 'echo $((2 + 3 * 4)) $((10 / 3)) $((7 % 4))', stdout: '14 3 3\n' },
    { line: 'echo $((1 / 0))', stderr: 'bash: 1 / 0: division by 0 (error token is "0")\n', code: 1 },
    { line: 'echo ${X:?not set}', stderr: 'bash: X: not set\n', code: 1 },
    { line: "echo $'a\\tb'", stdout: 'a\tb\n' },
    { line: 'V=x echo $V', stdout: '\n' },
    { line: 'V=x env | grep ^V=', stdout: 'V=x\n' },
    { line: 'echo a#b # a comment', stdout: 'a#b\n' },
    { line: 'echo one \\\ntwo', stdout: 'one two\n' },
  ])('$line', async (c) => expectCases([c]));

  it('globs against the virtual file system', async () => {
    await expectCases(
      [
        { line: 'echo *.yaml', stdout: 'a.yaml b.yaml\n' },
        { line: 'echo "*.yaml"', stdout: '*.yaml\n' },
        { line: 'echo *.json', stdout: '*.json\n' },
        { line: 'ls k8s/*.yml', stdout: 'k8s/svc.yml\n' },
        { line: 'echo /etc/host*', stdout: '/etc/hostname /etc/hosts\n' },
        { line: 'echo ?.yaml', stdout: 'a.yaml b.yaml\n' },
        { line: 'echo *', stdout: 'a.yaml b.yaml k8s notes.txt\n' },
      ],
      ['touch b.yaml a.yaml notes.txt .hidden.yaml', 'mkdir k8s', 'touch k8s/svc.yml'],
    );
  });
});

describe('redirections and here-documents', () => {
  it.each<Case>([
    { line: "cat > app.yaml <<'EOF'\nname: $HOME\nEOF\ncat app.yaml", stdout: 'name: $HOME\n' },
    { line: 'cat > app.yaml <<EOF\nname: $HOME\nEOF\ncat app.yaml', stdout: 'name: /home/student\n' },
    { line: 'cat <<-EOF\n\tindented\n\tEOF', stdout: 'indented\n' },
    { line: 'echo one > f; echo two >> f; cat f', stdout: 'one\ntwo\n' },
    { line: 'echo one > f; echo two > f; cat f', stdout: 'two\n' },
    { line: 'wc -l < /etc/hosts', stdout: '5\n' },
    { line: 'cat nope 2> err.txt; cat err.txt', stdout: 'cat: nope: No such file or directory\n' },
    { line: 'cat nope 2>&1 | tr a-z A-Z', stdout: 'CAT: NOPE: NO SUCH FILE OR DIRECTORY\n' },
    { line: 'cat nope 2>/dev/null; echo $?', stdout: '1\n' },
    { line: 'cat nope /etc/hostname &> both; cat both', stdout: 'cat: nope: No such file or directory\nmaster\n' },
    { line: 'cat nope > out 2>&1; cat out', stdout: 'cat: nope: No such file or directory\n' },
    { line: 'grep -c o <<< "foo boo"', stdout: '1\n' },
    { line: 'echo x > /etc/passwd', stderr: 'bash: /etc/passwd: Permission denied\n', code: 1 },
    { line: 'echo x > /nope/file', stderr: 'bash: /nope/file: No such file or directory\n', code: 1 },
    { line: 'cat < missing', stderr: 'bash: missing: No such file or directory\n', code: 1 },
    { line: 'F="a b"; echo x > $F', stderr: 'bash: $F: ambiguous redirect\n', code: 1 },
  ])('$line', async (c) => expectCases([c]));
});

describe('hosts, users and the prompt', () => {
  it('switches hosts with ssh and comes back with exit', async () => {
    const rig = testRig();
    expect(prompt(rig.shell.session)).toBe('student@master:~$ ');
    const r1 = await rig.run('ssh node1');
    expect(r1.exitCode).toBe(0);
    expect(rig.shell.session.host).toBe('node1');
    expect(rig.shell.session.hostStack).toEqual(['master']);
    expect(prompt(rig.shell.session)).toBe('student@node1:~$ ');
    expect((await rig.run('hostname')).stdout).toBe('node1\n');
    await rig.run('touch only-on-node1');
    const r2 = await rig.run('exit');
    expect(r2).toEqual({ stdout: 'logout\n', stderr: 'Connection to node1 closed.\n', exitCode: 0 });
    expect(rig.shell.session.host).toBe('master');
    expect(rig.shell.session.hostStack).toEqual([]);
    expect((await rig.run('ls only-on-node1')).exitCode).toBe(2);
  });

  it.each<Case>([
    { line: 'ssh foo', stderr: 'ssh: Could not resolve hostname foo: Name or service not known\n', code: 255 },
    { line: 'ssh node2 hostname', stdout: 'node2\n' },
    { line: 'ssh node2 "hostname; whoami"', stdout: 'node2\nstudent\n' },
    { line: 'ssh 10.0.0.11 hostname', stdout: 'node1\n' },
    { line: 'ssh root@node1', stderr: 'root@node1: Permission denied (publickey).\n', code: 255 },
    { line: 'ssh node1 exit 7; echo $?', stdout: '7\n' },
    { line: 'sudo ssh node1', stderr: 'root@node1: Permission denied (publickey).\n', code: 255 },
    { line: 'sudo echo x > /etc/motd', stderr: 'bash: /etc/motd: Permission denied\n', code: 1 },
    { line: 'echo x | sudo tee /etc/motd', stdout: 'x\n' },
  ])('$line', async (c) => expectCases([c]));

  it('sudo -i opens a root shell with its own prompt', async () => {
    const rig = testRig();
    await rig.run('cd /tmp');
    await rig.run('sudo -i');
    expect(prompt(rig.shell.session)).toBe('root@master:~# ');
    expect((await rig.run('whoami; pwd; id')).stdout).toBe('root\n/root\nuid=0(root) gid=0(root) groups=0(root)\n');
    await rig.run('cd /etc');
    expect(prompt(rig.shell.session)).toBe('root@master:/etc# ');
    expect(await rig.run('exit')).toEqual({ stdout: 'logout\n', stderr: '', exitCode: 0 });
    expect(prompt(rig.shell.session)).toBe('student@master:/tmp$ ');
  });

  it('reports that the outermost shell exited', async () => {
    const r = await testRig().run('exit 5');
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 5, exited: true });
  });

  it('shows paths under ~ relative to it', async () => {
    const rig = testRig();
    await rig.run('mkdir -p a/b && cd a/b');
    expect(prompt(rig.shell.session)).toBe('student@master:~/a/b$ ');
  });

  it('guards root-only files', async () => {
    await expectCases(
      [
        { line: 'cat /etc/kubernetes/admin.conf', stderr: 'cat: /etc/kubernetes/admin.conf: Permission denied\n', code: 1 },
        { line: 'sudo cat /etc/kubernetes/admin.conf', stdout: 'apiVersion: v1\n' },
        { line: 'ls /root', stderr: "ls: cannot open directory '/root': Permission denied\n", code: 2 },
        { line: 'cd /root', stderr: 'bash: cd: /root: Permission denied\n', code: 1 },
        { line: 'sudo cd /root', stderr: 'sudo: cd: command not found\n', code: 1 },
        { line: 'touch /etc/x', stderr: "touch: cannot touch '/etc/x': Permission denied\n", code: 1 },
        { line: 'sudo touch /etc/x && ls -l /etc/x', stdout: '-rw-r--r-- 1 root root 0 Jan  1 00:00 /etc/x\n' },
        { line: 'id', stdout: 'uid=1000(student) gid=1000(student) groups=1000(student),27(sudo)\n' },
        { line: 'sudo id', stdout: 'uid=0(root) gid=0(root) groups=0(root)\n' },
        { line: 'echo secret | sudo tee /root/s > /dev/null; sudo cat /root/s', stdout: 'secret\n' },
      ],
      ['sudo -i', 'mkdir -p /etc/kubernetes && echo "apiVersion: v1" > /etc/kubernetes/admin.conf && chmod 600 /etc/kubernetes/admin.conf', 'exit'],
    );
  });
});

describe('commands from the environment', () => {
  it('gives registered commands argv, env, cwd, user, stdin and the host', async () => {
    const seen: unknown[] = [];
    const rig = testRig({
      probe: (ctx) => {
        seen.push({ argv: ctx.argv, foo: ctx.env.FOO, cwd: ctx.cwd, user: ctx.user, host: ctx.host, stdin: ctx.stdin, tty: ctx.isTTY, now: ctx.now() });
        ctx.stdout('ok\n');
        return 0;
      },
    });
    await rig.run('cd /tmp; echo in | FOO=bar probe a "b c"');
    await rig.run('sudo probe');
    expect(seen).toEqual([
      { argv: ['probe', 'a', 'b c'], foo: 'bar', cwd: '/tmp', user: 'student', host: 'master', stdin: 'in\n', tty: false, now: T0 },
      { argv: ['probe'], foo: undefined, cwd: '/tmp', user: 'root', host: 'master', stdin: '', tty: false, now: T0 },
    ]);
  });

  it('streams output through the sink as it is written', async () => {
    const rig = testRig({
      waiter: async (ctx) => {
        ctx.stdout('first\n');
        await ctx.sleep(2000);
        ctx.stdout('second\n');
        return 0;
      },
    });
    const chunks: string[] = [];
    const r = await rig.shell.run('waiter; echo done >&2', { write: (s, t) => chunks.push(`${s}:${t}`) });
    expect(chunks).toEqual(['stdout:first\n', 'stdout:second\n', 'stderr:done\n']);
    expect(r.stdout).toBe('first\nsecond\n');
    expect(rig.clock.now).toBe(T0 + 2000);
  });

  it('sleep advances simulated time through the environment', async () => {
    const rig = testRig();
    expect((await rig.run('sleep 1.5; sleep 1m; date')).stdout).toBe('Thu Jan  1 00:01:01 UTC 2026\n');
  });

  it('stops a line on ^C', async () => {
    const { signal, abort } = createSignal();
    const rig = testRig({
      hang: async (ctx) => {
        abort();
        return ctx.signal.aborted ? 130 : 0;
      },
    });
    const r = await rig.shell.run('hang; echo never', undefined, { signal });
    expect(r.exitCode).toBe(130);
    expect(r.stdout).toBe('');
  });

  it('the fake systemctl double reads host services', async () => {
    await expectCases([
      { line: 'systemctl is-active kubelet', stdout: 'inactive\n', code: 3 },
      { line: 'systemctl start kubelet', stderr: 'Failed to start kubelet.service: Access denied\n', code: 1 },
      { line: 'sudo systemctl start kubelet && systemctl is-active kubelet', stdout: 'active\n' },
      { line: 'ssh node1 systemctl is-active kubelet', stdout: 'inactive\n', code: 3 },
    ]);
  });
});

describe('limits', () => {
  it('refuses a command line over 100 kB', async () => {
    const r = await testRig().run(`echo ${'x'.repeat(100_001)}`);
    expect(r).toEqual({ stdout: '', stderr: 'bash: command line too long\n', exitCode: 2 });
  });

  it('guards deeply nested command substitutions', async () => {
    const line = `${'echo $('.repeat(80)}echo deep${')'.repeat(80)}`;
    const r = await testRig().run(line);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^bash: /);
  });

  it('guards a script that runs itself', async () => {
    const rig = testRig();
    await rig.run("echo 'bash loop.sh' > loop.sh");
    const r = await rig.run('bash loop.sh');
    expect(r.stderr).toContain('maximum nesting level exceeded');
  });

  it('stops an endless loop', async () => {
    const r = await testRig().run('while true; do :; done');
    expect(r).toEqual({ stdout: '', stderr: 'bash: loop stopped after 10000 iterations (sandbox limit)\n', exitCode: 1 });
  });

  it('refuses a file over 1 MiB', async () => {
    const rig = testRig();
    const r = await rig.run('seq 200000 > big; wc -c big');
    // the write fails, not the redirection: the command says so (GNU seq's wording)
    expect(r.stderr).toBe('seq: write error: No space left on device\n');
  });

  it('keeps the history, without repeats', async () => {
    const rig = testRig();
    await rig.run('echo a');
    await rig.run('echo a');
    await rig.run('pwd');
    expect((await rig.run('history')).stdout).toBe('    1  echo a\n    2  pwd\n    3  history\n');
  });
});

describe('misc builtins', () => {
  it.each<Case>([
    { line: 'clear', stdout: '\x1b[H\x1b[2J\x1b[3J' },
    { line: 'date', stdout: 'Thu Jan  1 00:00:00 UTC 2026\n' },
    { line: 'date +%Y-%m-%dT%H:%M:%S', stdout: '2026-01-01T00:00:00\n' },
    { line: 'whoami', stdout: 'student\n' },
    { line: 'hostname -I', stdout: '10.0.0.10 \n' },
    { line: 'uname -r', stdout: '6.8.0-48-generic\n' },
    { line: 'uname -a', stdout: 'Linux master 6.8.0-48-generic #48-Ubuntu SMP PREEMPT_DYNAMIC Fri Sep 27 14:04:52 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux\n' },
    { line: 'grep PRETTY /etc/os-release', stdout: 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\n' },
    { line: 'ssh node2 grep VERSION_ID /etc/os-release', stdout: 'VERSION_ID="24.04"\n' },
    { line: 'which ls kubectl nope', stdout: '/usr/bin/ls\n/usr/bin/kubectl\n', code: 1 },
    { line: 'type cd', stdout: 'cd is a shell builtin\n' },
    { line: 'type kubectl', stdout: 'kubectl is /usr/bin/kubectl\n' },
    { line: '/usr/bin/echo hi', stdout: 'hi\n' },
    { line: 'cd /nope', stderr: 'bash: cd: /nope: No such file or directory\n', code: 1 },
    { line: 'export A=1 B; env | grep -E "^(A|B)="', stdout: 'A=1\n' }, // B is exported without a value: no command sees it
    { line: 'export 1x=2', stderr: "bash: export: `1x=2': not a valid identifier\n", code: 1 },
    { line: 'A=1; unset A; echo "[$A]"', stdout: '[]\n' },
    { line: 'cd /tmp && cd - && cd -', stdout: '/home/student\n/tmp\n' },
    { line: 'echo -n a; echo -e "b\\tc"', stdout: 'ab\tc\n' },
    { line: 'echo -e "x\\cy"', stdout: 'x' },
    { line: 'sleep', stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", code: 1 },
    { line: 'sleep x', stderr: "sleep: invalid time interval ‘x’\nTry 'sleep --help' for more information.\n", code: 1 },
    { line: 'help | head -1', stdout: 'kubeaula sandbox shell: a bash look-alike on simulated hosts (master, node1, node2).\n' },
    { line: 'vi f.yaml', stderr: "vi: interactive editors are not available in this sandbox; write files with a here-document:\n  cat <<'EOF' > file.yaml\n  ...\n  EOF\n", code: 1 },
    { line: "printf 'echo script ok\\n' > s.sh; chmod +x s.sh; ./s.sh", stdout: 'script ok\n' },
    { line: "echo 'echo arg=$1' > s.sh; bash s.sh one; sh -c 'echo $((1+1))'", stdout: 'arg=one\n2\n' },
    { line: "echo 'echo hi' > s.sh; ./s.sh", stderr: 'bash: ./s.sh: Permission denied\n', code: 126 },
    { line: 'if [ 1 -lt 2 ]; then echo lt; fi; [ a = b ] || echo ne', stdout: 'lt\nne\n' },
    { line: '[ -d /etc ] && [ ! -f /etc ] && test -n "x" && echo ok', stdout: 'ok\n' },
    { line: '[ 1 -eq x ]', stderr: 'bash: [: x: integer expression expected\n', code: 2 },
    { line: '[ 1 = 1', stderr: "bash: [: missing `]'\n", code: 2 },
    { line: 'for f in a b; do echo "<$f>"; done; i=0; while [ $i -lt 2 ]; do i=$((i+1)); echo $i; done', stdout: '<a>\n<b>\n1\n2\n' },
    { line: 'echo x | read v; echo "[$v]"', stdout: '[]\n' },
    { line: 'read a b <<< "1 2 3"; echo "$a|$b"', stdout: '1|2 3\n' },
  ])('$line', async (c) => expectCases([c]));
});

describe('aliases', () => {
  it('expands a leading alias on later lines, as bash does', async () => {
    await expectCases([
      { line: 'alias k=kubectl kgp="kubectl get pods"' },
      { line: 'k get pods | grep -c web', stdout: '2\n' },
      { line: 'kgp | wc -l', stdout: '4\n' },
      { line: 'alias', stdout: "alias k='kubectl'\nalias kgp='kubectl get pods'\n" },
      { line: 'alias kw="kubectl get pods | grep web"; kw -c', stdout: '2\n' },
      { line: 'echo k', stdout: 'k\n' },
      { line: '"k" get', stderr: 'bash: k: command not found\n', code: 127 },
      { line: 'unalias k; k', stderr: 'bash: k: command not found\n', code: 127 },
      { line: 'alias nope', stderr: 'bash: alias: nope: not found\n', code: 1 },
      { line: 'type sudo', stdout: 'sudo is /usr/bin/sudo\n' },
    ]);
  });
});

describe('terminal output', () => {
  it('lays ls out in columns on a TTY, one per line elsewhere', async () => {
    const rig = testRig();
    await rig.run('touch deployment.yaml service.yaml configmap.yaml ingress.yaml kustomization.yaml notes.txt');
    const tty = await rig.shell.run('ls', undefined, { isTTY: true });
    // GNU ls -C -w 80 (it pads with tabs; spaces look the same)
    expect(tty.stdout).toBe('configmap.yaml   ingress.yaml        notes.txt\ndeployment.yaml  kustomization.yaml  service.yaml\n');
    await rig.run('touch a-much-longer-file-name-for-wrapping.yaml another-long-file-name-here.yaml');
    const wrapped = await rig.shell.run('ls', undefined, { isTTY: true });
    expect(wrapped.stdout).toBe(
      'a-much-longer-file-name-for-wrapping.yaml  deployment.yaml     notes.txt\n' +
        'another-long-file-name-here.yaml           ingress.yaml        service.yaml\n' +
        'configmap.yaml                             kustomization.yaml\n',
    );
    expect((await rig.run('ls | head -2')).stdout).toBe('a-much-longer-file-name-for-wrapping.yaml\nanother-long-file-name-here.yaml\n');
  });

  it('prints ls -l with owners, sizes and times', async () => {
    const rig = testRig();
    await rig.run('mkdir k8s; echo "kind: Pod" > k8s/pod.yaml; sudo touch /tmp/root-file');
    expect((await rig.run('ls -l k8s /tmp')).stdout).toBe(
      '/tmp:\ntotal 0\n-rw-r--r-- 1 root root 0 Jan  1 00:00 root-file\n\nk8s:\ntotal 4\n-rw-rw-r-- 1 student student 10 Jan  1 00:00 pod.yaml\n',
    );
    expect((await rig.run('ls -ld k8s /etc/hostname')).stdout).toBe(
      '-rw-r--r-- 1 root    root       7 Dec 31 00:00 /etc/hostname\ndrwxrwxr-x 2 student student 4096 Jan  1 00:00 k8s\n',
    );
  });

  it('expands braces before anything else', async () => {
    await expectCases([{ line: 'mkdir -p app/{base,overlays/{dev,prod}} && find app -type d', stdout: 'app\napp/base\napp/overlays\napp/overlays/dev\napp/overlays/prod\n' }]);
  });
});

describe('a kubeadm install, as the lesson types it', () => {
  it('prepares the kernel: modules, sysctl, swap', async () => {
    const rig = testRig();
    await expectCasesOn(rig, [
      { line: 'sysctl net.bridge.bridge-nf-call-iptables', stderr: 'sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: No such file or directory\n', code: 1 },
      { line: 'modprobe overlay', stderr: "modprobe: ERROR: could not insert 'overlay': Operation not permitted\n", code: 1 },
      { line: 'sudo modprobe overlay && sudo modprobe br_netfilter && lsmod | wc -l', stdout: '3\n' },
      {
        line: 'cat <<EOF | sudo tee /etc/sysctl.d/k8s.conf >/dev/null\nnet.bridge.bridge-nf-call-iptables  = 1\nnet.ipv4.ip_forward                 = 1\nEOF',
      },
      { line: 'sudo sysctl --system', stdout: '* Applying /etc/sysctl.d/k8s.conf ...\nnet.bridge.bridge-nf-call-iptables = 1\nnet.ipv4.ip_forward = 1\n* Applying /etc/sysctl.conf ...\n' },
      { line: 'sysctl -n net.ipv4.ip_forward', stdout: '1\n' },
      { line: 'sysctl -w net.ipv4.ip_forward=0', stderr: 'sysctl: permission denied on key "net.ipv4.ip_forward"\n', code: 1 },
    ]);
    rig.env.hosts.master.services.kernel = { ...(rig.env.hosts.master.services.kernel as object), swap: true };
    await expectCasesOn(rig, [
      { line: 'free -h | grep Swap', stdout: 'Swap:          1.9Gi          0B       1.9Gi\n' },
      { line: 'swapoff -a', stderr: 'swapoff: /swap.img: swapoff failed: Operation not permitted\n', code: 4 },
      { line: 'sudo swapoff -a && free | grep Swap', stdout: 'Swap:              0           0           0\n' },
    ]);
    expect(rig.env.hosts.master.services.kernel).toEqual({ swap: false, modules: ['overlay', 'br_netfilter'], sysctl: expect.objectContaining({ 'net.ipv4.ip_forward': '1' }) });
  });

  it('copies admin.conf for the student, as kubeadm init suggests', async () => {
    const rig = testRig();
    rig.env.hosts.master.fs.mkdir('/etc/kubernetes');
    rig.env.hosts.master.fs.write('/etc/kubernetes/admin.conf', 'apiVersion: v1\nkind: Config\n', { owner: 'root', mode: 0o600 });
    await expectCasesOn(rig, [
      { line: 'mkdir -p $HOME/.kube' },
      { line: 'sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config' },
      { line: 'ls -l .kube', stdout: 'total 4\n-rw------- 1 root root 28 Jan  1 00:00 config\n' },
      { line: 'cat .kube/config', stderr: 'cat: .kube/config: Permission denied\n', code: 1 },
      { line: 'sudo chown $(id -u):$(id -g) $HOME/.kube/config' },
      { line: 'head -1 .kube/config', stdout: 'apiVersion: v1\n' },
      { line: 'chown root .kube/config', stderr: "chown: changing ownership of '.kube/config': Operation not permitted\n", code: 1 },
    ]);
  });
});

async function expectCasesOn(rig: ReturnType<typeof testRig>, cases: Case[]): Promise<void> {
  for (const c of cases) {
    const r = await rig.run(c.line);
    expect({ line: c.line, stdout: r.stdout, stderr: r.stderr, code: r.exitCode }).toEqual({ line: c.line, stdout: c.stdout ?? '', stderr: c.stderr ?? '', code: c.code ?? 0 });
  }
}

describe('history expansion', () => {
  it('reruns the last line with sudo !!', async () => {
    await expectCases([
      { line: 'cat /etc/shadow | head -1', stderr: 'cat: /etc/shadow: Permission denied\n', code: 0 },
      { line: 'sudo !!', stdout: 'sudo cat /etc/shadow | head -1\nroot:*:20000:0:99999:7:::\n' },
      { line: 'echo !$', stdout: 'echo -1\n-1\n' },
      { line: "echo '!!' \"a != b\" [ ! x ]", stdout: '!! a != b [ ! x ]\n' },
      { line: '!nope', stderr: 'bash: !nope: event not found\n' },
      // a line whose expansion failed is not remembered
      { line: 'history 2', stdout: `    4  echo '!!' "a != b" [ ! x ]\n    5  history 2\n` },
    ]);
  });
});

describe('time and runaway lines', () => {
  it('times a command in simulated time', async () => {
    const r = await testRig().run('time sleep 2');
    expect(r).toEqual({ stdout: '', stderr: '\nreal\t0m2.000s\nuser\t0m0.000s\nsys\t0m0.000s\n', exitCode: 0 });
  });

  it('stops a variable from eating the memory', async () => {
    const r = await testRig().run('x=aaaaaaaaaaaaaaaa; for i in $(seq 20); do x=$x$x; done; echo ${#x}');
    expect(r.stderr).toBe('bash: x: value too large (sandbox limit 1048576 characters)\n'.repeat(4));
    expect(r.stdout).toBe('1048576\n');
  });
});

describe('help for the lost', () => {
  it.each<Case>([
    { line: 'grep --help | head -1', stdout: 'Usage: grep [OPTION]... [FILE]...\n' },
    { line: 'man ls', stderr: 'No manual entry for ls\n(manual pages are not installed in this sandbox; try `ls --help` or `help`)\n', code: 16 },
    { line: 'watch kubectl get pods', stderr: 'watch: full-screen programs are not available in this sandbox; use `kubectl get ... --watch` (-w) instead\n', code: 1 },
  ])('$line', async (c) => expectCases([c]));

  it('accepts a session stored before newer fields existed', async () => {
    const rig = testRig();
    const old = { env: { HOME: '/home/student' }, cwd: '/tmp', host: 'node1', hostStack: [], history: ['ls'], user: 'student' } as unknown as ConstructorParameters<typeof Shell>[1];
    const shell = new Shell(rig.env, old);
    expect((await shell.run('pwd; hostname; echo $?; alias', undefined, { isTTY: false })).stdout).toBe('/tmp\nnode1\n0\n');
  });
});
