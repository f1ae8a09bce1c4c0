// The kubeconfig as `kubectl config` edits it: client-go's internal Config (clusters, users and
// contexts are maps by name), read from the file's v1 shape and written back in it, as kubectl
// v1.32's clientcmd does: keys sorted, named lists sorted by name, `null` for an empty list,
// unknown fields dropped, `server`/`cluster`/`user` always written. The Go types below also
// guide `config set`/`unset` (config-set.ts), which walk the Config by its fields' json names.

import { Invocation } from '../command';
import { helpText } from '../help/help';
import { CommandError } from '../context';
import { kubeconfigPath } from '../kubeconfig';
import { printYaml } from '../printers/object-printer';
import { dirname, resolvePath } from '../../shell/filesystem';

// ---------------------------------------------------------------- the internal Config

export type Rec = Record<string, any>;
export type NameMap = Map<string, Rec>;

export interface Model extends Rec {
  kind: string;
  apiVersion: string;
  preferences: Rec;
  clusters: NameMap | null;
  users: NameMap | null;
  contexts: NameMap | null;
  'current-context': string;
  extensions: Map<string, unknown> | null;
}

/** a Go type of client-go's clientcmd/api, as far as `config set` can reach into it */
export type GoType =
  | { kind: 'string' | 'bool' | 'bytes' | 'strings' }
  | { kind: 'ptr'; name: 'exec' | 'auth-provider' }
  | { kind: 'struct'; name: string; addr: string; fields: Field[] }
  /** elem: the type behind map[string]*T (T), map[string][]string (string) or map[string]runtime.Object */
  | { kind: 'map'; elem: GoType | 'runtime.Object'; elemName: string };

export interface Field {
  /** the internal type's json name (what `config set` paths use) */
  json: string;
  type: GoType;
  /** the v1 (file) name when it differs: AuthInfo's act-as is `as` in the file */
  v1?: string;
  /** written even when empty (no omitempty in the v1 type) */
  always?: boolean;
}

export const STRING: GoType = { kind: 'string' };
export const BOOL: GoType = { kind: 'bool' };
export const BYTES: GoType = { kind: 'bytes' };
export const EXTENSIONS: GoType = { kind: 'map', elem: 'runtime.Object', elemName: 'runtime.Object' };
/** LocationOfOrigin (`json:"-"`): never written */
export const ORIGIN: Field = { json: '-', type: STRING };

export const CLUSTER: GoType = {
  kind: 'struct',
  name: 'api.Cluster',
  addr: '0x20b6f60',
  fields: [
    ORIGIN,
    { json: 'server', type: STRING, always: true },
    { json: 'tls-server-name', type: STRING },
    { json: 'insecure-skip-tls-verify', type: BOOL },
    { json: 'certificate-authority', type: STRING },
    { json: 'certificate-authority-data', type: BYTES },
    { json: 'proxy-url', type: STRING },
    { json: 'disable-compression', type: BOOL },
    { json: 'extensions', type: EXTENSIONS },
  ],
};

export const AUTH_INFO: GoType = {
  kind: 'struct',
  name: 'api.AuthInfo',
  addr: '0x20b6d20',
  fields: [
    ORIGIN,
    { json: 'client-certificate', type: STRING },
    { json: 'client-certificate-data', type: BYTES },
    { json: 'client-key', type: STRING },
    { json: 'client-key-data', type: BYTES },
    { json: 'token', type: STRING },
    { json: 'tokenFile', type: STRING },
    { json: 'act-as', type: STRING, v1: 'as' },
    { json: 'act-as-uid', type: STRING, v1: 'as-uid' },
    { json: 'act-as-groups', type: { kind: 'strings' }, v1: 'as-groups' },
    { json: 'act-as-user-extra', type: { kind: 'map', elem: STRING, elemName: 'string' }, v1: 'as-user-extra' },
    { json: 'username', type: STRING },
    { json: 'password', type: STRING },
    { json: 'auth-provider', type: { kind: 'ptr', name: 'auth-provider' } },
    { json: 'exec', type: { kind: 'ptr', name: 'exec' } },
    { json: 'extensions', type: EXTENSIONS },
  ],
};

export const CONTEXT: GoType = {
  kind: 'struct',
  name: 'api.Context',
  addr: '0x20b7060',
  fields: [ORIGIN, { json: 'cluster', type: STRING, always: true }, { json: 'user', type: STRING, always: true }, { json: 'namespace', type: STRING }, { json: 'extensions', type: EXTENSIONS }],
};

export const PREFERENCES: GoType = {
  kind: 'struct',
  name: 'api.Preferences',
  addr: '0x2038880',
  fields: [
    { json: 'colors', type: BOOL },
    { json: 'extensions', type: EXTENSIONS },
  ],
};

export const CONFIG: GoType = {
  kind: 'struct',
  name: 'api.Config',
  addr: '0x20b7160',
  fields: [
    { json: 'kind', type: STRING },
    { json: 'apiVersion', type: STRING },
    { json: 'preferences', type: PREFERENCES },
    { json: 'clusters', type: { kind: 'map', elem: CLUSTER, elemName: 'api.Cluster' } },
    { json: 'users', type: { kind: 'map', elem: AUTH_INFO, elemName: 'api.AuthInfo' } },
    { json: 'contexts', type: { kind: 'map', elem: CONTEXT, elemName: 'api.Context' } },
    { json: 'current-context', type: STRING },
    { json: 'extensions', type: EXTENSIONS },
  ],
};

export function fieldsOf(t: GoType): Field[] {
  return t.kind === 'struct' ? t.fields : [];
}

export function zero(t: GoType): any {
  switch (t.kind) {
    case 'string':
    case 'bytes':
      return '';
    case 'bool':
      return false;
    case 'struct': {
      const r: Rec = {};
      for (const f of t.fields) r[f.json] = zero(f.type);
      return r;
    }
    default:
      return null;
  }
}

export const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'object' ? '' : String(v));
export const obj = (v: unknown): Rec => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {});
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** the file's v1 stanza to the internal struct (unknown fields are dropped, as Go's decoder drops them) */
export function structFromV1(t: GoType, v1: unknown): Rec {
  const src = obj(v1);
  const r: Rec = zero(t);
  for (const f of fieldsOf(t)) {
    if (f.json === '-') continue;
    const v = src[f.v1 ?? f.json];
    switch (f.type.kind) {
      case 'string':
      case 'bytes':
        r[f.json] = str(v);
        break;
      case 'bool':
        r[f.json] = v === true;
        break;
      case 'strings':
        r[f.json] = Array.isArray(v) ? v.map(str) : null;
        break;
      case 'map':
        if (f.type.elem === 'runtime.Object') r[f.json] = Array.isArray(v) ? new Map(v.map((e) => [str(obj(e).name), obj(e).extension ?? null])) : null;
        else r[f.json] = v && typeof v === 'object' ? new Map(Object.entries(v as Rec).map(([k, x]) => [k, list(x).map(str)])) : null;
        break;
      case 'ptr':
        r[f.json] = f.type.name === 'exec' ? execFromV1(v) : authProviderFromV1(v);
        break;
      case 'struct':
        r[f.json] = structFromV1(f.type, v);
        break;
    }
  }
  return r;
}

export function execFromV1(v: unknown): Rec | null {
  if (!v || typeof v !== 'object') return null;
  const e = obj(v);
  const exec: Rec = {
    command: str(e.command),
    args: Array.isArray(e.args) ? e.args.map(str) : null,
    env: Array.isArray(e.env) ? e.env.map((x) => ({ name: str(obj(x).name), value: str(obj(x).value) })) : null,
    apiVersion: str(e.apiVersion),
    installHint: str(e.installHint),
    provideClusterInfo: e.provideClusterInfo === true,
    interactiveMode: str(e.interactiveMode),
  };
  // v1's SetDefaults_ExecConfig, applied on every load
  if (!exec.interactiveMode && (exec.apiVersion === 'client.authentication.k8s.io/v1beta1' || exec.apiVersion === 'client.authentication.k8s.io/v1alpha1')) exec.interactiveMode = 'IfAvailable';
  return exec;
}

export function authProviderFromV1(v: unknown): Rec | null {
  if (!v || typeof v !== 'object') return null;
  const a = obj(v);
  return { name: str(a.name), config: a.config && typeof a.config === 'object' ? new Map(Object.entries(a.config as Rec).map(([k, x]) => [k, str(x)])) : null };
}

export function namedFromV1(items: unknown, key: string, t: GoType): NameMap {
  const m: NameMap = new Map();
  for (const item of list(items)) m.set(str(obj(item).name), structFromV1(t, obj(item)[key]));
  return m;
}

export function modelFromV1(doc: Rec): Model {
  return {
    kind: str(doc.kind),
    apiVersion: str(doc.apiVersion),
    preferences: structFromV1(PREFERENCES, doc.preferences),
    clusters: namedFromV1(doc.clusters, 'cluster', CLUSTER),
    users: namedFromV1(doc.users, 'user', AUTH_INFO),
    contexts: namedFromV1(doc.contexts, 'context', CONTEXT),
    'current-context': str(doc['current-context']),
    extensions: Array.isArray(doc.extensions) ? new Map(doc.extensions.map((e: unknown) => [str(obj(e).name), obj(e).extension ?? null])) : null,
  };
}

export const byName = <T>(m: Map<string, T>): [string, T][] => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export function extensionsToV1(m: Map<string, unknown> | null): Rec[] | undefined {
  return m && m.size ? byName(m).map(([name, extension]) => ({ name, extension })) : undefined;
}

/** the internal struct back to its v1 stanza, omitempty honoured */
export function structToV1(t: GoType, r: Rec): Rec {
  const out: Rec = {};
  for (const f of fieldsOf(t)) {
    if (f.json === '-') continue;
    const v = r[f.json];
    let w: unknown;
    switch (f.type.kind) {
      case 'string':
      case 'bytes':
        w = v || f.always ? v : undefined;
        break;
      case 'bool':
        w = v || f.always ? v : undefined;
        break;
      case 'strings':
        w = v && v.length ? v : undefined;
        break;
      case 'map':
        if (f.type.elem === 'runtime.Object') w = extensionsToV1(v);
        else w = v && v.size ? Object.fromEntries(v) : undefined;
        break;
      case 'ptr':
        w = v ? (f.type.name === 'exec' ? execToV1(v) : { name: v.name, config: v.config ? Object.fromEntries(v.config) : null }) : undefined;
        break;
      case 'struct':
        w = structToV1(f.type, v);
        break;
    }
    if (w !== undefined) out[f.v1 ?? f.json] = w;
  }
  return out;
}

export function execToV1(e: Rec): Rec {
  const out: Rec = { command: e.command, args: e.args, env: e.env };
  if (e.apiVersion) out.apiVersion = e.apiVersion;
  if (e.installHint) out.installHint = e.installHint;
  out.provideClusterInfo = e.provideClusterInfo;
  if (e.interactiveMode) out.interactiveMode = e.interactiveMode;
  return out;
}

export function namedToV1(m: NameMap | null, key: string, t: GoType): Rec[] | null {
  return m && m.size ? byName(m).map(([name, r]) => ({ name, [key]: structToV1(t, r) })) : null;
}

/** what kubectl writes: clientcmd's latest codec, v1, always kind Config */
export function modelToV1(m: Model): Rec {
  const out: Rec = {
    apiVersion: 'v1',
    clusters: namedToV1(m.clusters, 'cluster', CLUSTER),
    contexts: namedToV1(m.contexts, 'context', CONTEXT),
    'current-context': m['current-context'],
    kind: 'Config',
    preferences: structToV1(PREFERENCES, m.preferences),
    users: namedToV1(m.users, 'user', AUTH_INFO),
  };
  const ext = extensionsToV1(m.extensions);
  if (ext) out.extensions = ext;
  return out;
}

// ---------------------------------------------------------------- loading and writing

export interface Loaded {
  /** the file kubectl names in its messages and writes to */
  path: string;
  model: Model;
  /** the v1 document as loaded, to tell whether anything changed */
  before: string;
}

/**
 * The kubeconfig as `kubectl config` reads it: a missing file (even one $KUBECONFIG or
 * --kubeconfig names) is an empty config, created on the first write.
 */
export function load(inv: Invocation): Loaded {
  let doc: Rec = {};
  let path: string;
  try {
    const kc = inv.kubeconfig();
    if (kc) doc = kc.doc;
    path = kc?.path ?? defaultPath(inv);
  } catch (e) {
    if (!(e instanceof CommandError && /^error: stat .*: no such file or directory$/.test(e.message))) throw e;
    path = defaultPath(inv);
  }
  const model = modelFromV1(doc);
  return { path, model, before: JSON.stringify(modelToV1(model)) };
}

export function defaultPath(inv: Invocation): string {
  const explicit = inv.flags.str('kubeconfig');
  return kubeconfigPath(explicit ? { ...inv.host.env, KUBECONFIG: explicit } : inv.host.env, inv.host.user);
}

/**
 * clientcmd.ModifyConfig: nothing is written unless a stanza, the current context or the
 * preferences changed; then the whole file is rewritten (mode 0600 when it is new).
 */
export function writeIfChanged(inv: Invocation, l: Loaded, stanzaChanged = false): void {
  const doc = modelToV1(l.model);
  if (!stanzaChanged && JSON.stringify(doc) === l.before) return;
  const fs = inv.host.fs;
  // os.MkdirAll(dir, 0755), then a new file gets 0600
  const missing: string[] = [];
  for (let dir = dirname(fs.resolve(l.path)); dir !== '/' && !fs.exists(dir); dir = dirname(dir)) missing.push(dir);
  if (missing.length) {
    fs.mkdir(missing[0], true);
    for (const dir of missing) fs.chmod(dir, 0o755 & ~fs.umask);
  }
  fs.writeFile(l.path, printYaml(doc), false, 0o600);
}

/** the directory of the kubeconfig, that paths in the stanzas kubectl writes are made relative to */
export function configDir(inv: Invocation, l: Loaded): string {
  return dirname(inv.host.fs.resolve(l.path));
}

/** filepath.Rel for two clean absolute paths */
export function relPath(base: string, target: string): string {
  const b = base.split('/').filter(Boolean);
  const t = target.split('/').filter(Boolean);
  let i = 0;
  while (i < b.length && i < t.length && b[i] === t[i]) i++;
  const parts = [...b.slice(i).map(() => '..'), ...t.slice(i)];
  return parts.length ? parts.join('/') : '.';
}

/**
 * clientcmd's RelativizeClusterLocalPaths / RelativizeAuthInfoLocalPaths on a stanza kubectl
 * rewrites: relative paths are taken from the file's directory, then written relative to it
 * unless that needs a `../`.
 */
export function relativize(refs: { get(): string; set(v: string): void }[], base: string): void {
  for (const ref of refs) {
    const v = ref.get();
    if (!v) continue;
    const abs = resolvePath(base, v);
    const rel = relPath(base, abs);
    ref.set(rel.startsWith('../') ? abs : rel);
  }
}

export const fieldRef = (r: Rec, key: string) => ({ get: () => r[key] as string, set: (v: string) => (r[key] = v) });

// ---------------------------------------------------------------- what the commands share

/** cmd.Help(): kubectl's help text for this command (help/kubectl-help.json), on stdout */
export function printHelp(inv: Invocation): void {
  inv.out(helpText(inv.path)!);
}

/** kubectl's helpErrorf: the help on stdout, then the error */
export function helpError(inv: Invocation, message: string): never {
  printHelp(inv);
  throw new CommandError(`error: ${message}`);
}

