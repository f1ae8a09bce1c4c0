// The contract between the interpreter and the commands it ships (builtins and utilities).
// Dispatch is a lookup in these records, never a chain of comparisons.

import type { Command } from './ast';
import type { CommandContext, ShellSession } from './types';

/** the interpreter's mutable state while a line runs: the session plus positional parameters */
export interface ExecState extends ShellSession {
  args: string[];
  /** script or shell name for $0 */
  arg0: string;
  /** the functions running, innermost last, each with the variables its `local` shadowed */
  calls?: FunctionCall[];
  /** sourced scripts running: `return` ends the innermost */
  sourcing?: number;
  /** the line of the script running the current command (a script's messages name it) */
  lineno?: number;
  /** what the lines of the text running are offset by (a function's body starts further down) */
  lineBase?: number;
  /** the line each function's body starts on */
  functionLines?: Record<string, number>;
}

export interface FunctionCall {
  name: string;
  /** the values `local` replaced, restored when the function returns (undefined: was unset) */
  saved: Map<string, string | undefined>;
}

/**
 * A command's standard input, shared by the commands of a compound one: `while read l` takes a
 * line a pass; a command that looks at `ctx.stdin` takes all that is left, as a real one would.
 */
export class Input {
  private pos = 0;
  /** `terminal`: the terminal's input (nothing typed ahead), not a file, pipe or here-document */
  constructor(
    private readonly text: string,
    readonly terminal = false,
  ) {}

  /** all that is left, consumed */
  takeAll(): string {
    const rest = this.text.slice(this.pos);
    this.pos = this.text.length;
    return rest;
  }

  /** the next line without its newline; undefined at the end */
  readLine(): { line: string; complete: boolean } | undefined {
    if (this.pos >= this.text.length) return undefined;
    const nl = this.text.indexOf('\n', this.pos);
    const end = nl < 0 ? this.text.length : nl;
    const line = this.text.slice(this.pos, end);
    this.pos = nl < 0 ? this.text.length : nl + 1;
    return { line, complete: nl >= 0 };
  }
}

/** the streams of one command */
export interface Io {
  input: Input;
  out(text: string): void;
  err(text: string): void;
  tty: boolean;
  /** the file stdout is redirected to (`> FILE`), for commands that write it in bulk (yes) */
  outFile?: string;
}

/** what the interpreter offers to commands that run other commands (sudo, xargs, ssh, bash) */
export interface Runner {
  /** runs a command by its words; `functions`: the session's functions count (time), not for programs that run others (env, xargs, sudo, command) */
  runArgv(argv: string[], state: ExecState, io: Io, functions?: boolean): Promise<number>;
  /** parses and runs `src` in `state` (source, eval, ssh HOST CMD) */
  runSource(src: string, state: ExecState, io: Io): Promise<number>;
  /** runs a script in a child shell with its own $0 and positional parameters */
  /** `env`: the new shell's environment (the command's, with its own `NAME=value` prefix); by default the exported variables of `state` */
  runScript(src: string, arg0: string, args: string[], state: ExecState, io: Io, asBash?: boolean, env?: Record<string, string>): Promise<number>;
  knownCommand(name: string): 'builtin' | 'file' | undefined;
  /** the parsed body of one of the session's functions */
  functionBody(state: ExecState, name: string): Command | undefined;
  /** throws the interpreter's exit signal (unwinds to the nearest shell) */
  exit(code: number): never;
  /** how many loops enclose the running command */
  loopDepth(): number;
  /** unwinds to the `levels`th enclosing loop, ending it or starting its next pass */
  loopControl(kind: 'break' | 'continue', levels: number): never;
}

export interface BuiltinContext extends CommandContext {
  state: ExecState;
  io: Io;
  runner: Runner;
}

export type Builtin = (ctx: BuiltinContext) => Promise<number> | number;

export type Registry = Record<string, Builtin>;

export function homeOf(user: string): string {
  return user === 'root' ? '/root' : `/home/${user}`;
}
