// The text of a FailedScheduling event, as framework.FitError.Error() builds it in v1.32:
// "0/N nodes are available: <pre-filter message>. <reason histogram>. <post-filter message>."
// The histogram counts each reason over the nodes as "<count> <reason>", sorted as strings.

export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

export function reasonHistogram(reasonsPerNode: Iterable<readonly string[]>): string {
  const counts = new Map<string, number>();
  for (const reasons of reasonsPerNode) for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts].map(([r, n]) => `${n} ${r}`);
  parts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return parts.join(', ');
}

export interface FitErrorInput {
  numAllNodes: number;
  preFilterMsg?: string;
  reasonsPerNode?: Iterable<readonly string[]>;
  postFilterMsg?: string;
}

export function fitErrorMessage(f: FitErrorInput): string {
  let msg = `0/${f.numAllNodes} nodes are available:`;
  if (f.preFilterMsg) msg += ` ${f.preFilterMsg}.`;
  else {
    const histogram = reasonHistogram(f.reasonsPerNode ?? []);
    if (histogram) msg += ` ${histogram}.`;
  }
  // the preemption message is itself a FitError text ending in a period: no second one
  if (f.postFilterMsg) msg += f.postFilterMsg.endsWith('.') ? ` ${f.postFilterMsg}` : ` ${f.postFilterMsg}.`;
  return msg;
}

/** DefaultPreemption's PostFilter message when no node can be freed for the pod. */
export function preemptionMessage(numAllNodes: number, reasonsPerNode: Iterable<readonly string[]>): string {
  return `preemption: ${fitErrorMessage({ numAllNodes, reasonsPerNode })}`;
}

export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod';
