// Container logs as the kubelet serves them (`kubectl logs`): the current or previous run of a
// container, computed from its process plan up to now (loops lazily, by iteration), capped as
// the kubelet's log rotation caps them (the tail is kept), with --tail, --since and
// --timestamps; and the API server's errors for containers that have no logs yet.

import type { ApiServer } from '../../api/api-server';
import type { RuntimeState } from '../../cluster-state';
import { Pod } from '../../api/types';
import { civil } from '../../time';
import { ContainerRuntime, RunRecord, kubeletSection } from './runtime-state';
import { planLines } from './process-model';
import { loopIteration } from './script';
import { tailLines } from './tail-log';

/** lines and bytes kept per container run (the kubelet rotates at 10 MiB; small here) */
export const LOG_MAX_LINES = 1000;
export const LOG_MAX_BYTES = 256 * 1024;

export interface LogOptions {
  container?: string;
  previous?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  /** epoch ms: lines written at or after it */
  sinceTime?: number;
  /** the output is cut after this many bytes (possibly mid-line) */
  limitBytes?: number;
  timestamps?: boolean;
}

export type LogResult =
  | { ok: true; container: string; text: string }
  | { ok: false; status: 'BadRequest' | 'NotFound'; message: string };

export interface ClusterView {
  api: Pick<ApiServer, 'tryGet'>;
  runtime: RuntimeState;
  now: number;
}

/** the API server's podHasContainerWithName (logs, exec, attach): init and ephemeral containers count */
export function podHasContainer(pod: Pod, name: string): boolean {
  const named = (list: { name: string }[] | undefined): boolean => (list ?? []).some((c) => c.name === name);
  return named(pod.spec.containers) || named(pod.spec.initContainers) || named(pod.spec.ephemeralContainers as { name: string }[] | undefined);
}

export function containerLogs(cluster: ClusterView, namespace: string, podName: string, opts: LogOptions = {}): LogResult {
  const pod = cluster.api.tryGet('pods', namespace, podName) as Pod | undefined;
  if (!pod) return { ok: false, status: 'NotFound', message: `pods "${podName}" not found` };
  const names = pod.spec.containers.map((c) => c.name);
  const initNames = (pod.spec.initContainers ?? []).map((c) => c.name);
  let name = opts.container;
  if (!name) {
    if (names.length !== 1) {
      const init = initNames.length ? ` or one of the init containers: [${initNames.join(' ')}]` : '';
      return { ok: false, status: 'BadRequest', message: `a container name must be specified for pod ${podName}, choose one of: [${names.join(' ')}]${init}` };
    }
    name = names[0];
  }
  if (!podHasContainer(pod, name)) {
    return { ok: false, status: 'BadRequest', message: `container ${name} is not valid for pod ${podName}` };
  }
  // a pod no node has taken: the API server has no kubelet to ask and answers with an empty
  // stream (LogLocation's nil location), so kubectl prints nothing and succeeds
  if (!pod.spec.nodeName) return { ok: true, container: name, text: '' };
  const prt = kubeletSection(cluster.runtime).pods[`${namespace}/${podName}`];
  const rt: ContainerRuntime | undefined = prt?.containers.find((c) => c.name === name);
  if (opts.previous) {
    const prev = rt?.stage === 'running' || rt?.stage === 'pulling' ? rt.previous : rt?.previous;
    if (!prev) return { ok: false, status: 'BadRequest', message: `previous terminated container "${name}" in pod "${podName}" not found` };
    return { ok: true, container: name, text: render(prev, cluster.now, opts, tailLines(cluster.runtime, pod, name, prev, cluster.now)) };
  }
  if (!rt?.current) {
    const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
    const reason = statuses.find((s) => s.name === name)?.state.waiting?.reason ?? 'ContainerCreating';
    const why = reason === 'ErrImagePull' || reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
    return { ok: false, status: 'BadRequest', message: `container "${name}" in pod "${podName}" is waiting to start: ${why}` };
  }
  return { ok: true, container: name, text: render(rt.current, cluster.now, opts, tailLines(cluster.runtime, pod, name, rt.current, cluster.now)) };
}

/** Adds a line to a container's current run (a request served, for example). */
export function appendContainerLog(runtime: RuntimeState, namespace: string, podName: string, container: string, at: number, text: string): void {
  const rt = kubeletSection(runtime).pods[`${namespace}/${podName}`]?.containers.find((c) => c.name === container);
  const run = rt?.current;
  if (!run || run.finishedAt !== undefined) return;
  const extra = (run.extra ??= []);
  extra.push([at, text]);
  if (extra.length > LOG_MAX_LINES) extra.splice(0, extra.length - LOG_MAX_LINES);
}

/** The lines a run has written by `now`, [time, text], oldest first, capped to the tail. */
export function runLines(run: RunRecord, now: number, followed: [number, string][] = []): [number, string][] {
  const until = Math.min(now, run.finishedAt ?? Infinity);
  const start = run.startedAt;
  const out: [number, string][] = [];
  for (const [off, text] of planLines(run.plan)) if (start + off <= until) out.push([start + off, text]);
  const loop = run.plan.loop;
  if (loop && run.plan.scriptEnv && start + loop.startMs <= until) {
    const last = Math.floor((until - start - loop.startMs) / loop.periodMs);
    const per = Math.max(1, loopIteration(loop, 0, run.plan.scriptEnv, start).length);
    const first = Math.max(0, last - Math.ceil(LOG_MAX_LINES / per) - 1);
    for (let k = first; k <= last; k++) {
      for (const [off, text] of loopIteration(loop, k, run.plan.scriptEnv, start)) if (start + off <= until) out.push([start + off, text]);
    }
  }
  for (const [t, text] of run.extra ?? []) if (t <= until) out.push([t, text]);
  // what a `tail -f` process follows (tail-log.ts)
  for (const [t, text] of followed) if (t <= until) out.push([t, text]);
  out.sort((a, b) => a[0] - b[0]);
  // the kubelet rotates logs: keep the newest lines within the caps
  let bytes = 0;
  let i = out.length;
  while (i > 0 && out.length - i < LOG_MAX_LINES && bytes + out[i - 1][1].length + 1 <= LOG_MAX_BYTES) {
    bytes += out[i - 1][1].length + 1;
    i--;
  }
  return out.slice(i);
}

function render(run: RunRecord, now: number, opts: LogOptions, followed: [number, string][]): string {
  let lines = runLines(run, now, followed);
  if (opts.sinceSeconds !== undefined) lines = lines.filter(([t]) => t >= now - opts.sinceSeconds! * 1000);
  if (opts.sinceTime !== undefined) lines = lines.filter(([t]) => t >= opts.sinceTime!);
  if (opts.tailLines !== undefined && opts.tailLines >= 0) lines = lines.slice(Math.max(0, lines.length - opts.tailLines));
  const text = lines.map(([t, line]) => `${opts.timestamps ? `${nanoTime(t)} ` : ''}${line}\n`).join('');
  return opts.limitBytes !== undefined && opts.limitBytes > 0 ? limitUtf8(text, opts.limitBytes) : text;
}

/** the first `bytes` bytes of `text` in UTF-8 (a character cut in two is dropped) */
function limitUtf8(text: string, bytes: number): string {
  let used = 0;
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (used + size > bytes) break;
    used += size;
    i += ch.length;
  }
  return text.slice(0, i);
}

/** RFC 3339 with nanoseconds, as `kubectl logs --timestamps` prints */
function nanoTime(ms: number): string {
  const d = civil(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${d.year}-${p(d.month)}-${p(d.day)}T${p(d.hour)}:${p(d.minute)}:${p(d.second)}.${p(ms % 1000, 3)}000000Z`;
}
