// Transition records from the store's watch events: what the "what happened" conditions read.
// Kept by the caller (the cluster service, the lint test); Events expire, these do not.

import type { WatchEvent } from '../../engine/api/store';
import type { TransitionRecord } from './types';

const KIND = { ADDED: 'added', MODIFIED: 'modified', DELETED: 'deleted' } as const;

/** Events themselves and node leases change all the time and say nothing a check needs. */
const IGNORED = new Set(['events', 'leases']);

export function transitionFromWatch(ev: WatchEvent, at: number): TransitionRecord | undefined {
  if (IGNORED.has(ev.resource)) return undefined;
  const o = ev.object;
  const rec: TransitionRecord = { at, kind: KIND[ev.type], resource: ev.resource, name: o.metadata.name ?? '' };
  if (o.metadata.namespace) rec.namespace = o.metadata.namespace;
  const phase = (o as { status?: { phase?: string } }).status?.phase;
  if (phase) rec.phase = phase;
  const owner = o.metadata.ownerReferences?.find((r) => r.controller) ?? o.metadata.ownerReferences?.[0];
  if (owner) rec.owner = { kind: owner.kind, name: owner.name };
  if (o.metadata.deletionTimestamp) rec.terminating = true;
  return rec;
}
