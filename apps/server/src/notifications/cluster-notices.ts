// Which changes of a cluster are worth a student's attention outside the terminal: a container
// that starts crash-looping, a Deployment whose rollout completes, a node that goes NotReady (a
// drill, or a kubelet the student stopped) and comes back. Pure: watch events in, facts out; the
// bot words them in the student's language.
import type { WatchEvent } from '../engine/api/store';

export type NoticeKind = 'crashLoop' | 'rolloutDone' | 'nodeNotReady' | 'nodeReady';

export interface Notice {
  kind: NoticeKind;
  namespace?: string;
  name: string;
  container?: string;
  restarts?: number;
  replicas?: number;
  /** Two notices with one key are one event seen twice (a crash loop cycles, a rollout flaps). */
  key: string;
}

interface ContainerStatus {
  name: string;
  restartCount?: number;
  state?: { waiting?: { reason?: string } };
}

interface Loose {
  metadata: { name?: string; namespace?: string; uid?: string; generation?: number };
  spec?: { replicas?: number };
  status?: {
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
    conditions?: { type: string; status: string }[];
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
  };
}

export function noticesOf(events: readonly WatchEvent[]): Notice[] {
  const out: Notice[] = [];
  for (const ev of events) {
    if (ev.type === 'DELETED') continue;
    const obj = ev.object as unknown as Loose;
    const old = ev.old as unknown as Loose | undefined;
    if (ev.resource === 'pods') out.push(...crashLoops(obj, old));
    else if (ev.resource === 'deployments') out.push(...rollout(obj, old));
    else if (ev.resource === 'nodes') out.push(...nodeReady(obj, old));
  }
  return out;
}

const CRASH = 'CrashLoopBackOff';

function crashLoops(pod: Loose, old: Loose | undefined): Notice[] {
  const before = new Map([...(old?.status?.containerStatuses ?? []), ...(old?.status?.initContainerStatuses ?? [])].map((c) => [c.name, c]));
  const now = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  return now
    .filter((c) => c.state?.waiting?.reason === CRASH && before.get(c.name)?.state?.waiting?.reason !== CRASH)
    .map((c) => ({ kind: 'crashLoop', namespace: pod.metadata.namespace, name: pod.metadata.name ?? '', container: c.name, restarts: c.restartCount ?? 0, key: `pod/${pod.metadata.uid}/${c.name}` }));
}

function complete(d: Loose | undefined): boolean {
  if (!d?.status) return false;
  const want = d.spec?.replicas ?? 1;
  const s = d.status;
  return (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) && s.updatedReplicas === want && s.replicas === want && s.availableReplicas === want;
}

function rollout(d: Loose, old: Loose | undefined): Notice[] {
  if (!complete(d) || complete(old)) return [];
  return [{ kind: 'rolloutDone', namespace: d.metadata.namespace, name: d.metadata.name ?? '', replicas: d.spec?.replicas ?? 1, key: `deployment/${d.metadata.uid}/${d.metadata.generation}` }];
}

function readyOf(n: Loose | undefined): string | undefined {
  return n?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
}

function nodeReady(n: Loose, old: Loose | undefined): Notice[] {
  const was = readyOf(old);
  const is = readyOf(n);
  const name = n.metadata.name ?? '';
  if (was === 'True' && is !== undefined && is !== 'True') return [{ kind: 'nodeNotReady', name, key: `node/${name}` }];
  if (was !== undefined && was !== 'True' && is === 'True') return [{ kind: 'nodeReady', name, key: `node/${name}` }];
  return [];
}

/**
 * Lets each event through once: a crash loop once per container, a rollout once per generation;
 * a node's recovery only after its NotReady was told (a node joining is not "Ready again").
 */
export class NoticeFilter {
  private readonly told = new Map<string, NoticeKind>();

  constructor(private readonly max = 10_000) {}

  take(clusterId: string, n: Notice): boolean {
    const key = `${clusterId}/${n.key}`;
    const last = this.told.get(key);
    if (n.kind === 'nodeReady' ? last !== 'nodeNotReady' : last === n.kind) return false;
    this.told.delete(key);
    this.told.set(key, n.kind);
    // Oldest first in a Map: forget the oldest when full.
    if (this.told.size > this.max) this.told.delete(this.told.keys().next().value as string);
    return true;
  }
}
