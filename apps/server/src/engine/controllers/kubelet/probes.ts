// Probes answered from what the container's process does: an httpGet or tcpSocket on a port it
// listens on succeeds (HTTP on a path it serves), otherwise the kubelet's failure text.

import { Container, Probe } from '../../api/types';
import { ProcessPlan } from './process-model';

export interface ProbeResult {
  ok: boolean;
  /** the failure text after `Readiness probe failed: ` */
  output?: string;
}

/** The probe's result `offset` ms after the container started. */
export function evaluateProbe(probe: Probe, container: Container, plan: ProcessPlan, podIP: string, offset = 0): ProbeResult {
  const portOf = (p: number | string): number => {
    if (typeof p === 'number') return p;
    const named = (container.ports ?? []).find((x) => x.name === p);
    return named ? named.containerPort : Number(p) || 0;
  };
  if (probe.httpGet) {
    const port = portOf(probe.httpGet.port);
    const host = probe.httpGet.host || podIP;
    const path = probe.httpGet.path || '/';
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    if (!plan.ports.includes(port)) return { ok: false, output: `Get "${scheme}://${host}:${port}${path}": dial tcp ${host}:${port}: connect: connection refused` };
    if (plan.http?.paths && !plan.http.paths.includes(path.split('?')[0])) return { ok: false, output: 'HTTP probe failed with statuscode: 404' };
    const fail = plan.http?.failAfter;
    if (fail && offset > fail.ms && fail.paths.includes(path.split('?')[0])) return { ok: false, output: `HTTP probe failed with statuscode: ${fail.status}` };
    return { ok: true };
  }
  if (probe.tcpSocket) {
    const port = portOf(probe.tcpSocket.port);
    const host = probe.tcpSocket.host || podIP;
    if (!plan.ports.includes(port)) return { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
    return { ok: true };
  }
  if (probe.grpc) {
    if (!plan.ports.includes(probe.grpc.port)) return { ok: false, output: `timeout: failed to connect service "${podIP}:${probe.grpc.port}" within 1s: context deadline exceeded` };
    return { ok: true };
  }
  if (probe.exec) {
    const cmd = probe.exec.command ?? [];
    // `cat /tmp/healthy` style checks: the file exists while the container's script keeps it
    const file = cmd[0] === 'cat' || cmd[0] === 'ls' ? cmd[1] : cmd[0] === 'test' ? cmd[2] : undefined;
    if (file) {
      const f = plan.files?.[file];
      if (f && f[0] <= offset && (f[1] === null || offset < f[1])) return { ok: true };
      return { ok: false, output: `cat: can't open '${file}': No such file or directory` };
    }
    return { ok: true };
  }
  return { ok: true };
}

/**
 * When a probe first passes and first fails, probing every period from its initial delay, and when
 * it has failed `failureThreshold` times in a row (liveness kills then). Offsets from the start.
 */
export function probeTimeline(probe: Probe, container: Container, plan: ProcessPlan, podIP: string): { firstPass?: number; firstFail?: number; failedOut?: number } {
  const delay = (probe.initialDelaySeconds ?? 0) * 1000;
  const period = (probe.periodSeconds ?? 10) * 1000;
  const threshold = probe.failureThreshold ?? 3;
  // results only change when a file appears or goes: probe until the last change, then a few more
  let lastChange = 0;
  for (const [a, b] of Object.values(plan.files ?? {})) lastChange = Math.max(lastChange, a, b ?? 0);
  if (plan.http?.failAfter) lastChange = Math.max(lastChange, plan.http.failAfter.ms);
  const end = Math.max(delay, lastChange) + (threshold + 1) * period;
  let firstPass: number | undefined;
  let firstFail: number | undefined;
  let run = 0;
  for (let t = delay; t <= end; t += period) {
    const ok = evaluateProbe(probe, container, plan, podIP, t).ok;
    if (ok) {
      firstPass ??= t;
      run = 0;
    } else {
      firstFail ??= t;
      if (++run >= threshold) return { firstPass, firstFail, failedOut: t };
    }
  }
  return { firstPass, firstFail };
}
