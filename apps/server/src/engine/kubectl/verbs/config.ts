// kubectl config: the command group, and the subcommands that only read (view, current-context,
// get-contexts). Those that edit the file are in config-edit.ts and config-set.ts.

import { CommandDef, Invocation, OUTPUT_FLAG, PRINT_FLAGS } from '../command';
import { CommandError } from '../context';
import { encodeBase64 } from '../../api/defaults/base64';
import { dirname, FsError } from '../../shell/filesystem';
import { readFileError } from '../go-os-errors';
import { Kubeconfig } from '../kubeconfig';
import { KubeObject } from '../../api/types';
import { parseOutput, printObjects, printOptions } from '../output';
import { inStructOrder } from '../printers/go-struct-order';
import { printJson } from '../printers/object-printer';
import { GET_TABWRITER, tabwrite } from '../printers/tabwriter';
import { defaultPath } from './config-model';
import { deleteCluster, deleteContext, deleteUser, getClusters, getUsers, renameContext, setCluster, setContext, setCredentials, useContext } from './config-edit';
import { setProperty, unsetProperty } from './config-set';

/**
 * The kubeconfig `config` reads (its starting config): a file named by --kubeconfig or $KUBECONFIG
 * that is not there reads as empty, as the commands that edit it create it.
 */
function requireConfig(inv: Invocation): Kubeconfig {
  const empty = (): Kubeconfig => ({ path: defaultPath(inv), currentContext: '', contexts: [], clusters: [], users: [], doc: {} });
  try {
    return inv.kubeconfig() ?? empty();
  } catch (e) {
    if (e instanceof CommandError && /^error: stat .*: no such file or directory$/.test(e.message)) return empty();
    throw e;
  }
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

/** the file fields FlattenConfig embeds, by the list they are in, in its order (users first) */
const FILE_FIELDS: Record<string, [string, string][]> = {
  users: [
    ['client-certificate', 'client-certificate-data'],
    ['client-key', 'client-key-data'],
  ],
  clusters: [['certificate-authority', 'certificate-authority-data']],
};

/**
 * `config view --flatten`: each file an entry names is read (relative to the kubeconfig's
 * directory) and embedded as base64 data, the path dropped; an empty file embeds nothing. A file
 * that cannot be read stops the view with os.ReadFile's error.
 */
function flatten(doc: Record<string, unknown>, inv: Invocation, configPath: string): Record<string, unknown> {
  const dir = dirname(inv.host.fs.resolve(configPath));
  const out: Record<string, unknown> = { ...doc };
  for (const [list, fields] of Object.entries(FILE_FIELDS)) {
    const entries = doc[list] as { name?: string; [k: string]: unknown }[] | null;
    if (!entries) continue;
    const inner = list === 'clusters' ? 'cluster' : 'user';
    out[list] = entries.map((entry) => {
      const body = { ...((entry[inner] as Record<string, unknown> | undefined) ?? {}) };
      for (const [pathField, dataField] of fields) {
        const path = body[pathField];
        if (typeof path !== 'string' || path === '') continue;
        const abs = path.startsWith('/') ? path : `${dir}/${path}`;
        let content: string;
        try {
          content = inv.host.fs.readFile(abs);
        } catch (e) {
          if (!(e instanceof FsError)) throw e;
          throw new CommandError(`error: ${readFileError(abs, e)}`);
        }
        delete body[pathField];
        if (content) body[dataField] = encodeBase64(content);
        else delete body[dataField];
      }
      return { ...entry, [inner]: body };
    });
  }
  return out;
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


const view: CommandDef = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: [{ ...OUTPUT_FLAG, default: 'yaml' }, ...PRINT_FLAGS, { name: 'raw', type: 'bool' }, { name: 'minify', type: 'bool' }, { name: 'flatten', type: 'bool' }, { name: 'merge', type: 'bool', default: true }],
  run(inv) {
    const kc = requireConfig(inv);
    let doc = normalized(kc.doc);
    if (inv.flags.bool('minify')) {
      // --context names the context to minify around, and becomes the current one shown
      const current = inv.flags.str('context') || kc.currentContext;
      if (!current) throw new CommandError('error: current-context must exist in order to minify');
      const ctx = kc.contexts.find((c) => c.name === current);
      if (!ctx) throw new CommandError(`error: cannot locate context ${current}`);
      doc = {
        ...doc,
        'current-context': current,
        clusters: (kc.doc.clusters ?? []).filter((c: any) => c.name === ctx.cluster),
        contexts: (kc.doc.contexts ?? []).filter((c: any) => c.name === ctx.name),
        users: (kc.doc.users ?? []).filter((u: any) => u.name === ctx.user),
      };
    }
    // FlattenConfig embeds the files the entries name; without it ShortenConfig hides the data
    if (inv.flags.bool('flatten')) doc = flatten(doc, inv, kc.path);
    else if (!inv.flags.bool('raw')) doc = redact(doc) as Record<string, unknown>;
    inv.out(printConfig(doc, inv));
    return 0;
  },
};

function printConfig(doc: Record<string, unknown>, inv: Invocation): string {
  const o = inv.flags.str('output') || 'yaml';
  const spec = parseOutput(o, inv.flags.str('template'), false, inv.flags.readFile);
  // a Config has no metadata: the name printer finds no name
  if (spec.kind === 'name') return 'config/<unknown>\n';
  if (spec.kind === 'json') return printJson(inStructOrder(doc)!, { sortKeys: false });
  return printObjects([doc as unknown as KubeObject], spec, printOptions(inv.flags, true));
}

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
    const missing = wanted.filter((w) => !kc.contexts.some((c) => c.name === w)).map((w) => `context ${w} not found`);
    if (inv.flags.str('output') === 'name') inv.out(rows.map((c) => `${c.name}\n`).join(''));
    else {
      let text = inv.flags.bool('no-headers') ? '' : 'CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n';
      for (const c of rows) text += `${c.name === kc.currentContext ? '*' : ''}\t${c.name}\t${c.cluster ?? ''}\t${c.user ?? ''}\t${c.namespace ?? ''}\n`;
      inv.out(tabwrite(text, GET_TABWRITER));
    }
    // the found ones are printed first; kubectl's aggregate error: one is `error: ...`, several are one per line
    if (missing.length === 1) inv.err(`error: ${missing[0]}\n`);
    else if (missing.length) inv.err(missing.map((m) => `${m}\n`).join(''));
    return missing.length ? 1 : 0;
  },
};



export const configCommand: CommandDef = {
  name: 'config',
  short: 'Modify kubeconfig files',
  subcommands: [
    currentContext,
    deleteCluster,
    deleteContext,
    deleteUser,
    getClusters,
    getContexts,
    getUsers,
    renameContext,
    setProperty,
    setCluster,
    setContext,
    setCredentials,
    unsetProperty,
    useContext,
    view,
  ],
};
