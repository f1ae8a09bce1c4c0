// The kubeconfig a kubectl reads ($KUBECONFIG or ~/.kube/config on its host), and whether the
// server it names answers.

import { parse as parseYaml } from 'yaml';
import { clone } from '../api/store';
import type { Cluster } from '../cluster';
import { FsError } from '../shell/filesystem';
import type { UserFs } from '../shell/user-fs';
import { CommandError } from './context';

export interface KubeContextEntry {
  name: string;
  cluster?: string;
  user?: string;
  namespace?: string;
}

export interface Kubeconfig {
  path: string;
  currentContext: string;
  contexts: KubeContextEntry[];
  clusters: { name: string; server: string }[];
  users: { name: string }[];
  /** the parsed document, for `config view` and edits */
  doc: Record<string, any>;
}

export function kubeconfigPath(env: Record<string, string>, user: string): string {
  if (env.KUBECONFIG) return env.KUBECONFIG.split(':')[0];
  const home = env.HOME || (user === 'root' ? '/root' : `/home/${user}`);
  return `${home}/.kube/config`;
}

/** undefined when there is no kubeconfig at all (kubectl then talks to localhost:8080) */
export function loadKubeconfig(fs: UserFs, env: Record<string, string>, user: string): Kubeconfig | undefined {
  const path = kubeconfigPath(env, user);
  let text: string;
  try {
    text = fs.readFile(path);
  } catch (e) {
    if (e instanceof FsError && e.code === 'ENOENT') {
      if (env.KUBECONFIG) throw new CommandError(`error: stat ${path}: no such file or directory`);
      return undefined;
    }
    if (e instanceof FsError && e.code === 'EACCES') {
      throw new CommandError(`error: error loading config file "${path}": open ${path}: permission denied`);
    }
    throw e;
  }
  let doc: any;
  try {
    doc = parseCached(text, fs.raw);
  } catch (e) {
    throw new CommandError(`error: error loading config file "${path}": yaml: ${(e as Error).message.split('\n')[0]}`);
  }
  if (typeof doc !== 'object' || Array.isArray(doc)) doc = {};
  return {
    path,
    doc,
    currentContext: String(doc['current-context'] ?? ''),
    contexts: (doc.contexts ?? []).map((c: any) => ({ name: String(c?.name ?? ''), ...(c?.context ?? {}) })),
    clusters: (doc.clusters ?? []).map((c: any) => ({ name: String(c?.name ?? ''), server: String(c?.cluster?.server ?? '') })),
    users: (doc.users ?? []).map((u: any) => ({ name: String(u?.name ?? '') })),
  };
}

/**
 * Every kubectl call reads the kubeconfig; parsing the same text again is most of the cost of a
 * small `get`. Each host's file system keeps its last parse (by content: the text of an unchanged
 * file is the same string), so a server running many students' clusters in turn parses each once;
 * a copy is handed out, since `config` edits it.
 */
const lastParse = new WeakMap<object, { text: string; doc: unknown }>();

function parseCached(text: string, owner: object): any {
  let last = lastParse.get(owner);
  if (last?.text !== text) {
    last = { text, doc: parseYaml(text, { maxAliasCount: 100 }) ?? {} };
    lastParse.set(owner, last);
  }
  return clone(last.doc);
}

/**
 * clientcmd's checks of the context, cluster and user a call names. Without -n, kubectl first asks
 * for the namespace, which validates the merged config (ConfirmUsable): a missing context, or a
 * --cluster that is not there, is an "Error in configuration" (one error inline, several as a
 * list; a lone cluster error is said plainly). Then ClientConfig looks the names up in order:
 * user, context, cluster.
 */
function checkNames(kc: Kubeconfig | undefined, ctxName: string, context: KubeContextEntry | undefined, o: { context?: string; cluster?: string; user?: string; namespace?: string }): void {
  const hasCluster = (name: string): boolean => !!kc?.clusters.some((c) => c.name === name);
  if (!o.namespace) {
    const errs: string[] = [];
    if (ctxName && !context) errs.push(`context was not found for specified context: ${ctxName}`);
    if (o.cluster && !hasCluster(o.cluster)) errs.push(`no server found for cluster "${o.cluster}"`);
    if (errs.length === 1 && !(ctxName && !context)) throw new CommandError(`error: ${errs[0]}`);
    if (errs.length === 1) throw new CommandError(`Error in configuration: ${errs[0]}`);
    if (errs.length > 1) throw new CommandError(`Error in configuration: \n${errs.map((e) => `* ${e}`).join('\n')}`);
  }
  if (o.user && !kc?.users.some((u) => u.name === o.user)) throw new CommandError(`error: auth info "${o.user}" does not exist`);
  if (o.context && !context) throw new CommandError(`error: context "${o.context}" does not exist`);
  if (o.cluster && !hasCluster(o.cluster)) throw new CommandError(`error: cluster "${o.cluster}" does not exist`);
}

export interface Connection {
  server: string;
  namespace: string;
  context?: KubeContextEntry;
}

/**
 * Resolves the server and namespace for a call, or throws the message real kubectl prints when
 * the server cannot be reached.
 */
export function connect(cluster: Cluster, kc: Kubeconfig | undefined, overrides: { context?: string; cluster?: string; user?: string; namespace?: string; server?: string }): Connection {
  let server = 'http://localhost:8080';
  let namespace = 'default';
  const ctxName = overrides.context || kc?.currentContext || '';
  const context = kc?.contexts.find((c) => c.name === ctxName);
  checkNames(kc, ctxName, context, overrides);
  const cl = kc?.clusters.find((c) => c.name === (overrides.cluster || context?.cluster));
  if (cl?.server) server = cl.server;
  if (context?.namespace) namespace = context.namespace;
  if (overrides.server) server = overrides.server;
  if (overrides.namespace) namespace = overrides.namespace;
  const hostPort = server.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  const reachable = cluster.runtime.apiServerUp && cluster.runtime.apiServerEndpoint.endsWith(`//${hostPort}`) && cluster.runtime.machines.master?.poweredOn !== false;
  if (!reachable) {
    if (cluster.runtime.machines.master?.poweredOn === false && cluster.runtime.apiServerEndpoint.endsWith(`//${hostPort}`)) {
      throw new CommandError(`Unable to connect to the server: dial tcp ${hostPort}: connect: no route to host`);
    }
    throw new CommandError(`The connection to the server ${hostPort} was refused - did you specify the right host or port?`);
  }
  return { server, namespace, context };
}
