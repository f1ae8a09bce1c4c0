// The CheckContext of a stored cluster: the student's commands (Input rows of kind command, with
// the aliases of the shell they ran in) and the recorded transitions, both limited to the
// cluster's present history (see history.ts), as grading/history-reader.ts reads them from the
// database with the mappers below, and the objects of a state the caller holds (live, or a
// graded snapshot). The course checks steps with it; the instructor's grading imports it too.
import type { KubeObject } from '../engine/api/types';
import type { CheckContext, InputRecord, TransitionRecord } from '../grading/checks/types';
import type { HistorySegment } from './history';

export interface CheckHistory {
  inputs: InputRecord[];
  transitions: TransitionRecord[];
  history: HistorySegment[];
}

const DOORS: ReadonlySet<string> = new Set(['web', 'discord', 'cli', 'api', 'system']);

/** A CheckContext over objects the caller holds, with a loaded history. */
export function checkContext(objects: (resource: string, namespace?: string) => KubeObject[], history: Pick<CheckHistory, 'inputs' | 'transitions'>, now: number, stepStartedAt?: number): CheckContext {
  const ctx: CheckContext = { objects, inputs: history.inputs.filter((i) => i.at <= now), transitions: history.transitions.filter((t) => t.at <= now), now };
  if (stepStartedAt !== undefined) ctx.stepStartedAt = stepStartedAt;
  return ctx;
}

/** An Input row of kind command as the check language reads it. */
export function inputRecord(row: { at: Date; door: string; command: string | null; exitCode: number | null; shellSession?: { shell: unknown } | null }): InputRecord {
  const r: InputRecord = { at: row.at.getTime(), door: (DOORS.has(row.door) ? row.door : 'system') as InputRecord['door'], command: row.command ?? '' };
  if (row.exitCode !== null) r.exitCode = row.exitCode;
  // the aliases of the shell it ran in, as that shell has them now (the nearest record kept)
  const aliases = (row.shellSession?.shell as { aliases?: unknown } | null | undefined)?.aliases;
  if (aliases && typeof aliases === 'object' && !Array.isArray(aliases)) {
    const a = Object.fromEntries(Object.entries(aliases as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    if (Object.keys(a).length) r.aliases = a;
  }
  return r;
}

/** A Transition row as the check language reads it. */
export function transitionRecord(row: { at: Date; kind: string; resource: string; namespace: string | null; name: string; phase: string | null; ownerKind: string | null; ownerName: string | null; terminating: boolean }): TransitionRecord {
  const r: TransitionRecord = { at: row.at.getTime(), kind: row.kind as TransitionRecord['kind'], resource: row.resource, name: row.name };
  if (row.namespace) r.namespace = row.namespace;
  if (row.phase) r.phase = row.phase;
  if (row.ownerKind && row.ownerName) r.owner = { kind: row.ownerKind, name: row.ownerName };
  if (row.terminating) r.terminating = true;
  return r;
}
