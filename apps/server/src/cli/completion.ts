// Tab completion for the interactive shell: kubectl verbs, resource types, object names and
// namespaces, and the hosts `ssh` reaches.

import { RESOURCES } from '../engine/api/resources';
import { COMMANDS } from '../engine/kubectl/commands';
import { resolveType } from '../engine/kubectl/resource-args';
import type { Sandbox } from '../engine/sandbox';

const SHELL_WORDS = ['kubectl', 'kubeadm', 'kompose', 'cat', 'ls', 'cd', 'echo', 'ssh', 'sudo', 'exit', 'help', 'history', 'clear', 'sleep'];
/** verbs whose arguments are TYPE then NAME... (or TYPE/NAME) */
const TYPE_VERBS = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'edit', 'scale', 'expose', 'patch']);
/** verbs whose argument is a pod's name */
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward']);
/** flags that take the next word as their value (`-f` is a file name except in `logs`, where it follows) */
const VALUE_FLAGS = new Set(['-n', '--namespace', '-l', '--selector', '-o', '--output', '-c', '--container', '-L', '--label-columns', '--field-selector', '--sort-by', '--context', '--kubeconfig', '-f', '--filename']);
const NAMESPACE_FLAGS = new Set(['-n', '--namespace']);

export function completeLine(sandbox: Sandbox, line: string): [string[], string] {
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

  // the words before the cursor: positional arguments, and the namespace the flags name
  const positional: string[] = [];
  let namespace = 'default';
  let allNamespaces = false;
  for (let i = 1; i < done.length; i++) {
    const w = done[i];
    if (!w.startsWith('-') || w === '-') {
      positional.push(w);
      continue;
    }
    if (w === '-A' || w === '--all-namespaces') allNamespaces = true;
    const eq = w.indexOf('=');
    const flag = eq > 0 ? w.slice(0, eq) : w;
    let value: string | undefined = eq > 0 ? w.slice(eq + 1) : undefined;
    if (value === undefined && VALUE_FLAGS.has(flag) && !(flag === '-f' && positional[0] === 'logs')) value = done[++i];
    if (NAMESPACE_FLAGS.has(flag) && value !== undefined) namespace = value;
  }
  if (positional.length === 0) return match(COMMANDS.filter((c) => !c.hidden).map((c) => c.name));

  const verb = positional[0];
  const names = (type: string): string[] => {
    try {
      const info = resolveType(type);
      return sandbox.cluster.store.list(info.resource, info.namespaced && !allNamespaces ? namespace : undefined).map((o) => o.metadata.name!);
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
  const given = new Set(positional.slice(2));
  return match(names(positional[1]).filter((n) => !given.has(n)));
}
