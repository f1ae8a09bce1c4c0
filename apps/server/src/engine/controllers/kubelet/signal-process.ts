// A signal sent from inside a container to its main process (`kubectl exec web -- kill 1`). The
// main process is PID 1 of the container's PID namespace, and the kernel delivers to it only the
// signals it has a handler for: SIGKILL and SIGSTOP from inside never reach it, and a process
// without a SIGTERM handler (a shell script, `sleep`) ignores SIGTERM. A server that handles it
// (the image's stop time, ProcessPlan.stopMs) shuts down as it would for the kubelet and exits 0;
// the kubelet then restarts it as its restartPolicy says.

import type { ControllerContext } from '../controller';
import { ContainerRuntime, RunRecord, kubeletSection } from './runtime-state';

/** the signals a server's handler ends it on (nginx's fast and graceful shutdowns, postgres's modes) */
const SHUTDOWN = new Set(['TERM', 'INT', 'QUIT']);

type Ctx = Pick<ControllerContext, 'runtime' | 'now' | 'enqueue'>;

/** the container's run, if it is running and not already being stopped */
function runningMain(ctx: Ctx, podKey: string, container: string): { c: ContainerRuntime; run: RunRecord } | undefined {
  const c = kubeletSection(ctx.runtime).pods[podKey]?.containers.find((x) => x.name === container);
  const run = c?.current;
  return c && run && c.stage === 'running' && !run.killed ? { c, run } : undefined;
}

/** the run's process ends at `at` with `exitCode`: the kubelet sees it then */
function exitAt(ctx: Ctx, podKey: string, c: ContainerRuntime, run: RunRecord, at: number, exitCode: number): void {
  run.plan = { ...run.plan, exitAfterMs: Math.max(0, at - run.startedAt), exitCode };
  c.nextAt = c.nextAt === undefined ? at : Math.min(c.nextAt, at);
  ctx.enqueue('kubelet', podKey);
}

/**
 * Delivers `signal` (a name: TERM, KILL ...) to the main process of the running container: true
 * when it will end because of it.
 */
export function signalMainProcess(ctx: Ctx, podKey: string, container: string, signal: string): boolean {
  const main = runningMain(ctx, podKey, container);
  if (!main) return false;
  const stopMs = main.run.plan.stopMs;
  if (!SHUTDOWN.has(signal) || stopMs === undefined) return false;
  const at = ctx.now + stopMs;
  // already ending sooner by itself
  const plan = main.run.plan;
  if (plan.exitAfterMs === undefined || main.run.startedAt + plan.exitAfterMs > at) exitAt(ctx, podKey, main.c, main.run, at, 0);
  return true;
}

/**
 * The main process ends now with `exitCode`: by itself (a shell attached by `kubectl run -it` that
 * the student left with `exit`), or killed (a drill's SIGKILL, 137); the kubelet then does what the
 * restartPolicy says.
 */
export function endMainProcess(ctx: Ctx, podKey: string, container: string, exitCode: number): void {
  const main = runningMain(ctx, podKey, container);
  if (main) exitAt(ctx, podKey, main.c, main.run, ctx.now, exitCode);
}
