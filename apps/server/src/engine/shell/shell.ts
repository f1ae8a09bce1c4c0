// The sandbox shell's entry point: one command line in, streamed output and an exit status out.

import type { ExecState, Io, Registry } from './command-registry';
import { Input } from './command-registry';
import { ExitSignal, InterruptSignal, Interpreter } from './interpreter';
import { copyArrays } from './variables';
import { ShellSyntaxError, parseShell } from './parser';
import { newShellSession } from './session';
import { checkSyntax } from './syntax-check';
import { ExpansionError } from './expand-error';
import { expandHistory } from './history-expansion';
import type { OutputSink, RunOptions, RunResult, ShellEnvironment, ShellSession, ShellSignal } from './types';
import { SHELL_BUILTINS } from './builtins';
import { UTILITIES } from './utils';

export const MAX_LINE = 100_000;
export const HISTORY_SIZE = 1000;

const NEVER: ShellSignal = { aborted: false, onAbort: () => () => undefined };

/** an engine-safe AbortController for ^C */
export function createSignal(): { signal: ShellSignal; abort(): void } {
  const listeners = new Set<() => void>();
  const state = { aborted: false };
  return {
    signal: {
      get aborted() {
        return state.aborted;
      },
      onAbort(l) {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    },
    abort() {
      if (state.aborted) return;
      state.aborted = true;
      for (const l of [...listeners]) l();
    },
  };
}

export interface ShellOptions {
  /** replaces or adds builtins (tests); the defaults are SHELL_BUILTINS and UTILITIES */
  builtins?: Registry;
  utilities?: Registry;
}

export class Shell {
  private readonly builtins: Registry;
  private readonly utilities: Registry;

  constructor(
    readonly environment: ShellEnvironment,
    public session: ShellSession = newShellSession(),
    opts: ShellOptions = {},
  ) {
    this.session = normalize(session);
    this.builtins = { ...SHELL_BUILTINS, ...opts.builtins };
    this.utilities = { ...UTILITIES, ...opts.utilities };
  }

  /** runs one command line (it may hold several lines: a pasted here-document) */
  async run(line: string, sink?: OutputSink, opts: RunOptions = {}): Promise<RunResult> {
    // inside `kubectl exec -it POD -- sh` the line belongs to the container's shell
    if (this.session.container && this.environment.containerShell) return this.environment.containerShell(this.session, line, sink, opts);
    let stdout = '';
    let stderr = '';
    const io: Io = {
      input: new Input('', true),
      out: (t) => {
        if (t === '') return;
        stdout += t;
        sink?.write('stdout', t);
      },
      err: (t) => {
        if (t === '') return;
        stderr += t;
        sink?.write('stderr', t);
      },
      tty: opts.isTTY ?? true,
    };
    const done = (exitCode: number, exited?: boolean): RunResult => {
      this.session.status = exitCode;
      return exited ? { stdout, stderr, exitCode, exited } : { stdout, stderr, exitCode };
    };
    if (line.length > MAX_LINE) {
      io.err('bash: command line too long\n');
      return done(2);
    }
    const hist = expandHistory(line, this.session.history);
    if ('error' in hist) {
      io.err(`bash: ${hist.error}\n`);
      return done(this.session.status);
    }
    if (hist.changed) {
      // bash shows the line it is about to run
      io.out(`${hist.line}\n`);
      line = hist.line;
    }
    this.remember(line);
    if (line.trim() === '') return done(this.session.status);

    let list;
    try {
      const parsed = parseShell(line);
      const bad = await checkSyntax(line);
      // bash reads past a here-document cut short by the end of input, mvdan/sh refuses it
      if (bad !== undefined && parsed.warnings.length === 0) {
        io.err(`bash: ${bad}\n`);
        return done(2);
      }
      for (const w of parsed.warnings) io.err(`bash: ${w}\n`);
      list = parsed.list;
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        if (e.message) io.err(`bash: ${e.message}\n`);
        return done(e.keepStatus ? this.session.status : 2);
      }
      throw e;
    }

    const state: ExecState = { ...copySession(this.session), args: [], arg0: 'bash' };
    const interp = new Interpreter(this.environment, this.builtins, this.utilities, opts.signal ?? NEVER);
    let status: number;
    let exited = false;
    try {
      status = await interp.execList(list, state, io);
    } catch (e) {
      if (e instanceof ExitSignal) {
        status = e.code;
        // the outermost shell's EXIT trap runs as it ends (a nested one's traps are the session's too)
        if (state.frames.length === 0) await interp.runExitTrap(state, status, io);
        exited = leaveShell(state, io);
      } else if (e instanceof InterruptSignal) status = 130;
      else if (e instanceof ExpansionError) {
        io.err(`bash: ${e.message}\n`);
        status = 1;
      } else {
        // the last resort: a runaway line (a string grown past memory, a deep recursion) ends
        // with a message, never with a broken terminal
        io.err(`bash: ${e instanceof Error ? e.message : String(e)}\n`);
        status = 1;
      }
    }
    const { args: _args, arg0: _arg0, calls: _calls, sourcing: _sourcing, lineno: _lineno, lineBase: _lineBase, functionLines: _functionLines, ...session } = state;
    this.session = session;
    return done(status, exited);
  }

  private remember(line: string): void {
    const h = this.session.history;
    const entry = line.replace(/\n+$/, '');
    // Ubuntu's HISTCONTROL=ignoreboth: no blank or space-led lines, no repeats
    if (entry.trim() === '' || entry.startsWith(' ') || h[h.length - 1] === entry) return;
    h.push(entry);
    if (h.length > HISTORY_SIZE) h.splice(0, h.length - HISTORY_SIZE);
  }
}

/** `exit` in the outermost shell of a frame: back to the shell below; true when none is left */
function leaveShell(state: ExecState, io: Io): boolean {
  const frame = state.frames.pop();
  if (!frame) return true;
  state.hostStack = state.frames.map((f) => f.host);
  io.out(frame.kind === 'shell' ? 'exit\n' : 'logout\n');
  if (frame.kind === 'ssh') io.err(`Connection to ${state.host} closed.\n`);
  state.host = frame.host;
  state.cwd = frame.cwd;
  state.user = frame.user;
  state.env = frame.env;
  state.unexported = frame.unexported;
  state.readonly = frame.readonly;
  state.declared = frame.declared;
  state.shellOptions = frame.shellOptions;
  return false;
}

/** a session stored by an older version may lack newer fields */
function normalize(s: ShellSession): ShellSession {
  const base = newShellSession({ host: s.host, user: s.user });
  return { ...base, ...s, env: s.env ?? base.env, frames: s.frames ?? [], hostStack: s.hostStack ?? [], history: s.history ?? [], status: s.status ?? 0, aliases: s.aliases ?? {} };
}

/**
 * A copy the command may change freely: the session is plain data (strings, string maps and
 * arrays), so copying its containers is enough; strings are immutable. (A JSON round trip did the
 * same for the whole history, up to HISTORY_SIZE lines, on every command line.)
 */
export function copySession(s: ShellSession): ShellSession {
  const copy: ShellSession = { ...s, env: { ...s.env }, hostStack: [...(s.hostStack ?? [])], history: [...(s.history ?? [])], frames: (s.frames ?? []).map((f) => ({ ...f, env: { ...f.env } })) };
  if (s.aliases) copy.aliases = { ...s.aliases };
  if (s.functions) copy.functions = { ...s.functions };
  if (s.arrays) copy.arrays = copyArrays(s.arrays);
  if (s.traps) copy.traps = { ...s.traps };
  if (s.container) copy.container = { ...s.container, env: { ...s.container.env }, ...(s.container.monitor ? { monitor: { ...s.container.monitor, argv: [...s.container.monitor.argv] } } : {}) };
  return copy;
}

