// `kubeaula run`: the transcript, --json, --strict, --state-out/--state-in, --workspace and the
// command line's own errors, through the functions bin/kubeaula.js calls (main → runScriptCommand).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from './main';
import { runScript } from './run-command';
import { DEFAULT_START, sandboxOptions } from './sandbox-options';
import { parseTime } from '../engine/time';

const opts = () => sandboxOptions({}, parseTime(DEFAULT_START));

async function transcript(script: string, extra: { strict?: boolean; json?: boolean } = {}): Promise<{ out: string; code: number }> {
  let out = '';
  const { code } = await runScript(script, { ...opts(), ...extra }, (t) => {
    out += t;
  });
  return { out, code };
}

/** runs `kubeaula ARGS` in this process, capturing what it writes */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((t: string | Uint8Array) => {
    stdout += String(t);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((t: string | Uint8Array) => {
    stderr += String(t);
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const SCRIPT = [
  '# A script with steps.',
  'kubectl get pod nope',
  '# step: one',
  'echo hi',
  '',
  '# step: two',
  'kubectl get ns \\',
  '  default',
  'exit 3',
  'echo never',
  '',
].join('\n');

describe('runScript', () => {
  it('prints each command as `$ command`, its output and the `# step:` markers; failures do not stop it, `exit` does', async () => {
    expect(await transcript(SCRIPT)).toEqual({
      code: 0,
      out: [
        '$ kubectl get pod nope',
        'Error from server (NotFound): pods "nope" not found',
        '# step: one',
        '$ echo hi',
        'hi',
        '# step: two',
        '$ kubectl get ns \\',
        '  default',
        'NAME      STATUS   AGE',
        'default   Active   5m',
        '$ exit 3',
        '',
      ].join('\n'),
    });
  });

  it('--json: one object per command with exactly command, stdout, stderr, exitCode and step', async () => {
    const { out, code } = await transcript(SCRIPT, { json: true });
    expect(code).toBe(0);
    expect(out.endsWith('\n')).toBe(true);
    const lines = out.slice(0, -1).split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { command: 'kubectl get pod nope', stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1, step: null },
      { command: 'echo hi', stdout: 'hi\n', stderr: '', exitCode: 0, step: 'one' },
      { command: 'kubectl get ns \\\n  default', stdout: 'NAME      STATUS   AGE\ndefault   Active   5m\n', stderr: '', exitCode: 0, step: 'two' },
      { command: 'exit 3', stdout: '', stderr: '', exitCode: 3, step: 'two' },
    ]);
    // the keys in this order, nothing else on the line
    expect(lines[1]).toBe('{"command":"echo hi","stdout":"hi\\n","stderr":"","exitCode":0,"step":"one"}');
  });

  it('--strict: stops with code 1 after the first command that fails', async () => {
    expect(await transcript('echo first\nfalse\necho never\n', { strict: true })).toEqual({ code: 1, out: '$ echo first\nfirst\n$ false\n' });
    expect(await transcript('echo ok\n', { strict: true })).toEqual({ code: 0, out: '$ echo ok\nok\n' });
    const json = await transcript(SCRIPT, { json: true, strict: true });
    expect(json.code).toBe(1);
    expect(json.out).toBe('{"command":"kubectl get pod nope","stdout":"","stderr":"Error from server (NotFound): pods \\"nope\\" not found\\n","exitCode":1,"step":null}\n');
  });

  it('without --strict a failing last command still exits 0', async () => {
    expect(await transcript('kubectl get pod nope\n')).toEqual({ code: 0, out: '$ kubectl get pod nope\nError from server (NotFound): pods "nope" not found\n' });
  });
});

describe('kubeaula run', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeaula-run-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string): string => {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return p;
  };

  it('--state-out saves the cluster and --state-in continues it, clock included', async () => {
    const state = path.join(dir, 'state.json');
    const first = await cli(['run', file('one.sh', 'kubectl create deployment web --image=nginx --replicas=2\nsleep 60\n'), '--state-out', state]);
    expect(first).toEqual({ code: 0, stdout: '$ kubectl create deployment web --image=nginx --replicas=2\ndeployment.apps/web created\n$ sleep 60\n', stderr: '' });
    expect(JSON.parse(fs.readFileSync(state, 'utf8'))).toHaveProperty('engineVersion');
    const second = await cli(['run', file('two.sh', 'kubectl get deploy\nsleep 60\nkubectl get deploy\n'), '--state-in', state]);
    expect(second).toEqual({
      code: 0,
      stdout: [
        '$ kubectl get deploy',
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE',
        'web    2/2     2            2           60s',
        '$ sleep 60',
        '$ kubectl get deploy',
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE',
        'web    2/2     2            2           2m',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('--workspace copies the directory into the home on master and never writes back', async () => {
    const ws = path.join(dir, 'ws');
    file('ws/notes.txt', 'hello notes\n');
    file('ws/app/pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: from-ws\nspec:\n  containers:\n  - name: c\n    image: nginx\n');
    const script = file('ws.sh', 'ls -l\nls app\ncat notes.txt\nkubectl apply -f app/pod.yaml\necho changed > notes.txt\ncat notes.txt\n');
    const r = await cli(['run', script, '--workspace', ws]);
    expect(r).toEqual({
      code: 0,
      stdout: [
        '$ ls -l',
        'total 8',
        'drwxr-xr-x 2 student student 4096 Jan  1 00:00 app',
        '-rw-r--r-- 1 student student   12 Jan  1 00:00 notes.txt',
        '$ ls app',
        'pod.yaml',
        '$ cat notes.txt',
        'hello notes',
        '$ kubectl apply -f app/pod.yaml',
        'pod/from-ws created',
        '$ echo changed > notes.txt',
        '$ cat notes.txt',
        'changed',
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(fs.readFileSync(path.join(ws, 'notes.txt'), 'utf8')).toBe('hello notes\n');
  });

  it('answers --help, and refuses an unknown flag, a missing script and a bad option with exit 2', async () => {
    const help = await cli(['run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: kubeaula run FILE\|- \[options\]\n/);
    expect(help.stdout).toContain('  --json                   one JSON object per command: {"command","stdout","stderr","exitCode","step"}\n');

    const unknown = await cli(['run', '--bogus', 'x.sh']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr.split('\n')[0]).toBe(
      `kubeaula run: Unknown option '--bogus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- "--bogus"`,
    );
    expect(unknown.stderr).toContain('\n\nusage: kubeaula run FILE|- [options]\n');

    const none = await cli(['run']);
    expect(none.code).toBe(2);
    expect(none.stderr.split('\n')[0]).toBe('kubeaula run: exactly one script (a FILE, or - for standard input) is required');
    expect(await cli(['run', path.join(dir, 'nope.sh')])).toEqual({ code: 2, stdout: '', stderr: `kubeaula run: cannot read ${path.join(dir, 'nope.sh')}: no such file\n` });
    expect(await cli(['run', 'x.sh', '--workspace', path.join(dir, 'absent')])).toEqual({ code: 2, stdout: '', stderr: `kubeaula run: --workspace ${path.join(dir, 'absent')}: no such directory\n` });
    expect(await cli(['run', 'x.sh', '--shape', 'minikube'])).toEqual({ code: 2, stdout: '', stderr: 'kubeaula run: invalid --shape "minikube": one of kubeadm, bare, cloud\n' });
  });

  it('an unknown subcommand exits 2 with the usage', async () => {
    const r = await cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kubeaula: unknown command "frobnicate"\n\nusage: kubeaula <command> \[options\]\n/);
  });
});
