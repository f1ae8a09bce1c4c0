// The CheckContext of a stored cluster, from the database: the student's commands (Input rows of
// kind command, with the aliases of the shell they ran in), the recorded transitions, both
// limited to the cluster's present history (see history.ts) and to what came after `sinceVersion`
// (a lesson's start), and the objects of a state the caller holds (live, or a graded snapshot).
// The course checks steps with it; the instructor's grading imports it too.
import type { PrismaService } from '../database/prisma.service';
import type { KubeObject } from '../engine/api/types';
import type { CheckContext, InputRecord, TransitionRecord } from '../grading/checks/types';
import { HistorySegment, Replacement, inHistory, presentHistory } from './history';

export interface CheckHistoryOptions {
  /** the cluster version the objects are from (inputs and transitions after it do not count) */
  version: number;
  /** only what happened after this cluster version (e.g. a lesson's start); default: all */
  sinceVersion?: number;
  /** only what happened no later than this simulated time (a state graded as of a time) */
  untilAt?: number;
  /** count the system's own inputs (a lesson's setup) as commands too; default false */
  includeSystem?: boolean;
}

export interface CheckHistory {
  inputs: InputRecord[];
  transitions: TransitionRecord[];
  history: HistorySegment[];
}

const DOORS: ReadonlySet<string> = new Set(['web', 'discord', 'cli', 'api', 'system']);

/** The inputs and transitions that count for checks on a cluster at `opts.version`. */
export async function loadCheckHistory(prisma: PrismaService, clusterId: string, opts: CheckHistoryOptions): Promise<CheckHistory> {
  const history = await historyOf(prisma, clusterId, opts.version);
  const since = opts.sinceVersion ?? -1;
  const until = opts.untilAt === undefined ? undefined : new Date(opts.untilAt);
  const [inputRows, transitionRows] = await Promise.all([
    prisma.input.findMany({
      where: { clusterId, kind: 'command', seq: { gt: since, lte: opts.version }, ...(until ? { at: { lte: until } } : {}), ...(opts.includeSystem ? {} : { door: { not: 'system' } }) },
      orderBy: { seq: 'asc' },
      select: { seq: true, at: true, door: true, command: true, exitCode: true, shellSession: { select: { shell: true } } },
    }),
    prisma.transition.findMany({
      where: { clusterId, clusterVersion: { gt: since, lte: opts.version }, ...(until ? { at: { lte: until } } : {}) },
      orderBy: [{ lineage: 'asc' }, { resourceVersion: 'asc' }],
    }),
  ]);
  const inputs = inputRows.filter((r) => inHistory(history, r.seq, r.at.getTime())).map(inputRecord);
  const transitions = transitionRows.filter((r) => inHistory(history, r.clusterVersion, r.at.getTime())).map(transitionRecord);
  // lineages are in order of time; within one, resourceVersions are
  transitions.sort((a, b) => a.at - b.at);
  return { inputs, transitions, history };
}

/** The reset and restore inputs of a cluster up to `version`, and so its present history. */
export async function historyOf(prisma: PrismaService, clusterId: string, version: number): Promise<HistorySegment[]> {
  const rows = await prisma.input.findMany({ where: { clusterId, kind: { in: ['reset', 'restore'] }, seq: { lte: version } }, select: { seq: true, kind: true, payload: true } });
  const snapshotIds = rows.map((r) => (r.payload as { snapshotId?: unknown } | null)?.snapshotId).filter((id): id is string => typeof id === 'string');
  const snaps = snapshotIds.length ? await prisma.snapshot.findMany({ where: { id: { in: snapshotIds } }, select: { id: true, clusterVersion: true, stateAt: true } }) : [];
  const byId = new Map(snaps.map((s) => [s.id, s]));
  const replacements: Replacement[] = rows.map((r) => {
    const rep: Replacement = { seq: r.seq, kind: r.kind === 'reset' ? 'reset' : 'restore' };
    const snap = byId.get((r.payload as { snapshotId?: string } | null)?.snapshotId ?? '');
    if (rep.kind === 'restore' && snap) {
      rep.snapshotVersion = snap.clusterVersion;
      rep.snapshotAt = snap.stateAt.getTime();
    }
    return rep;
  });
  return presentHistory(replacements, version);
}

/** A CheckContext over objects the caller holds, with a loaded history. */
export function checkContext(objects: (resource: string, namespace?: string) => KubeObject[], history: Pick<CheckHistory, 'inputs' | 'transitions'>, now: number, stepStartedAt?: number): CheckContext {
  const ctx: CheckContext = { objects, inputs: history.inputs.filter((i) => i.at <= now), transitions: history.transitions.filter((t) => t.at <= now), now };
  if (stepStartedAt !== undefined) ctx.stepStartedAt = stepStartedAt;
  return ctx;
}

/** Builds the whole context in one call: the history from the database, the objects given. */
export async function buildCheckContext(
  prisma: PrismaService,
  clusterId: string,
  objects: (resource: string, namespace?: string) => KubeObject[],
  opts: CheckHistoryOptions & { now: number; stepStartedAt?: number },
): Promise<CheckContext> {
  const h = await loadCheckHistory(prisma, clusterId, opts);
  return checkContext(objects, h, opts.now, opts.stepStartedAt);
}

/** An Input row of kind command as the check language reads it. */
export function inputRecord(row: { at: Date; door: string; command: string | null; exitCode: number | null; shellSession?: { shell: unknown } | null }): InputRecord {
  const r: InputRecord = { at: row.at.getTime(), door: (DOORS.has(row.door) ? row.door : 'system') as InputRecord['door'], command: row.command ?? '' };
  if (row.exitCode !== null) r.exitCode = row.exitCode;
  // the aliases of the shell it ran in, as that shell has them now (the nearest record kept)
  const aliases = (row.shellSession?.shell as { aliases?: unknown } | null | undefined)?.aliases;
  if (aliases && typeof aliases === 'object' && !Array.isArray(aliases)) {
    const a = Object.fromEntries(Object.entries(aliases as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    if (Object.keys(a).length) r.aliases = a;
  }
  return r;
}

/** A Transition row as the check language reads it. */
export function transitionRecord(row: { at: Date; kind: string; resource: string; namespace: string | null; name: string; phase: string | null; ownerKind: string | null; ownerName: string | null; terminating: boolean }): TransitionRecord {
  const r: TransitionRecord = { at: row.at.getTime(), kind: row.kind as TransitionRecord['kind'], resource: row.resource, name: row.name };
  if (row.namespace) r.namespace = row.namespace;
  if (row.phase) r.phase = row.phase;
  if (row.ownerKind && row.ownerName) r.owner = { kind: row.ownerKind, name: row.ownerName };
  if (row.terminating) r.terminating = true;
  return r;
}
