// The live picture's data: pods inside their nodes with phase and kubectl's STATUS, pods without
// a node, services with the pods their selector matches (same namespace, every label).
import type { KubeObject } from '../engine/api/types';
import { clusterPicture } from './cluster-picture';

const node = (name: string, ready: boolean, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
  spec: {},
  status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

const pod = (namespace: string, name: string, opts: { node?: string; phase?: string; labels?: Record<string, string>; waiting?: string } = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { namespace, name, labels: opts.labels ?? {} },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...(opts.node ? { nodeName: opts.node } : {}) },
  status: {
    phase: opts.phase ?? 'Running',
    containerStatuses: [
      opts.waiting
        ? { name: 'c', ready: false, restartCount: 0, image: 'nginx', imageID: '', state: { waiting: { reason: opts.waiting } } }
        : { name: 'c', ready: true, restartCount: 2, image: 'nginx', imageID: '', state: { running: { startedAt: '2026-01-01T00:00:00Z' } } },
    ],
  },
});

const service = (namespace: string, name: string, selector?: Record<string, string>, type = 'ClusterIP'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { namespace, name },
  spec: { type, clusterIP: '10.96.0.20', ports: [{ port: 80, protocol: 'TCP', ...(type === 'NodePort' ? { nodePort: 30080 } : {}) }], ...(selector ? { selector } : {}) },
});

describe('clusterPicture', () => {
  const picture = clusterPicture(
    7,
    [node('node1', true), node('master', true, { 'node-role.kubernetes.io/control-plane': '' }), node('node2', false)],
    [
      pod('default', 'web-b', { node: 'node1', labels: { app: 'web', tier: 'front' } }),
      pod('default', 'web-a', { node: 'node2', labels: { app: 'web' } }),
      pod('default', 'pulling', { node: 'node1', phase: 'Pending', labels: { app: 'web', tier: 'front' }, waiting: 'ContainerCreating' }),
      pod('shop', 'web-c', { node: 'node1', labels: { app: 'web', tier: 'front' } }),
      pod('default', 'lost', { phase: 'Pending' }),
      pod('kube-system', 'coredns-x', { node: 'master', labels: { 'k8s-app': 'kube-dns' } }),
    ],
    [service('default', 'front', { app: 'web', tier: 'front' }, 'NodePort'), service('default', 'kubernetes'), service('default', 'nobody', { app: 'db' })],
  );

  it('puts each pod in its node, nodes and pods in name order, with roles and readiness', () => {
    expect(picture.version).toBe(7);
    expect(picture.nodes.map((n) => [n.name, n.status, n.ready, n.roles])).toEqual([
      ['master', 'Ready', true, 'control-plane'],
      ['node1', 'Ready', true, '<none>'],
      ['node2', 'NotReady', false, '<none>'],
    ]);
    expect(picture.nodes[1].pods.map((p) => p.key)).toEqual(['default/pulling', 'default/web-b', 'shop/web-c']);
    expect(picture.nodes[0].pods[0]).toMatchObject({ name: 'coredns-x', system: true });
  });

  it("shows each pod's phase and kubectl's STATUS, ready count and restarts", () => {
    const [pulling, webB] = picture.nodes[1].pods;
    expect(pulling).toMatchObject({ phase: 'Pending', status: 'ContainerCreating', ready: '0/1', restarts: 0 });
    expect(webB).toMatchObject({ phase: 'Running', status: 'Running', ready: '1/1', restarts: 2, labels: [{ key: 'app', value: 'web' }, { key: 'tier', value: 'front' }] });
  });

  it('lists pods without a node apart', () => {
    expect(picture.unscheduled.map((p) => p.key)).toEqual(['default/lost']);
  });

  it("links services to the pods of their namespace that carry every label of the selector", () => {
    const front = picture.services.find((s) => s.name === 'front')!;
    expect(front).toMatchObject({ type: 'NodePort', ports: '80:30080/TCP', system: false });
    expect(front.pods).toEqual(['default/pulling', 'default/web-b']);
    expect(picture.services.find((s) => s.name === 'nobody')!.pods).toEqual([]);
    expect(picture.services.find((s) => s.name === 'kubernetes')).toMatchObject({ selector: [], pods: [], system: true });
    expect(picture.ownServices).toBe(2);
  });
});
