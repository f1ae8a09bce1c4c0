// `kubeaula run` and `kubeaula shell` as processes (node bin/kubeaula.js, which compiles the
// sources once per change): standard input, exit codes, the prompt off a terminal, and, through a
// pseudo-terminal made by util-linux `script`, colour, completion, history, ^C and ^D.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { projectPath } from '../config/paths';

// a spawn may compile the sources first; the machine is shared
jest.setTimeout(120_000);

const BIN = projectPath('bin', 'kubeaula.js');
const kubeaula = (args: string[], input: string) => spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: projectPath() });

const BANNER = 'kubeaula sandbox: a simulated Kubernetes v1.32 cluster (master, node1, node2). Type `help`, or `exit` to leave.\n';

it('kubeaula run - reads the script from standard input and --strict exits 1 at the first failure', () => {
  const r = kubeaula(['run', '-', '--strict'], 'kubectl get ns default\nkubectl get pod x\necho never\n');
  expect([r.status, r.stderr]).toEqual([1, '']);
  expect(r.stdout).toBe('$ kubectl get ns default\nNAME      STATUS   AGE\ndefault   Active   5m\n$ kubectl get pod x\nError from server (NotFound): pods "x" not found\n');
});

it('kubeaula shell off a terminal: prompt, output, ssh to a worker, and `exit N` is the exit code', () => {
  const r = kubeaula(['shell'], 'echo hi\nssh node1\nhostname\nexit\nexit 5\necho never\n');
  expect(r.status).toBe(5);
  expect(r.stdout).toBe(
    `${BANNER}student@master:~$ hi\n` +
      'student@master:~$ Welcome to Ubuntu 24.04.1 LTS (GNU/Linux 6.8.0-48-generic x86_64)\n\n' +
      'student@node1:~$ node1\n' +
      'student@node1:~$ logout\n' +
      'student@master:~$ ',
  );
  expect(r.stderr).toBe('Connection to node1 closed.\n');
});

it('kubeaula shell ends at the end of its input with the last status, and names the hosts it has', () => {
  const r = kubeaula(['shell', '--workers', '3'], 'false\n');
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('kubeaula sandbox: a simulated Kubernetes v1.32 cluster (master, node1, node2, node3). Type `help`, or `exit` to leave.\nstudent@master:~$ student@master:~$ ');
});

const SCRIPT = '/usr/bin/script';
const withPty = fs.existsSync(SCRIPT) ? it : it.skip;

withPty('kubeaula shell on a terminal: colour, completion, ^C ends a sleep with 130, history, ^D says exit', async () => {
  const child = spawn(SCRIPT, ['-qec', `"${process.execPath}" "${BIN}" shell`, '/dev/null'], { cwd: projectPath(), env: { ...process.env, TERM: 'xterm' } });
  let out = '';
  let wake = (): void => {};
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    wake();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  /** types `keys`, then waits until what follows matches `until` */
  const type = async (keys: string, until: RegExp): Promise<string> => {
    const from = out.length;
    child.stdin.write(keys);
    await new Promise<void>((resolve) => {
      wake = () => {
        if (until.test(out.slice(from))) resolve();
      };
      wake();
    });
    return out.slice(from);
  };
  const PROMPT = /student@master:~\$ \S*$/;
  try {
    await type('', PROMPT);
    // cluster-info: names green, addresses yellow on a terminal
    const info = await type('kubectl cluster-info\r', /cluster-info dump'\.\r\n[\s\S]*\$ \S*$/);
    expect(info).toContain('\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33mhttps://192.168.56.10:6443\x1b[0m\r\n');
    // TAB completes a namespace's name
    await type('kubectl get ns kube-sy\t', /stem/);
    const ns = await type('\r', /Active[\s\S]*\$ \S*$/);
    expect(ns).toMatch(/\r\nNAME {10}STATUS {3}AGE\r\nkube-system {3}Active {3}5m\d*s?\r\n/);
    // ^C ends a real wait at once; the status is 130
    const started = Date.now();
    await type('sleep 100\r', /sleep 100\r\r\n/);
    const stopped = await type('\x03', PROMPT);
    expect(stopped).toMatch(/^\^C\r\n/);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await type('echo $?\r', /130\r\n[\s\S]*\$ \S*$/)).toContain('\r\n130\r\n');
    // history: two lines up is the sleep
    expect(await type('\x1b[A\x1b[A', /sleep 100/)).toContain('sleep 100');
    // ^U empties the line, ^D on an empty line leaves as bash does
    await type('\x15', PROMPT);
    expect(await type('\x04', /exit\r\n/)).toContain('exit\r\n');
    expect(await exited).toBe(0);
  } finally {
    child.kill();
  }
});
