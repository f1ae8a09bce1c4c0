// Tab completion for the interactive shell: kubectl verbs, resource types, object names and
// namespaces, and the hosts `ssh` reaches.

import { RESOURCES } from '../engine/api/resources';
import { COMMANDS } from '../engine/kubectl/commands';
import { Connection, connect, loadKubeconfig } from '../engine/kubectl/kubeconfig';
import { resolveType } from '../engine/kubectl/resource-args';
import type { Sandbox } from '../engine/sandbox';
import type { ShellSession } from '../engine/shell/types';
import { UserFs } from '../engine/shell/user-fs';

const SHELL_WORDS = ['kubectl', 'kubeadm', 'kompose', 'cat', 'ls', 'cd', 'echo', 'ssh', 'sudo', 'exit', 'help', 'history', 'clear', 'sleep'];
/** verbs whose arguments are TYPE then NAME... (or TYPE/NAME) */
const TYPE_VERBS = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'edit', 'scale', 'expose', 'patch']);
/** verbs whose argument is a pod's name */
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward']);
/** flags that take the next word as their value (`-f` is a file name except in `logs`, where it follows) */
const VALUE_FLAGS = new Set(['-n', '--namespace', '-l', '--selector', '-o', '--output', '-c', '--container', '-L', '--label-columns', '--field-selector', '--sort-by', '--context', '--kubeconfig', '-f', '--filename']);
const NAMESPACE_FLAGS = new Set(['-n', '--namespace']);

/**
 * The candidates for the last word of `line` and that word. Object names come from the namespace
 * kubectl's own completion (`kubectl __complete`, CompGetFromTemplate) lists: the line's
 * `-n`/`--namespace`, else the namespace of the kubeconfig context (the line's `--context`, else
 * the current one) that the `session`'s kubectl reads (a new session's when none is given), else
 * `default`. Like kubectl's, it ignores `-A`: the completion runs a get of its own without it.
 */
export function completeLine(sandbox: Sandbox, line: string, session?: ShellSession): [string[], string] {
  const words = line.split(/\s+/);
  const current = words[words.length - 1] ?? '';
  const done = words.slice(0, -1).filter((w) => w !== '');
  const match = (candidates: string[]): [string[], string] => [candidates.filter((c) => c.startsWith(current)), current];
  if (done.length === 0) return match(SHELL_WORDS);
  if (done[0] === 'ssh' && done.length === 1) return match(Object.keys(sandbox.hosts));
  if (done[0] !== 'kubectl' && done[0] !== 'k') return [[], current];

  const namespaces = (): string[] => sandbox.cluster.store.list('namespaces').map((o) => o.metadata.name!);
  if (NAMESPACE_FLAGS.has(done[done.length - 1])) return match(namespaces());
  if (current.startsWith('--namespace=')) return match(namespaces().map((n) => `--namespace=${n}`));

  // the words before the cursor: positional arguments, and the flags that choose the namespace
  const positional: string[] = [];
  const given: { namespace?: string; context?: string; kubeconfig?: string } = {};
  for (let i = 1; i < done.length; i++) {
    const w = done[i];
    if (!w.startsWith('-') || w === '-') {
      positional.push(w);
      continue;
    }
    const eq = w.indexOf('=');
    let flag = eq > 0 ? w.slice(0, eq) : w;
    let value: string | undefined = eq > 0 ? w.slice(eq + 1) : undefined;
    // pflag's shorthand with its value attached: `-nkube-system`
    const takesValue = (f: string): boolean => VALUE_FLAGS.has(f) && !(f === '-f' && positional[0] === 'logs');
    if (value === undefined && !w.startsWith('--') && w.length > 2 && takesValue(w.slice(0, 2))) {
      flag = w.slice(0, 2);
      value = w.slice(2);
    }
    if (value === undefined && takesValue(flag)) value = done[++i];
    if (value === undefined) continue;
    if (NAMESPACE_FLAGS.has(flag)) given.namespace = value;
    else if (flag === '--context') given.context = value;
    else if (flag === '--kubeconfig') given.kubeconfig = value;
  }
  if (positional.length === 0) return match(COMMANDS.filter((c) => !c.hidden).map((c) => c.name));

  const verb = positional[0];
  let conn: { value: Connection | undefined } | undefined;
  const names = (type: string): string[] => {
    try {
      const info = resolveType(type);
      conn ??= { value: connection(sandbox, session ?? sandbox.newSession(), given) };
      // no kubeconfig, a context that does not exist, a server that does not answer: kubectl's
      // completion lists nothing
      if (!conn.value) return [];
      return sandbox.cluster.store.list(info.resource, info.namespaced ? conn.value.namespace : undefined).map((o) => o.metadata.name!);
    } catch {
      return [];
    }
  };
  if (POD_VERBS.has(verb)) return positional.length === 1 ? match(names('pods')) : [[], current];
  if (!TYPE_VERBS.has(verb)) return [[], current];
  if (positional.length === 1) {
    const slash = current.indexOf('/');
    if (slash > 0) return match(names(current.slice(0, slash)).map((n) => `${current.slice(0, slash)}/${n}`));
    return match(RESOURCES.flatMap((r) => [r.resource, ...r.shortNames]));
  }
  // NAME...: the type's objects not named yet
  const named = new Set(positional.slice(2));
  return match(names(positional[1]).filter((n) => !named.has(n)));
}

/**
 * The server and namespace the session's kubectl would use with the line's flags, or undefined
 * where its call would fail (no kubeconfig, an unknown context, a server that does not answer).
 */
function connection(sandbox: Sandbox, session: ShellSession, given: { namespace?: string; context?: string; kubeconfig?: string }): Connection | undefined {
  const host = sandbox.hosts[session.host];
  if (!host) return undefined;
  const fs = new UserFs(host.fs, session.user, session.cwd, sandbox.clock.now());
  const env = given.kubeconfig ? { ...session.env, KUBECONFIG: given.kubeconfig } : session.env;
  try {
    return connect(sandbox.cluster, loadKubeconfig(fs, env, session.user), { context: given.context, namespace: given.namespace });
  } catch {
    return undefined;
  }
}
