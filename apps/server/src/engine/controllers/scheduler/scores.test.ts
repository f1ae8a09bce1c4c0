// The score plugins with the numbers kube-scheduler v1.32 computes for the same requests and
// allocatable (noderesources/least_allocated.go, balanced_allocation.go, imagelocality,
// podtopologyspread/scoring.go), and ties broken by the cluster's seeded random source.
import { Node, Pod } from '../../api/types';
import { Cluster } from '../../cluster';
import { podInfo } from './filters';
import { NodeAggregate } from './node-cache';
import { Candidate, balancedAllocation, imageLocality, leastAllocated, scoreNodes, topologySpread } from './scores';

const Mi = 1024 * 1024;

function node(name: string, cpu: string, memory: string, extra: { labels?: Record<string, string>; taints?: Node['spec']['taints']; images?: { names: string[]; sizeBytes: number }[] } = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(extra.labels ?? {}) } },
    spec: { taints: extra.taints },
    status: { allocatable: { cpu, memory, pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }], images: extra.images },
  } as Node;
}

function agg(extra: Partial<NodeAggregate> = {}): NodeAggregate {
  return { pods: 0, cpu: 0, memory: 0, ephemeral: 0, scalar: {}, nonZeroCpu: 0, nonZeroMemory: 0, ports: [], owners: new Map(), podKeys: new Set(), ...extra };
}

function pod(requests?: { cpu?: string; memory?: string }, images: string[] = ['nginx'], spec: Partial<Pod['spec']> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: { containers: images.map((image, i) => ({ name: `c${i}`, image, ...(requests ? { resources: { requests } } : {}) })), ...spec },
  };
}

const cand = (n: Node, a: NodeAggregate = agg()): Candidate => ({ node: n, agg: a });
/** a kubeadm worker (2 CPUs, 3892004Ki) running flannel (100m, 50Mi) and kube-proxy (no requests) */
const worker = (name: string): Candidate =>
  cand(node(name, '2', '3892004Ki'), agg({ pods: 2, cpu: 100, memory: 50 * Mi, nonZeroCpu: 200, nonZeroMemory: 250 * Mi }));

describe('NodeResourcesFit LeastAllocated (cpu and memory, weight 1 each)', () => {
  it.each([
    // (allocatable - requested) * 100 / allocatable per resource, integer division, then their mean
    ['cpu 3000m memory 5000 on 4000m/10000', 37, pod({ cpu: '3000m', memory: '5000' }), cand(node('n', '4000m', '10000'))],
    ['the same on 6000m/10000', 50, pod({ cpu: '3000m', memory: '5000' }), cand(node('n', '6000m', '10000'))],
    ['a request over the allocatable scores 0 for that resource', 25, pod({ cpu: '5000m', memory: '5000' }), cand(node('n', '4000m', '10000'))],
    // no requests count as 100m and 200Mi (schedutil.DefaultMilliCPURequest, DefaultMemoryRequest), on the node too
    ['a best-effort pod on a kubeadm worker', 86, pod(), worker('node1')],
    ['a best-effort pod on an empty 4-CPU 8Gi node', 97, pod(), cand(node('n', '4', '8Gi'))],
  ])('%s: %i', (_what, score, p, c) => {
    expect(leastAllocated(podInfo(p), c)).toBe(score);
  });
});

describe('NodeResourcesBalancedAllocation (actual requests, v1.32: best-effort pods are scored too)', () => {
  it.each([
    // (1 - |cpu fraction - memory fraction| / 2) * 100, truncated
    ['cpu 3000m memory 5000 on 4000m/10000: 0.75 and 0.5', 87, pod({ cpu: '3000m', memory: '5000' }), cand(node('n', '4000m', '10000'))],
    ['the same on 6000m/10000: 0.5 and 0.5', 100, pod({ cpu: '3000m', memory: '5000' }), cand(node('n', '6000m', '10000'))],
    ['a fraction over 1 counts as 1', 62, pod({ memory: '2500' }), cand(node('n', '4000m', '10000'), agg({ cpu: 6000 }))],
    ['a best-effort pod on a kubeadm worker: 0.05 and 50Mi/3892004Ki', 98, pod(), worker('node1')],
    ['a best-effort pod on an empty node', 100, pod(), cand(node('n', '4', '8Gi'))],
  ])('%s: %i', (_what, score, p, c) => {
    expect(balancedAllocation(podInfo(p), c)).toBe(score);
  });
});

describe('PodTopologySpread with the system default constraints (hostname maxSkew 3, zone maxSkew 5)', () => {
  const owned = (n: number): NodeAggregate => agg({ owners: new Map(n ? [['rs-uid', n]] : []) });

  it('scores count * ln(nodes + 2) + 2 per node, rounded, then 100 * (max + min - s) / max', () => {
    // raw: round(2 * ln 5 + 2) = 5, round(2) = 2, round(ln 5 + 2) = 4
    const cs = [cand(node('a', '2', '4Gi'), owned(2)), cand(node('b', '2', '4Gi'), owned(0)), cand(node('c', '2', '4Gi'), owned(1))];
    expect(topologySpread('rs-uid', cs)).toEqual([40, 100, 60]);
  });

  it('adds the zone constraint on nodes with a zone label', () => {
    const zone = (z: string) => ({ labels: { 'topology.kubernetes.io/zone': z } });
    // raw: round(2 ln 5 + 2 + 2 ln 4 + 4) = 12, round(2 + 2 ln 4 + 4) = 9, round(ln 5 + 2 + ln 4 + 4) = 9
    const cs = [cand(node('a', '2', '4Gi', zone('z1')), owned(2)), cand(node('b', '2', '4Gi', zone('z1')), owned(0)), cand(node('c', '2', '4Gi', zone('z2')), owned(1))];
    expect(topologySpread('rs-uid', cs)).toEqual([75, 100, 100]);
  });

  it('with no pods of the owner anywhere every node scores 100; a pod without an owner is not spread', () => {
    const cs = [cand(node('a', '2', '4Gi'), owned(0)), cand(node('b', '2', '4Gi'), owned(0))];
    expect(topologySpread('rs-uid', cs)).toEqual([100, 100]);
    expect(topologySpread(undefined, cs)).toEqual([0, 0]);
  });
});

describe('ImageLocality', () => {
  const nginx = { names: ['docker.io/library/nginx@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a', 'docker.io/library/nginx:1.27'], sizeBytes: 500 * Mi };

  it('scales the size by the share of nodes that have it, between 23 MiB and 1000 MiB a container', () => {
    // 500 MiB on one node of two: 250 MiB, 100 * (250 - 23) / (1000 - 23) = 23
    expect(imageLocality(pod(undefined, ['docker.io/library/nginx:1.27']), [cand(node('a', '2', '4Gi', { images: [nginx] })), cand(node('b', '2', '4Gi'))])).toEqual([23, 0]);
    // on both: 100 * (500 - 23) / 977 = 48
    expect(imageLocality(pod(undefined, ['docker.io/library/nginx:1.27']), [cand(node('a', '2', '4Gi', { images: [nginx] })), cand(node('b', '2', '4Gi', { images: [nginx] }))])).toEqual([48, 48]);
    // two containers: the ceiling is 2000 MiB, 100 * (500 - 23) / 1977 = 24
    expect(imageLocality(pod(undefined, ['docker.io/library/nginx:1.27', 'busybox']), [cand(node('a', '2', '4Gi', { images: [nginx] })), cand(node('b', '2', '4Gi', { images: [nginx] }))])).toEqual([24, 24]);
  });

  it('matches names as the pod spells them (with :latest added when untagged), so `nginx` does not match docker.io/library/nginx', () => {
    const latest = { names: ['docker.io/library/nginx:latest'], sizeBytes: 500 * Mi };
    expect(imageLocality(pod(undefined, ['nginx']), [cand(node('a', '2', '4Gi', { images: [latest] })), cand(node('b', '2', '4Gi', { images: [latest] }))])).toEqual([0, 0]);
    expect(imageLocality(pod(undefined, ['docker.io/library/nginx']), [cand(node('a', '2', '4Gi', { images: [latest] })), cand(node('b', '2', '4Gi', { images: [latest] }))])).toEqual([48, 48]);
  });

  it('an image under 23 MiB scores nothing', () => {
    const small = { names: ['docker.io/library/busybox:1.37'], sizeBytes: 4 * Mi };
    expect(imageLocality(pod(undefined, ['docker.io/library/busybox:1.37']), [cand(node('a', '2', '4Gi', { images: [small] })), cand(node('b', '2', '4Gi', { images: [small] }))])).toEqual([0, 0]);
  });
});

describe('scoreNodes', () => {
  it('weighs TaintToleration 3, NodeAffinity 2, LeastAllocated 1, PodTopologySpread 2, BalancedAllocation 1, ImageLocality 1', () => {
    const p = pod(undefined, ['nginx'], { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 5, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } }] } } });
    const a = cand(node('a', '4', '8Gi', { labels: { disk: 'ssd' }, taints: [{ key: 'busy', value: 'yes', effect: 'PreferNoSchedule' }] }));
    const b = cand(node('b', '4', '8Gi'));
    // a: taint 0, affinity 100, least 97, spread 0, balanced 100, image 0
    // b: taint 100, affinity 0, least 97, spread 0, balanced 100, image 0
    expect(scoreNodes(podInfo(p), undefined, [a, b])).toEqual([3 * 0 + 2 * 100 + 97 + 100, 3 * 100 + 97 + 100]);
  });
});

describe('ties', () => {
  const T0 = Date.UTC(2026, 0, 1);
  const bare = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });

  /** a kubeadm cluster whose workers are alike (CoreDNS removed), then pods a..d without an owner */
  function placements(seed: number): string[] {
    const c = Cluster.create({ seed, start: T0 });
    c.at(T0 + 1000, () => c.api.delete('deployments', 'kube-system', 'coredns', {}));
    c.step(T0 + 60_000);
    expect(c.store.list('pods', 'kube-system').filter((p) => p.metadata.name!.startsWith('coredns-'))).toEqual([]);
    const names = ['a', 'b', 'c', 'd'];
    names.forEach((n, i) => c.at(T0 + 61_000 + i * 1000, () => c.api.create(bare(n))));
    c.step(T0 + 70_000);
    return names.map((n) => (c.store.get('pods', 'default', n) as Pod).spec.nodeName!);
  }

  it('are broken by the seeded random source: the same seed picks the same nodes, other seeds may pick others', () => {
    const runs = [1, 2, 3, 4, 5, 6, 7, 8].map(placements);
    for (const r of runs) {
      // a tie for a, then b goes where a is not (least allocated), and the same for c and d
      expect(new Set(r.slice(0, 2))).toEqual(new Set(['node1', 'node2']));
      expect(new Set(r.slice(2))).toEqual(new Set(['node1', 'node2']));
    }
    expect(placements(3)).toEqual(runs[2]);
    expect(new Set(runs.map((r) => r[0]))).toEqual(new Set(['node1', 'node2']));
  });
});
