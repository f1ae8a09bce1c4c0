// Flags real kubectl honours that the simulation does not: set, they are refused with one clear
// line rather than silently ignored (a student would otherwise believe they had taken effect).

const UNSIMULATED: Record<string, string> = {
  kustomize: 'kustomizations are not built; apply the manifests with -f',
  'server-side': 'server-side apply is not simulated; apply without it',
  'force-conflicts': 'server-side apply is not simulated; apply without it',
  prune: 'pruning is not simulated; delete what you no longer want',
  'prune-allowlist': 'pruning is not simulated; delete what you no longer want',
  interactive: 'there is no confirmation prompt; delete without it',
  edit: 'there is no editor; write the file and use -f',
  raw: 'raw requests are only simulated for kubectl get',
  subresource: 'subresources are not served on their own; use the object itself',
  'all-pods': "logs are read one pod at a time; use -l with the workload's labels",
  'disable-eviction': 'drain always evicts here',
};

/** where a flag above is honoured after all */
const HONOURED: Record<string, readonly string[]> = { raw: ['get', 'config view'] };

/** The error line for the first unsimulated flag set, if any (`path`: the command, e.g. `apply`). */
export function unsimulatedFlag(path: string, asked: (name: string) => boolean, defined: readonly { name: string }[]): string | undefined {
  for (const { name } of defined) {
    const why = UNSIMULATED[name];
    if (why === undefined || HONOURED[name]?.includes(path) || !asked(name)) continue;
    return `error: --${name} is not supported in kubeaula: ${why}`;
  }
  return undefined;
}
