import { Node, Pod } from '../../api/types';
import { FilterStatus, filterNode, podInfo } from './filters';
import { NodeAggregate } from './node-cache';
import { fitErrorMessage, preemptionMessage, reasonHistogram } from './fit-error';
import { milliValue, intValue } from './quantity';

function node(name: string, extra: { labels?: Record<string, string>; taints?: Node['spec']['taints']; unschedulable?: boolean; ready?: string; cpu?: string; pods?: string } = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(extra.labels ?? {}) } },
    spec: { taints: extra.taints, unschedulable: extra.unschedulable },
    status: {
      allocatable: { cpu: extra.cpu ?? '2', memory: '3892004Ki', pods: extra.pods ?? '110', 'ephemeral-storage': '28937218820' },
      conditions: [{ type: 'Ready', status: (extra.ready ?? 'True') as 'True' }],
    },
  };
}

function pod(spec: Partial<Pod['spec']> = {}): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } };
}

function agg(extra: Partial<NodeAggregate> = {}): NodeAggregate {
  return { pods: 0, cpu: 0, memory: 0, ephemeral: 0, scalar: {}, nonZeroCpu: 0, nonZeroMemory: 0, ports: [], owners: new Map(), podKeys: new Set(), ...extra };
}

function run(p: Pod, n: Node, a: NodeAggregate = agg()): FilterStatus | undefined {
  return filterNode(podInfo(p), n, a);
}

const cpuPod = (cpu: string): Pod => pod({ containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }] });
const hostPortPod = pod({ containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] }] });

describe('filterNode', () => {
  const cases: [string, Pod, Node, NodeAggregate | undefined, FilterStatus | undefined][] = [
    ['fits an empty Ready node', pod(), node('n'), undefined, undefined],
    ['cordoned node', pod(), node('n', { unschedulable: true }), undefined, { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] }],
    [
      'cordoned node tolerated',
      pod({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }),
      node('n', { unschedulable: true }),
      undefined,
      undefined,
    ],
    [
      'control-plane taint',
      pod(),
      node('master', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
      undefined,
      { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] },
    ],
    [
      'taint with a value',
      pod({ tolerations: [{ key: 'gpu', operator: 'Equal', value: 'no', effect: 'NoSchedule' }] }),
      node('n', { taints: [{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }] }),
      undefined,
      { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {gpu: yes}'] },
    ],
    ['tolerate everything', pod({ tolerations: [{ operator: 'Exists' }] }), node('n', { taints: [{ key: 'x', effect: 'NoExecute' }] }), undefined, undefined],
    ['PreferNoSchedule does not filter', pod(), node('n', { taints: [{ key: 'x', effect: 'PreferNoSchedule' }] }), undefined, undefined],
    ['NotReady node without its taint yet', pod(), node('n', { ready: 'False' }), undefined, { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node.kubernetes.io/not-ready: }'] }],
    [
      'unreachable node tolerated for NoExecute only',
      pod({ tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] }),
      node('n', { ready: 'Unknown' }),
      undefined,
      { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node.kubernetes.io/unreachable: }'] },
    ],
    ['nodeSelector match', pod({ nodeSelector: { disk: 'ssd' } }), node('n', { labels: { disk: 'ssd' } }), undefined, undefined],
    ['nodeSelector mismatch', pod({ nodeSelector: { disk: 'ssd' } }), node('n'), undefined, { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"] }],
    [
      'required affinity matchFields metadata.name',
      pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n'] }] }] } } } }),
      node('n'),
      undefined,
      undefined,
    ],
    [
      'required affinity matchFields other node',
      pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['other'] }] }] } } } }),
      node('n'),
      undefined,
      { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"] },
    ],
    [
      'required affinity terms are ORed, expressions ANDed',
      pod({
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }, { key: 'disk', operator: 'Exists' }] },
                { matchExpressions: [{ key: 'size', operator: 'Gt', values: ['3'] }] },
              ],
            },
          },
        },
      }),
      node('n', { labels: { size: '4' } }),
      undefined,
      undefined,
    ],
    ['cpu fits', cpuPod('1'), node('n'), agg({ cpu: 1000 }), undefined],
    ['cpu does not fit', cpuPod('1500m'), node('n'), agg({ cpu: 1000 }), { code: 'Unschedulable', reasons: ['Insufficient cpu'] }],
    [
      'cpu and memory do not fit',
      pod({ containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '3', memory: '8Gi' } } }] }),
      node('n'),
      undefined,
      { code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory'] },
    ],
    ['too many pods', pod(), node('n', { pods: '110' }), agg({ pods: 110 }), { code: 'Unschedulable', reasons: ['Too many pods'] }],
    ['host port free', hostPortPod, node('n'), undefined, undefined],
    [
      'host port taken',
      hostPortPod,
      node('n'),
      agg({ ports: [{ ip: '0.0.0.0', protocol: 'TCP', port: 8080 }] }),
      { code: 'Unschedulable', reasons: ["node(s) didn't have free ports for the requested pod ports"] },
    ],
    ['same host port, other protocol', hostPortPod, node('n'), agg({ ports: [{ ip: '0.0.0.0', protocol: 'UDP', port: 8080 }] }), undefined],
  ];
  test.each(cases)('%s', (_name, p, n, a, want) => {
    expect(run(p, n, a ?? agg())).toEqual(want);
  });
});

describe('FailedScheduling text', () => {
  test('histogram counts and sorts reasons as strings', () => {
    expect(reasonHistogram([['Insufficient cpu'], ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'], ['Insufficient cpu']])).toBe(
      '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu',
    );
  });
  test('filter reasons plus the preemption message', () => {
    const reasons = [['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'], ['Insufficient cpu'], ['Insufficient cpu']];
    const post = preemptionMessage(3, [['Preemption is not helpful for scheduling'], ['No preemption victims found for incoming pod'], ['No preemption victims found for incoming pod']]);
    expect(fitErrorMessage({ numAllNodes: 3, reasonsPerNode: reasons, postFilterMsg: post })).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });
  test('a pre-filter rejection replaces the node reasons', () => {
    const post = preemptionMessage(3, [['Preemption is not helpful for scheduling'], ['Preemption is not helpful for scheduling'], ['Preemption is not helpful for scheduling']]);
    expect(fitErrorMessage({ numAllNodes: 3, preFilterMsg: 'pod has unbound immediate PersistentVolumeClaims', postFilterMsg: post })).toBe(
      '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });
});

describe('quantities', () => {
  test.each([
    ['100m', 100],
    ['0.1', 100],
    ['1', 1000],
    ['1.5', 1500],
    ['2', 2000],
  ])('cpu %s = %d millicores', (q, want) => expect(milliValue(q)).toBe(want));
  test.each([
    ['3892004Ki', 3892004 * 1024],
    ['200Mi', 200 * 1024 * 1024],
    ['1G', 1e9],
    ['1e3', 1000],
    ['128974848', 128974848],
  ])('%s = %d bytes', (q, want) => expect(intValue(q)).toBe(want));
});
