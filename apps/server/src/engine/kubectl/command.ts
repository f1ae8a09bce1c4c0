// A kubectl (sub)command as data: its flags and its run function, and what a run gets. As in
// kubectl's pkg/cmd/<verb>, each verb lives in its own file under verbs/.

import { ApiServer } from '../api/api-server';
import type { ResourceInfo } from '../api/resources';
import { FlagSpec, Flags } from './flags';
import { KubectlHost } from './context';
import { Connection, Kubeconfig } from './kubeconfig';

export interface Invocation {
  host: KubectlHost;
  flags: Flags;
  /** positional arguments (after `--` too) */
  args: string[];
  /** arguments after `--` (a container command), empty when there was no `--` */
  dashArgs(): string[];
  /** `get`, `create deployment`, `rollout status` */
  path: string;
  out(text: string): void;
  err(text: string): void;
  /** the kubeconfig on this host, or undefined */
  kubeconfig(): Kubeconfig | undefined;
  /** connects (throws the connection-refused error when the server cannot be reached) */
  connect(): Connection;
  /** the API, at the current simulated time; connects first */
  api(): ApiServer;
  /** -n, else the context's namespace, else `default` */
  namespace(): string;
  /** -n was given */
  namespaceExplicit(): boolean;
  /** let the controllers react to what this command wrote so far */
  settle(): void;
  /**
   * A read of `info` got its deprecation warning (if it has one): `Warning: ...` on stderr, once
   * per command, as kubectl's deduplicating warning writer prints the server's Warning headers.
   */
  readWarning(info: ResourceInfo): void;
  /**
   * the command line as --record writes it into kubernetes.io/change-cause (kubectl's
   * parseCommandArguments): `kubectl`, the words that are not flags, then every flag set as
   * ` --name=value`, in order
   */
  changeCause(): string;
}

export interface CommandDef {
  name: string;
  aliases?: string[];
  /** one-line description, for `kubectl help` and suggestions */
  short: string;
  flags?: FlagSpec[];
  subcommands?: CommandDef[];
  /** runs without contacting the server */
  run?(inv: Invocation): Promise<number | void> | number | void;
  hidden?: boolean;
  /** `--help` runs the command instead of printing a help text (kubectl alpha) */
  helpIsRun?: boolean;
  /**
   * a real kubectl command the simulation does not offer: whatever its arguments and flags, it
   * answers this line (exit 1), and its help is kubectl's (verbs/not-supported.ts)
   */
  refusal?: string;
  /** a command group run without a subcommand prints its help on stdout (rollout), not stderr */
  groupHelpOnStdout?: boolean;
}

/** flags every kubectl command accepts (kubectl's persistent flags) */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'server', shorthand: 's', type: 'string' },
  { name: 'request-timeout', type: 'string', default: '0' },
  { name: 'v', shorthand: 'v', type: 'int', default: 0 },
  { name: 'as', type: 'string' },
  { name: 'as-group', type: 'stringArray' },
  { name: 'as-uid', type: 'string' },
  { name: 'token', type: 'string' },
  { name: 'username', type: 'string' },
  { name: 'password', type: 'string' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'certificate-authority', type: 'string' },
  { name: 'client-certificate', type: 'string' },
  { name: 'client-key', type: 'string' },
  { name: 'tls-server-name', type: 'string' },
  { name: 'cache-dir', type: 'string' },
  { name: 'match-server-version', type: 'bool' },
  { name: 'warnings-as-errors', type: 'bool' },
  { name: 'disable-compression', type: 'bool' },
  { name: 'log-flush-frequency', type: 'duration', default: '5s' },
  { name: 'vmodule', type: 'string' },
  { name: 'profile', type: 'string' },
  { name: 'profile-output', type: 'string' },
  { name: 'help', shorthand: 'h', type: 'bool' },
];

/** output flags shared by get-like commands */
export const OUTPUT_FLAG: FlagSpec = { name: 'output', shorthand: 'o', type: 'string' };
export const FILENAME_FLAG: FlagSpec = { name: 'filename', shorthand: 'f', type: 'stringSlice' };
export const RECURSIVE_FLAG: FlagSpec = { name: 'recursive', shorthand: 'R', type: 'bool' };
export const SELECTOR_FLAG: FlagSpec = { name: 'selector', shorthand: 'l', type: 'string' };
export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' };
export const ALL_NAMESPACES_FLAG: FlagSpec = { name: 'all-namespaces', shorthand: 'A', type: 'bool' };
export const FIELD_SELECTOR_FLAG: FlagSpec = { name: 'field-selector', type: 'string' };
export const VALIDATE_FLAG: FlagSpec = { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' };
/** --field-manager, whose default names the command (`kubectl-create`, `kubectl-set`) */
export function fieldManagerFlag(manager: string): FlagSpec {
  return { name: 'field-manager', type: 'string', default: manager };
}
export const SHOW_MANAGED_FIELDS_FLAG: FlagSpec = { name: 'show-managed-fields', type: 'bool' };
export const TEMPLATE_FLAG: FlagSpec = { name: 'template', type: 'string' };
export const ALLOW_MISSING_FLAG: FlagSpec = { name: 'allow-missing-template-keys', type: 'bool', default: true };
/** the printing flags of every command that can print the objects it wrote (see printOptions) */
export const PRINT_FLAGS: FlagSpec[] = [TEMPLATE_FLAG, ALLOW_MISSING_FLAG, SHOW_MANAGED_FIELDS_FLAG];
/** deprecated and hidden in kubectl v1.32, still honoured: records the command line in kubernetes.io/change-cause */
export const RECORD_FLAG: FlagSpec = { name: 'record', type: 'bool', hidden: true, deprecated: '--record will be removed in the future' };
