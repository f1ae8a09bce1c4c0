// kubectl's entry point: finds the (sub)command as cobra does, parses its flags, runs it, and
// prints errors with kubectl's exact text, stream and exit code.

import { unsimulatedFlag } from './unsimulated-flags';
import { ApiError, isApiError } from '../api/errors';
import { FsError } from '../shell/filesystem';
import { CommandDef, GLOBAL_FLAGS, Invocation } from './command';
import { COMMANDS } from './commands';
import { CommandError, KubectlHost, UsageError } from './context';
import { FlagError, Flags, parseFlags } from './flags';
import { Connection, Kubeconfig, connect, loadKubeconfig } from './kubeconfig';
import { formatApiError } from './errors';

export async function runKubectl(argv: string[], host: KubectlHost): Promise<number> {
  // the command path: leading words naming (sub)commands
  let def: CommandDef | undefined;
  let commands = COMMANDS;
  const path: string[] = [];
  let rest = argv;
  // global flags may precede the verb: `kubectl -n dev get pods`
  const leading: string[] = [];
  while (rest.length && rest[0].startsWith('-')) {
    leading.push(rest[0]);
    const spec = GLOBAL_FLAGS.find((f) => rest[0] === `--${f.name}` || rest[0] === `-${f.shorthand}`);
    rest = rest.slice(1);
    if (spec && spec.type !== 'bool' && rest.length && !leading[leading.length - 1].includes('=')) {
      leading.push(rest[0]);
      rest = rest.slice(1);
    }
  }
  if (rest.length === 0) {
    host.out(rootHelp());
    return 0;
  }
  for (;;) {
    const word = rest[0];
    const found = word !== undefined ? commands.find((c) => c.name === word || c.aliases?.includes(word)) : undefined;
    if (!found) break;
    def = found;
    path.push(found.name);
    rest = rest.slice(1);
    if (!found.subcommands?.length) break;
    commands = found.subcommands;
  }
  if (!def) {
    host.err(unknownCommand(rest[0], COMMANDS, 'kubectl'));
    return 1;
  }
  const pathText = path.join(' ');
  let flags: Flags;
  try {
    flags = new Flags(parseFlags([...leading, ...rest], [...GLOBAL_FLAGS, ...(def.flags ?? [])]));
  } catch (e) {
    if (e instanceof FlagError) {
      host.err(`error: ${e.message}\nSee 'kubectl ${pathText} --help' for usage.\n`);
      return 1;
    }
    throw e;
  }
  if (flags.bool('help')) {
    host.out(commandHelp(def, pathText));
    return 0;
  }
  if (!def.run) {
    // a command group given an unknown or no subcommand
    if (flags.args.length) {
      // kubectl's command groups answer without cobra's suggestions (only the root suggests)
      host.err(`error: unknown command "${flags.args[0]}"\nSee 'kubectl ${pathText} -h' for help and examples\n`);
      return 1;
    }
    host.out(commandHelp(def, pathText));
    return 0;
  }
  for (const spec of def.flags ?? []) {
    if (spec.required && !flags.changed(spec.name)) {
      host.err(`error: required flag(s) "${spec.name}" not set\n`);
      return 1;
    }
  }
  // set to a value that asks for something (`--interactive=false` asks for nothing)
  const asked = (n: string): boolean => flags.changed(n) && ((def!.flags ?? []).find((f) => f.name === n)?.type === 'bool' ? flags.bool(n) : flags.str(n) !== '');
  const refused = unsimulatedFlag(pathText, asked, def.flags ?? []);
  if (refused) {
    host.err(`${refused}\n`);
    return 1;
  }
  const inv = makeInvocation(host, flags, pathText);
  try {
    const code = await def.run(inv);
    inv.settle();
    return typeof code === 'number' ? code : 0;
  } catch (e) {
    inv.settle();
    return reportError(e, host, pathText);
  }
}

function makeInvocation(host: KubectlHost, flags: Flags, path: string): Invocation {
  let kc: Kubeconfig | undefined | null = null;
  let conn: Connection | undefined;
  const inv: Invocation = {
    host,
    flags,
    args: flags.args,
    path,
    dashArgs: () => (flags.dashIndex >= 0 ? flags.args.slice(flags.dashIndex) : []),
    out: (t) => host.out(t),
    err: (t) => host.err(t),
    kubeconfig() {
      if (kc === null) {
        const env = flags.str('kubeconfig') ? { ...host.env, KUBECONFIG: flags.str('kubeconfig') } : host.env;
        kc = loadKubeconfig(host.fs, env, host.user);
      }
      return kc;
    },
    connect() {
      if (!conn) {
        conn = connect(host.cluster, inv.kubeconfig(), {
          context: flags.str('context') || undefined,
          namespace: flags.str('namespace') || undefined,
          server: flags.str('server') || undefined,
        });
      }
      return conn;
    },
    api() {
      inv.connect();
      host.cluster.step(host.now());
      return host.cluster.api;
    },
    namespace() {
      return inv.connect().namespace;
    },
    namespaceExplicit() {
      return flags.changed('namespace');
    },
    settle() {
      host.cluster.settle();
    },
  };
  return inv;
}

export function reportError(e: unknown, host: KubectlHost, path: string): number {
  if (e instanceof UsageError) {
    host.err(`error: ${e.message}\nSee 'kubectl ${path} -h' for help and examples\n`);
    return 1;
  }
  if (e instanceof CommandError) {
    if (e.stdout) host.out(e.stdout);
    host.err(e.message.endsWith('\n') ? e.message : `${e.message}\n`);
    return e.exitCode;
  }
  if (isApiError(e)) {
    host.err(formatApiError(e as ApiError));
    return 1;
  }
  if (e instanceof FsError) {
    host.err(`error: ${e.message}\n`);
    return 1;
  }
  throw e;
}

/** cobra's unknown command message with `Did you mean this?` suggestions. */
export function unknownCommand(word: string, commands: readonly CommandDef[], root: string): string {
  const suggestions = commands
    .filter((c) => !c.hidden)
    .filter((c) => levenshtein(word.toLowerCase(), c.name.toLowerCase()) <= 2 || c.name.toLowerCase().startsWith(word.toLowerCase()))
    .map((c) => c.name);
  let msg = `error: unknown command "${word}" for "${root}"\n`;
  if (suggestions.length) msg += `\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`;
  return msg;
}

function levenshtein(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

function rootHelp(): string {
  const lines = ['kubectl controls the Kubernetes cluster manager.', '', ' Find more information at: https://kubernetes.io/docs/reference/kubectl/', '', 'Commands:'];
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  for (const c of COMMANDS) if (!c.hidden) lines.push(`  ${c.name.padEnd(width)}${c.short}`);
  lines.push('', 'Usage:', '  kubectl [flags] [options]', '', 'Use "kubectl <command> --help" for more information about a given command.', 'Use "kubectl options" for a list of global command-line options (applies to all commands).');
  return lines.join('\n') + '\n';
}

function commandHelp(def: CommandDef, path: string): string {
  const lines = [def.short, ''];
  if (def.subcommands?.length) {
    lines.push('Available Commands:');
    const width = Math.max(...def.subcommands.map((c) => c.name.length)) + 2;
    for (const c of def.subcommands) lines.push(`  ${c.name.padEnd(width)}${c.short}`);
    lines.push('');
  }
  const flags = (def.flags ?? []).filter((f) => !f.hidden);
  if (flags.length) {
    lines.push('Options:');
    for (const f of flags) {
      const name = f.shorthand ? `-${f.shorthand}, --${f.name}` : `--${f.name}`;
      const def = f.default !== undefined && f.default !== '' && f.type !== 'bool' ? `=${JSON.stringify(f.default)}` : f.type === 'bool' ? '=false' : '=\'\'';
      lines.push(`    ${name}${def}:`, `\t${f.usage ?? ''}`, '');
    }
  }
  lines.push('Usage:', `  kubectl ${path} [options]`, '', 'Use "kubectl options" for a list of global command-line options (applies to all commands).');
  return lines.join('\n') + '\n';
}
