// The garbage collector (pkg/controller/garbagecollector): an object whose owners are all gone is
// deleted; an owner deleted with the `orphan` finalizer first loses its place in its dependents'
// ownerReferences; one deleted with `foregroundDeletion` first has its dependents deleted and
// waits for those that block it (blockOwnerDeletion) before the finalizer goes.

import { jsonEqual } from '../../api/json-equal';
import { ApiError } from '../../api/errors';
import { clone } from '../../api/store';
import { resourceForKind } from '../../api/resources';
import { KubeObject, OwnerReference } from '../../api/types';
import { Controller, ControllerContext } from '../controller';
import { OwnerGraph, itemKey, parseItemKey } from './owner-graph';

const ORPHAN = 'orphan';
const FOREGROUND = 'foregroundDeletion';

export function garbageCollectorController(): Controller {
  const graph = new OwnerGraph();
  return {
    name: 'garbage-collector',
    watch(ev, enqueue, ctx) {
      if (ev.resource === 'events') return;
      const obj = ev.object;
      // the graph answers for a deletion (its dependents) and for an object with owners; writes of
      // ownerless objects (a fresh cluster's first pods) do not make it read the whole store yet,
      // and a later build reads the store as these writes left it
      if (ev.type === 'DELETED' || ev.old?.metadata.ownerReferences?.length || obj.metadata.ownerReferences?.length) graph.ensure(ctx.store);
      graph.observe(ev);
      if (ev.type === 'DELETED') {
        // its dependents may now be garbage
        if (obj.metadata.uid) for (const dep of graph.dependents(obj.metadata.uid)) enqueue(dep);
      } else {
        if (obj.metadata.ownerReferences?.length && (ev.type === 'ADDED' || refsChanged(ev.old, obj))) enqueue(itemKey(ev.resource, obj));
        if (obj.metadata.deletionTimestamp && hasFinalizer(obj, ORPHAN, FOREGROUND)) enqueue(itemKey(ev.resource, obj));
      }
      // an owner deleting in the foreground waits for this dependent (old references first; a
      // write that kept the same list, the common case, needs one pass)
      const before = ev.old?.metadata.ownerReferences;
      const after = obj.metadata.ownerReferences;
      if (before && before !== after) waitingOwners(ctx, graph, before, enqueue);
      if (after) waitingOwners(ctx, graph, after, enqueue);
    },
    sync(key, ctx) {
      graph.ensure(ctx.store);
      const { resource, namespace, name } = parseItemKey(key);
      const obj = ctx.store.get(resource, namespace, name);
      if (!obj) return;
      if (obj.metadata.deletionTimestamp) {
        if (hasFinalizer(obj, ORPHAN)) orphanDependents(ctx, graph, obj);
        const now = ctx.store.get(resource, namespace, name);
        if (now && hasFinalizer(now, FOREGROUND)) deleteDependentsFirst(ctx, graph, now);
        return;
      }
      attemptToDelete(ctx, graph, resource, obj);
    },
  };
}

function waitingOwners(ctx: ControllerContext, graph: OwnerGraph, refs: OwnerReference[], enqueue: (key: string) => void): void {
  for (const ref of refs) {
    const ownerKey = graph.keyOfUid(ref.uid);
    if (!ownerKey) continue;
    const { resource, namespace, name } = parseItemKey(ownerKey);
    const owner = ctx.store.get(resource, namespace, name);
    if (owner?.metadata.deletionTimestamp && hasFinalizer(owner, FOREGROUND)) enqueue(ownerKey);
  }
}

function hasFinalizer(obj: KubeObject, ...names: string[]): boolean {
  return (obj.metadata.finalizers ?? []).some((f) => names.includes(f));
}

function refsChanged(old: KubeObject | undefined, obj: KubeObject): boolean {
  return !jsonEqual(old?.metadata.ownerReferences ?? [], obj.metadata.ownerReferences ?? []);
}

function getItem(ctx: ControllerContext, key: string): { resource: string; obj: KubeObject } | undefined {
  const { resource, namespace, name } = parseItemKey(key);
  const obj = ctx.store.get(resource, namespace, name);
  return obj ? { resource, obj } : undefined;
}

/** Removes the owner from its dependents' ownerReferences, then the `orphan` finalizer. */
function orphanDependents(ctx: ControllerContext, graph: OwnerGraph, owner: KubeObject): void {
  const uid = owner.metadata.uid!;
  for (const dep of graph.dependents(uid)) {
    const item = getItem(ctx, dep);
    if (!item) continue;
    const next = clone(item.obj);
    const refs = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
    if (refs.length) next.metadata.ownerReferences = refs;
    else delete next.metadata.ownerReferences;
    tryApi(() => ctx.api.update(next));
  }
  tryApi(() => ctx.api.removeFinalizer(owner, ORPHAN));
}

/** processDeletingDependentsItem: delete the dependents; drop the finalizer when none blocks. */
function deleteDependentsFirst(ctx: ControllerContext, graph: OwnerGraph, owner: KubeObject): void {
  const uid = owner.metadata.uid!;
  for (const dep of graph.dependents(uid)) {
    const item = getItem(ctx, dep);
    if (item && !item.obj.metadata.deletionTimestamp) attemptToDelete(ctx, graph, item.resource, item.obj);
  }
  const blocking = graph.dependents(uid).some((dep) => {
    const item = getItem(ctx, dep);
    return item?.obj.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion === true);
  });
  if (!blocking) tryApi(() => ctx.api.removeFinalizer(owner, FOREGROUND));
}

type OwnerState = 'solid' | 'dangling' | 'waiting';

/** classifyReferences: an owner is gone (or another object with its name), deleting in the foreground, or there. */
function classify(ctx: ControllerContext, dependent: KubeObject, ref: OwnerReference): OwnerState {
  const info = resourceForKind(ref.apiVersion, ref.kind);
  if (!info) return 'solid'; // an unknown kind cannot be resolved: leave the dependent alone
  if (info.namespaced && !dependent.metadata.namespace) return 'dangling';
  const owner = ctx.store.get(info.resource, info.namespaced ? dependent.metadata.namespace : undefined, ref.name);
  if (!owner || owner.metadata.uid !== ref.uid) return 'dangling';
  if (owner.metadata.deletionTimestamp && hasFinalizer(owner, FOREGROUND)) return 'waiting';
  return 'solid';
}

/** attemptToDeleteItem for an object that is not being deleted. */
function attemptToDelete(ctx: ControllerContext, graph: OwnerGraph, resource: string, obj: KubeObject): void {
  const refs = obj.metadata.ownerReferences ?? [];
  if (!refs.length) return;
  const states = refs.map((r) => classify(ctx, obj, r));
  const { namespace, name } = obj.metadata;
  if (states.includes('solid')) {
    if (!states.includes('dangling') && !states.includes('waiting')) return;
    const next = clone(obj);
    next.metadata.ownerReferences = refs.filter((_, i) => states[i] === 'solid');
    tryApi(() => ctx.api.update(next));
    return;
  }
  let policy: 'Background' | 'Foreground' | 'Orphan' = 'Background';
  if (states.includes('waiting') && graph.hasDependents(obj.metadata.uid!)) policy = 'Foreground';
  else if (hasFinalizer(obj, ORPHAN)) policy = 'Orphan';
  else if (hasFinalizer(obj, FOREGROUND)) policy = 'Foreground';
  tryApi(() => ctx.api.delete(resource, namespace, name!, { propagationPolicy: policy }));
}

function tryApi(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
  }
}
