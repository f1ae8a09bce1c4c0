// `kubeaula run FILE|-`: runs a script on a fresh cluster in virtual time, printing each command
// as `$ command` followed by its output (or one JSON object per command with --json).

import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { Sandbox, VirtualClock } from '../engine/sandbox';
import { ScriptItem, splitScript } from '../engine/script';
import type { ShellSession } from '../engine/shell/types';
import { CliError, DEFAULT_START, SandboxOptions, copyWorkspace, sandboxOptions } from './sandbox-options';
import { parseTime } from '../engine/time';

const HELP = `usage: kubeaula run FILE|- [options]

Runs a script of commands on a fresh simulated cluster in virtual time (sleep 30 is instant).

Options:
  --seed N                 random seed (default 1)
  --shape kubeadm|bare|cloud
  --workers N              worker nodes (default 2)
  --proxy-mode iptables|ipvs
  --start ISO-TIME         the cluster's creation time (default ${DEFAULT_START})
  --workspace DIR          the student's files start as a copy of DIR (never written back)
  --state-in FILE          start from a saved cluster
  --state-out FILE         save the cluster at the end
  --strict                 stop with exit code 1 at the first command that fails
  --json                   one JSON object per command: {"command","stdout","stderr","exitCode","step"}
`;

export async function runScriptCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        shape: { type: 'string' },
        workers: { type: 'string' },
        'proxy-mode': { type: 'string' },
        start: { type: 'string' },
        workspace: { type: 'string' },
        'state-in': { type: 'string' },
        'state-out': { type: 'string' },
        strict: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    process.stderr.write(`kubeaula run: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`kubeaula run: exactly one script (a FILE, or - for standard input) is required\n\n${HELP}`);
    return 2;
  }
  let opts;
  let text: string;
  try {
    opts = sandboxOptions(values, parseTime(DEFAULT_START));
    const file = positionals[0];
    text = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
  } catch (e) {
    const msg = e instanceof CliError ? e.message : `cannot read ${positionals[0]}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`;
    process.stderr.write(`kubeaula run: ${msg}\n`);
    return 2;
  }

  const outcome = await runScript(text, { ...opts, strict: !!values.strict, json: !!values.json }, (t) => process.stdout.write(t));
  if (values['state-out']) {
    fs.writeFileSync(String(values['state-out']), JSON.stringify(outcome.sandbox.serialize()));
  }
  return outcome.code;
}

export interface ScriptOptions extends SandboxOptions {
  strict?: boolean;
  json?: boolean;
  /**
   * A harness's own lines: `#! TEXT` (a comment to the shell, so `kubeaula run` passes none and
   * they stay comments). Called in script order between the commands with TEXT, after the
   * cluster is brought to the clock's time; the line is written to the transcript as it is,
   * then whatever the directive returns. A throw stops the script.
   */
  directive?: (text: string, ctx: { sandbox: Sandbox; session: ShellSession }) => string | void;
}

/** `#! TEXT` lines outside any command (not a heredoc body, nor a `#!/bin/sh` first line). */
const DIRECTIVE = /^#!\s+(\S.*)$/;

type RunItem = ScriptItem | { kind: 'directive'; text: string; line: number };

/** The script's items with its directive lines placed among them by line number. */
function withDirectives(text: string, items: ScriptItem[]): RunItem[] {
  const inside = new Set<number>();
  for (const item of items) {
    if (item.kind !== 'command') continue;
    const lines = item.text.split('\n').length;
    for (let l = item.line; l < item.line + lines; l++) inside.add(l);
  }
  const directives: RunItem[] = [];
  text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .forEach((line, i) => {
      const m = DIRECTIVE.exec(line.trim());
      if (m && !inside.has(i + 1)) directives.push({ kind: 'directive', text: m[1].trimEnd(), line: i + 1 });
    });
  return [...items, ...directives].sort((a, b) => a.line - b.line);
}

/** Runs a script on a fresh (or loaded) sandbox in virtual time, writing the transcript. */
export async function runScript(text: string, opts: ScriptOptions, write: (s: string) => void): Promise<{ code: number; sandbox: Sandbox }> {
  const values = { strict: opts.strict, json: opts.json };
  const sandbox =
    opts.stateIn ??
    Sandbox.create({ seed: opts.seed, start: opts.start, shape: opts.shape, options: { workers: opts.workers, kubeProxyMode: opts.proxyMode } }, new VirtualClock(opts.start));
  if (opts.workspace) copyWorkspace(sandbox, opts.workspace);
  let session = sandbox.newSession();
  const parsed = await splitScript(text);
  const items = opts.directive ? withDirectives(text, parsed) : parsed;
  let step: string | null = null;
  let code = 0;
  for (const item of items) {
    if (item.kind === 'directive') {
      sandbox.cluster.step(sandbox.clock.now());
      if (!values.json) write(`#! ${item.text}\n`);
      const said = opts.directive!(item.text, { sandbox, session });
      if (said && !values.json) write(said);
      continue;
    }
    if (item.kind === 'step') {
      step = item.id;
      if (!values.json) write(`# step: ${item.id}\n`);
      continue;
    }
    if (!values.json) write(`$ ${item.text}\n`);
    const { result, session: next } = await sandbox.run(
      session,
      item.text,
      values.json ? undefined : { write: (_stream, t) => write(t) },
      { isTTY: false },
    );
    session = next;
    if (values.json) {
      write(`${JSON.stringify({ command: item.text, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, step })}\n`);
    }
    if (result.exitCode !== 0 && values.strict) {
      code = 1;
      break;
    }
    if (result.exited) break;
  }
  return { code, sandbox };
}
