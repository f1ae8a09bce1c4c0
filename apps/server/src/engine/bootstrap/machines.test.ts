// A node's allocatable is its capacity less what the kubelet reserves: with kubeadm's defaults no
// system or kube reservation, only the hard eviction thresholds (memory.available<100Mi,
// nodefs.available<10%, the percentage a float32 as in the kubelet's GetThresholdQuantity).
import { Cluster } from '../cluster';
import { Node } from '../api/types';

const ki = (q: string): number => Number(q.replace(/Ki$/, '')) * 1024;

describe('node capacity and allocatable', () => {
  it('allocatable is capacity less the hard eviction thresholds, on every node', () => {
    const c = Cluster.create({ seed: 1, start: Date.UTC(2026, 0, 1) });
    for (const node of c.store.list('nodes') as Node[]) {
      const { capacity, allocatable } = node.status as { capacity: Record<string, string>; allocatable: Record<string, string> };
      const disk = ki(capacity['ephemeral-storage']);
      expect(Number(allocatable['ephemeral-storage'])).toBe(disk - Math.trunc(disk * Math.fround(0.1)));
      expect(ki(allocatable.memory)).toBe(ki(capacity.memory) - 100 * 1024 * 1024);
      expect([allocatable.cpu, allocatable.pods]).toEqual([capacity.cpu, capacity.pods]);
    }
    // a real pair, for the formula itself: 20134592Ki gives 18556039957
    expect(20134592 * 1024 - Math.trunc(20134592 * 1024 * Math.fround(0.1))).toBe(18556039957);
  });
});
