// Tab completion for the interactive shell: kubectl verbs, resource types and object names.

import { RESOURCES } from '../engine/api/resources';
import { COMMANDS } from '../engine/kubectl/commands';
import { resolveType } from '../engine/kubectl/resource-args';
import type { Sandbox } from '../engine/sandbox';

const SHELL_WORDS = ['kubectl', 'kubeadm', 'kompose', 'cat', 'ls', 'cd', 'echo', 'ssh', 'sudo', 'exit', 'help', 'history', 'clear', 'sleep'];
const NAME_VERBS = new Set(['get', 'describe', 'delete', 'logs', 'exec', 'label', 'annotate', 'edit', 'scale', 'expose', 'patch']);

export function completeLine(sandbox: Sandbox, line: string): [string[], string] {
  const words = line.split(/\s+/);
  const current = words[words.length - 1] ?? '';
  const done = words.slice(0, -1).filter((w) => w !== '');
  const match = (candidates: string[]): [string[], string] => [candidates.filter((c) => c.startsWith(current)), current];
  if (done.length === 0) return match(SHELL_WORDS);
  if (done[0] !== 'kubectl' && done[0] !== 'k') return [[], current];
  const positional = done.slice(1).filter((w) => !w.startsWith('-'));
  if (positional.length === 0) return match(COMMANDS.filter((c) => !c.hidden).map((c) => c.name));
  if (positional.length === 1 && NAME_VERBS.has(positional[0])) {
    return match(RESOURCES.flatMap((r) => [r.resource, ...r.shortNames]));
  }
  if (positional.length === 2 && NAME_VERBS.has(positional[0])) {
    try {
      const info = resolveType(positional[1]);
      const nsFlag = done.indexOf('-n');
      const namespace = nsFlag >= 0 ? done[nsFlag + 1] : 'default';
      const names = sandbox.cluster.store.list(info.resource, info.namespaced ? namespace : undefined).map((o) => o.metadata.name!);
      return match(names);
    } catch {
      return [[], current];
    }
  }
  return [[], current];
}
