// `kubeaula shell`: an interactive sandbox on a local in-memory cluster, in real time, with a
// TTY (colour, `-it`), readline history and completion of verbs and resource names.

import * as readline from 'node:readline';
import { parseArgs } from 'node:util';
import { Sandbox, SandboxClock } from '../engine/sandbox';
import { createSignal } from '../engine/shell/shell';
import type { ShellSignal } from '../engine/shell/types';
import { prompt } from '../engine/shell/session';
import { completeLine } from './completion';
import { CliError, copyWorkspace, sandboxOptions } from './sandbox-options';

const HELP = `usage: kubeaula shell [options]

An interactive sandbox on a local simulated cluster. Time runs with the wall clock.

Options:
  --shape kubeadm|bare|cloud   (default kubeadm)
  --seed N                     random seed (default 1)
  --workers N                  worker nodes (default 2)
  --proxy-mode iptables|ipvs
  --workspace DIR              the student's files start as a copy of DIR
`;

/** Simulated time = the wall clock. A sleep ends early on the running command's ^C. */
export class WallClock implements SandboxClock {
  readonly virtual = false;
  /** the ^C of the command now running */
  signal: ShellSignal | undefined;
  now(): number {
    return Date.now();
  }
  sleep(ms: number): Promise<void> {
    const signal = this.signal;
    if (signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const off = signal?.onAbort(() => {
        clearTimeout(timer);
        resolve();
      });
      const timer = setTimeout(
        () => {
          off?.();
          resolve();
        },
        Math.max(0, ms),
      );
    });
  }
}

export async function runShellCommand(argv: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        shape: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        'proxy-mode': { type: 'string' },
        workspace: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    process.stderr.write(`kubeaula shell: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  let opts;
  try {
    opts = sandboxOptions(values, Date.now());
  } catch (e) {
    process.stderr.write(`kubeaula shell: ${e instanceof CliError ? e.message : String(e)}\n`);
    return 2;
  }
  const clock = new WallClock();
  const sandbox = Sandbox.create({ seed: opts.seed, start: clock.now(), shape: opts.shape, options: { workers: opts.workers, kubeProxyMode: opts.proxyMode } }, clock);
  if (opts.workspace) copyWorkspace(sandbox, opts.workspace);
  let session = sandbox.newSession();
  const isTTY = process.stdout.isTTY === true;

  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY === true,
    historySize: 1000,
    completer: (line: string) => completeLine(sandbox, line, session),
  });
  process.stdout.write(`kubeaula sandbox: a simulated Kubernetes v1.32 cluster (${Object.keys(sandbox.hosts).join(', ')}). Type \`help\`, or \`exit\` to leave.\n`);

  let running: { abort(): void } | undefined;
  let exited = false;
  rl.on('SIGINT', () => {
    if (running) running.abort();
    else {
      process.stdout.write('^C\n');
      rl.setPrompt(prompt(session));
      rl.prompt();
    }
  });

  const lines: AsyncIterable<string> = rl;
  rl.setPrompt(prompt(session));
  rl.prompt();
  for await (const line of lines) {
    const ctl = createSignal();
    running = ctl;
    clock.signal = ctl.signal;
    const { result, session: next } = await sandbox.run(
      session,
      line,
      { write: (stream, t) => (stream === 'stdout' ? process.stdout : process.stderr).write(t) },
      { isTTY, signal: ctl.signal },
    );
    running = undefined;
    clock.signal = undefined;
    session = next;
    if (ctl.signal.aborted) process.stdout.write('^C\n');
    if (result.exited) {
      exited = true;
      break;
    }
    rl.setPrompt(prompt(session));
    rl.prompt();
  }
  // ^D at an empty prompt: an interactive bash says so before it leaves
  if (!exited && process.stdin.isTTY === true) process.stdout.write('exit\n');
  rl.close();
  return session.status ?? 0;
}
