// A cluster's timeline for the instructor: its inputs, and the state right after any of them
// (rebuilt, never the live cluster: nothing is locked, published or written).
import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { PrismaService } from '../database/prisma.service';
import type { Sandbox } from '../engine/sandbox';
import { nearestBase, rebuild, StoredState, storedStateName } from './timeline';

@Injectable()
export class TimelineService {
  constructor(private readonly prisma: PrismaService) {}

  /** The cluster right after input `seq` (0: as created). */
  async stateAfter(clusterId: string, seq: number): Promise<{ version: number; sandbox: Sandbox }> {
    const cluster = await this.prisma.cluster.findUnique({ where: { id: clusterId }, select: { version: true } });
    if (!cluster) throw new AppError('NOT_FOUND', 'No such cluster');
    if (!Number.isInteger(seq) || seq < 0 || seq > cluster.version) throw new AppError('NOT_FOUND', `No input ${seq} in this cluster (it has ${cluster.version})`);
    const rows = await this.prisma.snapshot.findMany({
      where: { clusterId, kind: 'auto', clusterVersion: { lte: seq } },
      orderBy: { clusterVersion: 'desc' },
      take: 4,
      select: { name: true, clusterVersion: true, engineVersion: true },
    });
    const candidates: (StoredState & { name: string })[] = [];
    for (const r of rows) {
      const n = storedStateName(r.name);
      if (n && n.version === r.clusterVersion) candidates.push({ name: r.name, version: r.clusterVersion, exact: n.exact, engineVersion: r.engineVersion, state: '' });
    }
    const base = nearestBase(candidates, seq);
    if (!base) throw new AppError('CONFLICT', `No stored state at or before input ${seq} to rebuild from`);
    const stored = await this.prisma.snapshot.findFirstOrThrow({ where: { clusterId, kind: 'auto', clusterVersion: base.version, name: base.name }, select: { state: true } });
    const inputs = await this.prisma.input.findMany({
      where: { clusterId, seq: { gt: base.version, lte: seq } },
      orderBy: { seq: 'asc' },
      select: { seq: true, kind: true, command: true, payload: true },
    });
    const sandbox = await rebuild({ ...base, state: stored.state }, inputs);
    return { version: seq, sandbox };
  }

  /** The serialized state right after input `seq` (what the engine would store). */
  async serializedAfter(clusterId: string, seq: number): Promise<string> {
    const { sandbox } = await this.stateAfter(clusterId, seq);
    return JSON.stringify(sandbox.serialize());
  }
}
