// Which recorded inputs and transitions belong to a cluster's present history. A reset starts a
// new history; a restore goes back to a snapshot, so what was recorded after the snapshot was
// taken (and before the restore) no longer happened as far as the cluster is concerned. Pure.

/** A reset or restore Input, with the restored snapshot's version and time for a restore. */
export interface Replacement {
  seq: number;
  kind: 'reset' | 'restore';
  /** restore: the snapshot's cluster version and the simulated time of its state */
  snapshotVersion?: number;
  snapshotAt?: number;
}

/**
 * A stretch of history: records whose cluster version is in [fromVersion, toVersion], and, at
 * toVersion itself, only those no later than toAt (timed transitions recorded at a snapshot's
 * version after the snapshot was taken).
 */
export interface HistorySegment {
  fromVersion: number;
  toVersion: number;
  toAt?: number;
}

/** The segments of history that lead to the cluster at `version`, newest first. */
export function presentHistory(replacements: Replacement[], version: number): HistorySegment[] {
  const sorted = [...replacements].sort((a, b) => b.seq - a.seq);
  const out: HistorySegment[] = [];
  let top = version;
  let toAt: number | undefined;
  for (;;) {
    const r = sorted.find((x) => x.seq <= top);
    const seg: HistorySegment = { fromVersion: r ? r.seq : 0, toVersion: top };
    if (toAt !== undefined) seg.toAt = toAt;
    out.push(seg);
    // a restore of an unknown snapshot (deleted since) keeps only what came after it
    if (!r || r.kind === 'reset' || r.snapshotVersion === undefined) return out;
    // a snapshot is always older than the restore that brings it back: this terminates
    if (r.snapshotVersion >= r.seq) return out;
    top = r.snapshotVersion;
    toAt = r.snapshotAt;
  }
}

/** Whether a record made at cluster `version` and simulated time `at` is part of `history`. */
export function inHistory(history: HistorySegment[], version: number, at: number): boolean {
  return history.some((s) => version >= s.fromVersion && version <= s.toVersion && (version < s.toVersion || s.toAt === undefined || at <= s.toAt));
}
