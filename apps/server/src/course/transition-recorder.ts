// Records Transition rows from every cluster's committed watch events (commands from any door,
// timed transitions when a cluster is stepped to now). Kubernetes Events expire; these rows do
// not, so checks such as "a pod of this ReplicaSet was replaced" read them.
//
// - Time: a watch event carries no time, so each sandbox's store is watched as it changes and the
//   simulated time of each resourceVersion kept until its event is published. A sandbox first
//   seen at a publish (loaded from the database just before) has its first batch timed at the
//   cluster's now.
// - Duplicates: another server process may step the same stored state and derive the same timed
//   transitions. A change is named by (cluster, lineage, resourceVersion), where lineage is the
//   version of the cluster's last reset or restore (resourceVersions start again or repeat
//   there); rows are inserted with ON CONFLICT DO NOTHING.
// - Lineage: looked up once per sandbox, not per change. A reset or restore always replaces the
//   sandbox (ClusterRunner.mutate's `replace`), and so does a load after another process wrote:
//   a sandbox's changes all share one lineage.
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CLOCK, Clock } from '../clock/clock';
import { ClusterChange, ClusterEvents } from '../clusters/cluster-events';
import { ClusterRunner } from '../clusters/cluster-runner';
import { PrismaService } from '../database/prisma.service';
import type { ObjectStore } from '../engine/api/store';
import type { Sandbox } from '../engine/sandbox';
import { transitionFromWatch } from '../grading/checks/transitions';
import type { TransitionRecord } from '../grading/checks/types';

/** Times kept per store for events not yet published (a lost race leaves some behind). */
const MAX_TIMES = 5000;

export interface RecordedTransition extends TransitionRecord {
  resourceVersion: number;
}

@Injectable()
export class TransitionRecorder implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('TransitionRecorder');
  private readonly times = new WeakMap<ObjectStore, Map<number, number>>();
  private readonly lineages = new WeakMap<ObjectStore, Promise<number>>();
  private readonly queues = new Map<string, Promise<void>>();
  private off?: () => void;

  constructor(
    private readonly prisma: PrismaService,
    private readonly events: ClusterEvents,
    private readonly runner: ClusterRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.off = this.events.subscribeAll((change) => this.onChange(change));
  }

  /** Stops listening and lets the writes under way finish (before the database closes). */
  async onModuleDestroy(): Promise<void> {
    this.off?.();
    await Promise.all([...this.queues.values()]);
  }

  /** Starts timing a sandbox's changes (idempotent). */
  track(sandbox: Sandbox): void {
    const store = sandbox.cluster.store;
    if (this.times.has(store)) return;
    const times = new Map<number, number>();
    this.times.set(store, times);
    store.onChange((ev) => {
      times.set(ev.rv, sandbox.cluster.now);
      if (times.size > MAX_TIMES) times.delete(times.keys().next().value as number);
    });
  }

  /** Resolves when every transition published so far for the cluster is stored. */
  async flush(clusterId: string): Promise<void> {
    for (;;) {
      const q = this.queues.get(clusterId);
      if (!q) return;
      await q;
      if (this.queues.get(clusterId) === q) return;
    }
  }

  private onChange(change: ClusterChange): void {
    const sandbox = this.runner.cache.peek(change.clusterId)?.sandbox;
    const times = sandbox ? this.times.get(sandbox.cluster.store) : undefined;
    const fallback = sandbox?.cluster.now ?? this.clock.now();
    const records: RecordedTransition[] = [];
    for (const ev of change.events) {
      const at = times?.get(ev.rv) ?? fallback;
      times?.delete(ev.rv);
      const rec = transitionFromWatch(ev, at);
      if (rec) records.push({ ...rec, resourceVersion: ev.rv });
    }
    if (sandbox) this.track(sandbox);
    if (!records.length) return;
    const prev = this.queues.get(change.clusterId) ?? Promise.resolve();
    const next = prev
      .then(() => this.write(change.clusterId, change.version, records, sandbox?.cluster.store))
      .catch((e: unknown) => {
        // the cluster may have been deleted meanwhile (its account deleted): nothing to keep
        this.logger.warn(`transitions of ${change.clusterId} not recorded: ${e instanceof Error ? e.message : String(e)}`);
      })
      .finally(() => {
        if (this.queues.get(change.clusterId) === next) this.queues.delete(change.clusterId);
      });
    this.queues.set(change.clusterId, next);
  }

  /**
   * Stores the records of one change (idempotent: a row already there is kept); `store`: the
   * sandbox's that made it. Written by the runner's group commit (clusters/input-writer.ts), not
   * on the main connection, where each change cost the event loop an fsync.
   */
  async write(clusterId: string, version: number, records: RecordedTransition[], store?: ObjectStore): Promise<void> {
    const lineage = await this.lineageOf(clusterId, version, store);
    const rows = records.map((r) => ({
      at: r.at,
      kind: r.kind,
      resource: r.resource,
      namespace: r.namespace ?? null,
      name: r.name,
      phase: r.phase ?? null,
      ownerKind: r.owner?.kind ?? null,
      ownerName: r.owner?.name ?? null,
      terminating: r.terminating === true,
      resourceVersion: r.resourceVersion,
    }));
    await this.runner.writeTransitions({ clusterId, version, lineage, rows });
  }

  /** The lineage of a change, remembered for the sandbox that made it (see the header). */
  private lineageOf(clusterId: string, version: number, store: ObjectStore | undefined): Promise<number> {
    if (!store) return this.lineage(clusterId, version);
    let known = this.lineages.get(store);
    if (!known) {
      known = this.lineage(clusterId, version);
      this.lineages.set(store, known);
      // a failed look-up is not remembered: the next change asks again
      known.catch(() => this.lineages.delete(store));
    }
    return known;
  }

  /** The version of the cluster's last reset or restore at `version` (0: none). */
  private async lineage(clusterId: string, version: number): Promise<number> {
    const last = await this.prisma.input.findFirst({ where: { clusterId, kind: { in: ['reset', 'restore'] }, seq: { lte: version } }, orderBy: { seq: 'desc' }, select: { seq: true } });
    return last?.seq ?? 0;
  }
}
