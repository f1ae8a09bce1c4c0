// The shell's public contracts: session state, the host environment it runs in, and the
// interface through which other engineers plug commands (kubectl, kubeadm, curl, ...) in.

import type { FileSystem } from './filesystem';
import type { UserFs } from './user-fs';

/** a shell nested inside the current one (ssh HOST, sudo -i): restored by `exit` */
export interface SavedFrame {
  /** ssh: a remote login; login: `sudo -i`, `su -`; shell: `sudo -s`, `sudo su`, `bash` */
  kind: 'ssh' | 'login' | 'shell';
  host: string;
  cwd: string;
  user: string;
  env: Record<string, string>;
  /** the shell's own variables that were not exported (the shell below's, restored on exit) */
  unexported?: Record<string, true>;
  /** its readonly variables (the shell below's, restored on exit) */
  readonly?: Record<string, true>;
  /** its variables declared without a value (the shell below's, restored on exit) */
  declared?: Record<string, true>;
  /** its `set` options (the shell below's, restored on exit) */
  shellOptions?: ShellSession['shellOptions'];
}

/** one terminal's shell state; plain JSON, stored by the door that owns the terminal */
export interface ShellSession {
  env: Record<string, string>;
  /**
   * the variables of `env` this shell made and did not export (bash's shell variables): a
   * command it starts does not see them. Absent in sessions stored before there was this list,
   * where every variable counts as exported, as it did then.
   */
  unexported?: Record<string, true>;
  /** `readonly NAME`, `declare -r NAME`: variables no assignment or unset may change */
  readonly?: Record<string, true>;
  /**
   * variables declared without a value (`export NAME`, `readonly NAME`, `local NAME` of a name that
   * has none): they have their attributes and no value, so `${NAME-x}` gives x and no command
   * sees them, until an assignment gives them one
   */
  declared?: Record<string, true>;
  /** `set -e` (errexit), `set -u` (nounset), `set -o pipefail`: the options of `set` this shell honours that are on */
  shellOptions?: { errexit?: true; nounset?: true; pipefail?: true };
  cwd: string;
  host: string;
  /** hosts of the shells below the current one (ssh); top of stack is last */
  hostStack: string[];
  history: string[];
  user: string;
  /** `$?` of the last command line */
  status: number;
  /** shells to return to on `exit` (ssh, sudo -i, bash); their hosts are hostStack */
  frames: SavedFrame[];
  /** `alias k=kubectl` */
  aliases?: Record<string, string>;
  /** `f() { ...; }`: each function's body, as typed */
  functions?: Record<string, string>;
  /** `a=(x y)`: each array's elements by index */
  arrays?: Record<string, Record<string, string>>;
  /** `trap CMD SIG`: the command for each signal (EXIT runs when this shell ends) */
  traps?: Record<string, string>;
  /** `kubectl exec -it POD -- sh`: the lines go to this container's shell until `exit` */
  container?: AttachedContainer;
}

/** a shell inside a container, opened by `kubectl exec -it` where the door has a terminal */
export interface AttachedContainer {
  namespace: string;
  pod: string;
  container: string;
  /** the program: sh, bash, ash */
  shell: string;
  /** the container's hostname, for bash's prompt */
  hostname: string;
  /** BusyBox `/ # `, bash `root@pod:/# `, dash `# ` */
  promptStyle: 'busybox' | 'bash' | 'dash';
  cwd: string;
  env: Record<string, string>;
  /** `kubectl exec -it POD -- mysql ...`: the lines go to the client's monitor instead of a shell */
  monitor?: MysqlMonitor;
  /** `kubectl run -it`: the attached program is the container's main process; leaving it ends the container (and --rm deletes the pod) */
  run?: { rm: boolean };
}

/** the mysql (or mariadb) client's monitor attached to the terminal */
export interface MysqlMonitor {
  /** the client's command line */
  argv: string[];
  /** the MariaDB client (its prompt names the database) */
  maria: boolean;
  /** the statement typed so far, across lines */
  buffer: string;
  database?: string;
  /** `-p` alone: the next line is the password */
  awaitingPassword?: boolean;
  password?: string;
}

export interface HostState {
  hostname: string;
  ip: string;
  fs: FileSystem;
  /** free-form, owned by whoever simulates the host's services (kubelet, containerd, ...) */
  services: Record<string, unknown>;
}

/** engine-safe stand-in for AbortSignal: ^C from the terminal */
export interface ShellSignal {
  readonly aborted: boolean;
  /** registers a listener; returns a function that removes it */
  onAbort(listener: () => void): () => void;
}

export interface CommandContext {
  /** argv[0] is the command name as typed */
  argv: string[];
  /** the variables the command sees (a copy: changes do not reach the shell) */
  env: Record<string, string>;
  cwd: string;
  host: string;
  /** `student` or `root` */
  user: string;
  stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** the current host's file system, as this user from this directory */
  fs: UserFs;
  /** true when stdout goes straight to the terminal (not a pipe, file or `$( )`) */
  isTTY: boolean;
  signal: ShellSignal;
  /** simulated time, epoch ms */
  now(): number;
  /** waits in simulated time (the host decides how); commands that wait use this */
  sleep(ms: number): Promise<void> | void;
  /** the host this command runs on */
  hostState: HostState;
  environment: ShellEnvironment;
  /** opens a container's shell in this terminal (kubectl exec -it): following lines go there */
  attachContainer?(c: AttachedContainer): void;
}

/** returns the exit status */
export type ExternalCommand = (ctx: CommandContext) => Promise<number> | number;

export interface ShellEnvironment {
  now(): number;
  /** advances simulated time; the host (cluster service) decides how */
  sleep(ms: number): Promise<void> | void;
  hosts: Record<string, HostState>;
  commands: Record<string, ExternalCommand>;
  /** a uniformly distributed 32-bit unsigned integer ($RANDOM, $SRANDOM), from the cluster's seeded generator */
  random(): number;
  /** runs a line in the session's attached container (session.container), updating or ending it */
  containerShell?(session: ShellSession, line: string, sink?: OutputSink, opts?: RunOptions): Promise<RunResult>;
}

/** where a command line's output goes as it is produced */
export interface OutputSink {
  write(stream: 'stdout' | 'stderr', text: string): void;
}

export interface RunOptions {
  signal?: ShellSignal;
  /** the door's terminal is a TTY (browser terminal); false for Discord/REST */
  isTTY?: boolean;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** the outermost shell exited: the door may close the terminal */
  exited?: boolean;
}
