// The log of a `tail -f FILE` container (the logging sidecar of the documentation's counter pod):
// the lines the pod's other containers write to that file through a volume they share, each at
// the time it was written (or when tail started, for what it printed first: everything with
// `-n +1`, else the last lines). Computed from the writers' process plans, like any log.

import type { Pod } from '../../api/types';
import type { RuntimeState } from '../../cluster-state';
import { runWrites } from '../../containers/process-writes';
import { LOG_MAX_LINES } from './logs';
import { RunRecord, kubeletSection } from './runtime-state';

export function tailLines(runtime: RuntimeState, pod: Pod, container: string, run: RunRecord, now: number): [number, string][] {
  const tail = run.plan.tail;
  if (!tail) return [];
  const specs = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  const own = specs.find((c) => c.name === container);
  const mount = (own?.volumeMounts ?? []).find((m) => tail.path.startsWith(`${m.mountPath.replace(/\/+$/, '')}/`) && !m.subPath);
  if (!mount) return [];
  const rel = tail.path.slice(mount.mountPath.replace(/\/+$/, '').length + 1);
  const prt = kubeletSection(runtime).pods[`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`];
  const until = Math.min(now, run.finishedAt ?? Number.POSITIVE_INFINITY);
  const written: [number, string][] = [];
  for (const spec of specs) {
    const vm = (spec.volumeMounts ?? []).find((m) => m.name === mount.name && !m.subPath);
    const rt = prt?.containers.find((c) => c.name === spec.name);
    if (!vm || !rt) continue;
    const path = `${vm.mountPath.replace(/\/+$/, '')}/${rel}`;
    for (const r of [rt.previous, rt.current]) {
      if (!r || r === run) continue;
      for (const batch of runWrites(r, Number.NEGATIVE_INFINITY, until, LOG_MAX_LINES)) {
        for (const [t, p, text, append] of batch.writes) {
          if (p !== path) continue;
          if (!append) written.length = 0;
          written.push([t, text]);
        }
      }
    }
  }
  written.sort((a, b) => a[0] - b[0]);
  const before = written.filter(([t]) => t <= run.startedAt);
  const shown = tail.fromStart ? before : before.slice(Math.max(0, before.length - tail.last));
  return [...shown.map(([, text]) => [run.startedAt, text] as [number, string]), ...written.filter(([t]) => t > run.startedAt)];
}
