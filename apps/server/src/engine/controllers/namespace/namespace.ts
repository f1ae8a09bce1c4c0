// The namespace lifecycle controller: a namespace with a deletionTimestamp has everything in it
// deleted (every namespaced resource, as the real deleter walks discovery), reports how far it
// got in its status conditions, and once nothing is left drops the `kubernetes` finalizer, at
// which point the API server removes it. Pods take as long as their kubelets take to stop them.

import { RESOURCES, qualifiedResource } from '../../api/resources';
import { clone } from '../../api/store';
import { Condition, KubeObject, Namespace } from '../../api/types';
import { rfc3339 } from '../../time';
import { Controller, ControllerContext } from '../controller';

const FINALIZER = 'kubernetes';

/** The resources the deleter empties; events go last so the teardown's own events are swept up. */
const NAMESPACED = [...RESOURCES.filter((r) => r.namespaced && r.resource !== 'events'), ...RESOURCES.filter((r) => r.resource === 'events')];

interface Remaining {
  /** `pods has 2 resource instances` per resource */
  resources: string[];
  /** `kubernetes.io/pvc-protection in 1 resource instances` per finalizer */
  finalizers: string[];
}

export function namespaceController(): Controller {
  return {
    name: 'namespace',
    watch(ev, enqueue, ctx) {
      if (ev.resource === 'namespaces') {
        if (ev.type !== 'DELETED' && (ev.object as Namespace).metadata.deletionTimestamp) enqueue(ev.object.metadata.name!);
        return;
      }
      // something in a terminating namespace changed or went: look again
      const ns = ev.object.metadata.namespace;
      if (!ns) return;
      const owner = ctx.store.get('namespaces', undefined, ns);
      if (owner?.metadata.deletionTimestamp) enqueue(ns);
    },
    sync(name, ctx) {
      const ns = ctx.store.get('namespaces', undefined, name) as Namespace | undefined;
      if (!ns?.metadata.deletionTimestamp) return;
      deleteContent(ctx, name);
      const remaining = remainingContent(ctx, name);
      const current = reportConditions(ctx, ns, remaining);
      if (remaining.resources.length) return;
      finalize(ctx, current);
    },
  };
}

function deleteContent(ctx: ControllerContext, ns: string): void {
  for (const info of NAMESPACED) {
    for (const obj of ctx.store.list(info.resource, ns)) {
      if (obj.metadata.deletionTimestamp && info.resource !== 'pods') continue;
      try {
        ctx.api.delete(info.resource, ns, obj.metadata.name!, { propagationPolicy: 'Background' });
      } catch {
        // already gone: a finalizer removal or the garbage collector got there first
      }
    }
  }
}

function remainingContent(ctx: ControllerContext, ns: string): Remaining {
  const resources: string[] = [];
  const finalizerCounts = new Map<string, number>();
  for (const info of NAMESPACED) {
    const items: KubeObject[] = ctx.store.list(info.resource, ns);
    if (!items.length) continue;
    resources.push(`${qualifiedResource(info)} has ${items.length} resource instances`);
    for (const o of items) for (const f of o.metadata.finalizers ?? []) finalizerCounts.set(f, (finalizerCounts.get(f) ?? 0) + 1);
  }
  resources.sort();
  const finalizers = [...finalizerCounts].map(([f, n]) => `${f} in ${n} resource instances`).sort();
  return { resources, finalizers };
}

function deletionConditions(r: Remaining): Omit<Condition, 'lastTransitionTime'>[] {
  return [
    { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
    { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
    { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
    r.resources.length
      ? { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${r.resources.join(', ')}` }
      : { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
    r.finalizers.length
      ? { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${r.finalizers.join(', ')}` }
      : { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
  ];
}

/** Writes the deletion conditions when they change; a condition keeps its time until its status does. */
function reportConditions(ctx: ControllerContext, ns: Namespace, r: Remaining): Namespace {
  const now = rfc3339(ctx.now);
  const old = ns.status?.conditions ?? [];
  const conditions: Condition[] = deletionConditions(r).map((c) => {
    const prev = old.find((o) => o.type === c.type);
    return { ...c, lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : now };
  });
  const same = conditions.length === old.length && conditions.every((c, i) => c.type === old[i].type && c.status === old[i].status && c.reason === old[i].reason && c.message === old[i].message);
  if (same) return ns;
  const next = clone(ns);
  next.status = { phase: 'Terminating', conditions };
  // straight to the store: ApiServer.update removes any object that has a deletionTimestamp and
  // no metadata.finalizers, while a namespace stays until its spec.finalizers are empty too
  return ctx.store.put('namespaces', next) as Namespace;
}

/** The finalize subresource: without its `kubernetes` finalizer the namespace is removed. */
function finalize(ctx: ControllerContext, ns: Namespace): void {
  const next = clone(ns);
  next.spec = { ...(next.spec ?? {}), finalizers: (next.spec?.finalizers ?? []).filter((f) => f !== FINALIZER) };
  if (!next.spec.finalizers!.length) delete next.spec.finalizers;
  if (next.spec.finalizers?.length || next.metadata.finalizers?.length) {
    ctx.api.update(next);
    return;
  }
  ctx.store.remove('namespaces', undefined, ns.metadata.name!);
}
