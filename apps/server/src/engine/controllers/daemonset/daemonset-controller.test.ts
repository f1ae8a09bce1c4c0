import { Cluster } from '../../cluster';
import { DaemonSet, Node, Pod } from '../../api/types';
import { T0, get, messages, newCluster, podsOf } from '../replicaset/test-fixtures';
import { daemonSetHash } from './daemonset-controller';
import { nodeShouldRunDaemonPod, toleratesTaint } from './node-fit';

const S = 1000;

function daemonSet(name: string, spec: Partial<DaemonSet['spec']['template']['spec']> = {}): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'agent', image: 'busybox:1.36', command: ['sleep', '3600'] }], ...spec } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    },
  };
}

function nodesOf(c: Cluster, ds: DaemonSet): string[] {
  return podsOf(c, ds)
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0])
    .sort();
}

function editNode(c: Cluster, at: number, name: string, fn: (n: Node) => void): void {
  c.at(at, () => {
    const n = structuredClone(c.store.get('nodes', undefined, name) as Node);
    fn(n);
    c.api.update(n);
  });
}

describe('daemonset controller', () => {
  test('the system DaemonSets run one pod per node, pinned by node affinity, with the daemon tolerations', () => {
    const c = newCluster();
    const ds = get<DaemonSet>(c, 'daemonsets', 'kube-proxy', 'kube-system');
    const pods = podsOf(c, ds);
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['master', 'node1', 'node2']);
    const pod = pods.find((p) => p.spec.nodeName === 'node1')!;
    expect(pod.metadata.name).toMatch(/^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.metadata.labels).toEqual({ 'k8s-app': 'kube-proxy', 'controller-revision-hash': daemonSetHash(ds), 'pod-template-generation': '1' });
    expect(pod.spec.affinity).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] }] } } });
    expect(pod.spec.tolerations).toEqual([
      { operator: 'Exists' },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(get<DaemonSet>(c, 'daemonsets', 'kube-proxy', 'kube-system').status).toEqual({
      currentNumberScheduled: 3,
      numberMisscheduled: 0,
      desiredNumberScheduled: 3,
      numberReady: 3,
      observedGeneration: 1,
      updatedNumberScheduled: 3,
      numberAvailable: 3,
    });
  });

  test('a DaemonSet without tolerations skips the tainted control plane; SuccessfulCreate events', () => {
    const c = newCluster();
    const ds = c.at(T0, () => c.api.create(daemonSet('agent'))) as DaemonSet;
    expect(nodesOf(c, ds)).toEqual(['node1', 'node2']);
    expect(messages(c, ds, 'SuccessfulCreate')).toHaveLength(2);
    expect(messages(c, ds, 'SuccessfulCreate')[0]).toMatch(/^Created pod: agent-[a-z0-9]{5}$/);
    expect(get<DaemonSet>(c, 'daemonsets', 'agent').status).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 0 });
  });

  test('nodeSelector: labelling a node adds its pod, unlabelling removes it', () => {
    // not frozen: a Node update through the API server re-defaults the stored status in place
    const c = newCluster(undefined, false);
    const ds = c.at(T0, () => c.api.create(daemonSet('disk', { nodeSelector: { disk: 'ssd' } }))) as DaemonSet;
    expect(nodesOf(c, ds)).toEqual([]);
    editNode(c, T0 + S, 'node2', (n) => {
      n.metadata.labels = { ...n.metadata.labels, disk: 'ssd' };
    });
    expect(nodesOf(c, ds)).toEqual(['node2']);
    editNode(c, T0 + 2 * S, 'node2', (n) => {
      delete n.metadata.labels!.disk;
    });
    expect(nodesOf(c, ds)).toEqual([]);
    expect(messages(c, ds, 'SuccessfulDelete')).toHaveLength(1);
  });

  test('a deleted daemon pod is replaced on the same node', () => {
    const c = newCluster();
    const ds = c.at(T0, () => c.api.create(daemonSet('agent'))) as DaemonSet;
    c.step(T0 + 30 * S);
    const victim = podsOf(c, ds).find((p) => p.spec.nodeName === 'node1')!;
    c.at(T0 + 31 * S, () => c.api.delete('pods', 'default', victim.metadata.name!));
    expect(nodesOf(c, ds)).toEqual(['node1', 'node2']);
  });

  test('a rolling update replaces one node at a time (maxUnavailable 1)', () => {
    const c = newCluster();
    const ds = c.at(T0, () => c.api.create(daemonSet('agent'))) as DaemonSet;
    c.step(T0 + 60 * S);
    const before = podsOf(c, ds).map((p) => p.metadata.name);
    c.at(T0 + 61 * S, () => {
      const cur = structuredClone(get<DaemonSet>(c, 'daemonsets', 'agent'));
      cur.spec.template.spec.containers[0].image = 'busybox:1.37';
      c.api.update(cur);
    });
    const terminating = podsOf(c, ds).filter((p) => p.metadata.deletionTimestamp);
    expect(terminating).toHaveLength(1);
    for (let t = T0 + 62 * S; t < T0 + 400 * S; t += 5 * S) {
      c.step(t);
      const live = podsOf(c, ds).filter((p) => !p.metadata.deletionTimestamp);
      const unavailable = 2 - live.filter((p) => p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')).length;
      expect(unavailable).toBeLessThanOrEqual(1);
    }
    const hash = daemonSetHash(get<DaemonSet>(c, 'daemonsets', 'agent'));
    const after = podsOf(c, ds) as Pod[];
    expect(after).toHaveLength(2);
    expect(after.every((p) => p.metadata.labels?.['controller-revision-hash'] === hash)).toBe(true);
    expect(after.some((p) => before.includes(p.metadata.name))).toBe(false);
    expect(get<DaemonSet>(c, 'daemonsets', 'agent').status).toMatchObject({ updatedNumberScheduled: 2, numberAvailable: 2 });
  });
});

describe('node fit', () => {
  const node = (taints: Node['spec']['taints'], labels: Record<string, string> = {}): Node => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels }, spec: { taints } });
  test.each([
    [{ key: 'a', operator: 'Exists' as const }, { key: 'a', value: 'x', effect: 'NoSchedule' as const }, true],
    [{ key: 'a', value: 'x' }, { key: 'a', value: 'x', effect: 'NoSchedule' as const }, true],
    [{ key: 'a', value: 'y' }, { key: 'a', value: 'x', effect: 'NoSchedule' as const }, false],
    [{ operator: 'Exists' as const }, { key: 'b', effect: 'NoExecute' as const }, true],
    [{ key: 'a', operator: 'Exists' as const, effect: 'NoExecute' as const }, { key: 'a', effect: 'NoSchedule' as const }, false],
  ])('toleration %j vs taint %j → %s', (t, taint, want) => {
    expect(toleratesTaint(t, taint)).toBe(want);
  });

  test('NoSchedule stops new pods but lets running ones stay; NoExecute evicts', () => {
    const spec = { containers: [] };
    expect(nodeShouldRunDaemonPod(spec, node([{ key: 'k', effect: 'NoSchedule' }]))).toEqual({ shouldRun: false, shouldContinue: true });
    expect(nodeShouldRunDaemonPod(spec, node([{ key: 'k', effect: 'NoExecute' }]))).toEqual({ shouldRun: false, shouldContinue: false });
    expect(nodeShouldRunDaemonPod(spec, node([{ key: 'k', effect: 'PreferNoSchedule' }]))).toEqual({ shouldRun: true, shouldContinue: true });
  });

  test('required node affinity', () => {
    const spec = { containers: [], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } } };
    expect(nodeShouldRunDaemonPod(spec, node([], { zone: 'a' })).shouldRun).toBe(true);
    expect(nodeShouldRunDaemonPod(spec, node([], { zone: 'b' })).shouldRun).toBe(false);
  });
});
