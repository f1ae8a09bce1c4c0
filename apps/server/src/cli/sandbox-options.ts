// Options shared by `kubeaula run` and `kubeaula shell`, validated with clear messages.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClusterShape, KubeProxyMode } from '../engine/cluster-state';
import { parseTime } from '../engine/time';
import { Sandbox, VirtualClock } from '../engine/sandbox';

export class CliError extends Error {}

export interface SandboxOptions {
  seed: number;
  shape: ClusterShape;
  workers: number;
  proxyMode: KubeProxyMode;
  start: number;
  workspace?: string;
  /** the cluster of --state-in, loaded on its own virtual clock */
  stateIn?: Sandbox;
}

export const DEFAULT_START = '2026-01-01T00:00:00Z';
const SHAPES: ClusterShape[] = ['kubeadm', 'bare', 'cloud'];

export function sandboxOptions(values: Record<string, string | boolean | undefined>, defaultStart: number): SandboxOptions {
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new CliError(`invalid --seed "${values.seed}": a non-negative integer is required`);
  const shape = (values.shape ?? 'kubeadm') as ClusterShape;
  if (!SHAPES.includes(shape)) throw new CliError(`invalid --shape "${values.shape}": one of ${SHAPES.join(', ')}`);
  const workers = values.workers === undefined ? 2 : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 50) throw new CliError(`invalid --workers "${values.workers}": an integer from 1 to 50`);
  const proxyMode = (values['proxy-mode'] ?? 'iptables') as KubeProxyMode;
  if (proxyMode !== 'iptables' && proxyMode !== 'ipvs') throw new CliError(`invalid --proxy-mode "${values['proxy-mode']}": iptables or ipvs`);
  let start = defaultStart;
  if (values.start !== undefined) {
    start = parseTime(String(values.start));
    if (Number.isNaN(start)) throw new CliError(`invalid --start "${values.start}": an RFC 3339 time such as ${DEFAULT_START}`);
  }
  let stateIn: Sandbox | undefined;
  if (values['state-in'] !== undefined) {
    const file = String(values['state-in']);
    let saved: Parameters<typeof Sandbox.load>[0];
    try {
      saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Parameters<typeof Sandbox.load>[0];
    } catch (e) {
      throw new CliError(`cannot read --state-in ${file}: ${(e as Error).message}`);
    }
    // a state of another engine version, or a damaged one, is refused here in one line
    try {
      stateIn = Sandbox.load(saved, new VirtualClock(saved.now));
    } catch (e) {
      throw new CliError(`cannot load --state-in ${file}: ${(e as Error).message}`);
    }
  }
  const workspace = values.workspace === undefined ? undefined : String(values.workspace);
  if (workspace !== undefined && !fs.existsSync(workspace)) throw new CliError(`--workspace ${workspace}: no such directory`);
  return { seed, shape, workers, proxyMode, start, workspace, stateIn };
}

/** Copies a directory into the student's home on master (the sandbox itself never writes to disk). */
export function copyWorkspace(sandbox: Sandbox, dir: string): void {
  const host = sandbox.hosts.master;
  const now = sandbox.cluster.now;
  const walk = (from: string, to: string): void => {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      const src = path.join(from, entry.name);
      const dst = `${to}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!host.fs.exists(dst)) host.fs.mkdir(dst, { owner: 'student', mode: 0o755, now });
        walk(src, dst);
      } else if (entry.isFile()) {
        host.fs.write(dst, fs.readFileSync(src, 'utf8'), { owner: 'student', mode: 0o644, now });
      }
    }
  };
  walk(dir, '/home/student');
}
