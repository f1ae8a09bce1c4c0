// kubectl config: view, current-context, get-contexts, use-context, set-context. Edits are
// written back to the kubeconfig file on the host.

import { CommandDef, Invocation, OUTPUT_FLAG } from '../command';
import { CommandError, UsageError } from '../context';
import { Kubeconfig, kubeconfigPath } from '../kubeconfig';
import { printJson, printYaml } from '../printers/object-printer';
import { GET_TABWRITER, tabwrite } from '../printers/tabwriter';

function requireConfig(inv: Invocation): Kubeconfig {
  const kc = inv.kubeconfig();
  if (kc) return kc;
  return { path: kubeconfigPath(inv.host.env, inv.host.user), currentContext: '', contexts: [], clusters: [], users: [], doc: {} };
}

function redact(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) return v.map((x) => redact(x));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = redact(x, k);
    return out;
  }
  if (typeof v === 'string' && key.endsWith('-data')) return 'DATA+OMITTED';
  if (typeof v === 'string' && (key === 'token' || key === 'password')) return 'REDACTED';
  return v;
}

function normalized(doc: Record<string, any>): Record<string, unknown> {
  return {
    apiVersion: doc.apiVersion ?? 'v1',
    clusters: doc.clusters ?? null,
    contexts: doc.contexts ?? null,
    'current-context': doc['current-context'] ?? '',
    kind: doc.kind ?? 'Config',
    preferences: doc.preferences ?? {},
    users: doc.users ?? null,
  };
}

function save(inv: Invocation, kc: Kubeconfig): void {
  const dir = kc.path.slice(0, kc.path.lastIndexOf('/'));
  if (dir && !inv.host.fs.exists(dir)) inv.host.fs.mkdir(dir, true);
  inv.host.fs.writeFile(kc.path, printYaml(normalized(kc.doc)));
}

const view: CommandDef = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: [OUTPUT_FLAG, { name: 'raw', type: 'bool' }, { name: 'minify', type: 'bool' }, { name: 'flatten', type: 'bool' }, { name: 'merge', type: 'bool', default: true }],
  run(inv) {
    const kc = requireConfig(inv);
    let doc = normalized(kc.doc);
    if (inv.flags.bool('minify')) {
      const ctx = kc.contexts.find((c) => c.name === kc.currentContext);
      if (!ctx) throw new CommandError('error: current-context must exist in order to minify');
      doc = {
        ...doc,
        clusters: (kc.doc.clusters ?? []).filter((c: any) => c.name === ctx.cluster),
        contexts: (kc.doc.contexts ?? []).filter((c: any) => c.name === ctx.name),
        users: (kc.doc.users ?? []).filter((u: any) => u.name === ctx.user),
      };
    }
    if (!inv.flags.bool('raw')) doc = redact(doc) as Record<string, unknown>;
    inv.out(inv.flags.str('output') === 'json' ? printJson(doc) : printYaml(doc));
    return 0;
  },
};

const currentContext: CommandDef = {
  name: 'current-context',
  short: 'Display the current-context',
  run(inv) {
    const kc = requireConfig(inv);
    if (!kc.currentContext) throw new CommandError('error: current-context is not set');
    inv.out(`${kc.currentContext}\n`);
    return 0;
  },
};

const getContexts: CommandDef = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  flags: [OUTPUT_FLAG, { name: 'no-headers', type: 'bool' }],
  run(inv) {
    const kc = requireConfig(inv);
    const wanted = inv.args;
    const rows = kc.contexts.filter((c) => wanted.length === 0 || wanted.includes(c.name));
    for (const w of wanted) if (!kc.contexts.some((c) => c.name === w)) throw new CommandError(`error: context ${w} not found`);
    if (inv.flags.str('output') === 'name') {
      inv.out(rows.map((c) => `${c.name}\n`).join(''));
      return 0;
    }
    let text = inv.flags.bool('no-headers') ? '' : 'CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n';
    for (const c of rows) text += `${c.name === kc.currentContext ? '*' : ''}\t${c.name}\t${c.cluster ?? ''}\t${c.user ?? ''}\t${c.namespace ?? ''}\n`;
    inv.out(tabwrite(text, GET_TABWRITER));
    return 0;
  },
};

const useContext: CommandDef = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  run(inv) {
    if (inv.args.length !== 1) throw new UsageError('Unexpected args: ' + JSON.stringify(inv.args));
    const kc = requireConfig(inv);
    const name = inv.args[0];
    if (!kc.contexts.some((c) => c.name === name)) throw new CommandError(`error: no context exists with the name: "${name}"`);
    kc.doc['current-context'] = name;
    save(inv, kc);
    inv.out(`Switched to context "${name}".\n`);
    return 0;
  },
};

const setContext: CommandDef = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  flags: [{ name: 'current', type: 'bool' }, { name: 'cluster', type: 'string' }, { name: 'user', type: 'string' }, { name: 'namespace', type: 'string' }],
  run(inv) {
    const kc = requireConfig(inv);
    const name = inv.flags.bool('current') ? kc.currentContext : inv.args[0];
    if (!name) throw new CommandError(inv.flags.bool('current') ? 'error: no current context is set' : 'error: you must specify a non-empty context name or --current');
    const contexts: any[] = (kc.doc.contexts ??= []);
    let entry = contexts.find((c) => c.name === name);
    const created = !entry;
    if (!entry) {
      entry = { name, context: {} };
      contexts.push(entry);
    }
    entry.context = entry.context ?? {};
    for (const f of ['cluster', 'user', 'namespace']) if (inv.flags.changed(f)) entry.context[f] = inv.flags.str(f);
    save(inv, kc);
    inv.out(`Context "${name}" ${created ? 'created' : 'modified'}.\n`);
    return 0;
  },
};

export const configCommand: CommandDef = {
  name: 'config',
  short: 'Modify kubeconfig files',
  subcommands: [currentContext, getContexts, setContext, useContext, view],
};
