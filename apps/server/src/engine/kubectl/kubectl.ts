// kubectl's entry point: finds the (sub)command as cobra does, parses its flags, runs it, and
// prints errors with kubectl's exact text, stream and exit code.

import { unsimulatedFlag } from './unsimulated-flags';
import { ApiError, isApiError } from '../api/errors';
import { FsError } from '../shell/filesystem';
import { CommandDef, GLOBAL_FLAGS, Invocation } from './command';
import { COMMANDS } from './commands';
import { CommandError, KubectlHost, UsageError } from './context';
import { FlagError, Flags, FlagSpec, parseFlags } from './flags';
import { Connection, Kubeconfig, connect, loadKubeconfig } from './kubeconfig';
import { formatApiError } from './errors';
import { helpText, unknownHelpTopic } from './help/help';

export async function runKubectl(argv: string[], host: KubectlHost): Promise<number> {
  let rest = argv;
  // Global flags may precede the verb: `kubectl -n dev get pods`. They are set apart as cobra's
  // stripFlags does when it looks for the command: a flag without `=` that is not a known bool
  // takes the next word as its value, even an unknown flag (`kubectl --bogus get pods` looks for
  // a command `pods`).
  const leading: string[] = [];
  while (rest.length && rest[0].startsWith('-')) {
    const flag = rest[0];
    leading.push(flag);
    const spec = GLOBAL_FLAGS.find((f) => flag === `--${f.name}` || flag === `-${f.shorthand}`);
    rest = rest.slice(1);
    if (spec?.type !== 'bool' && rest.length && !flag.includes('=')) {
      leading.push(rest[0]);
      rest = rest.slice(1);
    }
  }
  if (rest.length === 0) return rootOnly(leading, host);
  if (rest[0] === 'help') return helpCommand(rest.slice(1), host);
  const { def, path, remaining } = findCommand(rest);
  rest = remaining;
  if (!def) {
    // no such command: kubectl looks for a plugin, which no flag may precede
    if (leading.length) host.err(`Error: flags cannot be placed before plugin name: ${leading[0]}\n`);
    else host.err(unknownCommand(rest[0], COMMANDS, 'kubectl'));
    return 1;
  }
  const pathText = path.join(' ');
  if (def.refusal) {
    const asksHelp = rest.some((a) => a === '-h' || a === '--help');
    if (asksHelp) host.out(commandHelp(pathText));
    else host.err(`${def.refusal}\n`);
    return asksHelp ? 0 : 1;
  }
  let flags: Flags;
  try {
    flags = new Flags(parseFlags([...leading, ...rest], flagSet(def)), (path) => host.fs.readFile(path));
  } catch (e) {
    if (e instanceof FlagError) {
      host.err(`error: ${e.message}\nSee 'kubectl ${pathText} --help' for usage.\n`);
      return 1;
    }
    throw e;
  }
  // pflag warns of a deprecated flag as it parses it, before anything runs
  for (const spec of def.flags ?? []) if (spec.deprecated && flags.changed(spec.name)) host.err(`Flag --${spec.name} has been deprecated, ${spec.deprecated}\n`);
  if (flags.bool('help') && !def.helpIsRun) {
    host.out(commandHelp(pathText));
    return 0;
  }
  if (!def.run) {
    // a command group given an unknown or no subcommand
    if (flags.args.length) {
      // kubectl's command groups answer without cobra's suggestions (only the root suggests)
      host.err(`error: unknown command "${flags.args[0]}"\nSee 'kubectl ${pathText} -h' for help and examples\n`);
      return 1;
    }
    // kubectl's DefaultSubCommandRun: the help, then exit 1 (on stderr, but for rollout's)
    const help = commandHelp(pathText);
    if (def.groupHelpOnStdout) host.out(help);
    else host.err(help);
    return 1;
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
  const warned = new Set<string>();
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
          cluster: flags.str('cluster') || undefined,
          user: flags.str('user') || undefined,
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
    readWarning(info) {
      if (!info.deprecated || warned.has(info.deprecated)) return;
      warned.add(info.deprecated);
      host.err(`Warning: ${info.deprecated}\n`);
    },
    changeCause() {
      return `kubectl ${[path, ...flags.args].join(' ')}${flags.given.map(([name, raw]) => ` --${name}=${raw}`).join('')}`;
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

/**
 * A command's flags and the global ones it does not shadow: a flag of its own with a global's name
 * (`config set-cluster --server`) hides the global one, shorthand included (`-s` is unknown there).
 */
function flagSet(def: CommandDef): FlagSpec[] {
  const own = def.flags ?? [];
  return [...GLOBAL_FLAGS.filter((g) => !own.some((f) => f.name === g.name)), ...own];
}

/** `kubectl` with flags and no command: the root command's flags are parsed, then its help. */
function rootOnly(leading: string[], host: KubectlHost): number {
  try {
    parseFlags(leading, GLOBAL_FLAGS);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    host.err(`error: ${e.message}\nSee 'kubectl --help' for usage.\n`);
    return 1;
  }
  host.out(rootHelp());
  return 0;
}

function rootHelp(): string {
  return helpText('')!;
}

/** `kubectl <path> --help`: kubectl's own text (help/kubectl-help.json; help.test.ts holds every path to one) */
function commandHelp(path: string): string {
  return helpText(path)!;
}

/**
 * cobra's help command: the help of the deepest command its arguments name (`kubectl help create
 * deployment`); words past a leaf, or an unknown word below the root, are ignored as cobra ignores
 * them. An unknown first word is an unknown topic, on stderr, and still exit 0.
 */
function helpCommand(argv: string[], host: KubectlHost): number {
  let words: string[];
  try {
    const parsed = parseFlags(argv, GLOBAL_FLAGS);
    if (parsed.values.get('help') === true) {
      host.out(helpText('help')!);
      return 0;
    }
    words = parsed.args;
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    host.err(`error: ${e.message}\nSee 'kubectl help --help' for usage.\n`);
    return 1;
  }
  if (words.length === 0) {
    host.out(rootHelp());
    return 0;
  }
  const { def, path } = findCommand(words);
  if (!def) {
    host.err(unknownHelpTopic(words));
    return 0;
  }
  host.out(commandHelp(path.join(' ')));
  return 0;
}

/** The deepest (sub)command the leading words name, as cobra's Find walks them, and the words left. */
function findCommand(words: string[]): { def: CommandDef | undefined; path: string[]; remaining: string[] } {
  let def: CommandDef | undefined;
  let commands = COMMANDS;
  const path: string[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    const found = commands.find((c) => c.name === words[i] || c.aliases?.includes(words[i]));
    if (!found) break;
    def = found;
    path.push(found.name);
    commands = found.subcommands ?? [];
  }
  return { def, path, remaining: words.slice(i) };
}
