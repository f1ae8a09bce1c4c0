// The `kompose` program of the sandbox's hosts: convert (files through ctx.fs), version, help, and
// up/down the way kompose 1.21 ran them against the simulated cluster.
//
// The command line goes the way cobra takes it: the command word is found past the global flags,
// then the command's flags parse (pflag). kompose's root command sets SilenceErrors and its main
// prints the error alone, so a flag that does not parse prints the command's usage, a blank line
// and the bare error; an unknown command prints the bare error. Logs go through logrus with
// ForceColors (logrus.ts), the same on a terminal and off one.

import type { Sandbox } from '../sandbox';
import type { CommandContext, ExternalCommand } from '../shell/types';
import { CommandError } from '../kubectl/context';
import { connect, loadKubeconfig } from '../kubectl/kubeconfig';
import { argsMinusFirst, FlagError, parseFlags, ParsedFlags, stripFlags } from './cli-flags';
import { KomposeFs } from './compose-types';
import { ConvertOptions, KomposeConvertError, komposeConvert } from './convert';
import { DeployOutput, komposeDown, komposeUp, UP_BANNER } from './deploy';
import { COMMANDS } from './help';
import { KomposeFatal, LogEntry, formatLogLine } from './logrus';
import { komposeVersionString } from './version';

type CommandName = keyof typeof COMMANDS;

const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** the commands cobra may suggest for a mistyped one (kompose's available commands; `help` never is) */
const SUGGESTABLE = ['completion', 'convert', 'version'];

const VOLUME_TYPES = ['persistentVolumeClaim', 'emptyDir', 'hostPath', 'configMap'];

export const UP_NOTE =
  'Note: kompose 1.22 and later have no "up" or "down"; today\'s way is "kompose convert" and then "kubectl apply -f ." (this runs them as kompose 1.21 did).\n';

export function komposeCommand(sandbox: Sandbox): ExternalCommand {
  return (ctx) => runKompose(ctx, sandbox);
}

function fatal(ctx: CommandContext, message: string): number {
  ctx.stderr(formatLogLine({ level: 'fatal', message }));
  return 1;
}

/** Levenshtein distance, ignoring case (cobra's ld(s, t, true)) */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[t.length];
}

/** cobra's "unknown command" error with its suggestions (distance 2 or a prefix) */
function unknownCommand(word: string): string {
  const near = SUGGESTABLE.filter((c) => distance(word, c) <= 2 || c.startsWith(word.toLowerCase()));
  const suggestions = near.length ? `\n\nDid you mean this?\n${near.map((c) => `\t${c}\n`).join('')}` : '';
  return `unknown command ${JSON.stringify(word)} for "kompose"${suggestions}\n`;
}

function runKompose(ctx: CommandContext, sandbox: Sandbox): number {
  const argv = ctx.argv.slice(1);
  const words = stripFlags(argv, COMMANDS[''].flags);
  let name: CommandName = '';
  let rest = argv;
  if (words.length) {
    if (!(words[0] in COMMANDS)) {
      ctx.stderr(unknownCommand(words[0]));
      return 1;
    }
    name = words[0] as CommandName;
    rest = argsMinusFirst(argv, name, COMMANDS[''].flags);
  }
  const spec = COMMANDS[name];
  // up and down belong to kompose 1.21, whose main printed cobra's own "Error:" line as well
  const legacy = name === 'up' || name === 'down';
  if (legacy) ctx.stderr(UP_NOTE);
  let flags: ParsedFlags;
  try {
    flags = parseFlags(rest, spec.flags);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    ctx.stderr(`${legacy ? `Error: ${e.message}\n` : ''}${spec.usage}\n${e.message}\n`);
    return 1;
  }
  for (const n of flags.notices) ctx.stderr(n);
  if (flags.values.help === true || name === '') {
    ctx.stdout(spec.help);
    return 0;
  }
  // the root command's PersistentPreRun, before every command that runs
  const provider = (flags.values.provider as string | undefined) ?? 'kubernetes';
  if (provider.toLowerCase() !== 'kubernetes' && provider.toLowerCase() !== 'openshift') {
    return fatal(ctx, `${provider} is an unsupported provider. Supported providers are: 'kubernetes', 'openshift'.`);
  }
  switch (name) {
    case 'version':
      ctx.stdout(`${komposeVersionString()}\n`);
      return 0;
    case 'help':
      return help(ctx, flags.args);
    case 'completion':
      return completion(ctx, flags.args);
    case 'convert':
      return convert(ctx, flags, provider);
    case 'up':
    case 'down':
      return upDown(ctx, sandbox, flags, name);
  }
}

/** cobra's help command: the help of the command named, or the root usage after "Unknown help topic" */
function help(ctx: CommandContext, args: string[]): number {
  if (!args.length) {
    ctx.stdout(COMMANDS[''].help);
  } else if (args[0] in COMMANDS && args[0] !== '') {
    ctx.stdout(COMMANDS[args[0] as CommandName].help);
  } else {
    ctx.stderr(`Unknown help topic [${args.map((a) => `\`${a}\``).join(' ')}]\n${COMMANDS[''].usage}`);
  }
  return 0;
}

/** kompose's completion command: its argument errors as kompose gives them; the scripts themselves are not simulated */
function completion(ctx: CommandContext, args: string[]): number {
  if (!args.length) return fatal(ctx, 'Error: shell not specified. ex. kompose completion [bash|zsh|fish]');
  if (args.length > 1) return fatal(ctx, 'Error: too many arguments. Expected only the shell type. ex. kompose completion [bash|zsh|fish]');
  if (!['bash', 'zsh', 'fish'].includes(args[0])) return fatal(ctx, 'Error: not a compatible shell, bash, zsh and fish are only supported');
  ctx.stderr(`kompose completion ${args[0]}: the completion scripts are not simulated\n`);
  return 1;
}

/** the compose files kompose reads: -f (in order; `-` is stdin) or the first default name found */
function readComposeFiles(ctx: CommandContext, flags: ParsedFlags): { path: string; content: string }[] {
  const given = (flags.values.file as string[] | undefined) ?? [];
  return given.map((n) => {
    if (n === '-') return { path: `${ctx.cwd}/-`, content: ctx.stdin };
    const abs = ctx.fs.resolve(n);
    try {
      return { path: abs, content: ctx.fs.readFile(n) };
    } catch (e) {
      const why = e instanceof Error ? e.message.toLowerCase() : String(e);
      throw new KomposeFatal(`Unable to load files: open ${abs}: ${why}`);
    }
  });
}

const isFile = (ctx: CommandContext, n: string) => ctx.fs.exists(n) && !ctx.fs.isDir(n);

function komposeFs(ctx: CommandContext): KomposeFs {
  return {
    read: (p) => {
      try {
        return ctx.fs.isDir(p) ? undefined : ctx.fs.readFile(p);
      } catch {
        return undefined;
      }
    },
    isDir: (p) => ctx.fs.isDir(p),
    list: (p) => {
      try {
        return ctx.fs.readDir(p);
      } catch {
        return [];
      }
    },
  };
}

function convertOptions(ctx: CommandContext, flags: ParsedFlags): ConvertOptions {
  const v = flags.values;
  return {
    cwd: ctx.cwd,
    fs: komposeFs(ctx),
    env: ctx.env,
    home: ctx.env.HOME,
    cmd: ctx.argv.join(' '),
    stdout: v.stdout === true,
    out: v.out as string | undefined,
    json: v.json === true,
    namespace: v.namespace as string | undefined,
    replicas: flags.changed.has('replicas') ? (v.replicas as number) : undefined,
    volumes: v.volumes as string | undefined,
    emptyvols: v.emptyvols === true,
    pvcRequestSize: v['pvc-request-size'] as string | undefined,
    withKomposeAnnotation: v['with-kompose-annotation'] !== false,
    profiles: v.profile as string[] | undefined,
  };
}

/** the log as the global flags filter it: --suppress-warnings keeps errors only; --error-on-warning stops at the first warning */
function logFilter(flags: ParsedFlags): (entries: LogEntry[]) => { lines: string[]; fatal?: string } {
  return (entries) => {
    const lines: string[] = [];
    for (const entry of entries) {
      if (flags.values['suppress-warnings'] === true && (entry.level === 'info' || entry.level === 'warning' || entry.level === 'debug')) continue;
      if (flags.values['error-on-warning'] === true && entry.level === 'warning') return { lines, fatal: entry.message };
      lines.push(formatLogLine(entry));
    }
    return { lines };
  };
}

function printFatal(ctx: CommandContext, e: unknown, flags?: ParsedFlags): number {
  if (e instanceof KomposeConvertError) {
    const shown = flags ? logFilter(flags)(e.entries) : { lines: e.entries.map(formatLogLine) };
    for (const line of shown.lines) ctx.stderr(line);
    if (shown.fatal !== undefined) return fatal(ctx, shown.fatal);
  }
  if (e instanceof KomposeFatal) return fatal(ctx, e.message);
  throw e;
}

/** convert's PreRun: app.ValidateFlags and app.ValidateComposeFile, in their order; a message when kompose stops */
function validateConvert(ctx: CommandContext, flags: ParsedFlags, provider: string): string | undefined {
  const v = flags.values;
  if (v.out === '-') {
    v.stdout = true;
    v.out = '';
  }
  const changed = (n: string) => flags.changed.has(n);
  const controller = String(v.controller ?? '').toLowerCase();
  // the provider compares as typed here: only the PersistentPreRun check ignores case
  if (provider === 'openshift') {
    if (changed('chart')) return '--chart, -c is a Kubernetes only flag';
    if (changed('daemon-set')) return '--daemon-set is a Kubernetes only flag';
    if (changed('replication-controller')) return '--replication-controller is a Kubernetes only flag';
    if (changed('deployment')) return '--deployment, -d is a Kubernetes only flag';
    if (['daemonset', 'replicationcontroller', 'deployment'].includes(controller)) {
      return '--controller= daemonset, replicationcontroller or deployment is a Kubernetes only flag';
    }
  } else if (provider === 'kubernetes') {
    if (changed('deployment-config')) return '--deployment-config is an OpenShift only flag';
    if (changed('build-repo')) return '--build-repo is an Openshift only flag';
    if (changed('build-branch')) return '--build-branch is an Openshift only flag';
    if (controller === 'deploymentconfig') return '--controller=deploymentConfig is an OpenShift only flag';
  }
  if (v.out && v.stdout === true) return "Error: --out and --stdout can't be set at the same time";
  if (v.chart === true && v.stdout === true) return 'Error: chart cannot be generated when --stdout is specified';
  if (((v.replicas as number | undefined) ?? 1) < 0) return 'Error: --replicas cannot be negative';
  if (flags.args.length) return `Unknown Argument(s): ${flags.args.join(',')}`;
  if (v.json === true && v.yaml === true) return 'YAML and JSON format cannot be provided at the same time';
  const volumes = (v.volumes as string | undefined) ?? 'persistentVolumeClaim';
  if (!VOLUME_TYPES.includes(volumes)) {
    // kompose lists the types from a Go map, so its order changes from run to run; this is one of them
    return `Unknown Volume type: ${volumes}, possible values are: ${VOLUME_TYPES.map((t) => `'${t}'`).join(' ')}`;
  }
  if (!flags.changed.has('file')) {
    const found = DEFAULT_FILES.find((n) => isFile(ctx, n));
    if (!found) return 'Error validating compose file: No compose or docker-compose yaml file found in the current directory';
    v.file = [found];
  }
  return undefined;
}

function convert(ctx: CommandContext, flags: ParsedFlags, provider: string): number {
  const invalid = validateConvert(ctx, flags, provider);
  if (invalid !== undefined) return fatal(ctx, invalid);
  let result;
  const opts = convertOptions(ctx, flags);
  try {
    if (opts.out && opts.out.endsWith('/') && !ctx.fs.exists(opts.out)) ctx.fs.mkdir(opts.out, true);
    result = komposeConvert(readComposeFiles(ctx, flags), opts);
  } catch (e) {
    return printFatal(ctx, e, flags);
  }
  // logs come in the order kompose prints them: loading and transforming, then one per file written
  const show = logFilter(flags);
  const early = show(result.entries.slice(0, result.entries.length - result.files.length));
  for (const line of early.lines) ctx.stderr(line);
  if (early.fatal !== undefined) return fatal(ctx, early.fatal);
  const fileLines = show(result.entries.slice(result.entries.length - result.files.length)).lines;
  if (result.stdout) ctx.stdout(result.stdout);
  for (let i = 0; i < result.files.length; i++) {
    const f = result.files[i];
    try {
      ctx.fs.writeFile(f.name, f.content, false, 0o644);
    } catch (e) {
      const kind = f.name.replace(/\.(yaml|json)$/, '').split('-').pop();
      return fatal(ctx, `transformer.Print failed: Failed to write %s: ${kind}: open ${f.name}: ${e instanceof Error ? e.message.toLowerCase() : String(e)}`);
    }
    if (fileLines[i] !== undefined) ctx.stderr(fileLines[i]);
  }
  return 0;
}

/** kompose 1.21's ValidateComposeFile: docker-compose.yml, else docker-compose.yaml */
function legacyComposeFile(ctx: CommandContext, flags: ParsedFlags): string | undefined {
  if (flags.changed.has('file')) return undefined;
  for (const n of ['docker-compose.yml', 'docker-compose.yaml']) {
    if (ctx.fs.exists(n)) {
      flags.values.file = [n];
      return undefined;
    }
  }
  return "No 'docker-compose' file found: stat docker-compose.yaml: no such file or directory";
}

function upDown(ctx: CommandContext, sandbox: Sandbox, flags: ParsedFlags, verb: 'up' | 'down'): number {
  if (verb === 'up' && flags.values.provider === 'kubernetes' && flags.values.build === 'build-config') {
    return fatal(ctx, 'build-config is not a valid --build parameter with provider Kubernetes');
  }
  const missing = legacyComposeFile(ctx, flags);
  if (missing !== undefined) return fatal(ctx, missing);
  let objects;
  try {
    const opts = { ...convertOptions(ctx, flags), stdout: true, out: undefined, json: false, namespace: undefined };
    const result = komposeConvert(readComposeFiles(ctx, flags), opts);
    const shown = logFilter(flags)(result.entries);
    for (const line of shown.lines) ctx.stderr(line);
    if (shown.fatal !== undefined) return fatal(ctx, shown.fatal);
    objects = result.objects;
  } catch (e) {
    return printFatal(ctx, e, flags);
  }
  const quiet = flags.values['suppress-warnings'] === true;
  if (verb === 'up' && !quiet) ctx.stderr(UP_BANNER);
  let namespace: string;
  try {
    const kc = loadKubeconfig(ctx.fs, ctx.env, ctx.user);
    const chosen = flags.changed.has('namespace') ? (flags.values.namespace as string) || undefined : undefined;
    namespace = connect(sandbox.cluster, kc, { namespace: chosen }).namespace;
  } catch (e) {
    if (!(e instanceof CommandError)) throw e;
    return fatal(ctx, `Error while ${verb === 'up' ? 'deploying' : 'deleting'} application: ${e.message.replace(/^error: /, '')}`);
  }
  const out: DeployOutput = { stderr: [], stdout: '' };
  sandbox.cluster.step(ctx.now());
  const flush = () => {
    for (const l of out.stderr) if (!quiet) ctx.stderr(l);
  };
  try {
    if (verb === 'up') komposeUp(sandbox.cluster.api, namespace, objects, out);
    else komposeDown(sandbox.cluster.api, namespace, objects, out);
  } catch (e) {
    flush();
    sandbox.cluster.settle();
    return printFatal(ctx, e);
  }
  sandbox.cluster.settle();
  flush();
  if (out.stdout) ctx.stdout(out.stdout);
  return 0;
}
