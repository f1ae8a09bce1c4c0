// What the kubelets keep rewriting, as a reader sees it at the command's time. The engine does not
// write a node's heartbeat every 5 minutes nor its Lease every 10 s (a write each would wake every
// watcher for nothing); kubectl's reads compute the latest of them from the machine's state.

import type { Cluster } from '../cluster';
import { clone } from '../api/store';
import type { KubeObject, Node } from '../api/types';
import { currentRenewTime, microTime } from '../bootstrap/lease';
import { parseTime, rfc3339 } from '../time';

/** nodeStatusReportFrequency: an unchanged status is re-posted this often */
const NODE_STATUS_REPORT_MS = 5 * 60_000;

/** The object as its kubelet would have left it by `now`: a Node's heartbeats, a node's Lease. */
export function kubeletView(cluster: Cluster, obj: KubeObject, now: number): KubeObject {
  if (obj.kind === 'Node') return heartbeatView(cluster, obj as Node, now);
  if (obj.kind === 'Lease' && obj.metadata.namespace === 'kube-node-lease') return renewedLease(cluster, obj, now);
  return obj;
}

/** Until when the node's kubelet has been posting: now while it runs, else when it stopped. */
function postingUntil(cluster: Cluster, node: string, now: number): { registered: number; until: number } | undefined {
  const machine = cluster.runtime.machines[node];
  const registered = parseTime((cluster.store.get('nodes', undefined, node) as Node | undefined)?.metadata.creationTimestamp);
  if (!machine || Number.isNaN(registered)) return undefined;
  const running = machine.kubeletRunning && machine.poweredOn;
  const until = running ? now : machine.kubeletStoppedAt;
  return until === undefined ? undefined : { registered, until };
}

/** A node's conditions with the heartbeat its kubelet re-posts every 5 minutes even unchanged. */
function heartbeatView(cluster: Cluster, node: Node, now: number): Node {
  const posting = postingUntil(cluster, node.metadata.name!, now);
  if (!posting) return node;
  const beat = posting.registered + Math.floor((posting.until - posting.registered) / NODE_STATUS_REPORT_MS) * NODE_STATUS_REPORT_MS;
  const stale = (node.status?.conditions ?? []).some((c) => beat > parseTime(c.lastHeartbeatTime));
  if (!stale) return node;
  const out = clone(node);
  for (const c of out.status?.conditions ?? []) {
    if (beat > parseTime(c.lastHeartbeatTime)) c.lastHeartbeatTime = rfc3339(beat);
  }
  return out;
}

/** A node's Lease as its kubelet keeps it: renewed every 10 s while the kubelet runs. */
function renewedLease(cluster: Cluster, lease: KubeObject, now: number): KubeObject {
  const posting = postingUntil(cluster, lease.metadata.name!, now);
  if (!posting) return lease;
  const renewed = currentRenewTime(posting.registered, posting.until);
  if (renewed <= parseTime(lease.spec?.renewTime)) return lease;
  const out = clone(lease);
  out.spec.renewTime = microTime(renewed);
  return out;
}
