// Placeholder, filled below.
import type { Cluster } from '../cluster';
export function containerOutputReady(cluster: Cluster, namespace: string, pod: string, container: string): void {
  void cluster; void namespace; void pod; void container;
}
