// A signal sent from inside a container to its main process (`kubectl exec web -- kill 1`). The
// main process is PID 1 of the container's PID namespace, and the kernel delivers to it only the
// signals it has a handler for: SIGKILL and SIGSTOP from inside never reach it, and a process
// without a SIGTERM handler (a shell script, `sleep`) ignores SIGTERM. A server that handles it
// (the image's stop time, ProcessPlan.stopMs) shuts down as it would for the kubelet and exits 0;
// the kubelet then restarts it as its restartPolicy says.

import type { ControllerContext } from '../controller';
import { kubeletSection } from './runtime-state';

/** the signals a server's handler ends it on (nginx's fast and graceful shutdowns, postgres's modes) */
const SHUTDOWN = new Set(['TERM', 'INT', 'QUIT']);

/**
 * Delivers `signal` (a name: TERM, KILL ...) to the main process of the running container: true
 * when it will end because of it.
 */
export function signalMainProcess(ctx: Pick<ControllerContext, 'runtime' | 'now' | 'enqueue'>, podKey: string, container: string, signal: string): boolean {
  const prt = kubeletSection(ctx.runtime).pods[podKey];
  const c = prt?.containers.find((x) => x.name === container);
  const run = c?.current;
  if (!c || !run || c.stage !== 'running' || run.killed) return false;
  const stopMs = run.plan.stopMs;
  if (!SHUTDOWN.has(signal) || stopMs === undefined) return false;
  const exitAt = ctx.now + stopMs;
  // already ending sooner by itself
  if (run.plan.exitAfterMs !== undefined && run.startedAt + run.plan.exitAfterMs <= exitAt) return true;
  run.plan = { ...run.plan, exitAfterMs: exitAt - run.startedAt, exitCode: 0 };
  c.nextAt = c.nextAt === undefined ? exitAt : Math.min(c.nextAt, exitAt);
  ctx.enqueue('kubelet', podKey);
  return true;
}

/**
 * The main process ends by itself now with `exitCode` (a shell attached by `kubectl run -it`
 * that the student left with `exit`); the kubelet then does what the restartPolicy says.
 */
export function endMainProcess(ctx: Pick<ControllerContext, 'runtime' | 'now' | 'enqueue'>, podKey: string, container: string, exitCode: number): void {
  const prt = kubeletSection(ctx.runtime).pods[podKey];
  const c = prt?.containers.find((x) => x.name === container);
  const run = c?.current;
  if (!c || !run || c.stage !== 'running' || run.killed) return;
  run.plan = { ...run.plan, exitAfterMs: Math.max(0, ctx.now - run.startedAt), exitCode };
  c.nextAt = ctx.now;
  ctx.enqueue('kubelet', podKey);
}
