// How a door sees cluster objects and their changes: names and a one-word status, the full
// object only where asked for.
import type { WatchEvent } from '../engine/api/store';
import type { KubeObject } from '../engine/api/types';

export interface ObjectView {
  resource: string;
  kind: string;
  namespace?: string;
  name: string;
  resourceVersion: string;
  /** A short status: a pod's phase, a deployment's ready/desired, a node's Ready condition. */
  status?: string;
  object?: KubeObject;
}

export interface ChangeView extends ObjectView {
  type: WatchEvent['type'];
}

export function objectView(resource: string, obj: KubeObject, full = false): ObjectView {
  const md = obj.metadata;
  const v: ObjectView = { resource, kind: obj.kind, name: md.name ?? '', resourceVersion: md.resourceVersion ?? '' };
  if (md.namespace) v.namespace = md.namespace;
  const status = summarize(obj);
  if (status !== undefined) v.status = status;
  if (full) v.object = obj;
  return v;
}

export function changeView(ev: WatchEvent): ChangeView {
  return { type: ev.type, ...objectView(ev.resource, ev.object) };
}

function summarize(obj: KubeObject): string | undefined {
  const o = obj as unknown as { spec?: Record<string, unknown>; status?: Record<string, unknown> };
  switch (obj.kind) {
    case 'Pod':
      return typeof o.status?.phase === 'string' ? o.status.phase : undefined;
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
      return `${Number(o.status?.readyReplicas ?? 0)}/${Number(o.spec?.replicas ?? 1)}`;
    case 'Node': {
      const conds = (o.status?.conditions ?? []) as { type: string; status: string }[];
      const ready = conds.find((c) => c.type === 'Ready');
      return ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : undefined;
    }
    default:
      return undefined;
  }
}
