// Probes answered from what the container's process does: an httpGet or tcpSocket on a port it
// listens on succeeds (HTTP on a path it serves), otherwise the kubelet's failure text.

import { Container, Probe } from '../../api/types';
import { ProcessPlan } from './process-model';

export interface ProbeResult {
  ok: boolean;
  /** the failure text after `Readiness probe failed: ` */
  output?: string;
}

export function evaluateProbe(probe: Probe, container: Container, plan: ProcessPlan, podIP: string): ProbeResult {
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
    // `cat /tmp/healthy` style checks of files the container never wrote fail as cat does
    if (cmd[0] === 'cat' && cmd[1]) return { ok: false, output: `cat: can't open '${cmd[1]}': No such file or directory` };
    return { ok: true };
  }
  return { ok: true };
}
