// What a container's main process has written into files by a given time (`date >> /html/index.html`
// in a `while true` loop), computed from its process plan when someone looks: the writes before
// its loop, then each loop iteration's. Nothing runs per second; an iteration is computed only for
// a window someone reads (kubectl exec, a request to nginx, a `tail -f` sidecar's log).

import type { RunRecord } from '../controllers/kubelet/runtime-state';
import { loopIterationRun } from '../controllers/kubelet/script';
import type { FileWrite } from '../controllers/kubelet/script';

/** one batch of writes, absolute times; `remaining`: loop iterations due after this one in the window */
export interface WriteBatch {
  writes: FileWrite[];
  remaining: number;
  /** the loop's period (ms), for a caller that accounts for the remaining iterations */
  periodMs: number;
}

function absolute(run: RunRecord, w: FileWrite): FileWrite {
  return [run.startedAt + w[0], w[1], w[2], w[3]];
}

/** The loop iterations with writes in (from, until]: [first, last], or undefined. */
function iterationRange(run: RunRecord, from: number, until: number): [number, number] | undefined {
  const loop = run.plan.loop;
  if (!loop || !run.plan.scriptEnv) return undefined;
  const origin = run.startedAt + loop.startMs;
  if (until < origin) return undefined;
  const last = Math.floor((until - origin) / loop.periodMs);
  const first = Math.max(0, Math.floor((from - origin) / loop.periodMs));
  return first <= last ? [first, last] : undefined;
}

/**
 * The run's writes in (from, until] (until capped at its end), batch by batch, oldest first: the
 * writes before the loop, then iteration by iteration. A caller may stop early and account for
 * the `remaining` iterations in closed form.
 */
export function* runWrites(run: RunRecord, from: number, until: number, lastIterations?: number): Generator<WriteBatch> {
  const end = Math.min(until, run.finishedAt ?? Number.POSITIVE_INFINITY);
  const inWindow = (w: FileWrite): boolean => w[0] > from && w[0] <= end;
  const range = iterationRange(run, from, end);
  const before = (run.plan.writes ?? []).map((w) => absolute(run, w)).filter(inWindow);
  const periodMs = run.plan.loop?.periodMs ?? 0;
  if (before.length) yield { writes: before, remaining: range ? range[1] - range[0] + 1 : 0, periodMs };
  if (!range) return;
  const first = lastIterations !== undefined ? Math.max(range[0], range[1] - lastIterations + 1) : range[0];
  for (let k = first; k <= range[1]; k++) {
    const writes = loopIterationRun(run.plan.loop!, k, run.plan.scriptEnv!, run.startedAt).writes.map((w) => absolute(run, w)).filter(inWindow);
    yield { writes, remaining: range[1] - k, periodMs };
  }
}

/** Whether the run writes files at all (before or inside its loop). */
export function writesFiles(run: RunRecord): boolean {
  if (run.plan.writes?.length) return true;
  const loop = run.plan.loop;
  return !!loop && !!run.plan.scriptEnv && loopIterationRun(loop, 0, run.plan.scriptEnv, run.startedAt).writes.length > 0;
}
