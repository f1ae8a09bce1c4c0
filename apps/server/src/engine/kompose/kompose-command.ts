// The `kompose` program of the sandbox's hosts: convert (files through ctx.fs), version, and
// up/down the way kompose 1.21 ran them against the simulated cluster.

import type { Sandbox } from '../sandbox';
import type { CommandContext, ExternalCommand } from '../shell/types';
import { CommandError } from '../kubectl/context';
import { connect, loadKubeconfig } from '../kubectl/kubeconfig';
import { FlagDef, FlagError, parseFlags, ParsedFlags } from './cli-flags';
import { KomposeFs } from './compose-types';
import { ConvertOptions, KomposeConvertError, komposeConvert } from './convert';
import { DeployOutput, komposeDown, komposeUp } from './deploy';
import { CONVERT_HELP, ROOT_HELP } from './help';
import { KomposeFatal, LogEntry, formatLogLine } from './logrus';
import { komposeVersionString } from './version';

const GLOBAL_FLAGS: FlagDef[] = [
  { name: 'file', short: 'f', type: 'stringArray' },
  { name: 'verbose', short: 'v', type: 'bool' },
  { name: 'suppress-warnings', type: 'bool' },
  { name: 'error-on-warning', type: 'bool' },
  { name: 'provider', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
];

const CONVERT_FLAGS: FlagDef[] = [
  { name: 'stdout', type: 'bool' },
  { name: 'out', short: 'o', type: 'string' },
  { name: 'json', short: 'j', type: 'bool' },
  { name: 'yaml', short: 'y', type: 'bool', deprecated: 'YAML is the default format now' },
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'replicas', type: 'int' },
  { name: 'volumes', type: 'string' },
  { name: 'emptyvols', type: 'bool', deprecated: 'emptyvols has been marked as deprecated. Use --volumes emptyDir' },
  { name: 'pvc-request-size', type: 'string' },
  { name: 'with-kompose-annotation', type: 'bool' },
  { name: 'generate-network-policies', type: 'bool' },
  { name: 'controller', type: 'string' },
  { name: 'indent', type: 'int' },
  { name: 'profile', type: 'stringArray' },
  { name: 'build', type: 'string' },
];

const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

const UP_NOTE =
  'Note: kompose 1.22 and later have no "up" or "down"; today\'s way is "kompose convert" and then "kubectl apply -f ." (this runs them as kompose 1.21 did).\n';

export function komposeCommand(sandbox: Sandbox): ExternalCommand {
  return (ctx) => runKompose(ctx, sandbox);
}

function fatal(ctx: CommandContext, message: string): number {
  ctx.stderr(formatLogLine({ level: 'fatal', message }));
  return 1;
}

function runKompose(ctx: CommandContext, sandbox: Sandbox): number {
  const args = ctx.argv.slice(1);
  const verbIndex = args.findIndex((a, i) => !a.startsWith('-') && !['-f', '--file', '--provider'].includes(args[i - 1] ?? ''));
  const verb = verbIndex < 0 ? '' : args[verbIndex];
  const rest = verbIndex < 0 ? args : [...args.slice(0, verbIndex), ...args.slice(verbIndex + 1)];
  const flagDefs = verb === 'convert' || verb === 'up' || verb === 'down' ? [...GLOBAL_FLAGS, ...CONVERT_FLAGS] : GLOBAL_FLAGS;
  let flags: ParsedFlags;
  try {
    flags = parseFlags(rest, flagDefs);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    ctx.stderr(`Error: ${e.message}\nRun 'kompose${verb ? ` ${verb}` : ''} --help' for usage.\n`);
    return 1;
  }
  for (const n of flags.notices) ctx.stderr(n);
  const provider = ((flags.values.provider as string | undefined) ?? 'kubernetes').toLowerCase();
  if (verb && provider !== 'kubernetes' && provider !== 'openshift') {
    return fatal(ctx, `${flags.values.provider as string} is an unsupported provider. Supported providers are: 'kubernetes', 'openshift'.`);
  }
  switch (verb) {
    case '':
    case 'help':
      ctx.stdout(verb === 'help' && flags.args[0] === 'convert' ? CONVERT_HELP : ROOT_HELP);
      return 0;
    case 'version':
      ctx.stdout(`${komposeVersionString()}\n`);
      return 0;
    case 'convert':
      if (flags.values.help) {
        ctx.stdout(CONVERT_HELP);
        return 0;
      }
      return convert(ctx, flags);
    case 'up':
    case 'down':
      ctx.stderr(UP_NOTE);
      return upDown(ctx, sandbox, flags, verb);
    default:
      ctx.stderr(`Error: unknown command "${verb}" for "kompose"\nRun 'kompose --help' for usage.\n`);
      return 1;
  }
}

/** the compose files kompose reads: -f (in order; `-` is stdin) or the first default name found */
function readComposeFiles(ctx: CommandContext, flags: ParsedFlags): { path: string; content: string }[] {
  const given = (flags.values.file as string[] | undefined) ?? [];
  const names = given.length ? given : DEFAULT_FILES.filter((n) => ctx.fs.exists(n) && !ctx.fs.isDir(n)).slice(0, 1);
  if (!names.length) throw new KomposeFatal('Error validating compose file: No compose or docker-compose yaml file found in the current directory');
  return names.map((n) => {
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

function convert(ctx: CommandContext, flags: ParsedFlags): number {
  if (flags.args.length) return fatal(ctx, `Unknown Argument(s): ${flags.args.join(',')}`);
  let result;
  const opts = convertOptions(ctx, flags);
  try {
    if (opts.out && opts.out !== '-' && opts.out.endsWith('/') && !ctx.fs.exists(opts.out)) ctx.fs.mkdir(opts.out, true);
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

function upDown(ctx: CommandContext, sandbox: Sandbox, flags: ParsedFlags, verb: 'up' | 'down'): number {
  let objects;
  try {
    const opts = { ...convertOptions(ctx, flags), stdout: true, out: undefined, namespace: undefined };
    const result = komposeConvert(readComposeFiles(ctx, flags), opts);
    const shown = logFilter(flags)(result.entries);
    for (const line of shown.lines) ctx.stderr(line);
    if (shown.fatal !== undefined) return fatal(ctx, shown.fatal);
    objects = result.objects;
  } catch (e) {
    return printFatal(ctx, e, flags);
  }
  let namespace: string;
  try {
    const kc = loadKubeconfig(ctx.fs, ctx.env, ctx.user);
    namespace = connect(sandbox.cluster, kc, { namespace: (flags.values.namespace as string | undefined) || undefined }).namespace;
  } catch (e) {
    if (!(e instanceof CommandError)) throw e;
    return fatal(ctx, `Error while ${verb === 'up' ? 'deploying' : 'deleting'} application: ${e.message.replace(/^error: /, '')}`);
  }
  const out: DeployOutput = { stderr: [], stdout: '' };
  sandbox.cluster.step(ctx.now());
  try {
    if (verb === 'up') komposeUp(sandbox.cluster.api, namespace, objects, out);
    else komposeDown(sandbox.cluster.api, namespace, objects, out);
  } catch (e) {
    for (const l of out.stderr) ctx.stderr(l);
    sandbox.cluster.settle();
    return printFatal(ctx, e);
  }
  sandbox.cluster.settle();
  for (const l of out.stderr) ctx.stderr(l);
  if (out.stdout) ctx.stdout(out.stdout);
  return 0;
}
