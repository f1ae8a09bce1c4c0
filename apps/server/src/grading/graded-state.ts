// The state a grade is taken from, for one cluster:
// - `live`: now (grade now): the cluster as it is, brought to now under its lock.
// - as of a past time T (a deadline, an exam's end), never counting what came after T. A cluster
//   is stored as a state at `stateVersion` (not `version`) plus the log of inputs after it
//   (clusters/input-log.ts); the base is that stored state if it is from T or before, else the
//   latest 'auto' snapshot (a state the runner stored) from T or before; the logged inputs up to
//   T are replayed on it with their recorded clock readings and sessions (by this engine only:
//   the log refuses another engine's inputs) and the result is stepped to exactly T.
//   Only states the runner stored serve as a base: the first input of each shell after one of
//   them records its session, so a replay from there is exact; after a user or graded snapshot
//   that session may be missing.
//   * `stored`: no input came after T: every input of the cluster counts, brought to T.
//   * `replay`: inputs came after T and were left out.
//   If neither base nor replay is possible the result says why and the grade shows it.
// Timed transitions found while stepping to T are returned, since no Input committed them.
import { Injectable } from '@nestjs/common';
import { ClusterRunner } from '../clusters/cluster-runner';
import { LoggedInput, loadWithSwitch, replayInputs } from '../clusters/input-log';
import { PrismaService } from '../database/prisma.service';
import type { WatchEvent } from '../engine/api/store';
import { ENGINE_VERSION, type SerializedCluster } from '../engine/cluster-state';
import { Sandbox, VirtualClock } from '../engine/sandbox';
import { transitionFromWatch } from './checks/transitions';
import type { TransitionRecord } from './checks/types';
import { objectsOf, ObjectsByResource } from './grade-context';

export type StateSource = 'live' | 'stored' | 'replay' | 'snapshot';

export interface GradedState {
  clusterId: string;
  state: string;
  /** the cluster version (last input) the state includes */
  version: number;
  stateAt: number;
  objects: ObjectsByResource;
  /** changes made by time passing while the state was brought to stateAt */
  timedTransitions: TransitionRecord[];
  source: StateSource;
}

@Injectable()
export class GradedStateService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly runner: ClusterRunner,
  ) {}

  /** The cluster now. */
  live(clusterId: string): Promise<GradedState> {
    return this.runner.read(clusterId, (entry) => ({
      clusterId,
      // the plain snapshot: packing (the stored form) would cost 5 times as much; Sandbox.load reads both
      state: JSON.stringify(entry.sandbox.snapshot()),
      version: entry.version,
      stateAt: entry.sandbox.cluster.now,
      objects: objectsOf(entry.sandbox.cluster.store),
      timedTransitions: [],
      source: 'live' as const,
    }));
  }

  /** The cluster as it was at `asOf`, or why that cannot be known. */
  async asOf(clusterId: string, asOf: number): Promise<GradedState | { error: string }> {
    const row = await this.prisma.cluster.findUnique({ where: { id: clusterId }, select: { state: true, stateVersion: true, version: true, engineVersion: true } });
    if (!row) return { error: 'no such cluster' };
    const when = new Date(asOf).toISOString();
    let base: { state: SerializedCluster; version: number } | undefined;
    const stored = JSON.parse(row.state) as SerializedCluster;
    if (stored.now <= asOf && row.engineVersion === ENGINE_VERSION) base = { state: stored, version: row.stateVersion };
    else {
      // times compared here, not in SQL: the input log writes them as epoch ms, Prisma as text
      const snaps = await this.prisma.snapshot.findMany({ where: { clusterId, kind: 'auto', engineVersion: ENGINE_VERSION, clusterVersion: { lte: row.version } }, orderBy: [{ clusterVersion: 'desc' }], select: { id: true, stateAt: true, clusterVersion: true } });
      const pick = snaps.find((x) => x.stateAt.getTime() <= asOf);
      const snap = pick && (await this.prisma.snapshot.findUnique({ where: { id: pick.id }, select: { state: true } }));
      if (pick && snap) base = { state: JSON.parse(snap.state) as SerializedCluster, version: pick.clusterVersion };
    }
    if (!base) return { error: `the state as of ${when} cannot be rebuilt: no stored state or snapshot of engine ${ENGINE_VERSION} from that time or before` };
    // a row is one consistent version: its inputs never change, so this needs no lock
    const rows = await this.prisma.input.findMany({ where: { clusterId, seq: { gt: base.version, lte: row.version } }, orderBy: { seq: 'asc' }, select: { seq: true, kind: true, command: true, payload: true, at: true } });
    const counted: LoggedInput[] = [];
    for (const r of rows) {
      if (r.at.getTime() > asOf) break;
      counted.push({ seq: r.seq, kind: r.kind, command: r.command, payload: r.payload });
    }
    const later = counted.length < rows.length;
    const { sandbox, clock } = loadWithSwitch(base.state, new VirtualClock(base.state.now));
    try {
      await replayInputs(sandbox, clock, counted);
    } catch (e) {
      return { error: `the state as of ${when} cannot be rebuilt: ${e instanceof Error ? e.message : String(e)}` };
    }
    return this.finish(clusterId, sandbox, counted.length ? counted[counted.length - 1].seq : base.version, asOf, later ? 'replay' : 'stored');
  }

  /** A stored snapshot (a re-grade), as it was taken. */
  fromSnapshot(clusterId: string, state: string, version: number): GradedState {
    const data = JSON.parse(state) as SerializedCluster;
    const sandbox = Sandbox.load(data, new VirtualClock(data.now));
    return { clusterId, state, version, stateAt: sandbox.cluster.now, objects: objectsOf(sandbox.cluster.store), timedTransitions: [], source: 'snapshot' };
  }

  private finish(clusterId: string, sandbox: Sandbox, version: number, asOf: number, source: StateSource): GradedState {
    const cluster = sandbox.cluster;
    const timed: TransitionRecord[] = [];
    cluster.store.onChange((ev: WatchEvent) => {
      const t = transitionFromWatch(ev, cluster.now);
      if (t) timed.push(t);
    });
    cluster.step(asOf);
    return { clusterId, state: JSON.stringify(sandbox.snapshot()), version, stateAt: cluster.now, objects: objectsOf(cluster.store), timedTransitions: timed, source };
  }
}
