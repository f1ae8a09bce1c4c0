// The bridge from kubectl to the kubelet's container logs.

import type { Cluster } from '../cluster';

/** Log lines of a container (current run), oldest first. */
export function containerLogLines(cluster: Cluster, namespace: string, pod: string, container: string): string[] {
  void cluster;
  void namespace;
  void pod;
  void container;
  return [];
}
