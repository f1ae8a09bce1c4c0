// kubectl config: the subcommands that list and edit the kubeconfig's stanzas (get-clusters,
// get-users, delete-cluster, delete-context, delete-user, rename-context, set-context,
// use-context, set-cluster, set-credentials; set and unset are in config-set.ts), as kubectl v1.32's pkg/cmd/config does
// them: on client-go's internal Config (config-model.ts), written back only when it changed.

import { CommandDef, Invocation } from '../command';
import { CommandError, UsageError } from '../context';
import { encodeBase64 } from '../../api/defaults/base64';
import { FsError } from '../../shell/filesystem';
import { goQuote } from '../printers/go-format';
import { AUTH_INFO, byName, CLUSTER, configDir, CONTEXT, fieldRef, GoType, helpError, load, printHelp, Rec, relativize, structToV1, writeIfChanged, zero } from './config-model';
import { goSprint } from '../printers/go-format';

// ---------------------------------------------------------------- get-clusters, get-users

export const getClusters: CommandDef = {
  name: 'get-clusters',
  short: 'Display clusters defined in the kubeconfig',
  run(inv) {
    const { model } = load(inv);
    // kubectl ranges over a Go map here, in no set order; the simulation sorts
    inv.out(`NAME\n${byName(model.clusters!).map(([n]) => `${n}\n`).join('')}`);
    return 0;
  },
};

export const getUsers: CommandDef = {
  name: 'get-users',
  short: 'Display users defined in the kubeconfig',
  run(inv) {
    const { model } = load(inv);
    inv.out(`NAME\n${byName(model.users!).map(([n]) => `${n}\n`).join('')}`);
    return 0;
  },
};

// ---------------------------------------------------------------- delete-*, rename-context

/** delete-cluster and delete-context: without exactly one name they print their help (exit 0) */
function deleteStanza(kind: 'cluster' | 'context', short: string): CommandDef {
  return {
    name: `delete-${kind}`,
    short,
    run(inv) {
      const l = load(inv);
      if (inv.args.length !== 1) {
        printHelp(inv);
        return 0;
      }
      const name = inv.args[0];
      const stanzas = kind === 'cluster' ? l.model.clusters! : l.model.contexts!;
      if (!stanzas.has(name)) throw new CommandError(`error: cannot delete ${kind} ${name}, not in ${l.path}`);
      // the current context stays named: kubectl only warns
      if (kind === 'context' && l.model['current-context'] === name) inv.err('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
      stanzas.delete(name);
      writeIfChanged(inv, l);
      inv.out(`deleted ${kind} ${name} from ${l.path}\n`);
      return 0;
    },
  };
}

export const deleteCluster = deleteStanza('cluster', 'Delete the specified cluster from the kubeconfig');
export const deleteContext = deleteStanza('context', 'Delete the specified context from the kubeconfig');

export const deleteUser: CommandDef = {
  name: 'delete-user',
  short: 'Delete the specified user from the kubeconfig',
  run(inv) {
    const l = load(inv);
    if (inv.args.length !== 1) throw new UsageError('user to delete is required');
    const name = inv.args[0];
    if (!l.model.users!.has(name)) throw new CommandError(`error: cannot delete user ${name}, not in ${l.path}`);
    l.model.users!.delete(name);
    writeIfChanged(inv, l);
    inv.out(`deleted user ${name} from ${l.path}\n`);
    return 0;
  },
};

export const renameContext: CommandDef = {
  name: 'rename-context',
  short: 'Rename a context from the kubeconfig file',
  run(inv) {
    if (inv.args.length !== 2) helpError(inv, `Unexpected args: ${goSprint(inv.args)}`);
    const [from, to] = inv.args;
    if (!to) throw new CommandError('error: You must specify a new non-empty context name');
    const l = load(inv);
    const contexts = l.model.contexts!;
    const ctx = contexts.get(from);
    if (!ctx) throw new CommandError(`error: cannot rename the context ${goQuote(from)}, it's not in ${l.path}`);
    if (contexts.has(to)) throw new CommandError(`error: cannot rename the context ${goQuote(from)}, the context ${goQuote(to)} already exists in ${l.path}`);
    contexts.set(to, ctx);
    contexts.delete(from);
    if (l.model['current-context'] === from) l.model['current-context'] = to;
    writeIfChanged(inv, l);
    inv.out(`Context ${goQuote(from)} renamed to ${goQuote(to)}.\n`);
    return 0;
  },
};

// ---------------------------------------------------------------- set-context, use-context

export const setContext: CommandDef = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  flags: [{ name: 'current', type: 'bool' }, { name: 'cluster', type: 'string' }, { name: 'user', type: 'string' }, { name: 'namespace', type: 'string' }],
  run(inv) {
    const current = inv.flags.bool('current');
    if (current && inv.args.length) throw new CommandError('error: you cannot specify both a context name and --current');
    if (!current && !inv.args[0]) throw new CommandError('error: you must specify a non-empty context name or --current');
    const l = load(inv);
    const name = current ? l.model['current-context'] : inv.args[0];
    if (!name) throw new CommandError('error: no current context is set');
    const contexts = l.model.contexts!;
    const existing = contexts.get(name);
    const next = existing ? deepCopy(existing) : zero(CONTEXT);
    // only the flags given change the stanza (an empty value clears a field)
    for (const f of ['cluster', 'user', 'namespace']) if (inv.flags.changed(f)) next[f] = inv.flags.str(f);
    contexts.set(name, next);
    writeIfChanged(inv, l, true);
    inv.out(`Context ${goQuote(name)} ${existing ? 'modified' : 'created'}.\n`);
    return 0;
  },
};

export const useContext: CommandDef = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  run(inv) {
    if (inv.args.length !== 1) helpError(inv, `Unexpected args: ${goSprint(inv.args)}`);
    const l = load(inv);
    const name = inv.args[0];
    if (!l.model.contexts!.has(name)) throw new CommandError(`error: no context exists with the name: ${goQuote(name)}`);
    l.model['current-context'] = name;
    writeIfChanged(inv, l);
    inv.out(`Switched to context ${goQuote(name)}.\n`);
    return 0;
  },
};

// ---------------------------------------------------------------- set-cluster, set-credentials

/** os.Stat's error for a file kubectl must read, or undefined when it is there */
function statError(inv: Invocation, path: string): string | undefined {
  try {
    if (inv.host.fs.stat(path)) return undefined;
    return `stat ${path}: no such file or directory`;
  } catch (e) {
    if (e instanceof FsError && e.code === 'EACCES') return `stat ${path}: permission denied`;
    throw e;
  }
}

/** os.ReadFile with its error ignored, as kubectl embeds a file: base64 of its bytes, '' when unreadable */
function readEmbedded(inv: Invocation, path: string): string {
  try {
    return encodeBase64(inv.host.fs.readFile(path));
  } catch (e) {
    if (e instanceof FsError) return '';
    throw e;
  }
}

const sameStanza = (t: GoType, a: Rec | undefined, b: Rec): boolean => a !== undefined && JSON.stringify(structToV1(t, a)) === JSON.stringify(structToV1(t, b));

export const setCluster: CommandDef = {
  name: 'set-cluster',
  short: 'Set a cluster entry in kubeconfig',
  flags: [
    { name: 'certificate-authority', type: 'string' },
    { name: 'embed-certs', type: 'bool' },
    { name: 'insecure-skip-tls-verify', type: 'bool' },
    { name: 'proxy-url', type: 'string' },
    { name: 'server', type: 'string' },
    { name: 'tls-server-name', type: 'string' },
  ],
  run(inv) {
    const f = inv.flags;
    if (inv.args.length !== 1) helpError(inv, `Unexpected args: ${goSprint(inv.args)}`);
    const name = inv.args[0];
    const ca = f.str('certificate-authority');
    const embed = f.bool('embed-certs');
    if (!name) throw new CommandError('error: you must specify a non-empty cluster name');
    if (f.bool('insecure-skip-tls-verify') && ca !== '') throw new CommandError('error: you cannot specify a certificate authority and insecure mode at the same time');
    if (embed) {
      if (ca === '') throw new CommandError('error: you must specify a --certificate-authority to embed');
      const err = statError(inv, ca);
      if (err) throw new CommandError(`error: could not stat certificate-authority file ${ca}: ${err}`);
    }
    const l = load(inv);
    const clusters = (l.model.clusters ??= new Map());
    const before = clusters.get(name);
    const c: Rec = before ? { ...before } : zero(CLUSTER);
    if (f.changed('server')) {
      c.server = f.str('server');
      // a new --server drops the file's tls-server-name (unless --tls-server-name gives one)
      c['tls-server-name'] = '';
    }
    if (f.changed('tls-server-name')) c['tls-server-name'] = f.str('tls-server-name');
    if (f.changed('insecure-skip-tls-verify')) {
      c['insecure-skip-tls-verify'] = f.bool('insecure-skip-tls-verify');
      if (c['insecure-skip-tls-verify']) {
        c['certificate-authority'] = '';
        c['certificate-authority-data'] = '';
      }
    }
    if (f.changed('certificate-authority')) {
      if (embed) {
        c['certificate-authority-data'] = readEmbedded(inv, ca);
        c['insecure-skip-tls-verify'] = false;
        c['certificate-authority'] = '';
      } else {
        c['certificate-authority'] = inv.host.fs.resolve(ca);
        c['insecure-skip-tls-verify'] = false;
        c['certificate-authority-data'] = '';
      }
    }
    if (f.changed('proxy-url')) c['proxy-url'] = f.str('proxy-url');
    clusters.set(name, c);
    if (!sameStanza(CLUSTER, before, c)) {
      relativize([fieldRef(c, 'certificate-authority')], configDir(inv, l));
      writeIfChanged(inv, l, true);
    }
    inv.out(`Cluster ${goQuote(name)} set.\n`);
    return 0;
  },
};

/** cmdutil.ParsePairs with removal: `key=value` to set, `key-` to remove */
function parsePairs(args: readonly string[], flag: string): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq >= 0) set.set(a.slice(0, eq), a.slice(eq + 1));
    else if (a.endsWith('-')) remove.push(a.slice(0, -1));
    else invalid.push(a);
  }
  if (invalid.length) throw new Error(`invalid ${flag} format: ${invalid.join(', ')}`);
  return { set, remove };
}

const INTERACTIVE_MODES = ['IfAvailable', 'Always', 'Never'];

export const setCredentials: CommandDef = {
  name: 'set-credentials',
  short: 'Set a user entry in kubeconfig',
  flags: [
    { name: 'auth-provider', type: 'string' },
    { name: 'auth-provider-arg', type: 'stringSlice' },
    { name: 'client-certificate', type: 'string' },
    { name: 'client-key', type: 'string' },
    { name: 'embed-certs', type: 'bool' },
    { name: 'exec-api-version', type: 'string' },
    { name: 'exec-arg', type: 'stringSlice' },
    { name: 'exec-command', type: 'string' },
    { name: 'exec-env', type: 'stringArray' },
    { name: 'exec-interactive-mode', type: 'string' },
    { name: 'exec-provide-cluster-info', type: 'bool' },
    { name: 'password', type: 'string' },
    { name: 'token', type: 'string' },
    { name: 'username', type: 'string' },
  ],
  run(inv) {
    const f = inv.flags;
    // complete(): its errors come after the help
    let providerArgs: ReturnType<typeof parsePairs> | undefined;
    let execEnv: ReturnType<typeof parsePairs> | undefined;
    try {
      if (inv.args.length !== 1) throw new Error(`unexpected args: ${goSprint(inv.args)}`);
      if (f.list('auth-provider-arg').length) providerArgs = parsePairs(f.list('auth-provider-arg'), 'auth-provider-arg');
      if (f.list('exec-env').length) execEnv = parsePairs(f.list('exec-env'), 'exec-env');
    } catch (e) {
      helpError(inv, (e as Error).message);
    }
    const execArgs = f.list('exec-arg').length ? [...f.list('exec-arg')] : undefined;
    const name = inv.args[0];

    // validate()
    if (!name) throw new CommandError('error: you must specify a non-empty user name');
    const methods: string[] = [];
    if (f.str('token')) methods.push('--token');
    if (f.str('username') || f.str('password')) methods.push('--username/--password');
    if (methods.length > 1) throw new CommandError(`error: you cannot specify more than one authentication method at the same time: ${methods.join(', ')}`);
    const embed = f.bool('embed-certs');
    const cert = f.str('client-certificate');
    const key = f.str('client-key');
    if (embed) {
      if (!cert && !key) throw new CommandError('error: you must specify a --client-certificate or --client-key to embed');
      for (const [flag, path] of [
        ['client-certificate', cert],
        ['client-key', key],
      ]) {
        const err = path ? statError(inv, path) : undefined;
        if (err) throw new CommandError(`error: could not stat ${flag} file ${path}: ${err}`);
      }
    }
    if (f.changed('exec-interactive-mode') && !INTERACTIVE_MODES.includes(f.str('exec-interactive-mode'))) {
      throw new CommandError('error: invalid interactive mode type, can be only IfAvailable, Never, Always');
    }

    const l = load(inv);
    const users = (l.model.users ??= new Map());
    const before = users.get(name);
    const u: Rec = before ? deepCopy(before) : zero(AUTH_INFO);
    let setToken = false;
    let setBasic = false;
    if (f.changed('client-certificate')) {
      if (embed) {
        u['client-certificate-data'] = readEmbedded(inv, cert);
        u['client-certificate'] = '';
      } else {
        u['client-certificate'] = inv.host.fs.resolve(cert);
        u['client-certificate-data'] = '';
      }
    }
    if (f.changed('client-key')) {
      if (embed) {
        u['client-key-data'] = readEmbedded(inv, key);
        u['client-key'] = '';
      } else {
        u['client-key'] = inv.host.fs.resolve(key);
        u['client-key-data'] = '';
      }
    }
    if (f.changed('token')) {
      u.token = f.str('token');
      setToken = u.token !== '';
    }
    if (f.changed('username')) {
      u.username = f.str('username');
      setBasic ||= u.username !== '';
    }
    if (f.changed('password')) {
      u.password = f.str('password');
      setBasic ||= u.password !== '';
    }
    if (f.changed('auth-provider')) {
      const provider = f.str('auth-provider');
      if (!u['auth-provider'] || u['auth-provider'].name !== provider) u['auth-provider'] = { name: provider, config: null };
    }
    if (u['auth-provider']) {
      const config: Map<string, string> = (u['auth-provider'].config ??= new Map());
      for (const k of providerArgs?.remove ?? []) config.delete(k);
      for (const [k, v] of providerArgs?.set ?? []) config.set(k, v);
    }
    if (f.changed('exec-command')) {
      if (!u.exec) u.exec = { command: f.str('exec-command'), args: null, env: null, apiVersion: '', installHint: '', provideClusterInfo: false, interactiveMode: '' };
      else {
        u.exec.command = f.str('exec-command');
        u.exec.args = null;
      }
    }
    if (u.exec) {
      const exec = u.exec;
      if (f.changed('exec-api-version')) exec.apiVersion = f.str('exec-api-version');
      if (execArgs) exec.args = execArgs;
      if (f.changed('exec-interactive-mode')) exec.interactiveMode = f.str('exec-interactive-mode');
      if (f.changed('exec-provide-cluster-info')) exec.provideClusterInfo = f.bool('exec-provide-cluster-info');
      if (execEnv) {
        const env: { name: string; value: string }[] = (exec.env ?? []).filter((e: { name: string }) => !execEnv!.remove.includes(e.name));
        // kubectl adds the new variables in Go map order (any order); the simulation keeps the command line's
        const added: { name: string; value: string }[] = [];
        for (const [k, v] of execEnv.set) {
          const existing = env.find((e) => e.name === k);
          if (existing) existing.value = v;
          else added.push({ name: k, value: v });
        }
        exec.env = [...env, ...added];
      }
    }
    if (setToken || setBasic) {
      if (!setToken) u.token = '';
      if (!setBasic) {
        u.username = '';
        u.password = '';
      }
    }
    users.set(name, u);
    if (!sameStanza(AUTH_INFO, before, u)) {
      const refs = [fieldRef(u, 'client-certificate'), fieldRef(u, 'client-key'), fieldRef(u, 'tokenFile')];
      if (u.exec && u.exec.command.includes('/')) refs.push(fieldRef(u.exec, 'command'));
      relativize(refs, configDir(inv, l));
      writeIfChanged(inv, l, true);
    }
    inv.out(`User ${goQuote(name)} set.\n`);
    return 0;
  },
};

/** a deep copy of a stanza (Maps and arrays included) */
function deepCopy<T>(v: T): T {
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, deepCopy(x)])) as T;
  if (Array.isArray(v)) return v.map((x) => deepCopy(x)) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepCopy(x)])) as T;
  return v;
}

