// What the containers' code (their file systems, the network, the clients on it) reads and
// changes of a cluster: its API, the runtime (volume contents, kube-proxy's rotation, the
// containers' logs), its configuration, random source and time, and the controllers' queues. A
// Cluster is one; so is a controller's context, for the kubelet starting a container whose main
// process is a network client.

import type { Cluster } from '../cluster';

export type ClusterView = Pick<Cluster, 'api' | 'store' | 'runtime' | 'config' | 'rng' | 'now' | 'enqueue'>;

/** a controller's context as the cluster at `at` (the kubelet may apply an instant already past) */
export function viewAt(ctx: Omit<ClusterView, 'now'>, at: number): ClusterView {
  return { api: ctx.api, store: ctx.store, runtime: ctx.runtime, config: ctx.config, rng: ctx.rng, now: at, enqueue: (c, k) => ctx.enqueue(c, k) };
}
