// The stored form of a cluster and back. A cluster's plain snapshot is mostly repetition (every
// pod carries the same defaulted fields, every event the same shape, the same timestamps and
// image references recur), so the stored form packs it (json-pack.ts) to under half its size.
// Packing is lossless: loading gives the very snapshot that was stored, whatever the engine
// writes into it, so no field can silently go missing from a student's cluster.

import {
  ENGINE_VERSION,
  EngineVersionError,
  SerializedCluster,
  StoredCluster,
  loadsEngineVersion,
} from '../cluster-state';
import { clone } from '../api/store';
import { PackedDocument, pack, unpack } from './json-pack';

export const STORED_FORMAT = 'packed-1';

/** What is packed: the snapshot without what stays in the clear. */
type PackedPart = Pick<SerializedCluster, 'rng' | 'resourceVersion' | 'objects' | 'timers' | 'runtime' | 'hosts'>;

export function toStored(s: SerializedCluster): StoredCluster {
  const part: PackedPart = { rng: s.rng, resourceVersion: s.resourceVersion, objects: s.objects, timers: s.timers, runtime: s.runtime, hosts: s.hosts };
  return { engineVersion: s.engineVersion, format: STORED_FORMAT, now: s.now, config: s.config, packed: pack(part) };
}

export function isStored(data: StoredCluster | SerializedCluster): data is StoredCluster {
  return (data as StoredCluster).packed !== undefined || (data as StoredCluster).format !== undefined;
}

/**
 * The plain snapshot of a stored state, from this engine version or an older one it can run
 * (their plain form). From the stored form the result is fresh data the caller may keep and
 * mutate; a plain form is returned as it is (shared with the caller).
 * Throws EngineVersionError for a state of another engine, Error for a malformed one.
 */
export function fromStored(data: StoredCluster | SerializedCluster): SerializedCluster {
  if (!data || typeof data !== 'object') throw new Error('cluster state: not an object');
  if (!loadsEngineVersion(data.engineVersion)) throw new EngineVersionError(String(data.engineVersion));
  if (!isStored(data)) return { ...data, engineVersion: ENGINE_VERSION };
  if (data.format !== STORED_FORMAT) throw new Error(`cluster state: unknown format ${JSON.stringify(data.format)}`);
  const part = unpack(data.packed as PackedDocument) as PackedPart;
  if (!part || !Array.isArray(part.objects) || !Array.isArray(part.timers) || !part.runtime || !Array.isArray(part.rng)) throw new Error('cluster state: packed part is incomplete');
  return {
    engineVersion: ENGINE_VERSION,
    config: clone(data.config),
    now: data.now,
    rng: part.rng,
    resourceVersion: part.resourceVersion,
    objects: part.objects,
    timers: part.timers,
    runtime: part.runtime,
    hosts: part.hosts ?? {},
  };
}
