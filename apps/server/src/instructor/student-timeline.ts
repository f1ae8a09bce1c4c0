// A student's timeline as the instructor reads it, as pure functions: the recorded inputs merged
// with the timed object changes (transitions) in simulated-time order, and the `kubectl get pods
// -A` table of a rebuilt state. No database here: student-timeline.service.ts reads the rows.
import type { InputView } from '../clusters/clusters.service';
import type { KubeObject, Pod } from '../engine/api/types';
import { age } from '../engine/kubectl/printers/columns/format';
import { summarizePod } from '../engine/kubectl/printers/columns/pod';
import { tabwrite } from '../engine/kubectl/printers/tabwriter';
import { humanDuration } from '../engine/time';

/** An input as the student's own log shows it (clusters.service.ts), with who made it. */
export interface TimelineInput extends InputView {
  type: 'input';
  /** The actor's username; null for the system or a deleted account. */
  who: string | null;
}

export interface TimelineTransition {
  type: 'transition';
  /** The input whose commit recorded it: the state after that input holds it. */
  seq: number;
  at: string;
  kind: string;
  resource: string;
  namespace: string | null;
  name: string;
  phase: string | null;
}

export type TimelineEntry = TimelineInput | TimelineTransition;

/**
 * A position in a cluster's timeline: the last input seen, and the last transition seen by its
 * natural key (lineage, resourceVersion), which grows in the order transitions are recorded
 * (a timed transition carries the version of the last input, so seq alone cannot place it).
 */
export interface TimelineCursor {
  seq: number;
  lineage: number;
  rv: number;
}

/**
 * Inputs and transitions by simulated time. On a tie an input comes before the changes its own
 * commit recorded and after those recorded by earlier commits.
 */
export function mergeTimeline(inputs: TimelineInput[], transitions: TimelineTransition[]): TimelineEntry[] {
  const rank = (e: TimelineEntry): number => (e.type === 'input' ? e.seq * 2 : e.seq * 2 + 1);
  return [...inputs, ...transitions].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || rank(a) - rank(b));
}

/** `kubectl get pods -A` of a state at simulated time `now` (without its trailing newline). */
export function podsTable(pods: KubeObject[], now: number): string {
  const sorted = (pods as Pod[]).slice().sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  if (sorted.length === 0) return 'No resources found';
  const lines = ['NAMESPACE\tNAME\tREADY\tSTATUS\tRESTARTS\tAGE'];
  for (const p of sorted) {
    const s = summarizePod(p);
    const restarts = s.restarts !== 0 && !Number.isNaN(s.lastRestart) ? `${s.restarts} (${humanDuration(now - s.lastRestart)} ago)` : String(s.restarts);
    lines.push([p.metadata.namespace ?? '', p.metadata.name ?? '', s.ready, s.status, restarts, age(p.metadata.creationTimestamp, now)].join('\t'));
  }
  return tabwrite(lines.join('\n') + '\n').replace(/\n$/, '');
}
