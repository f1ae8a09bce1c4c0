// The bridge from kubectl to the kubelet's container logs (`kubectl run -i` streams them).

import type { Cluster } from '../cluster';
import { kubeletSection } from '../controllers/kubelet/runtime-state';
import { runLines } from '../controllers/kubelet/logs';

/** Log lines of a container (current run), oldest first. */
export function containerLogLines(cluster: Cluster, namespace: string, pod: string, container: string): string[] {
  const rt = kubeletSection(cluster.runtime).pods[`${namespace}/${pod}`]?.containers.find((c) => c.name === container);
  const run = rt?.current ?? rt?.previous;
  if (!run) return [];
  return runLines(run, cluster.now).map(([, text]) => text);
}
