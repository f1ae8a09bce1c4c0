// `!drill start KIND ARGS` as the instructor API's drill spec (which checks the names itself),
// and a spec back as the words that start it.

export type DrillSpecInput = Record<string, string | number> & { kind: string };

const NODE_KINDS = new Set(['stop-kubelet', 'power-off', 'delete-instance']);

export function parseDrill(words: readonly string[]): DrillSpecInput | undefined {
  const [kind, ...args] = words;
  if (NODE_KINDS.has(kind) && args.length === 1) return { kind, node: args[0] };
  if (kind === 'kill-container' && (args.length === 1 || args.length === 2)) return args[1] ? { kind, pod: args[0], container: args[1] } : { kind, pod: args[0] };
  if (kind === 'image-unavailable' && args.length === 1) return { kind, image: args[0] };
  if (kind === 'fill-volume' && args.length === 2) return { kind, pod: args[0], volume: args[1] };
  if (kind === 'slow-pulls' && args.length === 2 && /^\d{1,5}$/.test(args[1])) return { kind, node: args[0], delaySeconds: Number(args[1]) };
  return undefined;
}

/** The words of `!drill start` that give this spec (`stop-kubelet node1`). */
export function drillWords(spec: { kind: string; [k: string]: unknown }): string {
  const parts = [spec.kind];
  for (const key of ['node', 'pod', 'container', 'volume', 'image', 'delaySeconds']) if (spec[key] !== undefined) parts.push(String(spec[key]));
  return parts.join(' ');
}
