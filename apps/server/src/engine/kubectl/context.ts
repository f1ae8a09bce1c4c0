// What a kubectl invocation gets from the shell it runs in: the cluster it talks to (through
// its kubeconfig), the terminal streams, the host's files and simulated time.

import type { Cluster } from '../cluster';
import type { AttachedContainer, HostState, ShellSignal } from '../shell/types';
import type { UserFs } from '../shell/user-fs';

export interface KubectlHost {
  cluster: Cluster;
  stdin: string;
  out(text: string): void;
  err(text: string): void;
  fs: UserFs;
  env: Record<string, string>;
  user: string;
  host: string;
  isTTY: boolean;
  signal: ShellSignal;
  now(): number;
  /** waits in simulated time; the door decides how (instant in virtual time) */
  sleep(ms: number): Promise<void> | void;
  /**
   * Virtual time (scripts, tests): a command that waits ends when nothing more will happen
   * within its timeout instead of waiting for ^C.
   */
  virtualTime: boolean;
  /** the sandbox's machines (exec: a hostPath volume is the node's own directory) */
  hosts?: Record<string, HostState>;
  /** exec -it: hands the terminal to a container's shell (doors with a terminal) */
  attachContainer?(c: AttachedContainer): void;
}

/** A usage error: printed as `error: <msg>` plus `See 'kubectl <cmd> -h' for help and examples`. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An error kubectl prints as `error: <msg>` (the message may already carry its own prefix). */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    /** what kubectl printed on stdout before it failed (the template printer's debugging block) */
    readonly stdout = '',
  ) {
    super(message);
    this.name = 'CommandError';
  }
}
