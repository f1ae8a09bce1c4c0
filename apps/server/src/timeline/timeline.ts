// The instructor's scrub-through, as pure functions: the state of a cluster right after any past
// input, rebuilt from the nearest earlier stored state and a replay of the inputs after it (the
// input log, clusters/input-log.ts). No database here: timeline.service.ts reads the rows.
import { AppError } from '../common/app-error';
import { ENGINE_VERSION } from '../engine/cluster-state';
import type { Sandbox } from '../engine/sandbox';
import { VirtualClock } from '../engine/sandbox';
import { loadReplayed, LoggedInput, ReplayRefused } from '../clusters/input-log';

/** A stored state: an 'auto' Snapshot row of the input log. */
export interface StoredState {
  /** The cluster version (last input) it includes. */
  version: number;
  /** Taken as that input was committed (`input N`), not later (`later N`, after time passed). */
  exact: boolean;
  engineVersion: string;
  state: string;
}

/** The name the runner gives an 'auto' Snapshot; `exact` for `input N`. */
export function storedStateName(name: string): { exact: boolean; version: number } | undefined {
  const m = /^(input|later) (\d+)$/.exec(name);
  return m ? { exact: m[1] === 'input', version: Number(m[2]) } : undefined;
}

/**
 * The state to start from for the state right after input `seq`: the latest one before it, or
 * one taken exactly at it. A state taken later at `seq` holds time that passed after the input,
 * so it only serves for later inputs (replaying the next input steps to its time anyway).
 */
export function nearestBase<S extends StoredState>(states: S[], seq: number): S | undefined {
  let best: S | undefined;
  for (const s of states) {
    const usable = s.version < seq || (s.version === seq && s.exact);
    if (usable && (!best || s.version > best.version || (s.version === best.version && s.exact))) best = s;
  }
  return best;
}

/** Loads `base` and replays `inputs` (those after it, up to the wanted one, in order). */
export async function rebuild(base: StoredState, inputs: LoggedInput[]): Promise<Sandbox> {
  if (base.engineVersion !== ENGINE_VERSION) {
    throw new ReplayRefused(`The stored state at input ${base.version} was written by engine ${base.engineVersion}; this server runs engine ${ENGINE_VERSION} and rebuilds only its own`);
  }
  let expected = base.version + 1;
  for (const i of inputs) {
    if (i.seq !== expected) throw new AppError('CONFLICT', `Input ${expected} is missing from the log`);
    expected++;
  }
  return loadReplayed(base.state, inputs, (now) => new VirtualClock(now));
}
